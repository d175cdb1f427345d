import Foundation
import SightlineTestSupport
import Testing

/// An ingest killed with SIGKILL half-way leaves the store exactly as it was, and the next one works.
@Suite("Killed ingest")
struct KilledIngestTests {
    @Test("SIGKILL inside the open transaction, after some batches are written, leaves the store unchanged")
    func sigkill() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("s.sqlite")
        let first = try runSightline(["ingest", dir.write("every.jsonl", Fixtures.everyRecordType), "--db", db])
        #expect(first.status == 0)
        let before = try snapshot(db)

        _ = try runSightline(["generate", "--people", "2000", "--seed", "9", "--out", dir.file("big")])
        // The test hook (docs/formats.md, "Test hooks") makes the ingest raise SIGKILL on itself
        // once 4 batches are written inside the open transaction: a kill at a known point, not
        // after a guessed sleep.
        guard let binary = PackagePaths.binary else { throw TestSupportError("sightline is not built") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["ingest", dir.file("big/network.jsonl"), "--db", db]
        p.environment = ProcessInfo.processInfo.environment.merging(["SIGHTLINE_TEST_KILL_AFTER_BATCHES": "4"]) { $1 }
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(p.terminationStatus == SIGKILL)

        #expect(try snapshot(db) == before)
        let again = try runSightline(["ingest", dir.file("big/network.jsonl"), "--db", db])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try snapshot(db) != before)
    }

    /// What a user sees of the store: the counts and the entity list.
    func snapshot(_ db: String) throws -> String {
        try runSightline(["stats", "--db", db, "--format", "json"]).stdout
            + runSightline(["entities", "--db", db, "--format", "csv"]).stdout
    }
}
