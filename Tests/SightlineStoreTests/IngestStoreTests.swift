import Foundation
import SightlineIngest
import SightlineModel
import SightlineStore
import SightlineTestSupport
import Testing

@Suite("Ingest into the store")
struct IngestStoreTests {
    @Test("every record type is stored, normalised, with its evidence")
    func everyRecordType() throws {
        let s = try ScratchStore()
        let summary = try s.ingest(Fixtures.everyRecordType)
        #expect(summary.recordsRead == 21)
        #expect(summary.itemsCreated == 3)
        #expect(summary.rejects == 0)
        let stats = try s.store.stats()
        // People: PN-1001, C-2231 (with PN-5521), A-0091; vehicle; phones 900123 (+IMEI) and 900456;
        // account; two locations; organisation.
        #expect(stats.entitiesByKind == ["person": 3, "vehicle": 1, "phone": 2, "account": 1, "location": 2, "organisation": 1])
        #expect(stats.itemsByGradeSystem == ["3x5x2": 2, "5x5x5": 1])
        #expect(stats.missingEpisodes == 1)
        #expect(stats.notices == 1)
        #expect(stats.lookedAfterPeriods == 1)
        #expect(stats.childrenAtRisk == 1)
        // 5 link records + found_with and found_at from the missing episode.
        #expect(stats.links == 7)
        #expect(stats.linksByType["found_with"] == 1)
        #expect(stats.linksByType["found_at"] == 1)

        // The phone written three ways is one entity, found by any spelling, with its IMEI.
        let phone = try s.store.find("phone:07700-900-123")
        #expect(try s.store.find("imei:352099001761481") == phone)
        let detail = try s.store.detail(phone)
        #expect(detail.identifiers == ["imei:35209900176148", "phone:+447700900123"])
        #expect(detail.links.count == 2)
        #expect(Set(detail.links.map(\.type)) == ["uses_phone", "contacted"])
        let call = try #require(detail.links.first { $0.type == "contacted" })
        #expect(call.detail == "call, 94 s")
        #expect(call.time == "2024-03-02T20:13:05")
        #expect(call.evidence.map(\.description) == ["police/WX-24-000123 2024-03-04 2BP"])

        // The child: both system IDs on one entity, roles with sources, the episode, the period in care.
        let child = try s.store.find("person:niche/PN-5521")
        #expect(try s.store.find("person:lccs/C-2231") == child)
        let c = try s.store.detail(child)
        #expect(c.label == "Amy-Lou FICTIONAL")
        #expect(c.roles.map(\.role) == ["child_at_risk"])
        #expect(c.roles[0].source.conditions == "Share only within the MACE panel")
        #expect(c.lookedAfter.map(\.from) == ["2023-01-10"])
        #expect(c.missingEpisodes.count == 1)
        #expect(c.missingEpisodes[0].foundWith.count == 1)
        #expect(c.missingEpisodes[0].foundWith[0].hasSuffix("Darren QUILLFEATHER"))
        #expect(c.notices.map(\.type) == ["cawn"])
        #expect(Set(c.links.map(\.type)) == ["travelled_in", "parent_of", "found_with", "found_at"])

        // Normalised details.
        let hotel = try s.store.detail(try s.store.find("location:LIC/PREM-0042"))
        #expect(hotel.records[0].details["postcode"] == "WX1 4QR")
        #expect(hotel.records[0].details["nte"] == "true")
        #expect(try s.store.find("account:Snapchat/KAZ_WEX99") == (try s.store.find("account:snapchat/@kaz_wex99")))
        #expect(try s.store.find("The Anchorage Hotel") == EntityID(parsing: hotel.id))
    }

    @Test("ingesting the same items twice changes nothing and duplicates nothing")
    func reingestIsIdempotent() throws {
        let s = try ScratchStore()
        try s.ingest(Fixtures.everyRecordType)
        let before = try s.dump()
        let again = try s.ingest(Fixtures.everyRecordType)
        #expect(again.itemsCreated == 0)
        #expect(again.itemsUpdated == 3)
        #expect(again.entitiesCreated == 0)
        #expect(again.linksCreated == 0)
        let after = try s.dump()
        // Only the run that last wrote each item differs.
        #expect(after.keys.sorted() == before.keys.sorted())
        for table in before.keys where table != "item" { #expect(after[table] == before[table], "table \(table)") }
        #expect(try s.count("SELECT count(*) FROM item") == 3)
    }

    @Test("re-ingesting an item replaces what it said before")
    func reingestReplaces() throws {
        let s = try ScratchStore()
        try s.ingest("""
        {"type":"item","agency":"police","ref":"R1","recorded":"2024-01-01","grade":"2BP"}
        {"type":"link","link":"seen_with","from":"person:niche/A","to":"person:niche/B","item":"police/R1"}
        {"type":"person","id":"person:niche/A","name":"Ann ONE","roles":["suspect"],"item":"police/R1"}
        """)
        #expect(try s.count("SELECT count(*) FROM link") == 1)
        // The corrected export says A was seen with C, not B, and A is a witness.
        let r = try s.ingest("""
        {"type":"item","agency":"police","ref":"R1","recorded":"2024-01-01","grade":"2BP"}
        {"type":"link","link":"seen_with","from":"person:niche/A","to":"person:niche/C","item":"police/R1"}
        {"type":"person","id":"person:niche/A","name":"Ann ONE","roles":["witness"],"item":"police/R1"}
        """)
        #expect(r.itemsUpdated == 1)
        let a = try s.store.detail(try s.store.find("person:niche/A"))
        #expect(a.links.count == 1)
        #expect(a.links[0].other == (try s.store.find("person:niche/C")).description)
        #expect(a.roles.map(\.role) == ["witness"])
    }

    @Test("a bad line stores nothing and the error names the file, line and field")
    func badLineStoresNothing() throws {
        let s = try ScratchStore()
        try s.ingest(Fixtures.everyRecordType)
        let before = try s.dump()
        let bad = """
        {"type":"item","agency":"police","ref":"NEW-1","recorded":"2024-05-01","grade":"1AP"}
        {"type":"person","id":"person:niche/NEW","name":"New PERSON","item":"police/NEW-1"}
        {"type":"person","id":"person:niche/NEW2","name":"Bad DATE","dob":"31/02/2024","item":"police/NEW-1"}
        """
        do {
            try s.ingest(bad, file: "bad.jsonl")
            Issue.record("the run should have failed")
        } catch let e as IngestFailure {
            guard case let .rejected(err) = e else { Issue.record("expected a rejected record, got \(e)"); return }
            #expect(err.location == SourceLocation(file: "bad.jsonl", line: 3))
            #expect(err.field == "dob")
            #expect(err.description.contains("bad.jsonl:3"))
            #expect(err.description.contains("31/02/2024"))
            #expect(e.description.contains("Nothing from this run was stored"))
        }
        #expect(try s.dump(excluding: ["merge", "grdb_migrations"]).filter { $0.key != "ingest_run" } == before)
        #expect(try s.count("SELECT count(*) FROM ingest_run") == 1)
    }

    @Test("with quarantine the good records go in and the bad ones are handed back")
    func quarantine() throws {
        let s = try ScratchStore()
        var bad: [(Int, String?)] = []
        let text = """
        {"type":"item","agency":"police","ref":"Q1","recorded":"2024-05-01","grade":"1AP"}
        {"type":"person","id":"person:niche/OK","name":"Good RECORD","item":"police/Q1"}
        {"type":"person","id":"person:niche/BAD","name":"Bad GRADE","item":"police/NOPE"}
        {"type":"person","id":"person:niche/BAD2","nmae":"Typo FIELD","item":"police/Q1"}
        not json at all
        """
        let summary = try s.store.ingest([IngestInput(name: "q.jsonl", format: .jsonLines, source: MemoryByteSource(text))],
                                         policy: .quarantine { unit, error in bad.append((unit.location.line, error.field)) })
        #expect(summary.rejects == 3)
        #expect(bad.map(\.0) == [3, 4, 5])
        #expect(bad.map(\.1) == ["item", "nmae", nil])
        #expect(try s.store.entities(kind: .person).map(\.label) == ["Good RECORD"])
    }

    @Test("a fact citing an item that is not defined is rejected")
    func undefinedItem() throws {
        let s = try ScratchStore()
        #expect(throws: IngestFailure.self) {
            try s.ingest(#"{"type":"person","id":"person:niche/X","item":"police/NOT-DEFINED"}"#)
        }
        #expect(try s.count("SELECT count(*) FROM entity") == 0)
    }

    @Test("CSV through a mapping stores the same as JSON Lines")
    func csvMatchesJSONLines() throws {
        let mapping = try CSVMapping.parse(yaml: """
        mapping: 1
        records:
          - type: item
            agency: police
            ref: "CDR-{Call ID}"
            recorded: { column: Extracted, date: dd/MM/yyyy }
            grade: 1AP
          - type: link
            link: contacted
            from: "phone:{Caller}"
            to: "phone:{Recipient}"
            at: { column: Start, date: "dd/MM/yyyy HH:mm:ss" }
            mode: { column: Type, map: { VOICE: call, SMS: sms } }
            duration: { column: Duration, number: true }
            item: "police/CDR-{Call ID}"
        """, file: "calls.mapping.yaml")
        let csv = """
        Call ID,Caller,Recipient,Start,Duration,Type,Extracted
        1,07700 900123,+44 (0)7700 900456,02/03/2024 20:13:05,94,VOICE,04/03/2024
        2,447700900456,07700-900-123,02/03/2024 20:20:00,,SMS,04/03/2024
        """
        let viaCSV = try ScratchStore()
        try viaCSV.store.ingest([IngestInput(name: "calls.csv", format: .csv(mapping, mappingFile: "calls.mapping.yaml"), source: MemoryByteSource(csv))])
        let viaJSON = try ScratchStore()
        try viaJSON.ingest("""
        {"type":"item","agency":"police","ref":"CDR-1","recorded":"2024-03-04","grade":"1AP"}
        {"type":"link","link":"contacted","from":"phone:07700900123","to":"phone:07700900456","at":"2024-03-02T20:13:05","mode":"call","duration":94,"item":"police/CDR-1"}
        {"type":"item","agency":"police","ref":"CDR-2","recorded":"2024-03-04","grade":"1AP"}
        {"type":"link","link":"contacted","from":"phone:07700900456","to":"phone:07700900123","at":"2024-03-02T20:20:00","mode":"sms","item":"police/CDR-2"}
        """)
        var a = try viaCSV.dump(), b = try viaJSON.dump()
        a["item"] = nil; b["item"] = nil // source file and line differ
        #expect(a == b)
        #expect(try viaCSV.store.stats().linksByType == ["contacted": 2])
    }
}


@Suite("Re-ingest across many items")
struct ReingestManyItemsTests {
    /// More items than the writer's caches hold (200,000 would be slow in a test, so this relies on
    /// the run_id bookkeeping rather than the caches): an item touched again later in the same run,
    /// after other items, keeps everything this run wrote under it.
    @Test("facts written earlier in a run survive a later touch of the same item")
    func laterTouchKeepsThisRunsFacts() throws {
        let s = try ScratchStore()
        try s.ingest("""
        {"type":"item","agency":"police","ref":"M1","recorded":"2024-01-01","grade":"2BP"}
        {"type":"link","link":"seen_with","from":"person:niche/A","to":"person:niche/B","item":"police/M1"}
        """)
        // A second run: re-ingest M1 with a new link, then other items, then another fact for M1.
        var text = """
        {"type":"item","agency":"police","ref":"M1","recorded":"2024-01-01","grade":"2BP"}
        {"type":"link","link":"seen_with","from":"person:niche/A","to":"person:niche/C","item":"police/M1"}

        """
        for k in 0..<50 {
            text += #"{"type":"item","agency":"police","ref":"X\#(k)","recorded":"2024-01-02","grade":"2BP"}"# + "\n"
        }
        text += #"{"type":"link","link":"seen_with","from":"person:niche/A","to":"person:niche/D","item":"police/M1"}"# + "\n"
        try s.ingest(text)
        let a = try s.store.detail(try s.store.find("person:niche/A"))
        let others = Set(try a.links.map { $0.other })
        #expect(others == Set([try s.store.find("person:niche/C").description, try s.store.find("person:niche/D").description]))
    }
}
