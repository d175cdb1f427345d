import Foundation

/// The day a command runs: the date in question for who is a child when no `--as-of` is given, and
/// the latest day an item may be dated.
///
/// Read in this one place: `SIGHTLINE_TODAY=YYYY-MM-DD` when set (so that tests, and an analyst
/// re-running last week's batch job, get a fixed day), else the system clock.
public enum RunDay {
    /// The environment variable that fixes the run day.
    public static let variable = "SIGHTLINE_TODAY"

    /// `SIGHTLINE_TODAY` is set to something that is not a calendar date.
    public struct BadValue: Error, CustomStringConvertible {
        public var description: String
    }

    /// The day ages are taken on: `SIGHTLINE_TODAY`, else today's date in UTC.
    /// - Throws: ``BadValue`` when `SIGHTLINE_TODAY` is not a date `YYYY-MM-DD`.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment,
                             now: Date = Date()) throws(BadValue) -> Timestamp {
        try fixed(environment) ?? day(of: now, offsetHours: 0)
    }

    /// The latest day an item may be dated: `SIGHTLINE_TODAY`, else the date now in UTC+14, the last
    /// time zone to reach midnight, so that a date written anywhere today is never refused as future.
    /// - Throws: ``BadValue`` when `SIGHTLINE_TODAY` is not a date `YYYY-MM-DD`.
    public static func latestDay(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 now: Date = Date()) throws(BadValue) -> Timestamp {
        try fixed(environment) ?? day(of: now, offsetHours: 14)
    }

    /// ``today(environment:now:)``, or the system clock's day when `SIGHTLINE_TODAY` cannot be read
    /// (the command line refuses a bad value before any command runs; this is for library defaults).
    public static func todayOrClock() -> Timestamp {
        (try? today()) ?? day(of: Date(), offsetHours: 0)
    }

    static func fixed(_ environment: [String: String]) throws(BadValue) -> Timestamp? {
        guard let text = environment[variable] else { return nil }
        guard let t = try? TimeSpec(parsing: text), t.isDateOnly, !t.isPeriod, !t.isApproximate, t.text.utf8.count == 10 else {
            throw BadValue(description: "\(variable) is \"\(text)\"; expected a date YYYY-MM-DD (or leave it unset to use today's date)")
        }
        return t.start
    }

    static func day(of now: Date, offsetHours: Int) -> Timestamp {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + offsetHours * 3600
        return Timestamp(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }
}
