import Foundation
import SightlineModel
import SightlineTestSupport
import Testing

/// Every list on the samples, in every format: nothing Sightline composes uses the language the
/// protective-language list names (ProtectiveLanguage in SightlineModel), and no child at risk is ever a row.
@Suite("lists: protective language", .serialized)
struct ListsLanguageTests {
    let dir = TemporaryDirectory("lists-language")
    var db: String { dir.file("s.sqlite") }

    init() throws {
        let r = try runSightline(["ingest", PackagePaths.samples, "--db", dir.file("s.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    static let lists: [[String]] = [
        ["disrupt", "locations"], ["disrupt", "vehicles"], ["disrupt", "phones"], ["disrupt", "people"],
        ["notices", "candidates"], ["trawl", "missing", "--days", "5000"],
    ]

    @Test("every list, every format, with and without names: no protective-language phrase, and rows found")
    func everyList() throws {
        var scanned = 0
        for list in Self.lists {
            for format in ["table", "csv", "json"] {
                for names in [[], ["--name-children"]] {
                    let r = try runSightline(list + ["--db", db, "--format", format, "--limit", "0"] + names)
                    #expect(r.status == 0, "\(list) \(format): \(r.stderr)")
                    #expect(!r.stdout.isEmpty)
                    #expect(ProtectiveLanguage.matches(in: r.stdout + r.stderr) == [], "\(list) \(format)")
                    scanned += r.stdout.count
                }
            }
            let help = try runSightline(list.prefix(2) + ["--help"])
            #expect(ProtectiveLanguage.matches(in: help.stdout) == [], "\(list) --help")
        }
        for format in ["text", "json", "html"] {
            let r = try runSightline(["missing", "brief", "person:lccs/C-2201", "--db", db, "--format", format])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(ProtectiveLanguage.matches(in: r.stdout) == [], "brief \(format)")
            scanned += r.stdout.count
        }
        #expect(scanned > 100_000, "too little output to mean anything: \(scanned) characters")
    }

    @Test("no child at risk is a row of any ranked list")
    func childrenAreNeverRows() throws {
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: PackagePaths.samples + "/truth.json"))) as! [String: Any]
        let children = (truth["childrenAtRisk"] as! [[String: Any]]).map { $0["name"] as! String }
        for list in [["disrupt", "people"], ["notices", "candidates"]] {
            let r = try runSightline(list + ["--db", db, "--format", "csv", "--limit", "0", "--name-children"])
            let firstCells = r.stdout.split(whereSeparator: \.isNewline).dropFirst().map { line -> String in
                // The adult's cell: the second column of both lists.
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                return cells.count > 1 ? String(cells[1]) : ""
            }
            #expect(!firstCells.isEmpty)
            for c in children { #expect(!firstCells.contains { $0.contains(c) }, "\(c) is a row of \(list)") }
        }
    }
}
