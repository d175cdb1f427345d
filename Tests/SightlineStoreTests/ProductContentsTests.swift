import Foundation
import SightlineIngest
import SightlineModel
import SightlineStore
import SightlineTestSupport
import Testing

/// What the products read from the store: every fact with its item, folded onto survivors.
@Suite("product contents")
struct ProductContentsTests {
    @Test("dates of birth, place details, episodes, care periods, notices and non-consents come back with their items")
    func everything() throws {
        let s = try ScratchStore()
        try s.ingest(Fixtures.everyRecordType)
        let c = try s.store.productContents()
        let darren = try s.store.find("person:niche/PN-1001"), child = try s.store.find("person:lccs/C-2231")
        let hotel = try s.store.find("location:lic/PREM-0042")
        #expect(c.facts[darren]?.birthDates.map(\.value.text) == ["1989-05-12"])
        #expect(c.facts[darren]?.birthDates.first?.source.reference == "WX-24-000123")
        #expect(c.facts[hotel]?.category == "hotel" && c.facts[hotel]?.postcode == "WX1 4QR" && c.facts[hotel]?.nightTimeEconomy == true)
        #expect(c.episodes.count == 1 && c.episodes[0].child == child && c.episodes[0].foundAt == hotel && c.episodes[0].foundWith == [darren])
        #expect(c.carePeriods.map(\.start.text) == ["2023-01-10"] && c.carePeriods[0].end == nil)
        #expect(c.notices.count == 1 && c.notices[0].type == .cawn && c.notices[0].subject == darren && c.notices[0].child == child)
        #expect(c.nonConsents.count == 1 && c.nonConsents[0].by == .localAuthority && c.nonConsents[0].adult == darren)
        #expect(c.nonConsents[0].source.reference == "LCS-88120")
        #expect(c.ingested.all.count == 3 && Set(c.ingested.all.values).count == 1)
    }

    @Test("typed dates encode as the store's text: an episode's times as stored, care periods and notices as days")
    func datesEncodeAsText() throws {
        let s = try ScratchStore()
        try s.ingest(Fixtures.everyRecordType)
        let c = try s.store.productContents()
        func object(_ v: some Encodable) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(v)) as? [String: Any])
        }
        let episode = try object(try #require(c.episodes.first))
        let start = try #require(episode["start"] as? String)
        #expect(start.count == 19 && MissingEpisode.time(start) == c.episodes[0].start)
        let decoded = try JSONDecoder().decode(MissingEpisode.self, from: try JSONEncoder().encode(c.episodes[0]))
        #expect(decoded == c.episodes[0])
        #expect(try object(try #require(c.carePeriods.first))["start"] as? String == "2023-01-10")
        let notice = try object(try #require(c.notices.first))
        #expect((notice["issued"] as? String).flatMap { Day($0) } == c.notices[0].issued)
    }

    @Test("re-ingesting changes nothing (non-consents included) and keeps each item's first-ingest day")
    func idempotent() throws {
        let s = try ScratchStore()
        try s.ingest(Fixtures.everyRecordType)
        let before = try s.dump()
        try s.ingest(Fixtures.everyRecordType)
        let after = try s.dump()
        // Only the run that last wrote each item differs.
        for table in before.keys where table != "item" { #expect(after[table] == before[table], "table \(table)") }
        #expect(try s.count("SELECT count(*) FROM non_consent") == 1)
        #expect(try s.count("SELECT count(*) FROM item WHERE first_run = 1") == 3)
        #expect(try s.count("SELECT count(*) FROM item WHERE run_id = 2") == 3)
        // A changed item replaces what it said: the non-consent for any adult replaces the named one.
        let changed = Fixtures.everyRecordType.replacingOccurrences(of: #""adult":"person:niche/PN-1001","by":"local_authority""#, with: #""by":"parent""#)
        try s.ingest(changed)
        let c = try s.store.productContents()
        #expect(c.nonConsents.count == 1 && c.nonConsents[0].adult == nil && c.nonConsents[0].by == .parent)
    }

    @Test("a bad non-consent names its field and stores nothing")
    func badNonConsent() throws {
        let s = try ScratchStore()
        let bad = Fixtures.everyRecordType.replacingOccurrences(of: #""by":"local_authority""#, with: #""by":"neighbour""#)
        #expect(throws: IngestFailure.self) { try s.ingest(bad) }
        #expect(try s.count("SELECT count(*) FROM item") == 0)
        do { try s.ingest(bad) } catch { #expect("\(error)".contains("'by'") && "\(error)".contains("parent, carer, local_authority")) }
        let vehicleChild = Fixtures.everyRecordType.replacingOccurrences(of: #""type":"non_consent","child":"person:lccs/C-2231""#, with: #""type":"non_consent","child":"vehicle:WX09ABQ""#)
        #expect(throws: IngestFailure.self) { try s.ingest(vehicleChild) }
    }
}
