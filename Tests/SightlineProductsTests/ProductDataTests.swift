import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineStore
import Testing

/// ProductData: the filters every list shares, and --since.
@Suite("product data")
struct ProductDataTests {
    static func cite(_ ref: String, _ date: String, grade: String = "1AP", agency: String = "police") -> Citation {
        Citation(agency: Agency(rawValue: agency)!, reference: ref, recorded: Day(date)!, grade: try! Grade(parsing: grade))
    }

    static func contents() -> ProductContents {
        let adult = EntityID(1), child = EntityID(2), place = EntityID(3)
        let entities = [NetworkEntity(id: adult, kind: .person, label: "Adult Fictional", roles: [.suspect]),
                        NetworkEntity(id: child, kind: .person, label: "Child Fictional", roles: [.childAtRisk]),
                        NetworkEntity(id: place, kind: .location, label: "Fictional Hotel", roles: [])]
        let links = [NetworkLink(id: 1, type: .atLocation, source: adult, target: place, time: "2024-01-05", origin: .asserted,
                                 evidence: [cite("A-1", "2024-01-06")]),
                     NetworkLink(id: 2, type: .foundAt, source: child, target: place, time: "2024-06-01", origin: .asserted,
                                 evidence: [cite("A-2", "2024-06-02", grade: "3EP"), cite("S-1", "2024-06-03", agency: "social_care")])]
        let episodes = [MissingEpisode(id: 1, child: child, start: testTime("2024-05-31T20:00:00"), end: testTime("2024-06-01T09:00:00"), missingFrom: nil,
                                       foundAt: place, foundWith: [adult], source: cite("A-3", "2024-06-01")),
                        MissingEpisode(id: 2, child: child, start: testTime("2024-09-01T20:00:00"), end: nil, missingFrom: nil,
                                       foundAt: nil, foundWith: [], source: cite("A-4", "2024-09-02"))]
        let notices = [IssuedNotice(type: .hotelNotice, subject: place, child: nil, premises: place, issued: testDay("2024-07-01"), expires: nil,
                                    officer: nil, source: cite("A-5", "2024-07-01"))]
        let consents = [NonConsent(child: child, adult: adult, by: .parent, source: cite("S-2", "2024-08-01", agency: "social_care"))]
        var facts: [EntityID: EntityFacts] = [:]
        var f = EntityFacts()
        f.birthDates = [Dated(BirthDateText("2010-03-04"), source: cite("S-3", "2023-01-01", agency: "social_care")),
                        Dated(BirthDateText("2010-04-03"), source: cite("A-6", "2024-10-01"))]
        facts[child] = f
        return ProductContents(entities: entities, links: links, facts: facts, episodes: episodes, carePeriods: [], notices: notices,
                               nonConsents: consents, ingested: [IntelRef(parsing: "police/A-1")!: Day("2024-12-01")!, IntelRef(parsing: "police/A-2")!: Day("2025-01-10")!])
    }

    @Test("as-of keeps only what was recorded by then, for every kind of fact")
    func asOf() {
        var f = NetworkFilter()
        f.asOf = Timestamp(year: 2024, month: 6, day: 2)
        let d = ProductData(Self.contents(), filter: f)
        #expect(d.contents.episodes.map(\.id) == [1])
        #expect(d.contents.notices.isEmpty && d.contents.nonConsents.isEmpty)
        #expect(d.contents.facts[EntityID(2)]?.birthDates.map(\.value.text) == ["2010-03-04"])
        #expect(d.contents.links.map(\.id) == [1, 2])
        #expect(d.contents.links[1].evidence.map(\.reference) == ["A-2"]) // S-1 was recorded the day after
        #expect(d.reference == Timestamp(year: 2024, month: 6, day: 2))
        #expect(d.episodesOf[EntityID(2)]?.count == 1 && d.noticesNaming[EntityID(3)] == nil)
    }

    @Test("agency and grade filters apply to episodes, notices and links alike; the reference is the newest item")
    func filters() {
        var f = NetworkFilter()
        f.agencies = [.police]
        f.minimumSource = 2; f.minimumAssessment = "B"
        let d = ProductData(Self.contents(), filter: f)
        #expect(d.contents.links.map(\.id) == [1]) // link 2 rests on a 3E item and a social-care item
        #expect(d.contents.nonConsents.isEmpty)
        #expect(d.contents.episodes.count == 2 && d.contents.notices.count == 1)
        #expect(ProductData(Self.contents()).reference == Timestamp(year: 2024, month: 6, day: 3))
        #expect(d.isChild(EntityID(2)) && !d.isChild(EntityID(1)) && d.isAdultOfConcern(EntityID(1)) && !d.isAdultOfConcern(EntityID(2)))
        #expect(d.name(EntityID(1)) == "Adult Fictional" && d.name(EntityID(99)) == "E99")
    }

    struct Row: EvidencedRow { var name: String; var evidence: [Citation] }

    @Test("--since keeps rows with an item recorded or first ingested after the day, not on it")
    func since() {
        let c = Self.contents()
        let rows = [Row(name: "old", evidence: [Self.cite("A-9", "2024-01-01")]),
                    Row(name: "recorded late", evidence: [Self.cite("A-8", "2024-01-01"), Self.cite("A-7", "2024-12-02")]),
                    Row(name: "ingested late", evidence: [Self.cite("A-2", "2024-06-02")]),
                    Row(name: "on the day", evidence: [Self.cite("A-1", "2024-01-06")])]
        #expect(rows.newOrChanged(since: Day("2024-12-01")!, ingested: c.ingested).map(\.name) == ["recorded late", "ingested late"])
        #expect(rows.newOrChanged(since: Day("2025-01-10")!, ingested: c.ingested).isEmpty)
    }

    @Test("evidence is listed once per item, oldest first")
    func evidence() {
        let a = Self.cite("A-1", "2024-01-06"), b = Self.cite("A-2", "2023-01-01")
        #expect(distinctEvidence([a, b, a]).map(\.reference) == ["A-2", "A-1"])
    }
}
