import ArgumentParser
import Foundation
@testable import SightlineCommands
import SightlineTestSupport
import Testing

/// The command line as a user meets it: the built executable run on temporary stores.
@Suite("Command line")
struct CommandLineTests {
    @Test("arguments parse into the right commands, and bad ones are refused")
    func parsing() throws {
        #expect(try Sightline.parseAsRoot(["ingest", "a.jsonl", "--db", "x.sqlite"]) is Ingest)
        #expect(try Sightline.parseAsRoot(["show", "E1", "--format", "json"]) is Show)
        #expect(try Sightline.parseAsRoot(["resolve", "candidates", "--min-score", "0.7"]) is Resolve.Candidates)
        #expect(throws: (any Error).self) { try Sightline.parseAsRoot(["resolve", "candidates", "--min-score", "2"]) }
        #expect(throws: (any Error).self) { try Sightline.parseAsRoot(["stats", "--format", "xml"]) }
        #expect(throws: (any Error).self) { try Sightline.parseAsRoot(["generate", "--people", "3", "--out", "x"]) }
        #expect(throws: (any Error).self) { try Sightline.parseAsRoot(["resolve", "merge", "E1", "E2"]) } // --reason is required
    }

    @Test("ingest prints a one-line summary; stats, entities and show print in every format")
    func ingestAndLook() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("s.sqlite")
        let file = dir.write("every.jsonl", Fixtures.everyRecordType)
        let r = try runSightline(["ingest", file, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("read 21 records from 1 file: items 3 new, 0 updated"))
        #expect(r.stdout.isEmpty)

        let stats = try runSightline(["stats", "--db", db, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as! [String: Any]
        #expect(json["items"] as? Int == 3)
        #expect(json["childrenAtRisk"] as? Int == 1)

        let csv = try runSightline(["entities", "--db", db, "--kind", "person", "--format", "csv"])
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.first == "id,kind,label,roles,links,items,identifiers")
        #expect(lines.count == 4)
        // --limit 0 means all, as on every list; --limit 1 one.
        let all = try runSightline(["entities", "--db", db, "--kind", "person", "--format", "csv", "--limit", "0"])
        #expect(all.status == 0 && all.stdout == csv.stdout)
        let one = try runSightline(["entities", "--db", db, "--kind", "person", "--format", "csv", "--limit", "1"])
        #expect(one.stdout.split(separator: "\r\n").count == 2)

        let search = try runSightline(["entities", "--db", db, "--search", "quillfeather"])
        #expect(search.stdout.contains("Darren QUILLFEATHER"))
        #expect(!search.stdout.contains("Amy-Lou"))

        let show = try runSightline(["show", "phone:07700 900123", "--db", db])
        #expect(show.status == 0)
        #expect(show.stdout.contains("phone:+447700900123"))
        #expect(show.stdout.contains("police/WX-24-000123 2024-03-04 2BP"))
        let showJSON = try runSightline(["show", "Darren QUILLFEATHER", "--db", db, "--format", "json"])
        let d = try JSONSerialization.jsonObject(with: Data(showJSON.stdout.utf8)) as! [String: Any]
        #expect((d["roles"] as? [[String: Any]])?.first?["role"] as? String == "suspect")

        let missing = try runSightline(["show", "Nobody Atall", "--db", db])
        #expect(missing.status == 4) // request not met (docs/commands.md, exit codes)
        #expect(missing.stderr.hasPrefix("Error: no entity matches 'Nobody Atall'"))
    }

    @Test("a file with one bad line changes nothing and exits 1 naming the line and field; --quarantine writes it out")
    func badLine() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("s.sqlite")
        _ = try runSightline(["ingest", dir.write("every.jsonl", Fixtures.everyRecordType), "--db", db])
        let before = try runSightline(["stats", "--db", db, "--format", "json"]).stdout
        let bad = dir.write("bad.jsonl", """
        {"type":"item","agency":"police","ref":"B-1","recorded":"2024-05-01","grade":"1AP"}
        {"type":"vehicle","id":"vehicle:WX11 ABQ","item":"police/B-1"}
        {"type":"link","link":"driver_of","from":"person:niche/PN-1001","to":"phone:07700 900123","item":"police/B-1"}
        {"type":"vehicle","id":"vehicle:WX12 ABQ","item":"police/B-1"}
        """)
        let r = try runSightline(["ingest", bad, "--db", db])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.jsonl:3: field 'to'"))
        #expect(r.stderr.contains("must be a vehicle, not a phone"))
        #expect(r.stderr.contains("Nothing from this run was stored"))
        #expect(try runSightline(["stats", "--db", db, "--format", "json"]).stdout == before)

        let q = dir.file("quarantine.jsonl")
        let r2 = try runSightline(["ingest", bad, "--db", db, "--quarantine", q])
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(r2.stderr.contains("1 rejected"))
        let quarantined = try String(contentsOfFile: q, encoding: .utf8).split(separator: "\n")
        #expect(quarantined.count == 1)
        let entry = try JSONSerialization.jsonObject(with: Data(quarantined[0].utf8)) as! [String: Any]
        #expect(entry["line"] as? Int == 3)
        #expect(entry["field"] as? String == "to")
        #expect((entry["raw"] as? String)?.contains("driver_of") == true)
        #expect(try runSightline(["entities", "--db", db, "--kind", "vehicle", "--format", "json"]).stdout.contains("WX12ABQ"))
    }

    @Test("hostile names are stored as data and cannot break the JSON or CSV output")
    func hostileNames() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("s.sqlite")
        let name = #"<script>alert("x")</script> =HYPERLINK(\"http://x\") O'Brien, "Jr" {}\\"#
        var line = #"{"type":"person","id":"person:niche/H1","name":"#
        JSONValueWriter.write(name, to: &line)
        line += #","item":"police/H-1"}"#
        let file = dir.write("h.jsonl", #"{"type":"item","agency":"police","ref":"H-1","recorded":"2024-05-01","grade":"1AP"}"# + "\n" + line + "\n")
        let r = try runSightline(["ingest", file, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try runSightline(["entities", "--db", db, "--format", "json"])
        let list = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(list.first?["label"] as? String == name)
        let csv = try runSightline(["entities", "--db", db, "--format", "csv"]).stdout
        let parsed = csv.split(separator: "\r\n")
        #expect(parsed.count == 2)
        #expect(!parsed[1].contains("\n"))
    }

    @Test("generate writes the same files for the same seed, and other files for another")
    func generateIsDeterministic() throws {
        let dir = TemporaryDirectory()
        for (out, seed) in [("a", "5"), ("b", "5"), ("c", "6")] {
            let r = try runSightline(["generate", "--people", "400", "--seed", seed, "--out", dir.file(out)])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let a = FileManager.default.contents(atPath: dir.file("a/network.jsonl"))
        #expect(a == FileManager.default.contents(atPath: dir.file("b/network.jsonl")))
        #expect(a != FileManager.default.contents(atPath: dir.file("c/network.jsonl")))
        #expect(FileManager.default.contents(atPath: dir.file("a/truth.json")) == FileManager.default.contents(atPath: dir.file("b/truth.json")))
    }

    @Test("resolve candidates scores itself against planted duplicates")
    func scoreAgainstTruth() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("s.sqlite")
        _ = try runSightline(["generate", "--people", "800", "--seed", "3", "--out", dir.file("g")])
        let i = try runSightline(["ingest", dir.file("g/network.jsonl"), "--db", db])
        #expect(i.status == 0, "\(i.stderr)")
        let r = try runSightline(["resolve", "candidates", "--db", db, "--score-against", dir.file("g/truth.json")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("recall:                       1.000"))
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("precision:") })
        let value = Double(line.split(separator: " ", omittingEmptySubsequences: true)[1])!
        #expect(value >= 0.8)
    }
}

/// JSON string writing for building test inputs (kept separate from the code under test).
enum JSONValueWriter {
    static func write(_ s: String, to out: inout String) {
        let data = try! JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed])
        let text = String(decoding: data, as: UTF8.self)
        out += String(text.dropFirst().dropLast())
    }
}

@Suite("exit codes")
struct ExitCodeTests {
    @Test("a usage error exits 2, as docs/commands.md says, with the option named and the usage line")
    func usageError() throws {
        for args in [["measure", "--edges", "x.csv", "--measures", "fame"], ["impact", "--hops", "0", "--greedy", "1"], ["copresence", "--window", "-1"], ["ingest"], ["nonsense"]] {
            let r = try runSightline(args)
            #expect(r.status == 2, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("Usage:") || r.stderr.contains("Error:"), "\(args): \(r.stderr)")
        }
        #expect(try runSightline(["--help"]).status == 0)
    }
}
