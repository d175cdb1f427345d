import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineStore
import SightlineTestSupport
import Testing

/// Hand-built pieces for the missing trawl and brief.
enum MissingFixture {
    static func cite(_ ref: String, _ day: String, grade: String = "1AP") -> Citation {
        Citation(agency: .police, reference: ref, recorded: Day(day)!, grade: try! Grade(parsing: grade))
    }

    /// A missing episode (built through its Codable form: its memberwise initialiser is internal to the store).
    static func episode(_ id: Int64, child: Int64, start: String, end: String? = nil, from: Int64? = nil, at: Int64? = nil,
                        with: [Int64] = [], recorded: String? = nil) -> MissingEpisode {
        var o: [String: Any] = ["id": id, "child": child, "start": start, "foundWith": with,
                                "source": ["agency": "police", "reference": "MP-\(id)", "recorded": recorded ?? String(start.prefix(10)),
                                           "grade": "1AP", "gradeSystem": "3x5x2"]]
        if let end { o["end"] = end }
        if let from { o["missingFrom"] = from }
        if let at { o["foundAt"] = at }
        let data = try! JSONSerialization.data(withJSONObject: o)
        return try! JSONDecoder().decode(MissingEpisode.self, from: data)
    }

    static func child(_ id: Int64, _ name: String) -> NetworkEntity { NetworkEntity(id: EntityID(id), kind: .person, label: name, roles: [.childAtRisk]) }
    static func adult(_ id: Int64, _ name: String) -> NetworkEntity { NetworkEntity(id: EntityID(id), kind: .person, label: name, roles: [.suspect]) }
    static func place(_ id: Int64, _ name: String) -> NetworkEntity { NetworkEntity(id: EntityID(id), kind: .location, label: name, roles: []) }

    static func link(_ id: Int64, _ type: LinkType, _ a: Int64, _ b: Int64, time: String? = nil, _ evidence: [Citation]) -> NetworkLink {
        NetworkLink(id: id, type: type, source: EntityID(a), target: EntityID(b), time: time, origin: .asserted, evidence: evidence)
    }

    static func data(entities: [NetworkEntity], links: [NetworkLink] = [], episodes: [MissingEpisode],
                     facts: [EntityID: EntityFacts] = [:], asOf: String? = nil) -> ProductData {
        let contents = ProductContents(entities: entities, links: links, facts: facts, episodes: episodes, carePeriods: [],
                                       notices: [], nonConsents: [], ingested: [:])
        var filter = NetworkFilter()
        filter.asOf = asOf.flatMap { try? TimeSpec(parsing: $0).end }
        return ProductData(contents, filter: filter)
    }

    static func category(_ c: LocationCategory) -> EntityFacts {
        var f = EntityFacts()
        f.category = c.rawValue
        return f
    }
}

@Suite("missing trawl (hand-worked)")
struct MissingTrawlTests {
    typealias F = MissingFixture
    let all = DayPeriod(from: testDay("2024-01-01"), until: testDay("2024-12-31"))

    @Test("an adult found with two different children recurs; one child's repeated episodes with another adult do not")
    func recurringAcrossChildren() {
        let data = F.data(entities: [F.child(1, "Ann"), F.child(2, "Bea"), F.adult(10, "Ray"), F.adult(11, "Sam")], episodes: [
            F.episode(100, child: 1, start: "2024-03-01T20:00", with: [10]),
            F.episode(101, child: 2, start: "2024-04-01T20:00", with: [10]),
            F.episode(102, child: 1, start: "2024-05-01T20:00", with: [11]),
            F.episode(103, child: 1, start: "2024-06-01T20:00", with: [11]),
            F.episode(104, child: 1, start: "2024-07-01T20:00", with: [11]),
        ])
        let t = missingTrawl(data, period: all)
        #expect(t.recurringAdults.map(\.entity) == ["E10"])
        let ray = t.recurringAdults[0]
        #expect(ray.children == ["Ann", "Bea"])
        #expect(ray.episodes.count == 2)
        #expect(ray.evidence.map(\.reference) == ["MP-100", "MP-101"])
        #expect(ray.reasons == ["found with: 2 episodes"])
        // Sam: three episodes but one child; listed only when one child is enough.
        #expect(missingTrawl(data, period: all, minimumChildren: 1).recurringAdults.map(\.entity) == ["E10", "E11"])
    }

    @Test("a child at risk found with other children is never listed as a recurring adult")
    func childNeverAdult() {
        let data = F.data(entities: [F.child(1, "Ann"), F.child(2, "Bea"), F.child(3, "Cal")], episodes: [
            F.episode(100, child: 1, start: "2024-03-01T20:00", with: [3]),
            F.episode(101, child: 2, start: "2024-04-01T20:00", with: [3]),
        ])
        let t = missingTrawl(data, period: all)
        #expect(t.recurringAdults.isEmpty)
        #expect(t.childrenReportedMissing.allSatisfy { $0.foundWith.isEmpty })
    }

    @Test("period boundaries: an episode counts from the first day to the last, both included, or when it overlaps them")
    func periodBoundaries() {
        let period = DayPeriod.days(28, endingOn: Timestamp(year: 2024, month: 3, day: 28)!)
        #expect(period == DayPeriod(from: testDay("2024-03-01"), until: testDay("2024-03-28")))
        let data = F.data(entities: [F.child(1, "Ann"), F.child(2, "Bea"), F.adult(10, "Ray")], episodes: [
            F.episode(100, child: 1, start: "2024-02-29T20:00", end: "2024-02-29T23:00", with: [10]), // day before: out
            F.episode(101, child: 2, start: "2024-02-29T22:00", end: "2024-03-01T02:00", with: [10]), // overlaps the first day: in
            F.episode(102, child: 1, start: "2024-03-28T23:59", with: [10]), // last day: in
            F.episode(103, child: 2, start: "2024-03-29T00:00", with: [10]), // day after: out
        ])
        let t = missingTrawl(data, period: period)
        #expect(t.episodesInPeriod == 2)
        #expect(t.recurringAdults.first?.episodes.map(\.source.reference) == ["MP-101", "MP-102"])
        let narrow = missingTrawl(data, period: DayPeriod(from: testDay("2024-03-02"), until: testDay("2024-03-28")))
        #expect(narrow.recurringAdults.isEmpty, "only one child's episode remains")
    }

    @Test("places: found there counts; missing from home or a children's home never does; missing from elsewhere does")
    func placeRules() {
        let data = F.data(
            entities: [F.child(1, "Ann"), F.child(2, "Bea"), F.place(20, "Home of Ann"), F.place(21, "Oak House"),
                       F.place(22, "Kebab shop"), F.place(23, "School")],
            links: [F.link(1, .residesAt, 1, 20, [F.cite("R1", "2024-01-01")]), F.link(2, .residesAt, 2, 20, [F.cite("R2", "2024-01-01")])],
            episodes: [
                F.episode(100, child: 1, start: "2024-03-01T20:00", from: 20, at: 22),
                F.episode(101, child: 2, start: "2024-04-01T20:00", from: 20, at: 22),
                F.episode(102, child: 1, start: "2024-05-01T20:00", from: 21),
                F.episode(103, child: 2, start: "2024-06-01T20:00", from: 21),
                F.episode(104, child: 1, start: "2024-07-01T20:00", from: 23),
                F.episode(105, child: 2, start: "2024-08-01T20:00", from: 23),
            ],
            facts: [EntityID(21): F.category(.childrensHome), EntityID(23): F.category(.school)])
        let t = missingTrawl(data, period: all)
        #expect(t.recurringPlaces.map(\.entity) == ["E23", "E22"]) // same children and episodes: the more recent first
        #expect(t.recurringPlaces[0].reasons == ["reported missing from there (not recorded as the child's home): 2 episodes"])
        #expect(t.recurringPlaces[1].reasons == ["found there: 2 episodes"])
    }

    @Test("an adult living where two children were found recurs, with the residence's items as evidence")
    func foundAtTheirAddress() {
        let data = F.data(
            entities: [F.child(1, "Ann"), F.child(2, "Bea"), F.adult(10, "Ray"), F.place(22, "Flat 9")],
            links: [F.link(1, .residesAt, 10, 22, [F.cite("HSG-1", "2023-12-01")])],
            episodes: [F.episode(100, child: 1, start: "2024-03-01T20:00", at: 22), F.episode(101, child: 2, start: "2024-04-01T20:00", at: 22)])
        let t = missingTrawl(data, period: all)
        #expect(t.recurringAdults.map(\.entity) == ["E10"])
        #expect(t.recurringAdults[0].reasons == ["found at their address: 2 episodes"])
        #expect(t.recurringAdults[0].evidence.map(\.reference) == ["HSG-1", "MP-100", "MP-101"])
    }

    @Test("children reported missing: in name order with their counts, never ranked")
    func childrenMostOften() {
        let data = F.data(entities: [F.child(1, "Ann"), F.child(2, "Bea"), F.child(3, "Cal"), F.adult(10, "Ray"), F.place(22, "Flat 9")],
                          episodes: [
                              F.episode(100, child: 1, start: "2024-03-01T20:00", at: 22, with: [10]),
                              F.episode(101, child: 1, start: "2024-03-05T20:00", at: 22),
                              F.episode(102, child: 2, start: "2024-03-02T20:00"),
                              F.episode(103, child: 2, start: "2024-03-09T20:00"),
                              F.episode(104, child: 3, start: "2024-03-20T20:00"),
                          ])
        let rows = missingTrawl(data, period: all).childrenReportedMissing
        #expect(rows.map(\.child) == ["Ann", "Bea", "Cal"])
        #expect(rows.map(\.episodeCount) == [2, 2, 1])
        #expect(rows[0].foundAt == ["Flat 9 (2)"])
        #expect(rows[0].foundWith == ["Ray (1)"])
    }

    @Test("as-of leaves out episodes recorded later")
    func asOf() {
        let data = F.data(entities: [F.child(1, "Ann"), F.child(2, "Bea"), F.adult(10, "Ray")], episodes: [
            F.episode(100, child: 1, start: "2024-03-01T20:00", with: [10]),
            F.episode(101, child: 2, start: "2024-03-02T20:00", with: [10], recorded: "2024-04-10"),
        ], asOf: "2024-04-01")
        let t = missingTrawl(data, period: all)
        #expect(t.episodesInPeriod == 1)
        #expect(t.recurringAdults.isEmpty)
    }
}

@Suite("missing brief (hand-worked)")
struct MissingBriefTests {
    typealias F = MissingFixture

    /// Child 1; places 20 (found twice, older), 21 (found twice, newer), 22 (found three times), 23 (seen once);
    /// adults 10 (found with three times), 11 (found with once), 12 (lives at 22), 13 (seen with the child, lives at 24).
    static func contents() -> MissingBriefContents {
        let ents = [F.child(1, "Zed Child"), F.adult(10, "Ray"), F.adult(11, "Sam"), F.adult(12, "Tom"), F.adult(13, "Uma"),
                    F.child(2, "Other Child"), F.place(20, "Old Cafe"), F.place(21, "New Hotel"), F.place(22, "Flat 9"),
                    F.place(23, "Park"), F.place(24, "Uma's flat"), F.place(30, "Home"),
                    NetworkEntity(id: EntityID(40), kind: .phone, label: "+447700900001", roles: [])]
        var byID: [EntityID: NetworkEntity] = [:]
        for e in ents { byID[e.id] = e }
        var flat = EntityFacts(); flat.postcode = "WX3 5RC"; flat.category = "residential"
        var hotel = EntityFacts(); hotel.postcode = "WX1 4QR"; hotel.category = "hotel"
        var cafe = EntityFacts(); cafe.postcode = "WX1 2AB"
        return MissingBriefContents(
            child: ents[0], identifiers: ["person:lccs/C-1"],
            birthDates: [Dated(BirthDateText("2010-04-07"), source: F.cite("SC-1", "2023-01-01"))],
            episodes: [
                F.episode(100, child: 1, start: "2024-01-01T20:00", from: 30, at: 20, with: [10]),
                F.episode(101, child: 1, start: "2024-01-10T20:00", from: 30, at: 20, with: [10, 2]),
                F.episode(102, child: 1, start: "2024-03-01T20:00", from: 30, at: 21, with: [10]),
                F.episode(103, child: 1, start: "2024-03-10T20:00", from: 30, at: 21, with: [11]),
                F.episode(104, child: 1, start: "2024-02-01T20:00", from: 30, at: 22),
                F.episode(105, child: 1, start: "2024-02-02T20:00", from: 30, at: 22),
                F.episode(106, child: 1, start: "2024-02-03T20:00", from: 30, at: 22),
                F.episode(107, child: 1, start: "2024-05-01T20:00", from: 30, at: 23, with: [13], recorded: "2024-06-01"),
            ],
            carePeriods: [],
            childLinks: [
                F.link(1, .residesAt, 1, 30, [F.cite("SC-2", "2023-01-01")]),
                F.link(2, .atLocation, 1, 23, time: "2024-02-20T18:00", [F.cite("WX-9", "2024-02-21")]),
                F.link(3, .seenWith, 1, 13, time: "2024-02-20T18:00", [F.cite("WX-9", "2024-02-21")]),
                F.link(4, .usesPhone, 1, 40, [F.cite("WX-10", "2024-02-25")]),
                F.link(5, .seenWith, 1, 2, [F.cite("WX-11", "2024-02-25")]),
            ],
            adultLinks: [
                EntityID(12): [F.link(6, .residesAt, 12, 22, [F.cite("HSG-1", "2023-06-01")])],
                EntityID(13): [F.link(7, .residesAt, 13, 24, [F.cite("HSG-2", "2023-06-01")])],
                EntityID(10): [F.link(8, .frequents, 10, 24, [F.cite("WX-12", "2023-07-01")])],
            ],
            entities: byID,
            facts: [EntityID(20): cafe, EntityID(21): hotel, EntityID(22): flat])
    }

    @Test("places and adults are ordered by episodes, then the most recent; home is not a place to look")
    func ordering() throws {
        // The run day, not the newest item's day (2024-06-01), is the day the age is given on.
        let b = try missingBrief(Self.contents(), today: try TimeSpec(parsing: "2024-09-01").start)
        // 22 found 3 times; 21 and 20 twice each, 21 more recently; 23 once (May); home (30) is left out.
        #expect(b.placesToLook.map(\.entity) == ["E22", "E21", "E20", "E23"])
        #expect(b.placesToLook.map(\.foundThere) == [3, 2, 2, 1])
        #expect(b.placesToLook[3].otherRecords == 1)
        // Ray found with 3 times (latest 1 March); Tom lives at Flat 9, where the child was found 3 times (latest
        // 3 February); Uma and Sam feature once each, Uma more recently (May against March).
        #expect(b.adults.map(\.entity) == ["E10", "E12", "E13", "E11"])
        #expect(b.adults[1].foundAtTheirAddress == 3 && b.adults[1].foundWith == 0)
        #expect(!b.adults.contains { $0.entity == "E2" }, "another child at risk is never listed as an adult")
        #expect(b.areas.map(\.district) == ["WX1", "WX3"])
        #expect(b.areas[0].foundThere == 4)
        // Uma's flat is linked to Ray (3 episodes) and Uma (1): not a place the child was recorded at.
        #expect(b.placesLinkedToAdults.map(\.entity) == ["E24"])
        #expect(b.placesLinkedToAdults[0].adultsEpisodes == 4)
        #expect(b.phonesAndAccounts.map(\.label) == ["+447700900001"])
        #expect(b.child.usuallyMissingFrom == ["Home (8)"])
        #expect(b.episodes.first?.foundWith == ["Uma"])
        #expect(b.episodes.first { $0.source.reference == "MP-101" }?.foundWith == ["Ray", "another child at risk"])
        #expect(b.asOf == "2024-09-01")
        #expect(b.child.age == "14")
        // Years later, the same records give the child's age on that run day.
        #expect(try missingBrief(Self.contents(), today: try TimeSpec(parsing: "2026-06-01").start).child.age == "16")
        #expect(b.placesToLook.allSatisfy { !$0.evidence.isEmpty } && b.adults.allSatisfy { !$0.evidence.isEmpty })
    }

    @Test("as-of leaves out items recorded later")
    func asOf() throws {
        let b = try missingBrief(Self.contents(), asOf: "2024-05-31")
        #expect(b.child.episodeCount == 7)
        // The May episode (recorded 1 June) is gone; Park stays through the February sighting, found there 0 times.
        #expect(b.placesToLook.last?.entity == "E23")
        #expect(b.placesToLook.last?.foundThere == 0)
        #expect(b.adults.first { $0.entity == "E13" }?.lastEpisode == nil)
        let earlier = try missingBrief(Self.contents(), asOf: "2024-01-31")
        #expect(earlier.child.episodeCount == 2)
        #expect(earlier.placesToLook.map(\.entity) == ["E20"])
        #expect(earlier.child.age == "13")
    }

    @Test("no brief for an adult, or for a child with nothing recorded")
    func refusals() {
        var c = Self.contents()
        c.child = F.adult(10, "Ray")
        #expect(throws: MissingBriefRefusal.notAChildAtRisk("E10 Ray")) { try missingBrief(c) }
        var d = Self.contents()
        d.episodes = []; d.childLinks = []
        #expect(throws: MissingBriefRefusal.noHistory("E1 Zed Child")) { try missingBrief(d) }
        #expect(throws: MissingBriefRefusal.noHistory("E1 Zed Child")) { try missingBrief(Self.contents(), asOf: "2022-01-01") }
    }
}

@Suite("missing trawl and brief on the samples", .serialized)
struct MissingSampleTests {
    /// The samples' missing episodes read straight from the files: child identifier, start, found-at
    /// identifier, found-with identifiers.
    static func sampleEpisodes() throws -> [(child: String, start: String, foundAt: String?, with: [String])] {
        var out: [(String, String, String?, [String])] = []
        let dir = PackagePaths.samples + "/jsonl"
        for file in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where file.hasSuffix(".jsonl") {
            for line in try String(contentsOfFile: dir + "/" + file, encoding: .utf8).split(separator: "\n") {
                guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], o["type"] as? String == "missing" else { continue }
                out.append((o["child"] as! String, o["start"] as! String, o["foundAt"] as? String, o["foundWith"] as? [String] ?? []))
            }
        }
        let csv = try String(contentsOfFile: PackagePaths.samples + "/csv/missing_episodes.csv", encoding: .utf8)
        for row in parseCSV(csv).dropFirst() where row.count > 6 {
            // Reported Missing is dd/MM/yyyy HH:mm.
            let d = row[2].split(separator: " ")[0].split(separator: "/")
            let start = "\(d[2])-\(d[1])-\(d[0])T\(row[2].split(separator: " ")[1])"
            out.append(("person:niche/\(row[1])", start, row[5].isEmpty ? nil : "location:uprn/\(row[5])",
                        row[6].split(separator: ";").map { "person:niche/\($0)" }))
        }
        return out
    }

    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var it = Array(text).makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? it.next() {
            pending = nil
            if quoted {
                if ch == "\"" { if let n = it.next() { if n == "\"" { cell.append("\"") } else { quoted = false; pending = n } } else { quoted = false } }
                else { cell.append(ch) }
            } else if ch == "\"" { quoted = true }
            else if ch == "," { row.append(cell); cell = "" }
            else if ch == "\n" || ch == "\r\n" { row.append(cell); rows.append(row); row = []; cell = "" }
            else if ch != "\r" { cell.append(ch) }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    @Test("the brief for Zoë Marblewood puts the places she was found at most often, and most recently, at the top")
    func zoeBrief() throws {
        let truth = try SampleData.truth()
        let zoe = (truth["childrenAtRisk"] as! [[String: Any]]).first { $0["id"] as? String == "person:lccs/C-2201" }!
        let ids = Set(zoe["allIds"] as! [String])
        // Expected, from the files: found-at places by count, then the most recent start.
        var count: [String: Int] = [:], last: [String: String] = [:]
        for e in try Self.sampleEpisodes() where ids.contains(e.child) {
            guard let at = e.foundAt else { continue }
            count[at, default: 0] += 1
            last[at] = max(last[at] ?? "", e.start)
        }
        let expected = try count.keys.sorted { (count[$0]!, last[$0]!) > (count[$1]!, last[$1]!) }.map { try SampleData.id($0).description }
        #expect(expected.count >= 3)
        let store = try SampleData.store.get()
        let brief = try missingBrief(try store.missingBriefContents(for: try SampleData.id("person:lccs/C-2201")))
        #expect(Array(brief.placesToLook.prefix(expected.count).map(\.entity)) == expected)
        #expect(brief.placesToLook.first?.name == "The Anchorage Hotel")
        #expect(brief.child.name == "Zoë Marblewood")
        #expect(brief.child.episodeCount == zoe["missingEpisodes"] as? Int)
        // Her found-with adults from the truth are all listed, and lead the adults.
        let foundWith = Set(try (zoe["foundWith"] as! [String]).map { try SampleData.id($0).description })
        #expect(Set(brief.adults.prefix(foundWith.count + 2).map(\.entity)).isSuperset(of: foundWith))
        #expect(brief.adults.first?.name == "Darren Quillfeather")
        for a in brief.adults { #expect(try !SampleData.data().isChild(EntityID(parsing: a.entity)!)) }
    }

    @Test("the trawl over the samples lists every adult and place recurring across children in the files, and the planted hotspots lead")
    func trawl() throws {
        let data = try SampleData.data()
        let t = missingTrawl(data, period: DayPeriod(from: testDay("2020-01-01"), until: testDay("2030-12-31")))
        var adultChildren: [String: Set<String>] = [:], placeChildren: [String: Set<String>] = [:]
        for e in try Self.sampleEpisodes() {
            let child = try SampleData.id(e.child).description
            for p in e.with { adultChildren[try SampleData.id(p).description, default: []].insert(child) }
            if let at = e.foundAt { placeChildren[try SampleData.id(at).description, default: []].insert(child) }
        }
        let expectedAdults = Set(adultChildren.filter { $0.value.count >= 2 }.keys)
        let expectedPlaces = Set(placeChildren.filter { $0.value.count >= 2 }.keys)
        #expect(!expectedAdults.isEmpty)
        #expect(Set(t.recurringAdults.map(\.entity)).isSuperset(of: expectedAdults))
        #expect(Set(t.recurringPlaces.map(\.entity)).isSuperset(of: expectedPlaces))
        // The truth's warning-notice candidates: those found with two or more children recur; those found
        // only with one child (however often) do not (Ryan Pebblewood, Idris Vetchley in the samples).
        let candidates = (try SampleData.truth()["warningNoticeCandidates"] as! [String: Any])["candidates"] as! [[String: Any]]
        var single = 0
        for c in candidates {
            let adult = try SampleData.id(c["adult"] as! String).description
            let listed = t.recurringAdults.contains { $0.entity == adult }
            if (adultChildren[adult]?.count ?? 0) >= 2 { #expect(listed, "\(adult)") } else { single += 1; #expect(!listed, "\(adult)") }
        }
        #expect(single >= 1 && single < candidates.count)
        // The planted hotspots are the top four recurring places.
        let planted = Set(try ((try SampleData.truth()["hotspots"] as! [String: Any])["planted"] as! [String]).map { try SampleData.id($0).description })
        #expect(Set(t.recurringPlaces.prefix(4).map(\.entity)) == planted)
        // No child is ever a recurring adult (that children are written `Child C-n` is the gate's: MissingCommandTests).
        for r in t.recurringAdults { #expect(!data.isChild(EntityID(parsing: r.entity)!)) }
    }
}

/// Issue 11, item 23: one finding told by an episode and by other items counts once.
@Suite("disrupt people: found-with occasions")
struct FoundWithOccasionTests {
    typealias F = MissingFixture

    @Test("an episode and two found_with links of the same finding are one occasion; another finding is a second")
    func foundWithCountsOccasions() {
        let episode = F.episode(100, child: 1, start: "2024-03-01T20:00", end: "2024-03-02T09:00", at: 22, with: [10])
        let links = [
            // The episode's own link, another agency's note of the same finding, and a later finding.
            F.link(1, .foundWith, 1, 10, time: "2024-03-02T09:00", [F.cite("MP-100", "2024-03-01")]),
            F.link(2, .foundWith, 10, 1, time: "2024-03-02T09:00", [F.cite("RHI-1", "2024-03-05")]),
            F.link(3, .foundWith, 10, 1, time: "2024-08-15T23:10", [F.cite("RHI-2", "2024-08-16")]),
        ]
        let data = F.data(entities: [F.child(1, "Ann"), F.adult(10, "Ray"), F.place(22, "Flat 9")], links: links, episodes: [episode])
        let ray = KeyPeople.rank(data).rows.first { $0.entity == "E10" }!
        #expect(ray.episodes == 1)
        #expect(ray.children.first?.how == ["found with during a missing episode (2)"], "\(ray.children)")
    }
}
