import Foundation
@testable import SightlineCommands
import SightlineTestSupport
import Testing

/// Failures are safe and uniform (issue 11): the store is only read by read commands, every
/// failure exits with the documented status and a message a person can act on, outputs are written
/// whole or not at all, and unknown subcommands are named.
///
/// Tests run as root on the build machines, and root ignores file permissions: a 444 file or a 555
/// folder stays writable to it. So the permission tests also check what holds for root too: the
/// file's bytes are unchanged, no file appears beside it, and SQLite's read-only open refuses writes
/// (SightlineStoreTests).
@Suite("failures are safe and uniform", .serialized)
struct FailureTests {
    let dir = TemporaryDirectory("failures")
    var db: String { dir.file("s.sqlite") }

    init() throws {
        let r = try runSightline(["ingest", PackagePaths.samples, "--db", dir.file("s.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    /// Every read command, with the arguments that make it succeed on the samples (E65 is a place,
    /// E1 a person; the missing brief needs a child: found with --search in the test).
    static let readCommands: [[String]] = [
        ["stats"], ["entities"], ["show", "E65"], ["resolve", "candidates"], ["resolve", "history"],
        ["path", "E1", "E65"], ["ego", "E65"], ["impact", "E65"], ["copresence"], ["analyse"],
        ["disrupt", "locations"], ["disrupt", "vehicles"], ["disrupt", "phones"], ["disrupt", "people"],
        ["notices", "candidates"], ["trawl", "missing"], ["missing", "brief", "person:lccs/C-2201"],
    ]

    static func sha256(_ path: String) throws -> String {
        try runProcess("/usr/bin/sha256sum", [path]).stdout.split(separator: " ").first.map(String.init) ?? ""
    }

    func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    // MARK: 17. Read commands never write

    @Test("17: a 444 store in a 555 folder is read by every read command, logged elsewhere; its bytes are unchanged and no -wal or -shm appears")
    func readOnlyStore() throws {
        let before = try Self.sha256(db), files = try listing()
        let logs = TemporaryDirectory("evidence-log")
        chmod(db, 0o444)
        chmod(dir.path, 0o555)
        defer { chmod(dir.path, 0o755); chmod(db, 0o644) }
        for args in Self.readCommands {
            let r = try runSightline(args + ["--db", db, "--audit-log", logs.file("evidence.audit.sqlite")])
            #expect(r.status == 0 || r.status == 1, "\(args): \(r.status) \(r.stderr)")
            #expect(try Self.sha256(db) == before, "\(args) changed the store's bytes")
            let now = try listing()
            #expect(now == files, "\(args) left files beside the store: \(now)")
        }
    }

    @Test("13: where the disclosure log cannot be written, every read command refuses (exit 3) and writes nothing")
    func unloggable() throws {
        let out = TemporaryDirectory("unlogged")
        for args in Self.readCommands {
            let r = try runSightline(args + ["--db", db, "--audit-log", out.file("no-such-folder/log.sqlite")])
            #expect(r.status == 3, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(args) printed: \(r.stdout.prefix(200))")
            #expect(r.stderr.contains("log.sqlite"), "\(args): \(r.stderr)")
            let file = out.file("list.csv")
            let o = try runSightline(args + ["--db", db, "--audit-log", out.file("no-such-folder/log.sqlite"), "-o", file])
            #expect(o.status == 3 || o.status == 2, "\(args) -o: \(o.status) \(o.stderr)")
            #expect(!FileManager.default.fileExists(atPath: file), "\(args) wrote \(file) without logging it")
        }
    }

    @Test("17: a read command on a missing store refuses (exit 3) and creates nothing")
    func missingStore() throws {
        let nowhere = dir.file("typo.sqlite")
        for args in Self.readCommands {
            let r = try runSightline(args + ["--db", nowhere])
            #expect(r.status == 3, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("no store at \(nowhere): run 'sightline ingest' first or check --db"), "\(args): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: nowhere), "\(args) created the store")
            #expect(!FileManager.default.fileExists(atPath: dir.file("typo.audit.sqlite")), "\(args) created a log for no store")
        }
    }

    @Test("17: a store of an older or newer schema is refused by read commands with what to do, and left unchanged")
    func otherVersions() throws {
        let old = dir.file("old.sqlite"), new = dir.file("new.sqlite")
        try FileManager.default.copyItem(atPath: db, toPath: old)
        try FileManager.default.copyItem(atPath: db, toPath: new)
        _ = try runProcess("/usr/bin/sqlite3", [old, "DELETE FROM grdb_migrations WHERE identifier LIKE 'v2%'"])
        _ = try runProcess("/usr/bin/sqlite3", [new, "INSERT INTO grdb_migrations VALUES ('v99: from the future')"])
        let oldSum = try Self.sha256(old)
        let r = try runSightline(["stats", "--db", old])
        #expect(r.status == 3 && r.stderr.contains("written by an older Sightline; run a write command such as 'sightline ingest'"), "\(r.stderr)")
        #expect(try Self.sha256(old) == oldSum)
        let n = try runSightline(["disrupt", "people", "--db", new])
        #expect(n.status == 3 && n.stderr.contains("written by a newer Sightline"), "\(n.stderr)")
        let w = try runSightline(["ingest", PackagePaths.samples, "--db", new])
        #expect(w.status == 3 && w.stderr.contains("written by a newer Sightline"), "\(w.stderr)")
    }

    // MARK: 18. One error type, one exit-code table

    @Test("18: a damaged store (random bytes, or cut in half) exits 3 from every read command, with no SQL in the message")
    func corruptStore() throws {
        var random = SystemRandomNumberGenerator()
        let noise = dir.write("noise.sqlite", bytes: (0..<65536).map { _ in UInt8.random(in: 0...255, using: &random) })
        let half = dir.file("half.sqlite")
        let whole = try Data(contentsOf: URL(fileURLWithPath: db))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: half))
        for store in [noise, half] {
            for args in Self.readCommands {
                let r = try runSightline(args + ["--db", store])
                #expect(r.status == 3, "\(args) on \(store): \(r.status) \(r.stderr)")
                for word in ["SELECT", "sqlite3_", "SQLite error", "FROM "] {
                    #expect(!r.stderr.contains(word), "\(args): \(r.stderr)")
                }
                #expect(r.stderr.hasPrefix("Error: "), "\(args): \(r.stderr)")
            }
        }
    }

    @Test("18: an unknown entity exits 4 from every command that takes one")
    func unknownEntity() throws {
        let svg = dir.file("x.svg")
        let cases: [[String]] = [
            ["show", "E999999"], ["path", "E1", "E999999"], ["ego", "Nobody Atall"], ["impact", "E999999"],
            ["copresence", "E999999"], ["render", "ego", "E999999", "-o", svg], ["missing", "brief", "E999999"],
            ["notices", "candidates", "--adult", "E999999"], ["notices", "candidates", "--child", "Nobody Atall"],
        ]
        for args in cases {
            let r = try runSightline(args + ["--db", db])
            #expect(r.status == 4, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("no entity matches"), "\(args): \(r.stderr)")
        }
    }

    @Test("18: commands run in-process return their status instead of ending the process")
    func inProcess() throws {
        #expect(SightlineMain.execute(["stats", "--db", dir.file("none.sqlite")]) == 3)
        #expect(SightlineMain.execute(["stats", "--limit", "3"]) == 2)
        #expect(SightlineMain.execute(["disrupt", "people", "--db", db, "--since", "2099-01-01", "-o", dir.file("p.csv")]) == 1)
        releaseKeptValues()
    }

    // MARK: 21. Outputs are written whole or not at all

    @Test("21: -o onto a folder or into a missing folder exits 5 naming the path; the previous file is untouched")
    func outputTargets() throws {
        let folder = dir.file("out")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let targets: [[String]] = [
            ["disrupt", "locations", "-o"], ["notices", "candidates", "-o"], ["trawl", "missing", "-o"],
            ["missing", "brief", "person:lccs/C-2201", "-o"], ["render", "ego", "E65", "-o"],
        ]
        for args in targets {
            let onFolder = try runSightline(args + [folder, "--db", db])
            #expect(onFolder.status == 5, "\(args): \(onFolder.status) \(onFolder.stderr)")
            #expect(onFolder.stderr.contains("Error: \(folder): cannot write the output: it is a folder"), "\(args): \(onFolder.stderr)")
            let missing = dir.file("no/such/folder/x.out")
            let r = try runSightline(args + [missing, "--db", db])
            #expect(r.status == 5 && r.stderr.contains("does not exist"), "\(args): \(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("21: a write that fails part-way (a full disk) leaves the previous output byte for byte, and no temporary file")
    func failedWrite() throws {
        let target = dir.file("list.csv")
        let r = try runSightline(["disrupt", "locations", "--db", db, "--format", "csv", "-o", target])
        #expect(r.status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        let files = try listing()
        var calls = 0
        #expect(throws: OutputError.self) {
            try OutputFile.write(Array(repeating: UInt8(ascii: "x"), count: 100_000), to: target) { fd, bytes in
                calls += 1
                if calls == 1 { return write(fd, bytes.baseAddress, min(bytes.count, 4096)) }
                errno = ENOSPC
                return -1
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
        #expect(try listing() == files)
        // The real device: the message names the path and the reason.
        let full = try runSightline(["disrupt", "locations", "--db", db, "-o", "/dev/full"])
        #expect(full.status == 5 && full.stderr.contains("/dev/full: cannot write the output: No space left on device"), "\(full.stderr)")
    }

    @Test("21: every command that prints data takes -o through one output group: the file holds what standard output would; a failed command leaves the previous file")
    func outputGroup() throws {
        let commands: [[String]] = [
            ["stats"], ["entities"], ["show", "E65"], ["resolve", "candidates"], ["path", "E1", "E65"], ["ego", "E65"],
            ["impact", "E65"], ["copresence"], ["analyse"], ["disrupt", "people"], ["trawl", "missing"],
        ]
        for args in commands {
            let file = dir.file("out-\(args[0]).json")
            let plain = try runSightline(args + ["--db", db, "--format", "json"])
            let written = try runSightline(args + ["--db", db, "--format", "json", "-o", file])
            #expect(written.status == plain.status && written.stdout.isEmpty, "\(args): \(written.stderr)")
            #expect(try String(contentsOfFile: file, encoding: .utf8) == plain.stdout, "\(args)")
        }
        let kept = dir.write("kept.txt", "previous\n")
        let failed = try runSightline(["show", "E999999", "--db", db, "-o", kept])
        #expect(failed.status == 4)
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "previous\n")
        let measured = dir.file("m.csv")
        let m = try runSightline(["measure", "--edges", PackagePaths.root + "/Tests/SightlineGraphTests/Reference/kite.edges.csv", "--format", "csv", "-o", measured])
        let table = try String(contentsOfFile: measured, encoding: .utf8)
        #expect(m.status == 0 && table.hasPrefix("node,degree"))
    }

    @Test("hostile paths: an empty --db or -o is a usage error; a folder as --db is refused (exit 3)")
    func hostilePaths() throws {
        let emptyDB = try runSightline(["stats", "--db", ""])
        #expect(emptyDB.status == 2 && emptyDB.stderr.contains("--db must name the store file"), "\(emptyDB.stderr)")
        let emptyOut = try runSightline(["stats", "--db", db, "-o", ""])
        #expect(emptyOut.status == 2 && emptyOut.stderr.contains("-o must name a file"), "\(emptyOut.stderr)")
        let folder = try runSightline(["entities", "--db", dir.path])
        #expect(folder.status == 3 && folder.stderr.contains("it is a folder, not a store file"), "\(folder.stderr)")
    }

    // MARK: 23. Unknown subcommands; empty lists

    @Test("23: a misspelt subcommand is named as unknown, with the valid ones, exit 2")
    func unknownSubcommand() throws {
        let r = try runSightline(["disrupt", "lcations", "--db", "x"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown command 'sightline disrupt lcations'; the commands are: locations, vehicles, phones, people"), "\(r.stderr)")
        #expect(!r.stderr.contains("Unknown option"))
        let top = try runSightline(["stat", "--db", "x"])
        #expect(top.status == 2 && top.stderr.contains("unknown command 'sightline stat'") && top.stderr.contains("stats"), "\(top.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "x"))
    }

    @Test("23: an empty list exits 1 from every list-like command, with a note")
    func emptyLists() throws {
        let cases: [[String]] = [
            ["copresence", "--window", "0", "--min-occasions", "1000"], ["entities", "--search", "zzzzqqq"],
            ["disrupt", "people", "--since", "2099-01-01"],
        ]
        for args in cases {
            let r = try runSightline(args + ["--db", db])
            #expect(r.status == 1, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.hasPrefix("no "), "\(args): \(r.stderr)")
        }
        let fresh = dir.file("fresh.sqlite")
        _ = try runSightline(["ingest", dir.write("one.jsonl", Fixtures.everyRecordType), "--db", fresh])
        for args in [["resolve", "history"], ["resolve", "candidates"]] {
            let r = try runSightline(args + ["--db", fresh])
            #expect(r.status == 1 && r.stderr.hasPrefix("no "), "\(args): \(r.status) \(r.stderr)")
        }
    }
}
