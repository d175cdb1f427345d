import Testing
@testable import SightlineModel

private func ts(_ y: Int, _ m: Int, _ d: Int, _ hh: Int = 0, _ mm: Int = 0) -> Timestamp {
    Timestamp(year: y, month: m, day: d, hour: hh, minute: mm)!
}

/// Dates of birth and ages. The 16th and 18th birthdays matter: a CAWN is for a child under 16, or
/// under 18 and in care (docs/algorithms.md, warning-notice eligibility). Ages below are counted by hand.
struct BirthDateTests {
    @Test func exactDate() throws {
        let b = try BirthDate(parsing: "2010-07-30")
        #expect(b.isExact)
        #expect(!b.isApproximate)
        #expect(b.earliest == ts(2010, 7, 30))
        #expect(b.latest == Timestamp(year: 2010, month: 7, day: 30, hour: 23, minute: 59, second: 59))
        #expect(b.text == "2010-07-30")
        #expect(b.description == "2010-07-30")
    }

    @Test(arguments: [
        // (moment, age) around the 16th and 18th birthdays of a child born 2010-07-30
        (ts(2026, 7, 29), 15), (ts(2026, 7, 29, 23, 59), 15), (ts(2026, 7, 30), 16), (ts(2026, 7, 30, 12, 0), 16),
        (ts(2028, 7, 29), 17), (ts(2028, 7, 30), 18), (ts(2028, 7, 31), 18),
        (ts(2010, 7, 30), 0), (ts(2011, 7, 29), 0), (ts(2011, 7, 30), 1), (ts(2024, 3, 2), 13),
    ])
    func ageOfExactDate(at moment: Timestamp, age: Int) throws {
        let b = try BirthDate(parsing: "2010-07-30")
        #expect(b.age(at: moment) == age)
        #expect(b.ageRange(at: moment) == age...age)
    }

    /// A 29 February birthday counts on 1 March in non-leap years (UK law).
    @Test(arguments: [
        (ts(2024, 2, 28), 15), (ts(2024, 2, 29), 16), (ts(2024, 3, 1), 16),   // 16th birthday in a leap year
        (ts(2025, 2, 28), 16), (ts(2025, 3, 1), 17),                          // non-leap year
        (ts(2026, 2, 28), 17), (ts(2026, 3, 1), 18),                          // 18th birthday, non-leap year
    ])
    func leapDayBirthday(at moment: Timestamp, age: Int) throws {
        let b = try BirthDate(parsing: "2008-02-29")
        #expect(b.age(at: moment) == age)
    }

    @Test func monthOnly() throws {
        let b = try BirthDate(parsing: "2010-07")
        #expect(!b.isExact)
        #expect(b.earliest == ts(2010, 7, 1))
        #expect(b.latest == Timestamp(year: 2010, month: 7, day: 31, hour: 23, minute: 59, second: 59))
        // During July 2026 the child may be 15 or 16.
        #expect(b.age(at: ts(2026, 7, 15)) == nil)
        #expect(b.ageRange(at: ts(2026, 7, 15)) == 15...16)
        #expect(b.age(at: ts(2026, 7, 1)) == nil)
        #expect(b.ageRange(at: ts(2026, 7, 1)) == 15...16)
        // Before and after that month every possible birthday gives the same age.
        #expect(b.age(at: ts(2026, 6, 30)) == 15)
        #expect(b.age(at: ts(2026, 7, 31)) == 16)
        #expect(b.ageRange(at: ts(2026, 8, 1)) == 16...16)
    }

    @Test func yearOnly() throws {
        let b = try BirthDate(parsing: "2010")
        #expect(b.earliest == ts(2010, 1, 1))
        #expect(b.latest == Timestamp(year: 2010, month: 12, day: 31, hour: 23, minute: 59, second: 59))
        #expect(b.age(at: ts(2026, 6, 1)) == nil)
        #expect(b.ageRange(at: ts(2026, 6, 1)) == 15...16)
        #expect(b.age(at: ts(2026, 1, 1)) == nil)          // born 1 Jan: 16; born 31 Dec: 15
        #expect(b.age(at: ts(2026, 12, 31)) == 16)         // every 2010 birthday has passed
        #expect(b.ageRange(at: ts(2028, 6, 1)) == 17...18)
    }

    @Test func approximateNeverGivesAnAge() throws {
        let exact = try BirthDate(parsing: "~2010-07-30")
        #expect(exact.isApproximate)
        #expect(!exact.isExact)
        #expect(exact.description == "~2010-07-30")
        #expect(exact.age(at: ts(2026, 8, 1)) == nil)
        #expect(exact.ageRange(at: ts(2026, 8, 1)) == 15...17)

        let year = try BirthDate(parsing: "~2010")
        #expect(year.age(at: ts(2026, 6, 1)) == nil)
        #expect(year.ageRange(at: ts(2026, 6, 1)) == 14...17)
    }

    @Test(arguments: [
        ("2024-02-31", TimeSpec.ParseError.notACalendarDate), ("2023-02-29", .notACalendarDate), ("2010-13", .notACalendarDate),
        ("31/02/2024", .malformed), ("2010-07-30T10:00", .malformed), ("2010-01/2010-03", .malformed),
        ("", .malformed), ("30-07-2010", .malformed), ("July 2010", .malformed),
    ])
    func rejected(text: String, error: TimeSpec.ParseError) {
        #expect(throws: error) { try BirthDate(parsing: text) }
    }

    @Test func leapDayAcceptedOnlyInLeapYears() throws {
        #expect(try BirthDate(parsing: "2008-02-29").text == "2008-02-29")
        #expect(throws: TimeSpec.ParseError.notACalendarDate) { try BirthDate(parsing: "2009-02-29") }
    }
}
