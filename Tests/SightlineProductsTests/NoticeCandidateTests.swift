import Foundation
import SightlineModel
import SightlineNetwork
@testable import SightlineProducts
@testable import SightlineStore
import SightlineTestSupport
import Testing

/// A hand-built world for one rule: an adult (E1), a child (E2), a second child (E3), a flat (E10)
/// and a car (E11), with links, episodes, care periods, notices and non-consents added by each test.
private struct World {
    var entities: [NetworkEntity] = []
    var links: [NetworkLink] = []
    var facts: [EntityID: EntityFacts] = [:]
    var episodes: [MissingEpisode] = []
    var care: [CarePeriod] = []
    var notices: [IssuedNotice] = []
    var nonConsents: [NonConsent] = []
    var nextRef = 1

    static let adult = EntityID(1), child = EntityID(2), child2 = EntityID(3), flat = EntityID(10), car = EntityID(11)

    /// The usual cast: adult born 1990-01-01, child born `childDOB` (nil: unknown).
    init(adultDOB: [String] = ["1990-01-01"], childDOB: [String] = ["2008-06-15"]) {
        person(World.adult, "Adam Testperson", [.suspect], adultDOB)
        person(World.child, "Cara Testchild", [.childAtRisk], childDOB)
        person(World.child2, "Dani Testchild", [.childAtRisk], ["2011-01-01"])
        entities.append(NetworkEntity(id: World.flat, kind: .location, label: "Flat 9, Nowhere Court", roles: []))
        entities.append(NetworkEntity(id: World.car, kind: .vehicle, label: "WX00 TSQ", roles: []))
    }

    mutating func cite(_ day: String, agency: String = "police") -> Citation {
        defer { nextRef += 1 }
        return Citation(agency: Agency(rawValue: agency)!, reference: "T-\(nextRef)", recorded: Day(day)!, grade: try! Grade(parsing: "2BP"))
    }

    mutating func person(_ id: EntityID, _ label: String, _ roles: [Role], _ dobs: [String]) {
        entities.append(NetworkEntity(id: id, kind: .person, label: label, roles: roles))
        var f = EntityFacts()
        for d in dobs { f.birthDates.append(Dated(BirthDateText(d), source: cite("2023-01-01", agency: "social_care"))) }
        facts[id] = f
    }

    @discardableResult
    mutating func link(_ type: LinkType, _ from: EntityID, _ to: EntityID, _ time: String?) -> Citation {
        let c = cite(String((time ?? "2024-12-31").prefix(10)).replacingOccurrences(of: "~", with: ""))
        links.append(NetworkLink(id: Int64(links.count + 1), type: type, source: from, target: to, time: time, origin: .asserted, evidence: [c]))
        return c
    }

    /// Seen with the adult on each day.
    mutating func seen(_ days: [String], child: EntityID = World.child) {
        for d in days { link(.seenWith, child, World.adult, d) }
    }

    func data() -> ProductData {
        ProductData(ProductContents(entities: entities, links: links, facts: facts, episodes: episodes, carePeriods: care,
                                    notices: notices, nonConsents: nonConsents, ingested: [:]))
    }

    func list(_ configure: (inout NoticeCandidateRules) -> Void = { _ in }) -> NoticeCandidateList {
        var rules = NoticeCandidateRules()
        configure(&rules)
        return noticeCandidates(data(), rules: rules)
    }

    func cawn(_ configure: (inout NoticeCandidateRules) -> Void = { _ in }) -> [NoticeCandidate] {
        list { $0.notices = [.cawn]; configure(&$0) }.candidates
    }
}

@Suite("Notice candidates: eligibility at the boundaries")
struct NoticeCandidateTests {
    // Child born 2008-06-15: 16 on 2024-06-15.
    @Test("an association the day before the 16th birthday counts; one on the birthday does not")
    func sixteenthBirthday() {
        var before = World()
        before.seen(["2024-01-10", "2024-06-14"])
        let rows = before.cawn()
        #expect(rows.count == 1)
        #expect(rows.first?.associations == 2)
        #expect(rows.first?.child == "Cara Testchild")
        #expect(rows.first?.status == "new")

        var on = World()
        on.seen(["2024-01-10", "2024-06-15"])
        #expect(on.cawn().isEmpty)
        let one = on.cawn { $0.minimumAssociations = 1 }
        #expect(one.count == 1)
        let late = one.first?.schedule.first { $0.day == "2024-06-15" }
        #expect(late?.eligibility == .notEligible)
        #expect(late?.reason?.contains("16 or over") == true)
        #expect(late?.childAge == "16")
    }

    @Test("a looked-after child: the day before the 18th birthday counts, the birthday does not")
    func eighteenthBirthdayLookedAfter() {
        func world(_ second: String) -> World {
            var w = World(childDOB: ["2006-06-15"])  // 18 on 2024-06-15
            w.care.append(CarePeriod(child: World.child, start: testDay("2020-01-01"), end: nil, authority: "Testshire Council", source: w.cite("2020-01-02")))
            w.seen(["2024-01-10", second])
            return w
        }
        let rows = world("2024-06-14").cawn()
        #expect(rows.count == 1 && rows.first?.associations == 2)
        #expect(world("2024-06-15").cawn().isEmpty)
        // Without the care period the same child (17) is not eligible at all.
        var notCared = World(childDOB: ["2006-06-15"])
        notCared.seen(["2024-01-10", "2024-06-14"])
        #expect(notCared.cawn().isEmpty)
    }

    @Test("looked-after status: the period's end day is still in care, the day after is not")
    func carePeriodEnds() {
        func world(_ second: String) -> World {
            var w = World(childDOB: ["2007-06-15"])  // 16 on 2023-06-15, 17 in 2024
            w.care.append(CarePeriod(child: World.child, start: testDay("2023-01-01"), end: testDay("2024-05-31"), authority: "Testshire Council", source: w.cite("2023-01-02")))
            w.seen(["2024-01-10", second])
            return w
        }
        #expect(world("2024-05-31").cawn().count == 1)
        #expect(world("2024-06-01").cawn().isEmpty)
        // A period starting on the day counts from that day.
        var starts = World(childDOB: ["2007-06-15"])
        starts.care.append(CarePeriod(child: World.child, start: testDay("2024-01-10"), end: nil, authority: nil, source: starts.cite("2024-01-11")))
        starts.seen(["2024-01-09", "2024-01-10", "2024-02-01"])
        #expect(starts.cawn().first?.associations == 2)
    }

    @Test("the adult: the day before the 18th birthday does not count, the birthday does")
    func adultEighteenth() {
        func world(_ days: [String]) -> World {
            var w = World(adultDOB: ["2006-03-01"], childDOB: ["2012-01-01"])
            w.seen(days)
            return w
        }
        #expect(world(["2024-02-29", "2024-03-01"]).cawn().isEmpty)
        let rows = world(["2024-03-01", "2024-04-01"]).cawn()
        #expect(rows.count == 1 && rows.first?.associations == 2)
        let early = world(["2024-02-29", "2024-03-01"]).cawn { $0.minimumAssociations = 1 }.first?.schedule.first { $0.day == "2024-02-29" }
        #expect(early?.eligibility == .notEligible && early?.reason?.contains("adult was under 18") == true)
    }

    @Test("an unknown date of birth: age not certain, listed apart, never a candidate")
    func unknownBirthDate() {
        var w = World(childDOB: [])
        w.seen(["2024-01-10", "2024-02-10", "2024-03-10"])
        let list = w.list { $0.notices = [.cawn] }
        #expect(list.candidates.isEmpty)
        #expect(list.ageNotCertain.count == 1)
        #expect(list.ageNotCertain.first?.checks.contains("child's date of birth unknown") == true)
        #expect(list.ageNotCertain.first?.schedule.allSatisfy { $0.eligibility == .ageNotCertain } == true)

        var adultUnknown = World(adultDOB: [])
        adultUnknown.seen(["2024-01-10", "2024-02-10"])
        #expect(adultUnknown.cawn().isEmpty)
        #expect(adultUnknown.list().ageNotCertain.first?.checks.contains("adult's date of birth unknown") == true)
    }

    @Test("a date of birth known only to the month: certain before the month, not certain within it")
    func monthOnlyBirthDate() {
        var straddle = World(childDOB: ["2008-06"])  // 16 some day in June 2024
        straddle.seen(["2024-01-10", "2024-06-10"])
        let list = straddle.list { $0.notices = [.cawn] }
        #expect(list.candidates.isEmpty)
        #expect(list.ageNotCertain.count == 1)
        let june = list.ageNotCertain.first?.schedule.first { $0.day == "2024-06-10" }
        #expect(june?.eligibility == .ageNotCertain && june?.childAge == "15-16")

        var before = World(childDOB: ["2008-06"])
        before.seen(["2024-01-10", "2024-05-31"])
        let rows = before.cawn()
        #expect(rows.count == 1)
        #expect(rows.first?.checks.contains("child's date of birth known only to the month (2008-06)") == true)
    }

    @Test("an approximate date of birth: a year either way; not certain across a birthday, flagged always")
    func approximateBirthDate() {
        var near = World(childDOB: ["~2008"])  // 15 or 16 in 2024, widened: 14-17
        near.seen(["2024-02-10", "2024-03-10"])
        #expect(near.cawn().isEmpty)
        #expect(near.list().ageNotCertain.first?.schedule.first?.reason?.contains("the child was") == true)

        var far = World(childDOB: ["~2012"])  // 11-12 in 2024, widened: 10-13
        far.seen(["2024-02-10", "2024-03-10"])
        let rows = far.cawn()
        #expect(rows.count == 1)
        #expect(rows.first?.checks.contains("child's date of birth approximate (~2012)") == true)
    }

    @Test("conflicting dates of birth: not certain where they disagree across the boundary, flagged everywhere")
    func conflictingBirthDates() {
        var w = World(childDOB: ["2008-06-15", "2008-09-01"])
        w.seen(["2024-07-01", "2024-08-01"])  // 16 by one date, 15 by the other
        #expect(w.cawn().isEmpty)
        #expect(w.list().ageNotCertain.count == 1)

        var agree = World(childDOB: ["2008-06-15", "2008-09-01"])
        agree.seen(["2024-01-10", "2024-03-01"])  // 15 by both
        let rows = agree.cawn()
        #expect(rows.count == 1)
        #expect(rows.first?.checks.contains { $0.hasPrefix("agencies recorded different dates of birth for the child: 2008-06-15") } == true)
    }

    @Test("a recorded parent_of or relative_of relationship (either way) excludes the pair, reported with the reason")
    func recordedRelationship() {
        for (type, from, to) in [(LinkType.parentOf, World.adult, World.child), (.relativeOf, World.child, World.adult),
                                 (.carerOf, World.adult, World.child), (.siblingOf, World.adult, World.child)] {
            var w = World()
            w.seen(["2024-01-10", "2024-02-10"])
            let c = w.link(type, from, to, nil)
            let list = w.list()
            #expect(list.candidates.isEmpty, "\(type)")
            let ex = list.excluded.first { $0.notice == .cawn }
            #expect(ex?.reason.contains(type.rawValue) == true && ex?.reason.contains(c.reference) == true, "\(type)")
        }
    }

    @Test("a notice already issued excludes the pair; an eligible association after it lists it as breached")
    func noticeIssuedAndBreach() {
        var w = World()
        w.seen(["2024-01-10", "2024-03-01"])
        w.notices.append(IssuedNotice(type: .cawn, subject: World.adult, child: World.child, premises: nil, issued: testDay("2024-04-01"),
                                      expires: testDay("2026-04-01"), officer: nil, source: w.cite("2024-04-01")))
        let before = w.list()
        #expect(before.candidates.isEmpty)
        #expect(before.excluded.contains { $0.reason.contains("issued 2024-04-01") && $0.reason.contains("no eligible association since") })

        var sameDay = w
        sameDay.seen(["2024-04-01"])  // the issue day itself is not "after"
        #expect(sameDay.cawn().isEmpty)

        w.seen(["2024-05-01"])
        let rows = w.cawn()
        #expect(rows.count == 1)
        #expect(rows.first?.status == "breached")
        #expect(rows.first?.associations == 1)
        #expect(rows.first?.issuedNotice?.contains("notice issued 2024-04-01") == true)
        #expect(rows.first?.issuedNotice?.hasSuffix("1 association since: breached") == true)
        #expect(rows.first?.schedule.filter(\.afterNotice).map(\.day) == ["2024-05-01"])
    }

    @Test("N associations within the window: first and last at most D days apart, one per day")
    func minimumAndWindow() {
        var w = World(childDOB: ["2012-01-01"])
        w.seen(["2024-01-01", "2024-12-31"])  // 365 days apart
        #expect(w.cawn().count == 1)
        #expect(w.cawn { $0.windowDays = 364 }.isEmpty)
        #expect(w.cawn { $0.minimumAssociations = 3 }.isEmpty)
        w.seen(["2024-06-01"])
        #expect(w.cawn { $0.minimumAssociations = 3 }.first?.associations == 3)

        var sameDay = World(childDOB: ["2012-01-01"])
        sameDay.seen(["2024-03-01T10:00", "2024-03-01T22:00"])
        #expect(sameDay.cawn().isEmpty)
    }

    @Test("a pair that misses the window by a few weeks is in 'excluded' with how far it missed; one far out is not")
    func nearMissListed() {
        var w = World(childDOB: ["2012-01-01"])
        w.seen(["2024-01-01", "2025-01-21"])  // 386 days apart: 21 days outside 365
        #expect(w.cawn().isEmpty)
        let miss = w.list { $0.notices = [.cawn] }.excluded
        #expect(miss.count == 1)
        #expect(miss.first?.childID == World.child.description && miss.first?.adultID == World.adult.description)
        #expect(miss.first?.reason.contains("2024-01-01 to 2025-01-21") == true)
        #expect(miss.first?.reason.contains("386 days apart: 21 days outside the 365-day window") == true)
        #expect(miss.first?.evidence.count == 2)
        // Beyond the near-miss margin: neither a candidate nor excluded.
        #expect(w.list { $0.notices = [.cawn]; $0.nearMissDays = 20 }.excluded.isEmpty)
        var far = World(childDOB: ["2012-01-01"])
        far.seen(["2022-01-01", "2024-06-01"])
        #expect(far.list { $0.notices = [.cawn] }.excluded.isEmpty && far.cawn().isEmpty)
        // Associations that would not be eligible (the child 16 or over) are not a near miss.
        var older = World(childDOB: ["2007-01-01"])
        older.seen(["2024-01-01", "2025-01-21"])
        #expect(older.list { $0.notices = [.cawn] }.excluded.isEmpty)
    }

    @Test("the corroboration rule at its boundary: 2C counts, 2D does not; a pair meeting the rule only with weak associations needs corroboration")
    func corroborationBoundary() throws {
        func world(_ grades: [String], agency: String = "police") -> World {
            var w = World(childDOB: ["2012-01-01"])
            for (k, g) in grades.enumerated() {
                let day = "2024-0\(k + 1)-10"
                w.links.append(NetworkLink(id: Int64(w.links.count + 1), type: .seenWith, source: World.child, target: World.adult, time: day,
                                           origin: .asserted, evidence: [Citation(agency: Agency(rawValue: agency)!, reference: "G-\(k)", recorded: Day(day)!,
                                                                                  grade: try! Grade(parsing: g))]))
            }
            return w
        }
        // Firm side: two associations graded 2C make a candidate.
        let firm = world(["2CP", "2CP"]).list { $0.notices = [.cawn] }
        #expect(firm.candidates.count == 1 && firm.needsCorroboration.isEmpty)
        // Just below: one 2D association leaves one firm one, short of two: never a candidate.
        let half = world(["2CP", "2DP"]).list { $0.notices = [.cawn] }
        #expect(half.candidates.isEmpty)
        let row = try #require(half.needsCorroboration.first)
        #expect(row.status == "needs corroboration")
        #expect(row.needsCorroboration?.contains("graded 2C or better") == true)
        #expect(row.checks.contains { $0.contains("1 association resting only on items graded below 2C") })
        // A source-3 item is weak whatever its assessment.
        #expect(world(["3AP", "3AP"]).list { $0.notices = [.cawn] }.candidates.isEmpty)
        // Three associations, one weak: the two firm ones still make a candidate, the weak one noted, not counted.
        let three = world(["2CP", "2CP", "3EP"]).list { $0.notices = [.cawn] }
        let counted = try #require(three.candidates.first)
        #expect(counted.associations == 2)
        #expect(counted.checks.contains { $0.contains("not counted") && $0.contains("below 2C") })
        // Firm associations that only miss the window, where all of them would meet the rule: the
        // row needs corroboration (not a near miss).
        var mixed = World(childDOB: ["2012-01-01"])
        for (k, (day, g)) in [("2024-01-10", "2CP"), ("2024-02-10", "2DP"), ("2025-01-20", "2CP")].enumerated() {
            mixed.links.append(NetworkLink(id: Int64(100 + k), type: .seenWith, source: World.child, target: World.adult, time: day, origin: .asserted,
                                           evidence: [Citation(agency: .police, reference: "M-\(k)", recorded: Day(day)!, grade: try! Grade(parsing: g))]))
        }
        let m = mixed.list { $0.notices = [.cawn] }
        #expect(m.candidates.isEmpty && m.needsCorroboration.count == 1 && m.excluded.isEmpty)
        // Unweighted, every association counts, as before.
        var w = world(["2DP", "2DP"])
        var data = w.data()
        data.strength.weighted = false
        #expect(noticeCandidates(data, rules: { var r = NoticeCandidateRules(); r.notices = [.cawn]; return r }()).candidates.count == 1)
        w = world(["2DP", "2DP"])
        #expect(w.cawn().isEmpty)
    }

    @Test("undated links are shown as undated and never counted")
    func undatedNotCounted() {
        var w = World(childDOB: ["2012-01-01"])
        w.seen(["2024-03-01"])
        w.link(.associatesWith, World.child, World.adult, nil)
        #expect(w.cawn().isEmpty)
        let row = w.cawn { $0.minimumAssociations = 1 }.first
        #expect(row?.associations == 1)
        #expect(row?.undated == 1)
        #expect(row?.schedule.contains { $0.eligibility == .undated && $0.day == nil } == true)
        #expect(row?.checks.contains("1 undated association, not counted") == true)
    }

    @Test("a person recorded as a child at risk is never the adult, whatever their age or other roles")
    func childNeverTheAdult() {
        var w = World(childDOB: ["2012-01-01"])
        let older = EntityID(5)
        w.person(older, "Eli Testperson", [.childAtRisk, .suspect], ["2000-01-01"])
        w.link(.seenWith, World.child, older, "2024-01-10")
        w.link(.seenWith, older, World.child, "2024-02-10")
        w.link(.residesAt, older, World.flat, nil)
        w.link(.atLocation, World.child, World.flat, "2024-03-10")
        w.link(.atLocation, World.child, World.flat, "2024-04-10")
        let list = w.list { $0.minimumAssociations = 1 }
        #expect(list.candidates.isEmpty)
        #expect(list.ageNotCertain.isEmpty && list.excluded.isEmpty)
    }

    @Test("every kind of association: found with during an episode (counted once with its own link), at the address, in the vehicle")
    func associationKinds() {
        var w = World(childDOB: ["2012-01-01"])
        let item = w.cite("2024-01-11")
        w.episodes.append(MissingEpisode(id: 1, child: World.child, start: testTime("2024-01-10T20:00:00"), end: testTime("2024-01-11T02:00:00"), missingFrom: nil,
                                         foundAt: World.flat, foundWith: [World.adult], source: item))
        // The ingest's own found_with link for the episode (same item, dated at the end), corroborated
        // by a return-home interview: still one association, with both items.
        let interview = w.cite("2024-01-12", agency: "voluntary")
        w.links.append(NetworkLink(id: 99, type: .foundWith, source: World.child, target: World.adult, time: "2024-01-11T02:00",
                                   origin: .asserted, evidence: [item, interview]))
        w.link(.residesAt, World.adult, World.flat, nil)
        w.link(.keeperOf, World.adult, World.car, nil)
        w.link(.travelledIn, World.child, World.car, "2024-02-20T21:40")
        let rows = w.cawn()
        #expect(rows.count == 1)
        let kinds = Set(rows.first?.schedule.map(\.kind) ?? [])
        #expect(kinds == [.foundWithWhileMissing, .atAdultsAddress, .inAdultsVehicle])
        #expect(rows.first?.schedule.count == 3)
        #expect(rows.first?.associations == 2)  // 2024-01-10 and 2024-02-20
        #expect(rows.first?.schedule.first?.day == "2024-01-10")
        #expect(rows.first?.schedule.first { $0.kind == .foundWithWhileMissing }?.evidence == [item, interview])
        #expect(rows.first?.schedule.contains { $0.kind == .inAdultsVehicle && $0.place == "WX00 TSQ" } == true)
    }

    @Test("non-consent: shown with its item when it fits, flagged as still to be recorded otherwise")
    func nonConsent() {
        var w = World(childDOB: ["2012-01-01"])
        w.seen(["2024-01-10", "2024-02-10"])
        let none = w.cawn().first
        #expect(none?.nonConsentRecorded == false)
        #expect(none?.checks.contains("non-consent still to be recorded") == true)

        var parent = w
        let c = parent.cite("2024-01-20", agency: "social_care")
        parent.nonConsents.append(NonConsent(child: World.child, adult: nil, by: .parent, source: c))
        let row = parent.cawn().first
        #expect(row?.nonConsentRecorded == true)
        #expect(row?.nonConsent?.contains(c.reference) == true)
        #expect(row?.evidence.contains(c) == true)

        // A 17-year-old looked-after child: only the local authority's non-consent fits.
        var older = World(childDOB: ["2007-01-01"])
        older.care.append(CarePeriod(child: World.child, start: testDay("2023-01-01"), end: nil, authority: nil, source: older.cite("2023-01-02")))
        older.seen(["2024-01-10", "2024-02-10"])
        older.nonConsents.append(NonConsent(child: World.child, adult: World.adult, by: .parent, source: older.cite("2024-01-20")))
        #expect(older.cawn().first?.nonConsentRecorded == false)
        older.nonConsents.append(NonConsent(child: World.child, adult: World.adult, by: .localAuthority, source: older.cite("2024-01-21")))
        #expect(older.cawn().first?.nonConsentRecorded == true)
    }

    @Test("harbourer warnings: eligible children at the adult's address on N occasions; a warning issued excludes it until breached")
    func harbourerWarnings() {
        var w = World(childDOB: ["2012-01-01"])
        w.link(.residesAt, World.adult, World.flat, nil)
        w.link(.atLocation, World.child, World.flat, "2024-01-10T23:00")
        w.link(.harbours, World.adult, World.child2, "2024-02-10")
        let rows = w.list { $0.notices = [.harbourerWarning] }.candidates
        #expect(rows.count == 1)
        #expect(rows.first?.addressID == "E10" && rows.first?.associations == 2)
        #expect(rows.first?.children == ["Cara Testchild", "Dani Testchild"])
        #expect(rows.first?.nonConsent == nil)

        var warned = w
        warned.notices.append(IssuedNotice(type: .harbourerWarning, subject: World.adult, child: nil, premises: World.flat, issued: testDay("2024-03-01"),
                                           expires: nil, officer: nil, source: warned.cite("2024-03-01")))
        let list = warned.list { $0.notices = [.harbourerWarning] }
        #expect(list.candidates.isEmpty)
        #expect(list.excluded.contains { $0.notice == .harbourerWarning && $0.addressID == "E10" })
        warned.link(.atLocation, World.child, World.flat, "2024-04-01")
        let breached = warned.list { $0.notices = [.harbourerWarning] }.candidates
        #expect(breached.first?.status == "breached")

        // A warning naming only one child does not cover another child's later occasions.
        var named = w
        named.notices.append(IssuedNotice(type: .harbourerWarning, subject: World.adult, child: World.child2, premises: nil, issued: testDay("2024-03-01"),
                                          expires: nil, officer: nil, source: named.cite("2024-03-01")))
        named.link(.atLocation, World.child, World.flat, "2024-04-01")
        let open = named.list { $0.notices = [.harbourerWarning] }.candidates.first
        #expect(open?.status == "new" && open?.associations == 2 && open?.children == ["Cara Testchild"])

        // The adult's own child at the adult's address is lawful: not counted, reported.
        var family = w
        family.link(.parentOf, World.adult, World.child2, nil)
        let fam = family.list { $0.notices = [.harbourerWarning] }
        #expect(fam.candidates.isEmpty)
        #expect(fam.excluded.contains { $0.notice == .harbourerWarning && $0.childID == "E3" })
    }

    @Test("a row names the child as the read model does (the disclosure gate pseudonymises, before the list is made)")
    func pseudonyms() {
        var w = World(childDOB: ["2012-01-01"])
        w.seen(["2024-01-10", "2024-02-10"])
        #expect(w.cawn().first?.child == "Cara Testchild")
        if let i = w.entities.firstIndex(where: { $0.id == World.child }) { w.entities[i].label = "Child C-2" }
        #expect(w.cawn().first?.child == "Child C-2")
    }
}

@Suite("Notice candidates on the samples", .serialized)
struct NoticeCandidateSampleTests {
    let data: ProductData
    /// The default rules (a 365-day window).
    let list: NoticeCandidateList
    /// The truth's rule has no window: the same rules with a window wider than the samples' events.
    let wide: NoticeCandidateList
    let truth: [String: Any]

    init() throws {
        data = try SampleData.data()
        var rules = NoticeCandidateRules()
        list = noticeCandidates(data, rules: rules)
        rules.windowDays = 100 * 365
        wide = noticeCandidates(data, rules: rules)
        truth = try SampleData.truth()
    }

    var notices: [String: Any] { truth["warningNoticeCandidates"] as! [String: Any] }

    /// The child's date of birth and care period, from truth.json.
    func child(_ id: String) -> (dob: Date, careFrom: String?, careTo: String?) {
        let c = (truth["childrenAtRisk"] as! [[String: Any]]).first { $0["id"] as? String == id }!
        let care = c["lookedAfter"] as? [String: Any]
        let f = DateFormatter(); f.dateFormat = "yyyy-MM-dd"; f.timeZone = TimeZone(identifier: "UTC")
        return (f.date(from: c["dob"] as! String)!, care?["from"] as? String, care?["to"] as? String)
    }

    /// Whole years from a date of birth to a day (both `YYYY-MM-DD`), counted by hand.
    func age(_ dob: Date, on day: String) -> Int {
        var cal = Calendar(identifier: .gregorian); cal.timeZone = TimeZone(identifier: "UTC")!
        let f = DateFormatter(); f.dateFormat = "yyyy-MM-dd"; f.timeZone = TimeZone(identifier: "UTC")
        return cal.dateComponents([.year], from: dob, to: f.date(from: day)!).year!
    }

    func row(_ adult: EntityID, _ child: EntityID, in l: NoticeCandidateList? = nil) -> NoticeCandidate? {
        (l ?? list).candidates.first { $0.notice == .cawn && $0.adultKey == adult && $0.otherKey == child }
    }

    /// The day numbers of a planted pair's episodes (from the store, by the truth's items).
    func episodeDays(_ child: EntityID, _ items: [String]) -> [Int] {
        (data.episodesOf[child] ?? []).filter { items.contains($0.source.ref.description) }
            .map(\.start.dayNumber).sorted()
    }

    @Test("with the default 365-day window, a planted pair is listed whenever two of its episodes are within 365 days")
    func defaultWindow() throws {
        for c in notices["candidates"] as! [[String: Any]] where !(c["cawnAlreadyIssued"] as! Bool) {
            let (a, ch) = (try SampleData.id(c["adult"] as! String), try SampleData.id(c["child"] as! String))
            let days = episodeDays(ch, c["episodeItems"] as! [String])
            let close = zip(days, days.dropFirst()).contains { $1 - $0 <= 365 }
            let r = row(a, ch)
            if close {
                #expect(r != nil, "\(c["adultName"]!) with \(c["childName"]!)")
            } else if let r {
                // Listed on other associations: the counted days are within the window.
                #expect(r.associations >= 2)
                let f = try TimeSpec(parsing: try #require(r.firstAssociation)).start.dayNumber
                let l = try TimeSpec(parsing: try #require(r.lastAssociation)).start.dayNumber
                #expect(l - f <= 365)
            }
        }
    }

    @Test("every planted candidate is listed with its episodes counted (no window, as the truth's rule); issued ones only when breached after the notice")
    func plantedCandidates() throws {
        let issued = truth["noticesIssued"] as! [[String: Any]]
        for c in notices["candidates"] as! [[String: Any]] {
            let (a, ch) = (try SampleData.id(c["adult"] as! String), try SampleData.id(c["child"] as! String))
            let items = c["episodeItems"] as! [String]
            let r = row(a, ch, in: wide)
            if c["cawnAlreadyIssued"] as! Bool {
                let when = issued.first { $0["notice"] as? String == "cawn" && $0["subject"] as? String == c["adult"] as? String
                    && $0["child"] as? String == c["child"] as? String }!["issued"] as! String
                let episodeDays = (data.episodesOf[ch] ?? []).filter { items.contains($0.source.ref.description) }
                    .map(\.startDay.text)
                #expect(episodeDays.count == items.count)
                if episodeDays.contains(where: { $0 > when }) {
                    #expect(r?.status == "breached", "\(c["adultName"]!) with \(c["childName"]!)")
                    #expect(r?.issuedNotice?.contains("notice issued \(when)") == true)
                } else if let r {
                    #expect(r.status == "breached" && r.schedule.contains { $0.afterNotice && ($0.day ?? "") > when })
                } else {
                    #expect(wide.excluded.contains { $0.adultID == a.description && $0.childID == ch.description && $0.reason.contains(when) })
                }
            } else {
                #expect(r?.status == "new", "\(c["adultName"]!) with \(c["childName"]!)")
                #expect((r?.associations ?? 0) >= 2)
                for item in items {
                    #expect(r?.schedule.contains { $0.eligibility == .eligible && $0.evidence.contains { $0.ref.description == item } } == true,
                            "\(item) not counted for \(c["adultName"]!)")
                }
            }
            if let r {
                #expect(r.nonConsentRecorded == ((c["nonConsentRecorded"] as? [String: Any]) != nil), "\(c["adultName"]!) with \(c["childName"]!)")
            }
        }
    }

    @Test("no boundary case counts an episode when the child was 16 or over and not looked after")
    func boundaryCases() throws {
        for b in notices["boundaryCasesNotCandidates"] as! [[String: Any]] {
            let (a, ch) = (try SampleData.id(b["adult"] as! String), try SampleData.id(b["child"] as! String))
            let facts = child(b["child"] as! String)
            let episodes = (data.episodesOf[ch] ?? []).filter { $0.foundWith.contains(a) }
            #expect(episodes.count >= 2)
            guard let r = row(a, ch) else { continue }
            for e in episodes {
                let day = e.startDay.text
                let inCare = facts.careFrom.map { $0 <= day } == true && (facts.careTo.map { day <= $0 } ?? true)
                let eligibleByTruth = age(facts.dob, on: day) < 16 || (age(facts.dob, on: day) < 18 && inCare)
                let counted = r.schedule.contains { $0.kind == .foundWithWhileMissing && $0.eligibility == .eligible && $0.evidence.contains(e.source) }
                #expect(counted == eligibleByTruth, "\(b["childName"]!) \(day)")
            }
        }
    }

    @Test("every counted association meets the age rules by the truth's dates of birth and care periods")
    func countedAssociationsAreEligible() throws {
        let byID = Dictionary(uniqueKeysWithValues: try (truth["childrenAtRisk"] as! [[String: Any]]).map { (try SampleData.id($0["id"] as! String), $0["id"] as! String) })
        for r in list.candidates where r.notice == .cawn {
            guard let childRef = byID[r.otherKey] else { continue }
            let facts = child(childRef)
            for e in r.schedule where e.eligibility == .eligible {
                let day = try #require(e.day)
                let inCare = facts.careFrom.map { $0 <= day } == true && (facts.careTo.map { day <= $0 } ?? true)
                #expect(age(facts.dob, on: day) < 16 || (age(facts.dob, on: day) < 18 && inCare), "\(r.adult) \(childRef) \(day)")
            }
        }
    }

    @Test("every row cites items that exist, counts enough, and never has a child as the adult")
    func rowsTrace() throws {
        #expect(!list.candidates.isEmpty)
        let items = Set(data.contents.ingested.all.keys)
        for r in list.candidates + list.ageNotCertain {
            #expect(!data.isChild(r.adultKey), "\(r.adult)")
            #expect(data.entity(r.adultKey)?.kind == .person)
            #expect(!r.schedule.isEmpty && r.schedule.allSatisfy { !$0.evidence.isEmpty })
            for e in r.schedule { for c in e.evidence { #expect(items.contains(c.ref), "\(c)") } }
            for c in r.evidence { #expect(items.contains(c.ref), "\(c)") }
            if r.status == "new" { #expect(r.associations >= 2) }
        }
        #expect(list.excluded.allSatisfy { !data.isChild(EntityID(parsing: $0.adultID)!) && !$0.evidence.isEmpty })
    }

    @Test("the planted harbourer warning already issued is shown: excluded, or listed as breached")
    func harbourerIssued() throws {
        let issued = (truth["noticesIssued"] as! [[String: Any]]).first { $0["notice"] as? String == "harbourer_warning" }!
        let adult = try SampleData.id(issued["subject"] as! String)
        let rows = list.candidates.filter { $0.notice == .harbourerWarning && $0.adultKey == adult }
        let excluded = list.excluded.filter { $0.notice == .harbourerWarning && $0.adultID == adult.description }
        #expect(!rows.isEmpty || !excluded.isEmpty)
        #expect(rows.allSatisfy { $0.status == "breached" || $0.issuedNotice == nil || $0.status == "new" })
        for r in rows where r.status == "breached" {
            #expect(r.schedule.contains { $0.afterNotice && ($0.day ?? "") > (issued["issued"] as! String) })
        }
    }
}
