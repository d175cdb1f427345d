import Foundation
import SightlineModel
import SightlineTestSupport
import Testing

/// `sightline notices candidates` end to end on the samples: formats, files, --since, exit codes,
/// determinism, pseudonyms and protective language.
@Suite("notices candidates command", .serialized)
struct NoticesCandidatesCommandTests {
    let dir = TemporaryDirectory("notices")
    var db: String { dir.file("s.sqlite") }
    let truth: [String: Any]

    init() throws {
        let r = try runSightline(["ingest", PackagePaths.samples, "--db", dir.file("s.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
        let data = try Data(contentsOf: URL(fileURLWithPath: PackagePaths.samples + "/truth.json"))
        truth = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    func run(_ args: [String]) throws -> CommandResult {
        try runSightline(["notices", "candidates", "--db", db] + args)
    }

    func json(_ args: [String] = []) throws -> [String: Any] {
        let r = try run(["--format", "json", "--limit", "0"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    }

    var childNames: [String] { (truth["childrenAtRisk"] as! [[String: Any]]).map { $0["name"] as! String } }

    @Test("table, CSV and JSON list the same candidates; JSON adds the rules, excluded pairs and age checks")
    func formats() throws {
        let doc = try json()
        let rows = doc["candidates"] as! [[String: Any]]
        #expect(!rows.isEmpty)
        #expect(!(doc["rules"] as! [String]).isEmpty)
        #expect(doc["excluded"] is [[String: Any]] && doc["ageNotCertain"] is [[String: Any]])
        for r in rows {
            #expect(!(r["schedule"] as! [[String: Any]]).isEmpty)
            #expect(!(r["evidence"] as! [[String: Any]]).isEmpty)
        }
        let csv = try run(["--format", "csv", "--limit", "0"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("notice,adult,child or address,status") == true)
        // The schedule is one cell, so one line per candidate (no cell holds a line break); rows that
        // need corroboration follow the candidates, marked in a column of their own.
        let weak = try json(["--limit", "0"])["needsCorroboration"] as! [[String: Any]]
        #expect(lines.count == rows.count + weak.count + 1)
        #expect(weak.isEmpty || lines.first?.hasSuffix("needs corroboration") == true)
        #expect(weak.allSatisfy { $0["status"] as? String == "needs corroboration" && $0["needsCorroboration"] is String })
        let table = try run([])
        #expect(table.status == 0)
        #expect(table.stdout.contains("CAWN") && table.stdout.contains("evidence"))
        let expectedLines: Int = min(rows.count, 20) + min(weak.count, 20) + 2
        #expect(table.stdout.split(separator: "\n").count == expectedLines)
    }

    @Test("the planted candidate adults appear; the rules and non-consent states show")
    func plantedAdults() throws {
        let rows = try json(["--kind", "cawn"])["candidates"] as! [[String: Any]]
        let adults = Set(rows.map { $0["adult"] as! String })
        for c in (truth["warningNoticeCandidates"] as! [String: Any])["candidates"] as! [[String: Any]] where !(c["cawnAlreadyIssued"] as! Bool) {
            #expect(adults.contains(c["adultName"] as! String), "\(c["adultName"]!)")
        }
        #expect(rows.contains { $0["nonConsentRecorded"] as? Bool == true })
        #expect(rows.contains { ($0["checks"] as! [String]).contains("non-consent still to be recorded") })
        #expect(rows.allSatisfy { $0["notice"] as? String == "cawn" })
        let harbourer = try json(["--kind", "harbourer"])["candidates"] as! [[String: Any]]
        #expect(harbourer.allSatisfy { $0["notice"] as? String == "harbourer_warning" && $0["addressID"] is String })
    }

    @Test("children are pseudonymised unless names are asked for")
    func pseudonyms() throws {
        for format in ["table", "csv", "json"] {
            let r = try run(["--format", format, "--limit", "0"])
            #expect(r.stdout.contains("Child C-"))
            for name in childNames { #expect(!r.stdout.contains(name), "\(format) names \(name)") }
        }
        let named = try run(["--format", "json", "--limit", "0", "--name-children"])
        #expect(childNames.contains { named.stdout.contains($0) })
    }

    @Test("-o writes the file and says so on standard error")
    func outputFile() throws {
        let path = dir.file("cands.csv")
        let r = try run(["--format", "csv", "-o", path])
        #expect(r.status == 0 && r.stdout.isEmpty)
        #expect(r.stderr.contains("wrote \(path)"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("notice,adult"))
        let bad = try run(["-o", dir.file("no/such/dir/x.csv")])
        #expect(bad.status == 5) // an output that cannot be written
    }

    @Test("--since keeps rows with items recorded or ingested after the day")
    func since() throws {
        let all = try json()["candidates"] as! [[String: Any]]
        let old = try json(["--since", "2000-01-01"])["candidates"] as! [[String: Any]]
        #expect(old.count == all.count)
        let later = try run(["--since", "2099-01-01"])
        #expect(later.status == 1)
        #expect(later.stderr.contains("new or changed since 2099-01-01"))
        // Every item was first ingested today (this test's store), so from two days ago every row is new.
        let f = DateFormatter(); f.dateFormat = "yyyy-MM-dd"; f.timeZone = TimeZone(identifier: "UTC")
        let recent = f.string(from: Date().addingTimeInterval(-2 * 86_400))
        let fresh = try json(["--since", recent])["candidates"] as! [[String: Any]]
        #expect(fresh.count == all.count)
    }

    @Test("exit codes: 1 for no rows, 4 for an unknown entity or a child as --adult, 2 for a bad option")
    func exitCodes() throws {
        // A child at risk with no CAWN row in the full list gives exit 1.
        let rows = try json(["--kind", "cawn"])["candidates"] as! [[String: Any]]
        let listed = Set(rows.compactMap { $0["childID"] as? String })
        var checked = false
        for c in truth["childrenAtRisk"] as! [[String: Any]] {
            let show = try runSightline(["show", c["id"] as! String, "--db", db, "--format", "json"])
            guard show.status == 0, let obj = try? JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any],
                  let id = obj["id"] as? String, !listed.contains(id) else { continue }
            let r = try run(["--kind", "cawn", "--child", c["id"] as! String])
            #expect(r.status == 1, "\(r.stderr)")
            #expect(r.stderr.contains("no warning-notice candidates"))
            checked = true
            break
        }
        #expect(checked)
        #expect(try run(["--as-of", "2000-01-01"]).status == 1)  // nothing known then
        #expect(try run(["--child", "person:niche/PN-9999"]).status == 4)
        let childAsAdult = try run(["--adult", "person:lccs/C-2201"])
        #expect(childAsAdult.status == 4)
        #expect(childAsAdult.stderr.contains("never the adult"))
        #expect(try run(["--format", "xml"]).status == 2)
        #expect(try run(["--kind", "hotel"]).status == 2)
        #expect(try run(["--min-associations", "0"]).status == 2)
        #expect(try run(["--window", "-1"]).status == 2)
        let one = try run(["--adult", "person:niche/PN-1001", "--format", "json", "--limit", "0"])
        #expect(one.status == 0)
        let adults = ((try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as! [String: Any])["candidates"] as! [[String: Any]]).map { $0["adult"] as! String }
        #expect(!adults.isEmpty && Set(adults) == ["Darren Quillfeather"])
    }

    @Test("the same store gives the same output, byte for byte")
    func deterministic() throws {
        for format in ["json", "csv", "table"] {
            let a = try run(["--format", format, "--limit", "0"]), b = try run(["--format", format, "--limit", "0"])
            #expect(a.status == 0 && a.stdout == b.stdout)
        }
    }

    @Test("nothing Sightline writes in the table, CSV or JSON uses a protective-language phrase")
    func protectiveLanguage() throws {
        for format in ["table", "csv", "json"] {
            for extra in [[], ["--name-children"]] {
                let r = try run(["--format", format, "--limit", "0"] + extra)
                #expect(ProtectiveLanguage.matches(in: r.stdout).isEmpty, "\(format)")
            }
        }
        let help = try runSightline(["notices", "candidates", "--help"])
        #expect(ProtectiveLanguage.matches(in: help.stdout).isEmpty)
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("under 16") && words.contains("looked after"))
    }
}
