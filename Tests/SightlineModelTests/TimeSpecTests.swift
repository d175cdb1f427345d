import Testing
@testable import SightlineModel

private func ts(_ y: Int, _ m: Int, _ d: Int, _ hh: Int = 0, _ mm: Int = 0, _ ss: Int = 0) -> Timestamp {
    Timestamp(year: y, month: m, day: d, hour: hh, minute: mm, second: ss)!
}

/// Timestamp calendar arithmetic. Day numbers below were worked by hand (365 per year, 366 in leap
/// years, counting months) and checked against Python 3's `datetime.date` (`(d - date(1970,1,1)).days`).
struct TimestampTests {
    static let dayNumbers: [(String, Int, Int, Int, Int)] = [
        ("epoch", 1970, 1, 1, 0),
        ("day after epoch", 1970, 1, 2, 1),
        ("day before epoch", 1969, 12, 31, -1),
        ("end of 1970", 1970, 12, 31, 364),
        ("start of 1971", 1971, 1, 1, 365),
        ("1 March of leap 1972", 1972, 3, 1, 790),
        ("Y2K", 2000, 1, 1, 10957),
        ("1 March 2000 (2000 is leap)", 2000, 3, 1, 11017),
        ("1900-03-01 (1900 is not leap)", 1900, 3, 1, -25508),
        ("2024-01-01", 2024, 1, 1, 19723),
        ("2024-02-29", 2024, 2, 29, 19782),
        ("2024-03-01", 2024, 3, 1, 19783),
        ("2038-01-19", 2038, 1, 19, 24855),
        ("year 1", 1, 1, 1, -719162),
        ("year 9999", 9999, 12, 31, 2932896),
    ]

    @Test(arguments: dayNumbers)
    func dayNumberRoundTrip(_ label: String, y: Int, m: Int, d: Int, n: Int) {
        let t = ts(y, m, d)
        #expect(t.dayNumber == n, "\(label)")
        let back = Timestamp(dayNumber: n)
        #expect(back == t, "\(label)")
        #expect((back.year, back.month, back.day, back.hour, back.minute, back.second) == (y, m, d, 0, 0, 0))
    }

    /// Invariant: consecutive calendar days have consecutive day numbers, and every day round-trips.
    @Test func consecutiveDaysOver1899To2101() {
        var n = ts(1899, 1, 1).dayNumber
        var days = 0
        for y in 1899...2101 {
            for m in 1...12 {
                for d in 1...Timestamp.daysIn(month: m, year: y) {
                    let t = ts(y, m, d)
                    #expect(t.dayNumber == n)
                    if t.dayNumber != n { return }
                    #expect(Timestamp(dayNumber: n) == t)
                    n += 1; days += 1
                }
            }
        }
        // 203 years, 49 of them leap (1904, 1908, ..., 2096; 1900 and 2100 are not leap years).
        #expect(days == 203 * 365 + 49)
    }

    @Test func leapYears() {
        #expect(Timestamp.isLeap(2024))
        #expect(!Timestamp.isLeap(2023))
        #expect(!Timestamp.isLeap(1900))
        #expect(Timestamp.isLeap(2000))
        #expect(!Timestamp.isLeap(2100))
        #expect(Timestamp.daysIn(month: 2, year: 2024) == 29)
        #expect(Timestamp.daysIn(month: 2, year: 2023) == 28)
        #expect(Timestamp.daysIn(month: 2, year: 1900) == 28)
        #expect(Timestamp.daysIn(month: 4, year: 2024) == 30)
        #expect(Timestamp.daysIn(month: 12, year: 2024) == 31)
    }

    @Test func calendarChecks() {
        #expect(Timestamp(year: 2024, month: 2, day: 29) != nil)
        #expect(Timestamp(year: 2023, month: 2, day: 29) == nil)
        #expect(Timestamp(year: 2024, month: 2, day: 31) == nil)
        #expect(Timestamp(year: 2024, month: 4, day: 31) == nil)
        #expect(Timestamp(year: 2024, month: 13, day: 1) == nil)
        #expect(Timestamp(year: 2024, month: 0, day: 1) == nil)
        #expect(Timestamp(year: 2024, month: 1, day: 0) == nil)
        #expect(Timestamp(year: 0, month: 1, day: 1) == nil)
        #expect(Timestamp(year: 10000, month: 1, day: 1) == nil)
        #expect(Timestamp(year: 2024, month: 1, day: 1, hour: 24) == nil)
        #expect(Timestamp(year: 2024, month: 1, day: 1, minute: 60) == nil)
        #expect(Timestamp(year: 2024, month: 1, day: 1, second: 60) == nil)
        #expect(Timestamp(year: 2024, month: 1, day: 1, hour: 23, minute: 59, second: 59) != nil)
    }

    @Test func secondsSinceEpoch() {
        // 19784 days * 86400 + 21h40m15s
        let t = ts(2024, 3, 2, 21, 40, 15)
        #expect(t.secondsSinceEpoch == 1_709_415_615)
        #expect(Timestamp(secondsSinceEpoch: 1_709_415_615) == t)
        #expect(Timestamp(secondsSinceEpoch: -1) == ts(1969, 12, 31, 23, 59, 59))
        #expect(Timestamp(secondsSinceEpoch: -86_400) == ts(1969, 12, 31))
        #expect(Timestamp(secondsSinceEpoch: 0) == ts(1970, 1, 1))
    }

    @Test func orderingAndText() {
        #expect(ts(2024, 3, 2, 21, 40) < ts(2024, 3, 2, 21, 41))
        #expect(ts(2023, 12, 31, 23, 59, 59) < ts(2024, 1, 1))
        #expect(ts(2024, 3, 2, 9, 5, 7).isoText == "2024-03-02T09:05:07")
        #expect(ts(2024, 3, 2, 9, 5, 7).dateText == "2024-03-02")
        #expect(ts(7, 1, 2).dateText == "0007-01-02")
        #expect(ts(2024, 3, 2).description == "2024-03-02T00:00:00")
    }

    @Test func wholeYears() {
        #expect(ts(2010, 7, 30).wholeYears(until: ts(2026, 7, 29)) == 15)
        #expect(ts(2010, 7, 30).wholeYears(until: ts(2026, 7, 30)) == 16)
        #expect(ts(2010, 7, 30).wholeYears(until: ts(2010, 7, 30)) == 0)
        #expect(ts(2010, 7, 30).wholeYears(until: ts(2009, 7, 30)) == -1)
    }
}

/// Times as the canonical formats write them (docs/formats.md, "Time").
struct TimeSpecTests {
    @Test(arguments: [
        ("2024-03-02", "2024-03-02T00:00:00", "2024-03-02T23:59:59", "2024-03-02"),
        ("2024-03-02T21:40", "2024-03-02T21:40:00", "2024-03-02T21:40:00", "2024-03-02T21:40"),
        ("2024-03-02T21:40:15", "2024-03-02T21:40:15", "2024-03-02T21:40:15", "2024-03-02T21:40:15"),
        ("2024-03-02 21:40", "2024-03-02T21:40:00", "2024-03-02T21:40:00", "2024-03-02T21:40"),
        ("2024-03", "2024-03-01T00:00:00", "2024-03-31T23:59:59", "2024-03"),
        ("2024-02", "2024-02-01T00:00:00", "2024-02-29T23:59:59", "2024-02"),
        ("2023-02", "2023-02-01T00:00:00", "2023-02-28T23:59:59", "2023-02"),
        ("2024-04", "2024-04-01T00:00:00", "2024-04-30T23:59:59", "2024-04"),
        ("2024", "2024-01-01T00:00:00", "2024-12-31T23:59:59", "2024"),
        ("2024-02-29", "2024-02-29T00:00:00", "2024-02-29T23:59:59", "2024-02-29"),
        ("  2024-03-02\t", "2024-03-02T00:00:00", "2024-03-02T23:59:59", "2024-03-02"),
        ("2024-03-02T18:00/2024-03-03T09:15", "2024-03-02T18:00:00", "2024-03-03T09:15:00", "2024-03-02T18:00/2024-03-03T09:15"),
        ("2024-03-01/2024-03-03", "2024-03-01T00:00:00", "2024-03-03T23:59:59", "2024-03-01/2024-03-03"),
        ("2024/2024-06", "2024-01-01T00:00:00", "2024-06-30T23:59:59", "2024/2024-06"),
        ("2024-03-02T10:00/2024-03-02T10:00", "2024-03-02T10:00:00", "2024-03-02T10:00:00", "2024-03-02T10:00/2024-03-02T10:00"),
        ("2024-03-02T10:00/2024-03-02", "2024-03-02T10:00:00", "2024-03-02T23:59:59", "2024-03-02T10:00/2024-03-02"),
    ])
    func instantsAndPeriods(text: String, start: String, end: String, canonical: String) throws {
        let t = try TimeSpec(parsing: text)
        #expect(t.start.isoText == start)
        #expect(t.end.isoText == end)
        #expect(t.text == canonical)
        #expect(!t.isApproximate)
        #expect(t.description == canonical)
    }

    @Test func approximate() throws {
        let m = try TimeSpec(parsing: "~2024-03")
        #expect(m.isApproximate)
        #expect(m.text == "2024-03")
        #expect(m.description == "~2024-03")
        #expect(m.start == ts(2024, 3, 1))
        #expect(m.end == ts(2024, 3, 31, 23, 59, 59))

        let p = try TimeSpec(parsing: "~2024-03-01/2024-03-10")
        #expect(p.isApproximate)
        #expect(p.start == ts(2024, 3, 1))
        #expect(p.end == ts(2024, 3, 10, 23, 59, 59))
        #expect(p.description == "~2024-03-01/2024-03-10")
    }

    @Test(arguments: ["2023-02-29", "2024-02-30", "2024-02-31", "2024-04-31", "2024-13", "2024-00", "2024-03-00",
                      "0000", "2024-03-02T24:00", "2024-03-02T21:60", "2024-03-02T21:40:60", "2025-02-29"])
    func notACalendarDate(text: String) {
        #expect(throws: TimeSpec.ParseError.notACalendarDate) { try TimeSpec(parsing: text) }
    }

    @Test(arguments: ["", "~", "24-03-02", "2024-3-2", "2024/03/02", "20245", "2024-03-02T21", "2024-03-02T21:40:1",
                      "2024-03-02X21:40", "2024-03-02t21:40", "2024-03-02T21:40Z", "2024-03-0a", "a/b/c", "2024-03-02/",
                      "/2024-03-02", "+2024", "２０２４", "31/02/2024", "~~2024", "2024-03-02T21:40:15.5", "2024-03-"])
    func malformed(text: String) {
        #expect(throws: TimeSpec.ParseError.malformed) { try TimeSpec(parsing: text) }
    }

    @Test(arguments: ["2024-03-10/2024-03-01", "2024-03-02T10:00/2024-03-02T09:59", "2024-03/2024-02-15", "~2025/2024"])
    func endBeforeStart(text: String) {
        #expect(throws: TimeSpec.ParseError.endBeforeStart) { try TimeSpec(parsing: text) }
    }

    @Test func instantInitialiser() {
        let t = TimeSpec(instant: ts(2024, 3, 2, 21, 40))
        #expect(t.start == t.end)
        #expect(t.text == "2024-03-02T21:40") // zero seconds are not written, so one moment has one text
        #expect(!t.isApproximate)
        #expect(TimeSpec(instant: ts(2024, 3, 2, 21, 40, 7)).text == "2024-03-02T21:40:07")
        #expect((try? TimeSpec(parsing: "2024-03-02T21:40:00"))?.text == "2024-03-02T21:40")
    }
}
