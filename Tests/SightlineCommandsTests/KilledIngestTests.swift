import Foundation
import SightlineTestSupport
import Testing

/// An ingest killed with SIGKILL half-way leaves the store exactly as it was, and the next one works.
@Suite("Killed ingest")
struct KilledIngestTests {
    @Test("SIGKILL half-way through a large file leaves the store unchanged")
    func sigkill() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("s.sqlite")
        let first = try runSightline(["ingest", dir.write("every.jsonl", Fixtures.everyRecordType), "--db", db])
        #expect(first.status == 0)
        let before = try snapshot(db)

        _ = try runSightline(["generate", "--people", "6000", "--seed", "9", "--out", dir.file("big")])
        // Time a complete run on a copy, so that the kill lands half-way through the real one.
        // (Uncommitted pages stay in SQLite's page cache, so the WAL's size does not show progress.)
        let copy = dir.file("copy.sqlite")
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        let started = Date()
        let full = try runSightline(["ingest", dir.file("big/network.jsonl"), "--db", copy])
        #expect(full.status == 0, "\(full.stderr)")
        let duration = Date().timeIntervalSince(started)

        guard let binary = PackagePaths.binary else { throw TestSupportError("sightline is not built") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["ingest", dir.file("big/network.jsonl"), "--db", db]
        p.standardError = FileHandle.nullDevice
        try p.run()
        Thread.sleep(forTimeInterval: duration * 0.35) // well before the end, whatever the machine is doing
        #expect(p.isRunning, "the ingest finished before it could be killed")
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)

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
