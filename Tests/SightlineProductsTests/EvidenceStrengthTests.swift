import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineReadModel
import Testing

/// Evidence strength in every list (issue 12): hand-built cases where only the grades, agencies
/// and sources of the items differ.
@Suite("evidence strength governs the lists")
struct EvidenceStrengthTests {
    typealias N = DisruptNetwork
    static func part(_ parts: [ScorePart], _ name: String) -> ScorePart? { parts.first { $0.part == name } }
    func part(_ parts: [ScorePart], _ name: String) -> ScorePart? { Self.part(parts, name) }

    /// A place with `children` children and one suspect seen there at night, each link cited by `cite(k)`.
    static func place(_ n: inout N, _ name: String, children: Int, cite: (Int) -> [Citation]) -> EntityID {
        let p = n.place(name, .takeaway)
        let s = n.suspect("\(name) Adult")
        for k in 0..<children {
            let c = n.child("\(name) Child \(k)")
            n.links.append(NetworkLink(id: Int64(n.links.count + 1), type: .atLocation, source: c, target: p, time: "2024-03-05T22:0\(k % 10)",
                                       origin: .asserted, evidence: cite(k)))
        }
        n.links.append(NetworkLink(id: Int64(n.links.count + 1), type: .atLocation, source: s, target: p, time: "2024-03-05T22:00",
                                   origin: .asserted, evidence: cite(0)))
        return p
    }

    @Test("a place supported by one 1A item outranks one supported by ten 3E items from one source; unweighted, the other way round")
    func oneFirmItemOutranksTenWeak() throws {
        var n = N()
        let firm = Self.place(&n, "Firm", children: 2) { _ in [N.cite("F-1", grade: "1AP")] }
        let weak = Self.place(&n, "Weak", children: 10) { k in [N.cite("ANON-\(k)", grade: "3EP", agency: "other")] }
        let list = LocationsOfRisk.list(n.data(weighted: true))
        #expect(list.ranked.map(\.id) == [firm])
        #expect(list.needsCorroboration.map(\.id) == [weak])
        let apart = try #require(list.needsCorroboration.first)
        #expect(apart.rank == nil)
        #expect(apart.needsCorroboration?.contains("graded 2C or better") == true)
        #expect(apart.needsCorroboration?.contains("from an agency other than other") == true)
        // The weak place's children weigh 0.3 × 0.1 each: 10 children count 0.3.
        #expect(part(apart.parts, "children")?.value == 0.3)
        #expect(part(apart.parts, "children")?.count == 10)
        // Unweighted, ten children outrank two: the list as it was.
        let plain = LocationsOfRisk.list(n.data(weighted: false))
        #expect(plain.ranked.map(\.id) == [weak, firm])
        #expect(plain.needsCorroboration.isEmpty)
        // Even ranked beside firm rows, weak items barely move a score: with one firm item added to the
        // weak place, it is ranked, but below the firm place.
        var m = n
        m.link(.atLocation, m.child("Another Child"), weak, at: "2024-03-05T22:30", N.cite("F-9", grade: "2CP"))
        #expect(LocationsOfRisk.list(m.data(weighted: true)).ranked.map(\.id) == [firm, weak])
    }

    @Test("two agencies corroborating each other raise a row above the same evidence from one agency")
    func agenciesCorroborate() throws {
        var n = N()
        let two = Self.place(&n, "Two", children: 3) { k in [N.cite("P-\(k)", grade: "2BP"), N.cite("H-\(k)", grade: "2BP", agency: "health")] }
        let one = Self.place(&n, "One", children: 3) { k in [N.cite("Q-\(k)", grade: "2BP"), N.cite("R-\(k)", grade: "2BP")] }
        let rows = LocationsOfRisk.rank(n.data(weighted: true))
        #expect(rows.map(\.id) == [two, one])
        // 2B is 0.6 × 0.8 = 0.48; two agencies: 1 - 0.52² = 0.7296 per child; one agency: its best item, 0.48.
        #expect(part(rows[0].parts, "children")?.value == 3 * 0.7296)
        #expect(part(rows[1].parts, "children")?.value == 3 * 0.48)
        // The explanation names each agency's counted item and the combination.
        let e = ScoreExplanation(rows[0], strength: n.data(weighted: true).strength)
        let children = try #require(e.parts.first { $0.part == "children" })
        #expect(children.elements?.first?.derivation.text == "0.73 = 1 - (1 - 0.48 health)(1 - 0.48 police)")
        #expect(children.elements?.allSatisfy { $0.derivation.agencies.count == 2 } == true)
        // One agency's two items: the stronger counts, the other is shown as not counted again.
        let single = ScoreExplanation(rows[1], strength: n.data(weighted: true).strength)
        let oneAgency = try #require(single.parts.first { $0.part == "children" }?.elements?.first)
        #expect(oneAgency.derivation.agencies.map(\.agency) == ["police"] && oneAgency.derivation.agencies[0].items.count == 2)
        #expect(oneAgency.derivation.text == "0.48")
        #expect(single.lines.contains { $0.contains("(same agency, not counted again)") })
    }

    @Test("recency: the same grade recorded two half-lives earlier counts a quarter")
    func recencyWeighs() {
        var s = EvidenceStrength()
        s.reference = Timestamp(year: 2024, month: 12, day: 31)!
        let now = N.cite("A", "2024-12-31", grade: "1AP"), old = N.cite("B", "2023-01-01", grade: "1AP")
        #expect(s.strength(now) == 1)
        #expect(abs(s.strength(old) - 0.25) < 0.001)
        #expect(s.isFirm(N.cite("C", grade: "2CP")) && !s.isFirm(N.cite("D", grade: "2DP")) && !s.isFirm(N.cite("E", grade: "3AP")))
        // Legacy 5x5x5 through the documented mapping: B2 is source 1, assessment B.
        let legacy = Citation(agency: .police, reference: "L", recorded: Day("2024-12-31")!, grade: try! Grade(parsing: "B24"))
        #expect(s.isFirm(legacy) && s.strength(legacy) == 0.8)
    }

    @Test("a person resting only on weak items is listed apart, not ranked")
    func weakPerson() throws {
        var n = N()
        let real = n.suspect("Real Adult"), invented = n.suspect("Invented Neighbour")
        for k in 0..<2 { n.link(.seenWith, real, n.child("Child R\(k)"), at: "2024-03-0\(k + 1)", N.cite("R-\(k)", grade: "2BP")) }
        for k in 0..<8 { n.link(.seenWith, invented, n.child("Child I\(k)"), at: "2024-03-0\(k + 1)", N.cite("ANON-1", grade: "3EP", agency: "other")) }
        let (list, _) = KeyPeople.list(n.data(weighted: true))
        #expect(list.ranked.map(\.id) == [real])
        #expect(list.needsCorroboration.map(\.id) == [invented])
        #expect(KeyPeople.list(n.data(weighted: false)).rows.ranked.first?.id == invented)
    }

    @Test("a weak report of contacts with children's phones is not made firm by the firm records of the children's own phones")
    func contextDoesNotLendStrength() throws {
        var n = N()
        let decoy = n.add(.phone, "+999100000001")
        for k in 0..<3 {
            let child = n.child("Child P\(k)"), own = n.add(.phone, "+44770090000\(k)")
            n.link(.usesPhone, child, own, N.cite("S-\(k)", grade: "1AP", agency: "social_care"))
            n.link(.contacted, decoy, own, at: "2024-03-0\(k + 1)", N.cite("ANON-P", grade: "3EP", agency: "other"))
        }
        let list = ThingsOfInterest.phoneList(n.data(weighted: true))
        #expect(list.ranked.isEmpty)
        let row = try #require(list.needsCorroboration.first)
        #expect(row.id == decoy)
        // Each child contacted weighs the contact's 3E item alone: 0.3 × 0.1.
        #expect(part(row.parts, "children contacted")?.value == 3 * 0.03)
        // The children's phones are still shown as the row's context.
        #expect(row.evidence.contains { $0.reference == "S-0" })
        #expect(ThingsOfInterest.phoneList(n.data(weighted: false)).ranked.map(\.id) == [decoy])
    }
}
