import SightlineModel
import SightlineNetwork
import SightlineStore
import Testing

/// Filters and evidence weights, worked by hand.
struct NetworkFilterTests {
    func item(_ agency: String, _ ref: String, _ recorded: String, _ grade: String, _ system: String = "3x5x2") -> Citation {
        let g = try! Grade(parsing: grade, conditions: grade.hasSuffix("C") ? "MACE only" : nil) // C handling needs its conditions
        precondition(g.system == system)
        return Citation(agency: Agency(rawValue: agency)!, reference: ref, recorded: Day(recorded)!, grade: g)
    }
    func day(_ s: String) -> Timestamp { try! TimeSpec(parsing: s).start }

    @Test func legacyGradesAreComparedThroughAStatedMapping() {
        #expect(NetworkFilter.evaluation(of: item("police", "1", "2024-01-01", "2BP")) == (2, "B"))
        #expect(NetworkFilter.evaluation(of: item("police", "1", "2010-01-01", "B24", "5x5x5")) == (1, "B"))
        #expect(NetworkFilter.evaluation(of: item("police", "1", "2010-01-01", "C33", "5x5x5")) == (2, "C"))
        #expect(NetworkFilter.evaluation(of: item("police", "1", "2010-01-01", "E51", "5x5x5")) == (3, "E"))
    }

    @Test func itemsPassOrFail() {
        var f = NetworkFilter()
        f.asOf = day("2024-06-30")
        f.agencies = [.police, .socialCare]
        f.handling = [.permitted]
        f.minimumSource = 2; f.minimumAssessment = "B"
        #expect(f.accepts(item("police", "a", "2024-06-30", "2BP")))
        #expect(!f.accepts(item("police", "b", "2024-07-01", "1AP")))     // recorded after the as-of date
        #expect(!f.accepts(item("health", "c", "2024-01-01", "1AP")))     // another agency
        #expect(!f.accepts(item("police", "d", "2024-01-01", "1AC")))     // handling C not accepted
        #expect(!f.accepts(item("police", "e", "2024-01-01", "3AP")))     // source weaker than 2
        #expect(!f.accepts(item("police", "f", "2024-01-01", "2CP")))     // assessment weaker than B
        #expect(f.accepts(item("social_care", "g", "2010-01-01", "A12", "5x5x5")))
    }

    @Test func linksKeepOnlyTheEvidenceThatCountsAndTheirWindow() {
        var f = NetworkFilter()
        f.minimumSource = 2; f.minimumAssessment = "B"
        f.from = day("2024-01-01"); f.until = day("2024-12-31")
        f.linkTypes = [.seenWith]
        let l = NetworkLink(id: 1, type: .seenWith, source: EntityID(1), target: EntityID(2), time: "2024-03-02T21:40", origin: .asserted,
                            evidence: [item("police", "a", "2024-03-04", "1AP"), item("police", "b", "2024-03-05", "3EP")])
        #expect(f.apply(l)?.evidence.map(\.reference) == ["a"])
        var old = l; old.time = "2023-05"
        #expect(f.apply(old) == nil)
        var untimed = l; untimed.time = nil
        #expect(f.apply(untimed) != nil)
        var other = l; other.type = .associatesWith
        #expect(f.apply(other) == nil)
        var weak = l; weak.evidence = [item("police", "b", "2024-03-05", "3EP")]
        #expect(f.apply(weak) == nil)
    }

    @Test func strengthByHand() {
        var w = EvidenceWeighting(reference: day("2024-12-31"))
        let fresh = item("police", "a", "2024-12-31", "1AP")
        #expect(w.strength([fresh]) == 1)
        let b = item("police", "b", "2024-12-31", "2BP") // 0.6 × 0.8 = 0.48
        #expect(abs(w.strength([b]) - 0.48) < 1e-12)
        let b2 = item("health", "c", "2024-12-31", "2BP")
        #expect(abs(w.strength([b, b2]) - (1 - 0.52 * 0.52)) < 1e-12) // corroboration
        let yearOld = item("police", "d", "2023-12-31", "1AP")  // 366 days (2024 is a leap year)
        #expect(abs(w.strength([yearOld]) - pow(2, -366.0 / 365)) < 1e-9)
        w.useRecency = false
        #expect(w.strength([yearOld]) == 1)
        w.useCorroboration = false
        #expect(abs(w.strength([b, b2]) - 0.48) < 1e-12)
        #expect(EvidenceWeighting.unweighted().strength([b]) == 1)
        #expect(EvidenceWeighting.unweighted().strength([]) == 0)
    }

    @Test func snapshotDropsFilteredLinksAndWeightsEdges() {
        let people = (1...3).map { NetworkEntity(id: EntityID(Int64($0)), kind: .person, label: "P\($0)", roles: []) }
        let links = [
            NetworkLink(id: 1, type: .seenWith, source: EntityID(1), target: EntityID(2), time: nil, origin: .asserted,
                        evidence: [item("police", "a", "2024-12-31", "2BP")]),
            NetworkLink(id: 2, type: .associatesWith, source: EntityID(2), target: EntityID(1), time: nil, origin: .asserted,
                        evidence: [item("police", "a", "2024-12-31", "2BP")]), // the same item again: counted once
            NetworkLink(id: 3, type: .seenWith, source: EntityID(2), target: EntityID(3), time: nil, origin: .asserted,
                        evidence: [item("police", "b", "2024-12-31", "3EP")]),
        ]
        var f = NetworkFilter()
        f.minimumSource = 2
        let s = NetworkSnapshot(entities: people, links: links, filter: f, weighting: EvidenceWeighting(reference: day("2024-12-31")))
        #expect(s.graph.edgeCount == 1)
        #expect(s.links(0, 1).count == 2)
        #expect(abs(s.strength[NetworkSnapshot.EdgeKey(0, 1)]! - 0.48) < 1e-12)
        #expect(s.distanceGraph.weights.allSatisfy { abs($0 - 1 / 0.48) < 1e-12 })
    }
}

private func pow(_ b: Double, _ e: Double) -> Double {
    // Only 2^x is needed here: exp(x ln 2) by its series, for test expectations.
    let y = e * 0.6931471805599453
    var term = 1.0, sum = 1.0
    for i in 1...60 { term *= y / Double(i); sum += term }
    return b == 2 ? sum : .nan
}
