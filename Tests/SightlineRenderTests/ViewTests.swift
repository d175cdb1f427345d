import SightlineModel
import SightlineNetwork
@testable import SightlineRender
import SightlineStore
import Testing

/// Views built from hand-made networks, where the expected picture can be worked out by hand.
@Suite("views")
struct ViewTests {
    static func cite(_ ref: String, _ date: String = "2024-01-01", grade: String = "1AP") -> Citation {
        Citation(agency: .police, reference: ref, recorded: Day(date)!, grade: try! Grade(parsing: grade))
    }

    /// A star of adults around one hub adult, two children and a hotel where a child and an adult
    /// were recorded two hours apart.
    static func star() -> NetworkSnapshot {
        var entities = [NetworkEntity(id: EntityID(1), kind: .person, label: "Hub Adult", roles: [.suspect])]
        entities += (2...5).map { NetworkEntity(id: EntityID(Int64($0)), kind: .person, label: "Adult \($0)", roles: [.associate]) }
        entities += [NetworkEntity(id: EntityID(6), kind: .person, label: "Child Six", roles: [.childAtRisk]),
                     NetworkEntity(id: EntityID(7), kind: .person, label: "Child Seven", roles: [.childAtRisk]),
                     NetworkEntity(id: EntityID(8), kind: .location, label: "Fictional Hotel", roles: [])]
        var links: [NetworkLink] = []
        func link(_ t: LinkType, _ a: Int64, _ b: Int64, _ time: String? = nil) {
            links.append(NetworkLink(id: Int64(links.count + 1), type: t, source: EntityID(a), target: EntityID(b), time: time,
                                     origin: .asserted, evidence: [cite("R-\(links.count + 1)")]))
        }
        for a in 2...5 { link(.associatesWith, 1, Int64(a)) }
        link(.associatesWith, 6, 1)
        link(.associatesWith, 7, 6)
        link(.atLocation, 6, 8, "2024-03-01T20:00")
        link(.atLocation, 3, 8, "2024-03-01T22:00")
        return NetworkSnapshot(entities: entities, links: links)
    }

    @Test("nodes are sized by the chosen measure; children are all drawn one size")
    func sizing() {
        let s = Self.star()
        var options = ViewOptions()
        // A measure that puts a child highest: it still must not size the child.
        var measure = [Double](repeating: 1, count: s.entities.count)
        measure[s.index[EntityID(1)]!] = 9
        measure[s.index[EntityID(6)]!] = 100
        options.size = (measure, "test measure")
        let p = Views.picture(of: Array(s.entities.indices), in: s, title: "t", options: options)
        let width = Dictionary(uniqueKeysWithValues: p.nodes.map { ($0.id, $0.width) })
        #expect(width["E6"] == width["E7"], "children differ in size")
        #expect(width["E1"]! > width["E2"]!, "the hub is not the largest adult")
        #expect(!p.nodes.first { $0.id == "E6" }!.tooltip.contains("test measure"))
        #expect(p.nodes.first { $0.id == "E1" }!.tooltip.contains("test measure 9"))
        #expect(p.legendNotes.contains { $0.contains("test measure") && $0.contains("children are all drawn one size") })
        // By default, by number of links: the hub has five.
        let plain = Views.picture(of: Array(s.entities.indices), in: s, title: "t", options: ViewOptions())
        #expect(plain.nodes.max { $0.width < $1.width }?.id == "E1")
    }

    @Test("inferred co-presence is drawn dotted between people in view only, and named in the legend")
    func coPresence() {
        let s = Self.star()
        var options = ViewOptions()
        options.coPresence = CoPresence.find(entities: s.entities, links: s.allLinks, windowSeconds: 3 * 3600)
        #expect(options.coPresence.count == 1)
        let all = Views.picture(of: Array(s.entities.indices), in: s, title: "t", options: options)
        let dotted = all.edges.filter { $0.style == "dotted" }
        #expect(dotted.count == 1)
        #expect(Set([dotted[0].from, dotted[0].to]) == ["E3", "E6"])
        #expect(dotted[0].tooltip.hasPrefix("inferred: together 1× at Fictional Hotel, 2024-03-01"))
        #expect(dotted[0].tooltip.contains("2 items"))
        #expect(all.legendEdges.contains { $0.style == "dotted" && $0.label == "inferred co-presence" })
        // Recorded links stay solid or dashed; the count of recorded lines is unchanged.
        #expect(all.edges.count == s.graph.edgeCount + 1)
        // Without adult 3 in view, no dotted line and no legend entry.
        let some = Views.picture(of: [0, 5, 7].map { s.index[EntityID(Int64($0 == 0 ? 1 : $0 == 5 ? 6 : 8))]! }, in: s, title: "t", options: options)
        #expect(!some.edges.contains { $0.style == "dotted" })
        #expect(!some.legendEdges.contains { $0.style == "dotted" })
        // A narrower window finds nothing.
        #expect(CoPresence.find(entities: s.entities, links: s.allLinks, windowSeconds: 3600).isEmpty)
    }

    @Test("a collapsed overview keeps each cluster's two heaviest links and the heaviest overall")
    func collapsedLinks() {
        // 30 triangles, every two linked once, and each to the next by three links.
        let triangles = 30
        var entities: [NetworkEntity] = []
        for i in 0..<(3 * triangles) { entities.append(NetworkEntity(id: EntityID(Int64(i + 1)), kind: .person, label: "P\(i)", roles: [])) }
        var links: [NetworkLink] = []
        func link(_ a: Int, _ b: Int) {
            links.append(NetworkLink(id: Int64(links.count + 1), type: .associatesWith, source: EntityID(Int64(a + 1)), target: EntityID(Int64(b + 1)),
                                     time: nil, origin: .asserted, evidence: [Self.cite("R\(links.count)")]))
        }
        var community: [Int] = []
        for t in 0..<triangles {
            link(3 * t, 3 * t + 1); link(3 * t + 1, 3 * t + 2); link(3 * t, 3 * t + 2)
            community += [t, t, t]
        }
        for t in 0..<triangles {
            for u in (t + 1)..<triangles { link(3 * t, 3 * u) }
            if t + 1 < triangles { link(3 * t + 1, 3 * (t + 1) + 1); link(3 * t + 2, 3 * (t + 1) + 2) }
        }
        let s = NetworkSnapshot(entities: entities, links: links)
        let p = Views.overview(s, community: community, threshold: 29)
        #expect(p.title.contains("90 linked entities in 30 clusters"))
        #expect(p.nodes.count == 30) // the 29 largest and one for the smaller
        let pairs = Set(p.edges.map { [$0.from, $0.to].sorted().joined(separator: "-") })
        // 435 cluster pairs are linked; at most 2 × 30 heaviest plus 2 per cluster are drawn.
        #expect(p.edges.count < 435 && p.edges.count <= 60 + 2 * 30)
        #expect(p.legendNotes.contains { $0.contains("heaviest of") })
        // The 27 pairs of neighbours among the 29 shown, three links each, are all drawn.
        for t in 0..<27 { #expect(pairs.contains(["cluster_\(t)", "cluster_\(t + 1)"].sorted().joined(separator: "-")), "\(t)-\(t + 1) missing") }
        for n in p.nodes { #expect(pairs.contains { $0.contains(n.id + "-") || $0.hasSuffix("-" + n.id) }, "\(n.id) has no line") }
        // Up to the threshold, nothing collapses and every link is drawn.
        #expect(Views.overview(s, community: community, threshold: 90).edges.count == s.graph.edgeCount)
    }
}

/// Issue 11, item 23: directed links carry arrowheads and say who acted; a child is drawn as a
/// child whatever roles an export recorded.
@Suite("views: direction and who acts")
struct DirectionTests {
    static func snapshot() -> NetworkSnapshot {
        let cite = ViewTests.cite
        let entities = [
            NetworkEntity(id: EntityID(1), kind: .person, label: "Adult Harbourer", roles: [.harbourer]),
            NetworkEntity(id: EntityID(2), kind: .person, label: "Child Two", roles: [.childAtRisk]),
            // A 15-year-old recorded only as a suspect: drawn as a child, never in offender colours.
            NetworkEntity(id: EntityID(3), kind: .person, label: "Young Three", roles: [.suspect],
                          birthDates: [Dated(BirthDateText("2010-01-01"), source: cite("DOB-3", "2024-01-01", "1AP"))]),
        ]
        let links = [
            NetworkLink(id: 1, type: .harbours, source: EntityID(1), target: EntityID(2), time: "2024-03-01", origin: .asserted, evidence: [cite("R-1", "2024-03-01", "1AP")]),
            NetworkLink(id: 2, type: .seenWith, source: EntityID(2), target: EntityID(3), time: "2024-03-02", origin: .asserted, evidence: [cite("R-2", "2024-03-02", "1AP")]),
            NetworkLink(id: 3, type: .gaveGiftsTo, source: EntityID(2), target: EntityID(1), time: "2024-03-03", origin: .asserted, evidence: [cite("R-3", "2024-03-03", "1AP")]),
        ]
        return NetworkSnapshot(entities: entities, links: links, on: try! TimeSpec(parsing: "2025-06-01").start)
    }

    @Test("a directed link has an arrowhead in its recorded direction; a two-way link none; DOT says so")
    func arrows() throws {
        let s = Self.snapshot()
        var options = ViewOptions()
        options.labelLinks = true
        let p = Views.picture(of: Array(s.entities.indices), in: s, title: "t", options: options)
        let harbour = p.edges.first { Set([$0.from, $0.to]) == ["E1", "E2"] }!
        // harbours 1 -> 2 and gave_gifts_to 2 -> 1 between the same two: both ways.
        #expect(harbour.arrow == .both)
        #expect(harbour.tooltip.contains("Adult Harbourer harbours Child Two"))
        #expect(harbour.tooltip.contains("Adult Harbourer received gifts from Child Two"), "the adult stays the actor: \(harbour.tooltip)")
        let seen = p.edges.first { Set([$0.from, $0.to]) == ["E2", "E3"] }!
        #expect(seen.arrow == .none)
        let dot = String(decoding: try Graphviz.render(p, engine: .dot, format: .dot), as: UTF8.self)
        #expect(dot.hasPrefix("digraph sightline {"))
        #expect(dot.contains("dir=both") && dot.contains("dir=none"))
        let young = p.nodes.first { $0.id == "E3" }!
        let child = p.nodes.first { $0.id == "E2" }!
        #expect(young.fill == child.fill && young.peripheries == 2, "a 15-year-old suspect is drawn as a child")
    }

    @Test("pseudonymised, a place has one name in every box of a timeline")
    func timelineNames() throws {
        let s = Self.snapshot()
        var options = ViewOptions()
        options.pseudonymise = true
        let name: (EntityID) -> String = { id in Views.name(of: s.entities[s.index[id]!], in: s, options) }
        #expect(name(EntityID(3)) == "Child C-3" && name(EntityID(1)) == "Person P-1")
    }
}
