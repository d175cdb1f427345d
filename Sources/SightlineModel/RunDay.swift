import Foundation

/// The day a command runs, which is the date in question for "who is a child" when no `--as-of`
/// is given, and the latest day an item may be recorded.
///
/// Read in this one place: the system clock in UTC, or `SIGHTLINE_TODAY=YYYY-MM-DD` when set (so
/// that tests, and an analyst re-running last week's batch job, get a fixed day).
public enum RunDay {
    /// The environment variable that fixes the run day.
    public static let variable = "SIGHTLINE_TODAY"

    /// Today, as the start of the day (UTC), or the day `SIGHTLINE_TODAY` names.
    /// - Throws: `TimeSpec.ParseError` when `SIGHTLINE_TODAY` is set but is not a calendar date.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) throws(TimeSpec.ParseError) -> Timestamp {
        if let fixed = environment[variable], !fixed.isEmpty {
            let spec = try TimeSpec(parsing: fixed)
            guard spec.isDateOnly, !spec.isPeriod, !spec.isApproximate, spec.text.count == 10 else { throw .malformed }
            return spec.start
        }
        let seconds = Int(Date().timeIntervalSince1970)
        return Timestamp(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
    }
}

extension RunDay {
    /// ``today(environment:)``, or the system clock's day when `SIGHTLINE_TODAY` cannot be read
    /// (commands check the variable first and refuse a bad one; this is for library defaults).
    public static func todayOrClock() -> Timestamp {
        (try? today()) ?? (try! today(environment: [:]))
    }
}
