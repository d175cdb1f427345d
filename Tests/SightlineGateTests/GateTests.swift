import Foundation
@testable import SightlineAudit
@testable import SightlineGate
import SightlineModel
import SightlineReadModel
import SightlineTestSupport
import Testing

private func cite(_ agency: Agency, _ ref: String, _ day: String, _ grade: String, _ conditions: String? = nil) -> Citation {
    Citation(agency: agency, reference: ref, recorded: Day(day)!, grade: try! Grade(parsing: grade, conditions: conditions))
}

@Suite("audiences file")
struct AudienceBookTests {
    @Test("the shipped audiences are docs/audiences.yaml word for word, and read")
    func shipped() throws {
        let doc = try String(contentsOfFile: PackagePaths.root + "/docs/audiences.yaml", encoding: .utf8)
        #expect(doc == AudienceBook.shippedText)
        let book = AudienceBook.shipped
        #expect(book.defaultName == "police_analyst")
        #expect(Set(book.audiences.keys) == ["police_analyst", "mace_partner", "licensing"])
        let police = try book.audience(nil), partner = try book.audience("mace_partner"), licensing = try book.audience("licensing")
        #expect(police.seesEverything) // every item, as recorded (children are still pseudonymised: naming is apart)
        #expect(police.admits(cite(.police, "A", "2024-01-01", "1AC", "only the force")))
        #expect(!partner.admits(cite(.police, "A", "2024-01-01", "1AC", "only the force")))
        #expect(partner.admits(cite(.police, "A", "2024-01-01", "2BP")))
        #expect(partner.admits(cite(.police, "A", "2024-01-01", "B22")))
        #expect(!partner.admits(cite(.police, "A", "2024-01-01", "B24")))
        #expect(!partner.admits(cite(.police, "A", "2024-01-01", "B21")))
        #expect(partner.purposeRequired && !police.purposeRequired)
        #expect(licensing.adults == .pseudonymised && partner.adults == .named)
    }

    @Test("a bad audiences file is an error naming the line and the key", arguments: [
        ("default: a\naudiences:\n  a:\n    title: x\n    handling: [P]\n    purpose_required: true\n    source_details: opaque\n    adults: named\n    children: named\n    colour: red\n", "f.yaml:10", "unknown key 'a.colour'"),
        ("default: a\naudiences:\n  a:\n    title: x\n    handling: [P, X]\n    purpose_required: true\n    source_details: opaque\n    adults: named\n    children: named\n", "f.yaml:5", "lists handling codes"),
        ("default: a\naudiences:\n  a:\n    title: x\n    handling: [P]\n    purpose_required: maybe\n    source_details: opaque\n    adults: named\n    children: named\n", "f.yaml:6", "must be true or false"),
        ("default: a\naudiences:\n  a:\n    title: x\n    handling: [P]\n    purpose_required: true\n    source_details: hidden\n    adults: named\n    children: named\n", "f.yaml:7", "must be one of shown, opaque"),
        ("default: b\naudiences:\n  a:\n    title: x\n    handling: [P]\n    purpose_required: true\n    source_details: opaque\n    adults: named\n    children: named\n", "f.yaml", "'default' names 'b'"),
        ("default: a\naudiences:\n  a:\n    title: x\n    handling: [P]\n    purpose_required: true\n    adults: named\n    children: named\n", "f.yaml:4", "needs 'source_details'"),
        ("audiences: [1, 2]\n", "f.yaml:1", "must hold at least one profile"),
        ("default: x\n", "f.yaml", "missing 'audiences:'"),
    ])
    func badFile(_ text: String, _ location: String, _ problem: String) {
        #expect(throws: AudienceError.self) { try AudienceBook(yaml: text, file: "f.yaml") }
        do { _ = try AudienceBook(yaml: text, file: "f.yaml") } catch {
            #expect(error.location == location && error.problem.contains(problem), "\(error)")
        }
    }

    @Test("an unknown audience, a command the audience may not have, and a missing purpose are refused")
    func checks() throws {
        let book = AudienceBook.shipped
        #expect(throws: AudienceError.self) { try book.audience("press") }
        let licensing = try book.audience("licensing"), police = try book.audience("police_analyst")
        #expect(throws: AudienceError.self) { try DisclosureGate.check(licensing, command: "path", purpose: "panel", export: false) }
        #expect(throws: AudienceError.self) { try DisclosureGate.check(licensing, command: "disrupt locations", purpose: "  ", export: false) }
        try DisclosureGate.check(licensing, command: "disrupt locations", purpose: "licence review", export: false)
        try DisclosureGate.check(police, command: "path", purpose: nil, export: false)
        #expect(throws: AudienceError.self) { try DisclosureGate.check(police, command: "export graphml", purpose: nil, export: true) }
    }
}

@Suite("screen")
struct ScreenTests {
    let partner = try! AudienceBook.shipped.audience("mace_partner")
    let police = try! AudienceBook.shipped.audience("police_analyst")
    let day = Timestamp(dayNumber: Day("2025-01-01")!.dayNumber)

    func people() -> [NetworkEntity] {
        let child = NetworkEntity(id: EntityID(1), kind: .person, label: "Poppy Fenwright", roles: [.childAtRisk],
                                  roleRecords: [Dated(.childAtRisk, source: cite(.socialCare, "SC-SECRET", "2024-01-01", "1AC", "panel only"))],
                                  birthDates: [Dated(BirthDateText("2011-04-02"), source: cite(.socialCare, "SC-SECRET", "2024-01-01", "1AC", "panel only"))])
        let adult = NetworkEntity(id: EntityID(2), kind: .person, label: "Kestrel Ambleside", roles: [.suspect],
                                  roleRecords: [Dated(.suspect, source: cite(.police, "P-SECRET", "2024-01-01", "1AC", "force only"))])
        let other = NetworkEntity(id: EntityID(3), kind: .person, label: "Roland Pikestaff", roles: [.suspect],
                                  roleRecords: [Dated(.suspect, source: cite(.police, "P-OPEN", "2024-01-01", "2BP"))])
        return [child, adult, other]
    }

    @Test("a withheld item goes with everything only it supports; a child stays a child")
    func withheld() {
        let s = Screen(audience: partner)
        let links = [
            NetworkLink(id: 1, type: .seenWith, source: EntityID(2), target: EntityID(1), time: nil, origin: .asserted,
                        evidence: [cite(.police, "P-SECRET", "2024-01-01", "1AC", "force only")]),
            NetworkLink(id: 2, type: .seenWith, source: EntityID(3), target: EntityID(1), time: nil, origin: .asserted,
                        evidence: [cite(.police, "P-OPEN", "2024-01-01", "2BP"), cite(.police, "P-SECRET", "2024-01-01", "1AC", "force only")]),
        ]
        let kept = s.screen(links)
        #expect(kept.map(\.id) == [2])
        #expect(kept[0].evidence.count == 1 && kept[0].evidence[0].reference != "P-OPEN" && kept[0].evidence[0].reference.hasPrefix("D"))
        #expect(s.items(minted: [kept[0].evidence[0].reference]) == [kept[0].evidence[0].reference: "police/P-OPEN"])
        let e = s.screen(people(), on: day)
        // The child: still a child at risk with the date of birth, cited as withheld, and pseudonymised.
        #expect(e[0].roles == [.childAtRisk] && e[0].birthDates.count == 1)
        #expect(e[0].roleRecords[0].source.description.hasPrefix("other/withheld"))
        #expect(!e[0].roleRecords[0].source.description.contains("SECRET") && e[0].roleRecords[0].source.conditions == nil)
        #expect(e[0].label == "Child C-1")
        // The adult whose suspect role only a withheld item records is no longer a suspect.
        #expect(e[1].roles.isEmpty && e[1].label == "Kestrel Ambleside")
        #expect(e[2].roles == [.suspect])
    }

    @Test("police analysts see every item as recorded; children are pseudonymised unless the request names them")
    func policeSeeAll() {
        let s = Screen(audience: self.police)
        let link = NetworkLink(id: 1, type: .seenWith, source: EntityID(2), target: EntityID(1), time: nil, origin: .asserted,
                               evidence: [cite(.police, "P-SECRET", "2024-01-01", "1AC", "force only")])
        #expect(s.screen([link])[0].evidence[0].reference == "P-SECRET")
        #expect(s.screen(people(), on: day)[0].label == "Child C-1")
        s.request(EntityID(1))
        #expect(s.screen(people(), on: day)[0].label == "Poppy Fenwright")
    }

    @Test("screened contents: links and facts in place, the ingested days under minted references, facts only of what is kept")
    func contents() {
        let s = Screen(audience: partner)
        let open = cite(.police, "P-OPEN", "2024-01-01", "2BP"), secret = cite(.police, "P-SECRET", "2024-01-01", "1AC", "force only")
        let links = [
            NetworkLink(id: 1, type: .seenWith, source: EntityID(2), target: EntityID(1), time: nil, origin: .asserted, evidence: [secret]),
            NetworkLink(id: 2, type: .seenWith, source: EntityID(3), target: EntityID(1), time: nil, origin: .asserted, evidence: [open, secret]),
            NetworkLink(id: 3, type: .seenWith, source: EntityID(3), target: EntityID(2), time: nil, origin: .asserted, evidence: [secret]),
            NetworkLink(id: 4, type: .seenWith, source: EntityID(1), target: EntityID(3), time: nil, origin: .asserted, evidence: [open]),
        ]
        var facts: [EntityID: EntityFacts] = [:]
        for e in people() where !e.birthDates.isEmpty { var f = EntityFacts(); f.birthDates = e.birthDates; facts[e.id] = f }
        var adultFacts = EntityFacts(); adultFacts.category = "flat"; facts[EntityID(2)] = adultFacts
        let c = ProductContents(entities: people(), links: links, facts: facts, episodes: [], carePeriods: [], notices: [], nonConsents: [],
                                ingested: [IntelRef(parsing: "police/P-OPEN")!: Day("2024-02-01")!, IntelRef(parsing: "police/P-SECRET")!: Day("2024-03-01")!])
        let out = s.screen(c, on: day)
        // Links in their order, the withheld ones gone; the adult only withheld items link leaves no trace, nor do their facts.
        #expect(out.links.map(\.id) == [2, 4])
        #expect(out.entities.map(\.id) == [EntityID(1), EntityID(3)])
        #expect(out.facts[EntityID(2)] == nil)
        // The child's date of birth in the facts is the screened one (withheld item cited as withheld).
        #expect(out.facts[EntityID(1)]?.birthDates.map { $0.source.description.hasPrefix("other/withheld") } == [true])
        // --since finds an item's ingested day under the reference minted for it, and nothing under the real one.
        let minted = out.links[1].evidence[0].ref
        #expect(minted.reference.hasPrefix("D") && out.ingested[minted] == Day("2024-02-01")!)
        #expect(out.ingested[IntelRef(parsing: "police/P-OPEN")!] == nil)
        #expect(s.items(minted: [minted.reference, "DNOTMINTED234"]) == [minted.reference: "police/P-OPEN"])
    }

    @Test("opaque references differ from one disclosure to the next")
    func perDisclosure() {
        let ref = IntelRef(agency: .police, reference: "WX-1")
        let a = Screen(audience: partner).opaqueReference(for: ref), b = Screen(audience: partner).opaqueReference(for: ref)
        #expect(a != b && a.count == 13 && !a.contains("WX"))
    }
}

@Suite("disclosure gate")
struct DisclosureGateTests {
    @Test("what the bytes disclose is read from them: entity IDs, items as agency/reference and in JSON, through character references")
    func inventory() {
        var i = Inventory()
        i.scan(Array("E12 Darren (E7); police/WX-24-000123 2024-03-04 2BP; social_care/LCS&#45;1 &amp; E1234x E9.\n".utf8))
        #expect(i.entities == [EntityID(12), EntityID(7)])
        var p = Inventory()
        p.scan(Array("3: Child C-25 (seen there); Person P-4, Place L-9. Child care C-77".utf8))
        #expect(p.entities == [EntityID(25), EntityID(4), EntityID(9)])
        #expect(i.items == ["police/WX-24-000123", "social_care/LCS-1"])
        var j = Inventory()
        j.scan(Array(#"{"rows": [{"entity": "E5", "evidence": [{"agency": "health", "reference": "H-9", "grade": "2BP"}]}]}"#.utf8))
        #expect(j.entities == [EntityID(5)] && j.items == ["health/H-9"])
        var k = Inventory()
        k.scan(Array("{\n  \"agency\" : \"police\",\n  \"grade\" : \"2BP\",\n  \"reference\" : \"WX 24 1\"\n}, {\"agency\":\"voluntary\",\"reference\":\"V-1\"}".utf8))
        #expect(k.items == ["police/WX 24 1", "voluntary/V-1"])
    }

    @Test("the log is written before the outputs, with the hashes of what was written; nothing is written when it cannot be logged")
    func logThenWrite() throws {
        let dir = TemporaryDirectory("gate")
        let keyFile = dir.file("key")
        let audience = try AudienceBook.shipped.audience("mace_partner")
        let request = DisclosureGate.Request(analyst: "DC Test", command: "sightline disrupt locations", purpose: "panel", recipients: ["chair"])
        let gate = DisclosureGate(audience: audience, request: request, openLog: { () throws(AuditError) -> AuditLog in
            try AuditLog.open(path: dir.file("log.sqlite"), keyFile: keyFile) })
        let shown = gate.screen.shown(cite(.police, "WX-1", "2024-01-01", "2BP"))
        gate.stage(Array("E3 The Gull Tavern \(shown.ref) 2024-01-01 2BP\n".utf8), to: .standardOutput)
        var written: [DisclosureGate.Output] = []
        let record = try gate.commit { o in
            // The entry is already there when the first output is written.
            let count = try AuditLog.open(path: dir.file("log.sqlite"), keyFile: keyFile).count()
            #expect(count == 1)
            written.append(o)
        }
        #expect(written.count == 1)
        #expect(record.analyst == "DC Test" && record.purpose == "panel" && record.audience == "mace_partner" && record.recipients == ["chair"])
        #expect(record.disclosed.entities == ["E3"] && record.disclosed.items == ["police/WX-1"])
        #expect(record.disclosed.opaque == [shown.reference: "police/WX-1"])
        #expect(record.disclosed.files.first?.sha256 == Disclosure.sha256(of: written[0].bytes))

        let unlogged = DisclosureGate(audience: audience, request: request, openLog: { () throws(AuditError) -> AuditLog in
            try AuditLog.open(path: dir.file("missing/log.sqlite"), keyFile: keyFile) })
        unlogged.stage(Array("E3\n".utf8), to: .standardOutput)
        var any = false
        #expect(throws: (any Error).self) { try unlogged.commit { _ in any = true } }
        #expect(!any)
    }
}
