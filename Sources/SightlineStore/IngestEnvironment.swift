import Foundation
import SightlineModel

/// The environment that changes how ingest runs (docs/formats.md, "Dates" and "Test hooks"); the
/// run's day itself is read by ``RunDay``.
public enum IngestEnvironment {
    /// `SIGHTLINE_TEST_KILL_AFTER_BATCHES=N`: a test hook; the ingest raises SIGKILL on itself once
    /// N batches are written inside the open transaction.
    public static let killVariable = "SIGHTLINE_TEST_KILL_AFTER_BATCHES"

    /// The test hook's batch count, if set to a positive whole number.
    static func killAfterBatches(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        environment[killVariable].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }
}
