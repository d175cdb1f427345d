import Foundation
@testable import SightlineCommands
import SightlineProducts
import SightlineModel
import SightlineTestSupport
import Testing

/// `sightline disrupt locations|vehicles|phones|people` end to end on the samples: formats, files,
/// --since, exit codes, determinism, children's names, protective language, the weights file.
@Suite("disrupt command", .serialized)
struct DisruptCommandTests {
    let dir = TemporaryDirectory("disrupt")
    var db: String { dir.file("s.sqlite") }
    static let lists = ["locations", "vehicles", "phones", "people"]

    init() throws {
        let r = try runSightline(["ingest", PackagePaths.samples, "--db", dir.file("s.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    func run(_ list: String, _ more: [String] = []) throws -> CommandResult {
        try runSightline(["disrupt", list, "--db", db] + more)
    }

    static func childNames() throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: PackagePaths.samples + "/truth.json"))
        let truth = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (truth["childrenAtRisk"] as! [[String: Any]]).compactMap { $0["name"] as? String }
    }

    @Test("each list in table, CSV and JSON: rows with their parts and evidence, exit 0")
    func formats() throws {
        for list in Self.lists {
            let table = try run(list)
            #expect(table.status == 0, "\(list): \(table.stderr)")
            #expect(table.stdout.hasPrefix("rank  "), "\(list)")
            let csv = try run(list, ["--format", "csv", "--limit", "0"])
            #expect(csv.status == 0)
            let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first?.hasPrefix("rank,") == true && lines.count > 2, "\(list)")
            let json = try run(list, ["--format", "json", "--limit", "5"])
            #expect(json.status == 0)
            let rows = try listRows(stdout: json.stdout, rankedOnly: true)
            #expect(rows.count == 5, "\(list)")
            for (i, row) in rows.enumerated() {
                #expect(row["rank"] as? Int == i + 1)
                let parts = row["parts"] as! [[String: Any]]
                let sum = parts.reduce(0.0) { $0 + ($1["points"] as! Double) }
                #expect(abs(sum - (row["score"] as! Double)) < 0.001, "\(list): the parts add up to the score")
                #expect(!(row["evidence"] as! [[String: Any]]).isEmpty)
            }
        }
    }

    @Test("the planted hotspots lead the locations list on the command line too")
    func hotspotsLead() throws {
        let r = try run("locations", ["--format", "json", "--limit", "4"])
        let names = Set(try listRows(stdout: r.stdout, rankedOnly: true).map { $0["name"] as! String })
        #expect(names == ["The Anchorage Hotel", "Fishgate taxi rank", "Lantern Fried Chicken", "Flat 3, Ropewalk Court"])
    }

    @Test("-o writes the file (the same text as standard output) and says so on standard error")
    func outputFile() throws {
        for list in Self.lists {
            let file = dir.file("\(list).csv")
            let r = try run(list, ["--format", "csv", "-o", file])
            #expect(r.status == 0 && r.stdout.isEmpty)
            #expect(r.stderr.contains("wrote \(file)"))
            let plain = try run(list, ["--format", "csv"])
            #expect(try String(contentsOfFile: file, encoding: .utf8) == plain.stdout)
        }
        let bad = try run("locations", ["-o", dir.file("no/such/folder/x.csv")])
        #expect(bad.status == 5 && bad.stderr.contains("cannot write")) // an output that cannot be written
    }

    @Test("--since: nothing new after the last ingest exits 1 (with an empty list written); an early date keeps every row")
    func since() throws {
        for list in Self.lists {
            let none = try run(list, ["--since", "2099-01-01", "--format", "json"])
            #expect(none.status == 1, "\(list)")
            let doc = try JSONSerialization.jsonObject(with: Data(none.stdout.utf8)) as? [String: Any]
            #expect((doc?["ranked"] as? [Any])?.isEmpty == true && (doc?["needsCorroboration"] as? [Any])?.isEmpty == true, "\(none.stdout)")
            #expect(none.stderr.contains("new or changed since 2099-01-01"))
            let all = try run(list, ["--since", "2000-01-01", "--format", "json"])
            let plain = try run(list, ["--format", "json"])
            #expect(all.status == 0 && all.stdout == plain.stdout)
        }
    }

    @Test("exit codes: 1 no rows, 2 a usage error, 4 a bad weights file")
    func exitCodes() throws {
        #expect(try run("locations", ["--area", "ZZ9"]).status == 1)
        #expect(try run("locations", ["--category", "school", "--nte"]).status == 1)
        for bad in [["--category", "castle"], ["--since", "yesterday"], ["--night", "18:00"], ["--window", "-1"], ["--limit", "-2"]] {
            let r = try run("locations", bad)
            #expect(r.status == 2, "\(bad): \(r.stderr)")
        }
        #expect(try run("people", ["--format", "xml"]).status == 2)

        let unknown = dir.write("unknown.yaml", "locations:\n  childs: 4\n")
        var r = try run("locations", ["--weights", unknown])
        #expect(r.status == 4)
        #expect(r.stderr.contains("unknown.yaml:2") && r.stderr.contains("'locations.childs'"), "\(r.stderr)")
        let section = dir.write("section.yaml", "places:\n  children: 4\n")
        r = try run("vehicles", ["--weights", section])
        #expect(r.status == 4 && r.stderr.contains("unknown key 'places'"))
        let value = dir.write("value.yaml", "people:\n  impact: lots\n")
        r = try run("people", ["--weights", value])
        #expect(r.status == 4 && r.stderr.contains("value.yaml:2") && r.stderr.contains("'people.impact' must be a number"), "\(r.stderr)")
        let negative = dir.write("negative.yaml", "phones:\n  contacts: -1\n")
        r = try run("phones", ["--weights", negative])
        #expect(r.status == 4 && r.stderr.contains("'phones.contacts'"))
        let night = dir.write("night.yaml", "locations:\n  night_start: \"7pm\"\n")
        r = try run("locations", ["--weights", night])
        #expect(r.status == 4 && r.stderr.contains("'locations.night_start'"))
        r = try run("locations", ["--weights", dir.file("missing.yaml")])
        #expect(r.status == 4 && r.stderr.contains("missing.yaml"))
    }

    @Test("docs/disruption-weights.yaml holds exactly the defaults in code, and a partial file changes only what it names")
    func weightsFile() throws {
        let shipped = try DisruptionWeightsFile.load(PackagePaths.root + "/docs/disruption-weights.yaml")
        #expect(shipped == DisruptionWeights())
        let partial = try DisruptionWeights(yaml: "locations:\n  suspects: 10\n  night_start: \"20:00\"\n", file: "p.yaml")
        var expected = DisruptionWeights()
        expected.locations.suspects = 10
        expected.locations.nightStart = "20:00"
        #expect(partial == expected)
        #expect(try DisruptionWeights(yaml: "", file: "empty.yaml") == DisruptionWeights())

        let file = dir.write("suspects.yaml", "locations:\n  children: 0\n  suspects: 10\n")
        let r = try run("locations", ["--weights", file, "--format", "json", "--limit", "1"])
        let parts = (try listRows(stdout: r.stdout, rankedOnly: true)[0]["parts"] as! [[String: Any]])
        #expect(parts.first { $0["part"] as? String == "suspects" }?["weight"] as? Double == 10)
        #expect(parts.first { $0["part"] as? String == "children" }?["points"] as? Double == 0)
        let same = try run("locations", ["--weights", PackagePaths.root + "/docs/disruption-weights.yaml", "--format", "csv"])
        let defaults = try run("locations", ["--format", "csv"])
        #expect(same.stdout == defaults.stdout)
    }

    @Test("the same data gives the same output, byte for byte")
    func determinism() throws {
        for list in Self.lists {
            let a = try run(list, ["--format", "json", "--limit", "0"]), b = try run(list, ["--format", "json", "--limit", "0"])
            #expect(a.status == 0 && a.stdout == b.stdout, "\(list)")
        }
    }

    @Test("children are pseudonymised unless --name-children is given")
    func childrensNames() throws {
        let names = try Self.childNames()
        for list in Self.lists {
            for format in ["table", "csv", "json"] {
                let r = try run(list, ["--format", format, "--limit", "0"])
                for n in names { #expect(!r.stdout.contains(n), "\(list) \(format) names \(n)") }
            }
        }
        let pseudonymised = try run("locations", ["--format", "csv"])
        #expect(pseudonymised.stdout.contains("Child C-"))
        let named = try run("locations", ["--format", "csv", "--name-children"])
        #expect(names.contains { named.stdout.contains($0) })
        #expect(!named.stdout.contains("Child C-"))
    }

    @Test("nothing Sightline composes on any list uses a protective-language phrase")
    func protectiveLanguage() throws {
        var checked = 0
        for list in Self.lists {
            for format in ["table", "csv", "json"] {
                for extra in [[], ["--name-children"]] {
                    let r = try run(list, ["--format", format, "--limit", "0"] + extra)
                    #expect(ProtectiveLanguage.matches(in: r.stdout + r.stderr).isEmpty, "\(list) \(format)")
                    checked += 1
                }
            }
            let help = try runSightline(["disrupt", list, "--help"])
            #expect(ProtectiveLanguage.matches(in: help.stdout).isEmpty)
        }
        #expect(checked == 24)
    }

    @Test("filters on the command line: --category, --nte and --area")
    func filters() throws {
        func rows(_ args: [String]) throws -> [[String: Any]] {
            let r = try run("locations", args + ["--format", "json", "--limit", "0"])
            return r.status == 0 ? try listRows(stdout: r.stdout) : []
        }
        let hotels = try rows(["--category", "hotel,bnb"])
        #expect(!hotels.isEmpty && hotels.allSatisfy { ["hotel", "bnb"].contains($0["category"] as? String) })
        let nte = try rows(["--nte"])
        #expect(!nte.isEmpty && nte.allSatisfy { $0["nightTimeEconomy"] as? Bool == true })
        let hallowmere = try rows(["--area", "hm"])
        #expect(!hallowmere.isEmpty && hallowmere.allSatisfy { ($0["postcode"] as? String)?.hasPrefix("HM") == true })
        let ranked = try rows(["--area", "wx1 4"])
        #expect(ranked.first?["name"] as? String == "The Anchorage Hotel")
    }
}
