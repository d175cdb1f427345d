import Foundation
import SightlineModel
import SightlineStore
import SightlineTestSupport
import Testing

/// `SightlineStore.item(_:)` on the hand-written fixture of every record type, whose contents are
/// counted here from the fixture's own lines.
@Suite("one item whole, from the store")
struct ItemStoreTests {
    static let day = try! TimeSpec(parsing: "2025-06-01").start

    func store() throws -> ScratchStore {
        let s = try ScratchStore()
        try s.ingest(Fixtures.everyRecordType)
        return s
    }

    /// The fixture's lines of one type citing `ref`.
    static func lines(_ type: String, citing ref: String) -> [String] {
        Fixtures.everyRecordType.split(separator: "\n").map(String.init)
            .filter { $0.contains("\"type\":\"\(type)\"") && ($0.contains("\"item\":\"\(ref)\"") || $0.contains("\"items\":[\"\(ref)\"")) }
    }

    @Test("an item with records, roles, links, an episode and a notice returns each of them")
    func everythingItSupports() throws {
        let s = try store()
        let d = try s.store.item(IntelRef(agency: .police, reference: "WX-24-000123"), on: Self.day)
        #expect(d.citation.description == "police/WX-24-000123 2024-03-04 2BP")
        #expect(d.grade == ItemDetail.GradeParts(.current(source: 2, assessment: "B", handling: .permitted, conditions: nil)))
        #expect(d.observed?.text == "2024-03-02T21:40")
        #expect(d.observed?.start == "2024-03-02T21:40:00")
        #expect(d.summary?.hasPrefix("Officers saw a silver Corsa") == true)
        #expect(d.sourceFile == "test.jsonl" && d.sourceLine == 1)
        #expect(d.run?.id == 1 && d.firstRun?.id == 1 && d.run?.files == ["test.jsonl"])
        let kinds = ["person", "vehicle", "phone", "account", "location", "organisation"]
        #expect(d.records.count == kinds.map { Self.lines($0, citing: "police/WX-24-000123").count }.reduce(0, +))
        #expect(Set(d.records.map(\.entity.kind)) == Set(kinds))
        #expect(d.roles.map(\.role) == ["suspect"])
        // The four links the item records, and the two its missing episode makes (found with, found at).
        #expect(Self.lines("link", citing: "police/WX-24-000123").count == 4)
        #expect(d.links.map(\.type).sorted() == ["contacted", "found_at", "found_with", "travelled_in", "uses_account", "uses_phone"])
        #expect(d.missingEpisodes.count == 1 && d.notices.count == 1)
        #expect(d.lookedAfter.isEmpty && d.nonConsents.isEmpty)
        let episode = d.missingEpisodes[0]
        #expect(episode.foundAt?.label == "The Anchorage Hotel")
        #expect(episode.foundWith.map(\.id) == [try s.store.find("person:niche/PN-1001").description])
        #expect(d.notices[0].type == "cawn" && d.notices[0].officer == "PC 4471")
    }

    @Test("a link reads exactly as 'show' reads it: one sentence, written in one place")
    func sentencesAgreeWithShow() throws {
        let s = try store()
        let d = try s.store.item(IntelRef(agency: .socialCare, reference: "LCS-88120"), on: Self.day)
        let child = try s.store.find("person:lccs/C-2231")
        let detail = try s.store.detail(child, on: Self.day)
        #expect(!d.links.isEmpty)
        for l in d.links {
            let same = try #require(detail.links.first { $0.id == l.id })
            #expect(l.reads == same.reads)
        }
        #expect(d.citation.conditions == "Share only within the MACE panel")
        #expect(d.grade.handling == "C")
        #expect(d.lookedAfter.map(\.authority) == ["Wexcombe Borough Council"])
        #expect(d.nonConsents.count == 1 && d.nonConsents[0].by == "local_authority")
        #expect(d.nonConsents[0].child.id == child.description)
    }

    @Test("a legacy 5x5x5 grade is shown part by part, as graded")
    func legacyGrade() throws {
        let d = try store().store.item(IntelRef(agency: .police, reference: "OLD-2009-0771"), on: Self.day)
        #expect(d.citation.gradeSystem == "5x5x5")
        #expect(d.grade == ItemDetail.GradeParts(.legacy(source: "B", intelligence: 2, handling: 4)))
        #expect(d.observed == nil)
        #expect(d.records.isEmpty && d.links.isEmpty)
    }

    @Test("after a merge, what the item says about the merged entity is shown under the survivor")
    func mergedEntity() throws {
        let s = try store()
        try s.ingest("""
        {"type":"item","agency":"police","ref":"WX-24-000200","recorded":"2024-05-01","grade":"2BP"}
        {"type":"person","id":"person:niche/PN-1099","name":"D QUILLFEATHER","dob":"1989-05-12","roles":["suspect"],"item":"police/WX-24-000200"}
        """, file: "second.jsonl")
        let a = try s.store.find("person:niche/PN-1001"), b = try s.store.find("person:niche/PN-1099")
        _ = try s.store.merge(a, b, reason: "same person: DC 123 confirmed", actor: "test", on: Self.day)
        let d = try s.store.item(IntelRef(agency: .police, reference: "WX-24-000200"), on: Self.day)
        #expect(d.records.map(\.entity.id) == [a.description])
        #expect(d.records.map(\.mergedFrom) == [b.description])
        #expect(d.roles.map(\.entity.id) == [a.description])
        #expect(d.run?.id == 2 && d.sourceFile == "second.jsonl")
    }

    /// The close matches an unknown reference is answered with; nil when the item was found or
    /// another error was thrown.
    static func closeMatches(_ s: ScratchStore, _ ref: IntelRef) -> [String]? {
        let error: StoreError
        do { _ = try s.store.item(ref); return nil } catch let e { error = e }
        guard error.isAboutTheRequest, case let .unknownItem(named, close) = error, named == ref else { return nil }
        return close.map(\.description)
    }

    @Test("an unknown reference names the agency's references sharing the longest prefix, up to 5")
    func unknownReference() throws {
        let s = try store()
        // Of the two police references, only WX-24-000123 begins as WX-24-00012 does.
        #expect(Self.closeMatches(s, IntelRef(agency: .police, reference: "WX-24-00012")) == ["police/WX-24-000123"])
        // Another agency's references are not offered.
        #expect(Self.closeMatches(s, IntelRef(agency: .health, reference: "WX-24-000123")) == [])
    }
}
