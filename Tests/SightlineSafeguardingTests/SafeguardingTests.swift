import SightlineModel
import SightlineReadModel
import SightlineSafeguarding
import Testing

@Suite struct SafeguardingTests {
    static func day(_ s: String) -> Timestamp { try! TimeSpec(parsing: s).start }
    static func cite(_ recorded: String, _ ref: String = "X-1", agency: String = "police") -> Citation {
        Citation(agency: Agency(rawValue: agency)!, reference: ref, recorded: Day(recorded)!, grade: try! Grade(parsing: "1AP"))
    }
    static func person(_ id: Int64, dob: [String] = [], roles: [(Role, String)]) -> NetworkEntity {
        NetworkEntity(id: EntityID(id), kind: .person, label: "P\(id)", roles: roles.map(\.0),
                      roleRecords: roles.map { Dated($0.0, source: cite($0.1)) },
                      birthDates: dob.map { Dated(BirthDateText($0), source: cite("2020-01-01", "DOB")) })
    }

    @Test func aFifteenYearOldSuspectIsAChildNeverAnAdultOfConcern() {
        let s = Safeguarding([Self.person(1, dob: ["2010-01-01"], roles: [(.suspect, "2025-05-01")])], on: Self.day("2025-06-01"))
        #expect(s.status(of: EntityID(1)) == .child(.under18))
        #expect(!s.mayBeRanked(EntityID(1)))
        #expect(!s.isAdultOfConcern(EntityID(1)))
        #expect(s.youngPeopleRecordedAsSuspects.map(\.entity) == [EntityID(1)])
    }

    @Test func theEighteenthBirthdayIsTheBoundary() {
        let p = Self.person(1, dob: ["2007-06-01"], roles: [(.suspect, "2025-06-01")])
        #expect(Safeguarding([p], on: Self.day("2025-05-31")).isChild(EntityID(1)))
        #expect(Safeguarding([p], on: Self.day("2025-06-01")).isAdultOfConcern(EntityID(1)))
    }

    @Test func anApproximateOrYearOnlyDateThatAllowsUnder18CountsAsUnder18() {
        let approx = Self.person(1, dob: ["~2007"], roles: [(.suspect, "2025-01-01")])
        #expect(Safeguarding([approx], on: Self.day("2025-12-01")).status(of: EntityID(1)) == .child(.possiblyUnder18))
        let year = Self.person(2, dob: ["2007"], roles: [(.suspect, "2025-01-01")])
        #expect(Safeguarding([year], on: Self.day("2025-06-01")).isChild(EntityID(2)))
        #expect(!Safeguarding([year], on: Self.day("2026-01-01")).isChild(EntityID(2)))
    }

    @Test func conflictingDatesOfBirthTreatAsUnder18AndAreSurfaced() {
        let p = Self.person(1, dob: ["1985-03-02", "2009-03-02"], roles: [(.suspect, "2025-01-01")])
        let s = Safeguarding([p], on: Self.day("2025-06-01"))
        #expect(s.isChild(EntityID(1)))
        #expect(s.concerns.contains { $0.kind == .birthDatesDisagree })
    }

    @Test func aChildAtRiskRoleOnAFortyYearOldIsHeldForReviewNotSilentlyProtected() {
        let p = Self.person(1, dob: ["1985-01-01"], roles: [(.suspect, "2024-01-01"), (.childAtRisk, "2025-02-01")])
        let s = Safeguarding([p], on: Self.day("2025-06-01"))
        #expect(s.status(of: EntityID(1)) == .heldForReview)
        #expect(!s.mayBeRanked(EntityID(1)))
        #expect(s.concerns.map(\.kind) == [.childAtRiskRecordedOnAnAdult])
        #expect(s.heldBackNote(among: [p])?.contains("1 whose records conflict") == true)
    }

    @Test func aRecordedChildAtRiskStaysProtectedAfterTurning18() {
        let p = Self.person(1, dob: ["2005-01-01"], roles: [(.childAtRisk, "2021-02-01")])
        let s = Safeguarding([p], on: Self.day("2026-06-01"))
        #expect(s.status(of: EntityID(1)) == .child(.recordedChildAtRisk))
        #expect(s.concerns.isEmpty)
    }

    @Test func aSuspectRoleRecordedWhileUnder18NeverMakesAnAdultOfConcern() {
        let p = Self.person(1, dob: ["2005-01-01"], roles: [(.suspect, "2021-02-01")])
        let s = Safeguarding([p], on: Self.day("2026-06-01"))
        #expect(s.mayBeRanked(EntityID(1)))
        #expect(!s.isAdultOfConcern(EntityID(1)))
        #expect(!s.wasAdult(EntityID(1), at: "2022-12"))
        #expect(s.wasAdult(EntityID(1), at: "2023-01-01"))
        // The month they turned 18 in does not count: judged on its first day too.
        let q = Self.person(2, dob: ["2005-01-15"], roles: [])
        #expect(!Safeguarding([q], on: Self.day("2026-06-01")).wasAdult(EntityID(2), at: "2023-01"))
    }

    @Test func noDateOfBirthMeansAdultUnlessRecordedAsAChild() {
        let s = Safeguarding([Self.person(1, roles: [(.suspect, "2025-01-01")]), Self.person(2, roles: [(.childAtRisk, "2025-01-01")])],
                             on: Self.day("2025-06-01"))
        #expect(s.isAdultOfConcern(EntityID(1)))
        #expect(s.isChild(EntityID(2)))
        #expect(!s.wasAdult(EntityID(2), on: Self.day("2025-06-01")))
    }

    @Test func protectivePlacesAreNeverDisrupted() {
        let s = Safeguarding([], on: Self.day("2025-06-01"))
        let home = NetworkEntity(id: EntityID(9), kind: .location, label: "Harbourview House", roles: [], category: "childrens_home")
        let school = NetworkEntity(id: EntityID(10), kind: .location, label: "School", roles: [], category: "school")
        let hotel = NetworkEntity(id: EntityID(11), kind: .location, label: "Hotel", roles: [], category: "hotel")
        #expect(!s.mayBeDisrupted(home) && !s.mayBeDisrupted(school) && s.mayBeDisrupted(hotel))
    }

    @Test(arguments: LinkType.allCases.filter { $0.fromKinds.contains(.person) && $0.toKinds.contains(.person) })
    func everyLinkBetweenAnAdultAndAChildHasTheAdultAsSubject(_ type: LinkType) {
        let s = Safeguarding([Self.person(1, roles: [(.suspect, "2025-01-01")]), Self.person(2, dob: ["2012-01-01"], roles: [(.childAtRisk, "2025-01-01")])],
                             on: Self.day("2025-06-01"))
        #expect(s.sentence(type, from: EntityID(1), to: EntityID(2)).subject == EntityID(1))
        #expect(s.sentence(type, from: EntityID(2), to: EntityID(1)).subject == EntityID(1))
        let text = s.sentence(.supplies, from: EntityID(2), to: EntityID(1)).text { $0 == EntityID(1) ? "ADULT" : "CHILD" }
        #expect(text == "ADULT received drugs or alcohol from CHILD")
    }

    @Test func mergesJoiningAChildAndAnAdultOrDistantBirthsAreRefused() {
        let day = Self.day("2025-06-01")
        let adult = Self.person(1, dob: ["1985-01-01"], roles: [(.suspect, "2024-01-01")])
        let child = Self.person(2, dob: ["2011-01-01"], roles: [(.childAtRisk, "2024-01-01")])
        let other = Self.person(3, dob: ["1990-01-01"], roles: [(.suspect, "2024-01-01")])
        let near = Self.person(4, dob: ["1985-06-01"], roles: [(.suspect, "2024-01-01")])
        #expect(Safeguarding.mergeProblem(adult, child, on: day)?.contains("is a child") == true)
        #expect(Safeguarding.mergeProblem(child, adult, on: day)?.contains("is a child") == true)
        #expect(Safeguarding.mergeProblem(adult, other, on: day)?.contains("days apart") == true)
        #expect(Safeguarding.mergeProblem(adult, near, on: day) == nil)
        #expect(Safeguarding.mergeProblem(adult, Self.person(5, roles: [(.suspect, "2024-01-01")]), on: day) == nil)
    }

    @Test func noticesNameAnAdultSubjectAndAChild() {
        let day = Self.day("2025-06-01")
        let adult = Self.person(1, dob: ["1985-01-01"], roles: [(.suspect, "2024-01-01")])
        let child = Self.person(2, dob: ["2011-01-01"], roles: [(.childAtRisk, "2024-01-01")])
        let young = Self.person(3, dob: ["2010-01-01"], roles: [(.suspect, "2024-01-01")])
        let hotel = NetworkEntity(id: EntityID(9), kind: .location, label: "Hotel", roles: [], category: "hotel")
        let car = NetworkEntity(id: EntityID(10), kind: .vehicle, label: "WX09ABQ", roles: [])
        #expect(Safeguarding.noticeProblem(.cawn, subject: adult, child: child, premises: nil, issued: day) == nil)
        #expect(Safeguarding.noticeProblem(.cawn, subject: child, child: adult, premises: nil, issued: day)?.contains("no notice is ever served on a child") == true)
        #expect(Safeguarding.noticeProblem(.cawn, subject: young, child: child, premises: nil, issued: day)?.contains("is a child") == true)
        #expect(Safeguarding.noticeProblem(.cawn, subject: hotel, child: child, premises: nil, issued: day)?.contains("adult person") == true)
        #expect(Safeguarding.noticeProblem(.cawn, subject: adult, child: nil, premises: nil, issued: day)?.contains("names the child") == true)
        #expect(Safeguarding.noticeProblem(.cawn, subject: adult, child: adult, premises: nil, issued: day)?.contains("is not a child") == true)
        #expect(Safeguarding.noticeProblem(.hotelNotice, subject: hotel, child: nil, premises: nil, issued: day) == nil)
        #expect(Safeguarding.noticeProblem(.hotelNotice, subject: child, child: nil, premises: nil, issued: day) != nil)
        #expect(Safeguarding.noticeProblem(.hotelNotice, subject: adult, child: nil, premises: nil, issued: day)?.contains("place or an organisation") == true)
        #expect(Safeguarding.noticeProblem(.marker, subject: car, child: nil, premises: nil, issued: day) == nil)
        #expect(Safeguarding.noticeProblem(.marker, subject: hotel, child: nil, premises: nil, issued: day) != nil)
        // On the day the notice was issued: a child then, an adult now, is still refused.
        #expect(Safeguarding.noticeProblem(.harbourerWarning, subject: young, child: nil, premises: nil, issued: Self.day("2028-06-01")) == nil)
        #expect(Safeguarding.noticeProblem(.harbourerWarning, subject: young, child: nil, premises: nil, issued: Self.day("2027-12-31")) != nil)
        // Which party is wrong, for the record's field and the command's option.
        #expect(Safeguarding.noticeRefusal(.cawn, subject: child, child: child, premises: nil, issued: day)?.party == .subject)
        #expect(Safeguarding.noticeRefusal(.cawn, subject: adult, child: adult, premises: nil, issued: day)?.party == .child)
        #expect(Safeguarding.noticeRefusal(.visit, subject: adult, child: nil, premises: car, issued: day)?.party == .premises)
    }

    @Test func aNoticeOnAnAdultHeldForReviewIsKept() {
        // One anonymous item calls a 40-year-old a child at risk: held for review, not ranked, but
        // certainly an adult by his date of birth, so the record of a notice served on him stands.
        let day = Self.day("2025-06-01")
        let held = Self.person(1, dob: ["1985-01-01"], roles: [(.suspect, "2024-01-01"), (.childAtRisk, "2025-05-02")])
        let child = Self.person(2, dob: ["2011-01-01"], roles: [(.childAtRisk, "2024-01-01")])
        #expect(Safeguarding([held], on: day).isHeldForReview(EntityID(1)))
        #expect(Safeguarding.noticeProblem(.cawn, subject: held, child: child, premises: nil, issued: Self.day("2024-04-02")) == nil)
    }
}
