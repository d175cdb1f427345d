import Foundation
import SightlineTestSupport
import Testing

/// Hostile and mistaken input to `sightline ingest`: each run must fail with an error naming the
/// file, line and field, and leave the store and the user's files exactly as they were.
@Suite("Ingest fails safely")
struct IngestSafetyTests {
    /// A store holding the fixture, and the bytes of every file a test must not change.
    final class Setup {
        let dir = TemporaryDirectory()
        let db: String
        init() throws {
            db = dir.file("s.sqlite")
            let r = try runSightline(["ingest", dir.write("every.jsonl", Fixtures.everyRecordType), "--db", db])
            #expect(r.status == 0, "\(r.stderr)")
        }

        /// What the store holds, to compare before and after: every row (`sqlite3 .dump`, where
        /// the sqlite3 program is installed) or else the counts and entities a user sees. Not the
        /// file's bytes: merely opening the store (even `sightline stats`) rewrites a page of it.
        func storeBytes() -> [String] {
            let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
            let size = "\((try? FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? -1) bytes > 0: \(((try? FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0) > 0)"
            if let sqlite3, let dump = try? runProcess(sqlite3, ["-readonly", db, ".dump"]), dump.status == 0 {
                return [String(size.split(separator: ":").last ?? ""), dump.stdout]
            }
            return [String(size.split(separator: ":").last ?? ""),
                    (try? runSightline(["stats", "--db", db, "--format", "json"]).stdout) ?? "",
                    (try? runSightline(["entities", "--db", db, "--format", "csv"]).stdout) ?? ""]
        }
    }

    static let item = #"{"type":"item","agency":"police","ref":"Q-1","recorded":"2024-05-01","grade":"1AP"}"#

    // MARK: Item 10: an output path that is the store or an input

    @Test("--quarantine naming the store, its WAL, an input or a link to one is refused before anything is opened")
    func quarantineOverStoreOrInput() throws {
        let s = try Setup()
        let input = s.dir.write("in.jsonl", Self.item + "\n")
        let inputBytes = FileManager.default.contents(atPath: input)
        let before = s.storeBytes()
        try FileManager.default.createSymbolicLink(atPath: s.dir.file("link.sqlite"), withDestinationPath: s.db)
        try FileManager.default.createDirectory(atPath: s.dir.file("sub"), withIntermediateDirectories: true)
        for q in [s.db, s.db + "-wal", s.db + "-shm", s.dir.file("link.sqlite"), input, s.dir.path + "/./in.jsonl",
                  s.dir.path + "/sub/../in.jsonl", s.dir.path + "//s.sqlite"] {
            let r = try runSightline(["ingest", input, "--db", s.db, "--quarantine", q])
            #expect(r.status == 2, "\(q): \(r.stderr)")
            #expect(r.stderr.contains("--quarantine"), "\(r.stderr)")
            #expect(r.stderr.contains("same file"), "\(r.stderr)")
            #expect(s.storeBytes() == before, "\(q)")
            #expect(FileManager.default.contents(atPath: input) == inputBytes, "\(q)")
        }
        // The store given through a link and the quarantine through the real path.
        let r = try runSightline(["ingest", input, "--db", s.dir.file("link.sqlite"), "--quarantine", s.db])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(s.storeBytes() == before)
        // A store that does not exist yet is not created.
        let fresh = s.dir.file("fresh.sqlite")
        let r2 = try runSightline(["ingest", input, "--db", fresh, "--quarantine", fresh])
        #expect(r2.status == 2, "\(r2.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    // MARK: Item 11: CSV rows and headers

    static let conditionsMapping = """
        mapping: 1
        encoding: ENCODING
        records:
          - type: item
            agency: police
            ref: "R-{Ref}"
            recorded: { column: Recorded, date: yyyy-MM-dd }
            grade: 1AC
            conditions: "{Conditions}"
            summary: "{Notes}"
        """

    func csvRun(_ s: Setup, csv: [UInt8], encoding: String = "utf-8", extra: [String] = []) throws -> CommandResult {
        let file = s.dir.write("police.csv", bytes: csv)
        s.dir.write("police.mapping.yaml", Self.conditionsMapping.replacingOccurrences(of: "ENCODING", with: encoding))
        return try runSightline(["ingest", file, "--db", s.db] + extra)
    }

    @Test("a CSV row with more or fewer fields than the header is refused, naming the line and both counts")
    func csvFieldCount() throws {
        let s = try Setup()
        let before = s.storeBytes()
        let more = "Ref,Recorded,Conditions,Notes\n1,2024-05-01,Share only with MACE,ok\n2,2024-05-01,Share only with the MACE panel, never with the school,\n"
        let r = try csvRun(s, csv: Array(more.utf8))
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("police.csv:3"), "\(r.stderr)")
        #expect(r.stderr.contains("5 fields") && r.stderr.contains("4"), "\(r.stderr)")
        #expect(s.storeBytes() == before)

        let fewer = "Ref,Recorded,Conditions,Notes\n1,2024-05-01,Share only with MACE\n"
        let r2 = try csvRun(s, csv: Array(fewer.utf8))
        #expect(r2.status == 1, "\(r2.stderr)")
        #expect(r2.stderr.contains("police.csv:2"), "\(r2.stderr)")
        #expect(r2.stderr.contains("3 fields"), "\(r2.stderr)")
        #expect(s.storeBytes() == before)
    }

    @Test("a CSV header naming a column twice is refused")
    func csvDuplicateHeader() throws {
        let s = try Setup()
        let before = s.storeBytes()
        let r = try csvRun(s, csv: Array("Ref,Recorded,Conditions,Notes,Conditions\n1,2024-05-01,a,b,c\n".utf8))
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("police.csv:1"), "\(r.stderr)")
        #expect(r.stderr.contains("'Conditions'") && r.stderr.contains("twice"), "\(r.stderr)")
        #expect(s.storeBytes() == before)
    }

    @Test("a UTF-8 file read through a windows-1252 mapping is refused with a hint, not stored as mojibake")
    func utf8DeclaredWindows1252() throws {
        let s = try Setup()
        let before = s.storeBytes()
        let csv = "Ref,Recorded,Conditions,Notes\n1,2024-05-01,Share with Zoë’s social worker only,café\n"
        let r = try csvRun(s, csv: Array(csv.utf8), encoding: "windows-1252")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("police.csv:2"), "\(r.stderr)")
        #expect(r.stderr.contains("encoding: utf-8"), "\(r.stderr)")
        #expect(s.storeBytes() == before)
        // Real windows-1252 bytes are still read.
        let ok = Array("Ref,Recorded,Conditions,Notes\n1,2024-05-01,Share with Zo".utf8) + [0xEB, 0x92] + Array("s social worker only,caf".utf8) + [0xE9, 0x0A]
        let r2 = try csvRun(s, csv: ok, encoding: "windows-1252")
        #expect(r2.status == 0, "\(r2.stderr)")
    }

    // MARK: Item 12: quarantine accounts for every line

    @Test("with --quarantine an unbalanced quote stops the run instead of swallowing the rest of the file")
    func unbalancedQuoteInQuarantine() throws {
        let s = try Setup()
        let before = s.storeBytes()
        var csv = "Ref,Recorded,Conditions,Notes\n"
        for i in 1...300 { csv += i == 6 ? "\(i),2024-05-01,\"Share only with MACE,x\n" : "\(i),2024-05-01,Share only with MACE,row \(i)\n" }
        let q = s.dir.file("q.jsonl")
        let r = try csvRun(s, csv: Array(csv.utf8), extra: ["--quarantine", q])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("police.csv:7"), "\(r.stderr)")
        #expect(r.stderr.contains("unbalanced quote"), "\(r.stderr)")
        #expect(r.stderr.contains("Nothing from this run was stored"), "\(r.stderr)")
        #expect(s.storeBytes() == before)
    }

    @Test("every row is either stored or quarantined with its raw text, and the summary says so")
    func quarantineAccounting() throws {
        let s = try Setup()
        var csv = "Ref,Recorded,Conditions,Notes\n"
        for i in 1...300 {
            switch i {
            case 6: csv += "\(i),2024-05-01,\"Share only\" with MACE,x\n" // text after a closing quote
            case 9: csv += "\(i),2024-05-01,Share only with MACE, never the school,x\n" // one field too many
            case 12: csv += "\(i),31/02/2024,Share only with MACE,x\n"
            default: csv += "\(i),2024-05-01,Share only with MACE,row \(i)\n"
            }
        }
        let q = s.dir.file("q.jsonl")
        let r = try csvRun(s, csv: Array(csv.utf8), extra: ["--quarantine", q])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("300 rows or lines read: 297 stored, 3 rejected"), "\(r.stderr)")
        let lines = try String(contentsOfFile: q, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        let raws = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }.map { $0["raw"] as? String ?? "" }
        #expect(raws.count == 3 && raws[0].contains("\"Share only\" with MACE"), "\(raws)")
        #expect(raws.count == 3 && raws[1].contains("never the school"), "\(raws)")
        #expect(raws.allSatisfy { !$0.isEmpty })
    }

    // MARK: Item 13: dates after the run's day

    @Test("a date after the run's day is refused in every date field; the day itself is allowed", arguments: [
        (#"{"type":"item","agency":"police","ref":"F-1","recorded":"2024-06-02","grade":"1AP"}"#, "recorded"),
        (#"{"type":"item","agency":"police","ref":"F-1","recorded":"2024-06-01","observed":"2999-01-01","grade":"1AP"}"#, "observed"),
        (#"{"type":"item","agency":"police","ref":"F-1","recorded":"2024-06-01","observed":"2024-05-01/2024-07","grade":"1AP"}"#, "observed"),
        (#"{"type":"person","id":"person:niche/F1","dob":"2999","item":"police/WX-24-000123"}"#, "dob"),
        (#"{"type":"missing","child":"person:lccs/C-2231","start":"2024-06-02T00:00","item":"police/WX-24-000123"}"#, "start"),
        (#"{"type":"missing","child":"person:lccs/C-2231","start":"2024-05-02T00:00","end":"2024-06-02T10:00","item":"police/WX-24-000123"}"#, "end"),
        (#"{"type":"notice","notice":"cawn","subject":"person:niche/PN-1001","issued":"2999-04-01","item":"police/WX-24-000123"}"#, "issued"),
        (#"{"type":"looked_after","child":"person:lccs/C-2231","from":"2024-07-01","item":"social_care/LCS-88120"}"#, "from"),
        (#"{"type":"link","link":"seen_with","from":"person:niche/PN-1001","to":"person:lccs/C-2231","at":"2025-01","item":"police/WX-24-000123"}"#, "at"),
    ])
    func futureDates(line: String, field: String) throws {
        let s = try Setup()
        let before = s.storeBytes()
        let file = s.dir.write("future.jsonl", "\n" + line + "\n")
        let r = try runSightline(["ingest", file, "--db", s.db], environment: ["SIGHTLINE_TODAY": "2024-06-01"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("future.jsonl:2: field '\(field)'"), "\(r.stderr)")
        #expect(r.stderr.contains("after today (2024-06-01)"), "\(r.stderr)")
        #expect(s.storeBytes() == before)
    }

    @Test("the run's day itself, and a notice's expiry after it, are accepted")
    func todayIsAllowed() throws {
        let s = try Setup()
        let file = s.dir.write("today.jsonl", """
            {"type":"item","agency":"police","ref":"T-1","recorded":"2024-06-01","observed":"2024-06-01T23:59","grade":"1AP"}
            {"type":"notice","notice":"harbourer_warning","subject":"person:niche/PN-1001","issued":"2024-06-01","expires":"2026-06-01","item":"police/T-1"}

            """)
        let r = try runSightline(["ingest", file, "--db", s.db], environment: ["SIGHTLINE_TODAY": "2024-06-01"])
        #expect(r.status == 0, "\(r.stderr)")
        let bad = try runSightline(["ingest", file, "--db", s.db], environment: ["SIGHTLINE_TODAY": "1 June"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("SIGHTLINE_TODAY"), "\(bad.stderr)")
    }

    // MARK: Item 14: the same thing twice in one run

    @Test("an item given twice with different content is refused, naming both lines; an identical repeat passes")
    func duplicateItem() throws {
        let s = try Setup()
        let before = s.storeBytes()
        let a = #"{"type":"item","agency":"police","ref":"D-1","recorded":"2024-05-01","grade":"1AP","summary":"first"}"#
        let b = #"{"type":"item","agency":"police","ref":"D-1","recorded":"2024-05-01","grade":"1AP","summary":"second"}"#
        let file = s.dir.write("dup.jsonl", a + "\n" + #"{"type":"vehicle","id":"vehicle:WX11ABQ","item":"police/D-1"}"# + "\n" + b + "\n")
        let r = try runSightline(["ingest", file, "--db", s.db])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("dup.jsonl:3"), "\(r.stderr)")
        #expect(r.stderr.contains("dup.jsonl:1"), "\(r.stderr)")
        #expect(s.storeBytes() == before)
        // Across two files of one run too.
        let f1 = s.dir.write("one.jsonl", a + "\n"), f2 = s.dir.write("two.jsonl", b + "\n")
        let r2 = try runSightline(["ingest", f1, f2, "--db", s.db])
        #expect(r2.status == 1, "\(r2.stderr)")
        #expect(r2.stderr.contains("two.jsonl:1") && r2.stderr.contains("one.jsonl:1"), "\(r2.stderr)")
        #expect(s.storeBytes() == before)
        let same = s.dir.write("same.jsonl", a + "\n" + a + "\n")
        #expect(try runSightline(["ingest", same, "--db", s.db]).status == 0)
    }

    @Test("one person twice under one item with conflicting facts is refused, naming both lines")
    func duplicatePerson() throws {
        let s = try Setup()
        let before = s.storeBytes()
        let file = s.dir.write("people.jsonl", """
            {"type":"item","agency":"police","ref":"P-1","recorded":"2024-05-01","grade":"1AP"}
            {"type":"person","id":"person:niche/X-1","name":"Kai FICTIONAL","dob":"2009-01-01","item":"police/P-1"}
            {"type":"person","id":"person:niche/X-2","name":"Lee FICTIONAL","item":"police/P-1"}
            {"type":"person","id":"person:niche/X-1","name":"Kai FICTIONAL","dob":"2001-01-01","item":"police/P-1"}

            """)
        let r = try runSightline(["ingest", file, "--db", s.db])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("people.jsonl:4") && r.stderr.contains("people.jsonl:2"), "\(r.stderr)")
        #expect(s.storeBytes() == before)

        let names = s.dir.write("names.jsonl", """
            {"type":"item","agency":"police","ref":"P-1","recorded":"2024-05-01","grade":"1AP"}
            {"type":"person","id":"person:niche/X-1","name":"Kai FICTIONAL","item":"police/P-1"}
            {"type":"person","id":"person:niche/X-1","name":"Kay FICTIONALE","item":"police/P-1"}

            """)
        let r2 = try runSightline(["ingest", names, "--db", s.db])
        #expect(r2.status == 1, "\(r2.stderr)")
        #expect(r2.stderr.contains("names.jsonl:3") && r2.stderr.contains("names.jsonl:2"), "\(r2.stderr)")
        #expect(s.storeBytes() == before)

        let same = s.dir.write("same.jsonl", """
            {"type":"item","agency":"police","ref":"P-1","recorded":"2024-05-01","grade":"1AP"}
            {"type":"person","id":"person:niche/X-1","name":"Kai FICTIONAL","roles":["witness"],"item":"police/P-1"}
            {"type":"person","id":"person:niche/X-1","name":"Kai FICTIONAL","roles":["witness"],"item":"police/P-1"}

            """)
        let r3 = try runSightline(["ingest", same, "--db", s.db])
        #expect(r3.status == 0, "\(r3.stderr)")
    }

    // MARK: Item 16: invisible characters

    @Test("an identifier with an invisible character is refused, naming the code point")
    func invisibleInIdentifier() throws {
        let s = try Setup()
        let before = s.storeBytes()
        let file = s.dir.write("zw.jsonl", #"{"type":"person","id":"person:niche/AUD\u200b-1","item":"police/WX-24-000123"}"# + "\n")
        let r = try runSightline(["ingest", file, "--db", s.db])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("zw.jsonl:1: field 'id'"), "\(r.stderr)")
        #expect(r.stderr.contains("U+200B"), "\(r.stderr)")
        #expect(s.storeBytes() == before)
    }

    // MARK: Item 20: a line that never ends

    @Test("a file that never ends a line is refused once the line passes the limit, even through a pipe")
    func endlessLine() throws {
        let s = try Setup()
        let before = s.storeBytes()
        // 64 MiB without a line break, through a named pipe so its size is unknown; the ingest
        // must stop reading soon after 16 MiB (the writer then meets a closed pipe).
        signal(SIGPIPE, SIG_IGN)
        let fifo = s.dir.file("endless.jsonl")
        #expect(mkfifo(fifo, 0o600) == 0)
        let written = WrittenCounter()
        let writer = Thread {
            defer { written.done.signal() }
            guard let h = FileHandle(forWritingAtPath: fifo) else { return }
            let chunk = Data(repeating: 0x61, count: 1 << 20)
            for _ in 0..<64 { do { try h.write(contentsOf: chunk); written.bytes += chunk.count } catch { break } }
            try? h.close()
        }
        writer.start()
        let r = try runSightline(["ingest", fifo, "--db", s.db])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("endless.jsonl:1"), "\(r.stderr)")
        #expect(r.stderr.contains("16 MiB"), "\(r.stderr)")
        #expect(s.storeBytes() == before)
        if written.done.wait(timeout: .now() + 5) == .timedOut { // the pipe was never opened: release the writer
            let fd = open(fifo, O_RDONLY | O_NONBLOCK)
            written.done.wait()
            close(fd)
        }
        #expect(written.bytes < 32 << 20, "the ingest read \(written.bytes) bytes of a line that never ends")
    }

    @Test("a pipe without an extension (process substitution) is read as JSON Lines")
    func pipeWithoutExtension() throws {
        let s = try Setup()
        let fifo = s.dir.file("63")
        #expect(mkfifo(fifo, 0o600) == 0)
        let done = DispatchSemaphore(value: 0)
        Thread {
            defer { done.signal() }
            guard let h = FileHandle(forWritingAtPath: fifo) else { return }
            try? h.write(contentsOf: Data((Self.item + "\n").utf8))
            try? h.close()
        }.start()
        let r = try runSightline(["ingest", fifo, "--db", s.db])
        if done.wait(timeout: .now() + 5) == .timedOut { // the pipe was never opened: release the writer
            let fd = open(fifo, O_RDONLY | O_NONBLOCK)
            done.wait()
            close(fd)
        }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("1 rows or lines read: 1 stored, 0 rejected"), "\(r.stderr)")
    }

    final class WrittenCounter: @unchecked Sendable {
        var bytes = 0
        let done = DispatchSemaphore(value: 0)
    }
}
