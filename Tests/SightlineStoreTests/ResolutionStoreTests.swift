import Foundation
import SightlineIngest
import SightlineModel
import SightlineStore
import SightlineSynthetic
import SightlineTestSupport
import Testing

@Suite("Resolution in the store")
struct ResolutionStoreTests {
    static let people = """
    {"type":"item","agency":"police","ref":"P1","recorded":"2024-01-01","grade":"2BP"}
    {"type":"item","agency":"social_care","ref":"S1","recorded":"2024-01-02","grade":"1AP"}
    {"type":"person","id":"person:niche/PN-1","name":"Darren QUILLFEATHER","dob":"1989-05-12","roles":["suspect"],"item":"police/P1"}
    {"type":"person","id":"person:lccs/X-9","name":"QUILLFEATHER Darren","dob":"1989-05-12","item":"social_care/S1"}
    {"type":"person","id":"person:niche/PN-2","name":"Darren QUILLFEATHER","dob":"1961-11-30","item":"police/P1"}
    {"type":"person","id":"person:niche/PN-3","name":"Kerry MARBLETON","item":"police/P1"}
    {"type":"link","link":"seen_with","from":"person:niche/PN-1","to":"person:niche/PN-3","at":"2024-01-01","item":"police/P1"}
    {"type":"link","link":"associates_with","from":"person:lccs/X-9","to":"person:niche/PN-3","item":"social_care/S1"}
    """

    @Test("name-only duplicates are listed with reasons, never merged; the same name with another birth date is not listed")
    func candidatesOnly() throws {
        let s = try ScratchStore()
        try s.ingest(Self.people)
        let list = try s.store.resolutionCandidates()
        #expect(list.count == 1)
        let c = try #require(list.first)
        #expect(Set([c.aIdentifiers, c.bIdentifiers].flatMap { $0 }) == ["person:niche/PN-1", "person:lccs/X-9"])
        #expect(c.score == 0.85)
        #expect(c.reasons.contains("same date of birth 1989-05-12"))
        #expect(c.reasons.contains { $0.hasPrefix("names match closely") })
        #expect(try s.store.stats().mergedAway == 0)
    }

    @Test("merge then unmerge restores the original state exactly, and both are logged")
    func mergeUnmergeRoundTrip() throws {
        let s = try ScratchStore()
        try s.ingest(Self.people)
        let before = try s.dump()
        let a = try s.store.find("person:niche/PN-1"), b = try s.store.find("person:lccs/X-9")
        try s.store.merge(a, b, reason: "same DOB, same associates; confirmed by DC 123", actor: "analyst1")
        #expect(try s.store.find("person:lccs/X-9") == a)
        let merged = try s.store.detail(a)
        #expect(merged.identifiers == ["person:lccs/X-9", "person:niche/PN-1"])
        #expect(merged.merged.map(\.entity) == [b.description])
        #expect(merged.merged[0].actor == "analyst1")
        #expect(merged.links.count == 2)
        #expect(try s.store.stats().entitiesByKind["person"] == 3)
        #expect(try s.store.resolutionCandidates().isEmpty)

        let undone = try s.store.unmerge(b, reason: "different fathers' names on file", actor: "analyst2")
        #expect(undone.undoneBy == "analyst2")
        #expect(try s.dump() == before)
        #expect(try s.store.find("person:lccs/X-9") == b)
        let history = try s.store.mergeHistory()
        #expect(history.count == 1)
        #expect(history[0].reason == "same DOB, same associates; confirmed by DC 123")
        #expect(history[0].undoReason == "different fathers' names on file")
    }

    @Test("merges that make no sense are refused")
    func refusedMerges() throws {
        let s = try ScratchStore()
        try s.ingest(Self.people + "\n" + #"{"type":"vehicle","id":"vehicle:WX19KPQ","item":"police/P1"}"#)
        let a = try s.store.find("person:niche/PN-1")
        #expect(throws: StoreError.self) { try s.store.merge(a, a, reason: "x") }
        #expect(throws: StoreError.self) { try s.store.merge(a, try s.store.find("vehicle:WX19KPQ"), reason: "x") }
        #expect(throws: StoreError.self) { try s.store.merge(a, try s.store.find("person:niche/PN-3"), reason: "  ") }
        #expect(throws: StoreError.self) { try s.store.unmerge(a, reason: "never merged") }
    }

    @Test("records that share a strong identifier merge automatically; an analyst can undo that merge, and the same record then cannot merge them again")
    func automaticMerge() throws {
        let s = try ScratchStore()
        try s.ingest(Self.people)
        #expect(try s.store.find("person:niche/PN-1") != (try s.store.find("person:lccs/X-9")))
        // A later record names both IDs: they are one person.
        let r = try s.ingest("""
        {"type":"item","agency":"social_care","ref":"S2","recorded":"2024-02-01","grade":"1AP"}
        {"type":"person","id":"person:lccs/X-9","ids":["person:niche/PN-1"],"item":"social_care/S2"}
        """)
        #expect(r.merges == 1)
        let a = try s.store.find("person:niche/PN-1"), b = try s.store.find("person:lccs/X-9")
        #expect(a == b)
        let history = try s.store.mergeHistory()
        #expect(history.map(\.kind) == ["identifier"])
        #expect(history[0].reason.contains("person:niche/PN-1"))
        // An analyst can undo it: both restored, and kept apart, so the same record cannot merge them again.
        let merged = EntityID(parsing: history[0].merged)!
        let undone = try s.store.unmerge(merged, reason: "two people: the export keyed one ID twice", actor: "analyst3")
        #expect(undone.keptApart?.reason == "two people: the export keyed one ID twice" && undone.keptApart?.actor == "analyst3")
        #expect(try s.store.find("person:niche/PN-1") != (try s.store.find("person:lccs/X-9")))
        #expect(throws: IngestFailure.self) {
            try s.ingest("""
            {"type":"item","agency":"social_care","ref":"S2","recorded":"2024-02-01","grade":"1AP"}
            {"type":"person","id":"person:lccs/X-9","ids":["person:niche/PN-1"],"item":"social_care/S2"}
            """)
        }
        #expect(try s.store.find("person:niche/PN-1") != (try s.store.find("person:lccs/X-9")))
        #expect(try s.store.mergeHistory().count == 1)
    }

    @Test("on a generated network every planted name-only duplicate is listed and no trap is")
    func generatedNetwork() throws {
        let dir = TemporaryDirectory()
        var lines: [String] = []
        var g = NetworkGenerator(options: .init(people: 1500, seed: 11)) { lines.append($0) }
        let truth = g.run()
        let s = try ScratchStore()
        try s.ingest(lines.joined(separator: "\n"), file: dir.file("network.jsonl"))
        let list = try s.store.resolutionCandidates()
        func listed(_ a: String, _ b: String) -> Bool {
            list.contains { ($0.aIdentifiers.contains(a) && $0.bIdentifiers.contains(b)) || ($0.aIdentifiers.contains(b) && $0.bIdentifiers.contains(a)) }
        }
        #expect(truth.nameOnlyDuplicates.count >= 30)
        let found = truth.nameOnlyDuplicates.filter { listed($0.0, $0.1) }
        #expect(found.count == truth.nameOnlyDuplicates.count, "missed: \(truth.nameOnlyDuplicates.filter { !listed($0.0, $0.1) })")
        #expect(!truth.traps.contains { listed($0.0, $0.1) })
        // Strong duplicates are one entity.
        for (a, b) in truth.strongDuplicates { #expect(try s.store.find(a) == (try s.store.find(b))) }
        let precision = Double(found.count) / Double(list.count)
        #expect(precision >= 0.8, "precision \(precision) over \(list.count) candidates")
    }
}
