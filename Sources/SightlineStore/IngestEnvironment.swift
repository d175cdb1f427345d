import Foundation
import SightlineModel

/// The environment variables that change how ingest runs, read here and nowhere else
/// (docs/formats.md, "Dates" and "Test hooks").
public enum IngestEnvironment {
    /// `SIGHTLINE_TODAY=YYYY-MM-DD`: the run's day, for tests and for re-running an old import.
    public static let todayVariable = "SIGHTLINE_TODAY"
    /// `SIGHTLINE_TEST_KILL_AFTER_BATCHES=N`: a test hook; the ingest raises SIGKILL on itself once
    /// N batches are written inside the open transaction.
    public static let killVariable = "SIGHTLINE_TEST_KILL_AFTER_BATCHES"

    /// A variable with a value that cannot be used.
    public struct BadValue: Error, CustomStringConvertible {
        public var description: String
    }

    /// The run's day: `SIGHTLINE_TODAY` when set, else the date now in UTC+14, the last time zone
    /// to reach midnight, so that a date written anywhere today is never refused as future.
    /// - Throws: ``BadValue`` when `SIGHTLINE_TODAY` is not a date `YYYY-MM-DD`.
    public static func today(_ environment: [String: String] = ProcessInfo.processInfo.environment,
                             now: Date = Date()) throws(BadValue) -> Timestamp {
        if let text = environment[todayVariable] {
            guard let t = try? TimeSpec(parsing: text), t.isDateOnly, !t.isPeriod, !t.isApproximate, t.text.utf8.count == 10 else {
                throw BadValue(description: "\(todayVariable) is \"\(text)\"; expected a date YYYY-MM-DD (or leave it unset to use today's date)")
            }
            return t.start
        }
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + 14 * 3600
        return Timestamp(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// The test hook's batch count, if set to a positive whole number.
    static func killAfterBatches(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        environment[killVariable].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }
}
