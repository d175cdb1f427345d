import ArgumentParser
import Foundation
@testable import SightlineCommands
import SightlineTestSupport
import Testing

/// Issue 11: every filter reaches every output. Every subcommand that shows network data runs with
/// `--handling P` on the samples (where many items are handled C, with conditions) in every format
/// it writes, and nothing C-handled appears: no grade ending in C, no handling condition. The
/// subcommands are enumerated from the command configuration, so a new one that is neither run here
/// nor exempted (with its reason) fails the test.
@Suite("every output honours --handling", .serialized)
struct FilterReachTests {
    let store: SampleStore
    var dir: TemporaryDirectory { store.dir }
    var db: String { store.db }

    init() throws { store = try SampleStore("filter-reach") }

    /// Every leaf subcommand, as words (`render ego`).
    static func leaves(_ command: any ParsableCommand.Type, _ path: [String] = []) -> [String] {
        let subs: [any ParsableCommand.Type] = command.configuration.subcommands
        if subs.isEmpty { return [path.joined(separator: " ")] }
        return subs.flatMap { sub -> [String] in
            let name: String = sub._commandName
            return leaves(sub, path + [name])
        }
    }

    /// The subcommands that write no intelligence items, and why.
    static let exempt: [String: String] = [
        "ingest": "reads files into the store; prints counts",
        "entities": "names, kinds and counts; no items",
        "stats": "counts only",
        "item": "one item asked for by its reference, shown whole with its own grade, handling and conditions: it takes no network filters (a filter that refused the item would leave nothing to show); the disclosure gate is to screen it",
        "resolve candidates": "pairs of records with name and identifier reasons; no items",
        "resolve merge": "writes a merge", "resolve unmerge": "undoes a merge", "resolve history": "the merge log; no items",
        "generate": "writes fictional data",
        "measure": "an edge list, not the store",
        "notices record": "writes a notice",
        "audit verify": "reads the audit log, not the store; prints its chain's state",
        "audit show": "the audit log's entries (who, when, why, to whom); no items from the store",
        "audiences show": "the audiences in force; no items from the store",
        "audiences set": "writes the audiences file to the store; no items",
        "audiences reset": "removes the store's audiences; no items",
    ]

    /// How each subcommand that shows network data is run (FILE: a picture's path; each render runs
    /// as DOT, which keeps every label and tooltip as text).
    static let runs: [String: [String]] = [
        "show": ["show", "person:lccs/C-2216"],
        "path": ["path", "Darren Quillfeather", "person:lccs/C-2216"],
        "ego": ["ego", "person:lccs/C-2216"],
        "impact": ["impact", "--greedy", "3"],
        "copresence": ["copresence", "The Anchorage Hotel"],
        "analyse": ["analyse"],
        "review": ["review"],
        "render ego": ["render", "ego", "person:lccs/C-2216", "-o", "FILE"],
        "render path": ["render", "path", "Darren Quillfeather", "person:lccs/C-2216", "-o", "FILE"],
        "render connect": ["render", "connect", "Darren Quillfeather", "person:lccs/C-2216", "The Anchorage Hotel", "-o", "FILE"],
        "render cluster": ["render", "cluster", "Darren Quillfeather", "-o", "FILE"],
        "render overview": ["render", "overview", "-o", "FILE"],
        "render hotspot": ["render", "hotspot", "The Anchorage Hotel", "-o", "FILE"],
        "render timeline": ["render", "timeline", "person:lccs/C-2201", "-o", "FILE"],
        "disrupt locations": ["disrupt", "locations", "--limit", "0"],
        "disrupt vehicles": ["disrupt", "vehicles", "--limit", "0"],
        "disrupt phones": ["disrupt", "phones", "--limit", "0"],
        "disrupt people": ["disrupt", "people", "--limit", "0"],
        "notices candidates": ["notices", "candidates", "--limit", "0"],
        "trawl missing": ["trawl", "missing", "--from", "2023-01-01", "--until", "2025-12-31", "--limit", "0"],
        "missing brief": ["missing", "brief", "person:lccs/C-2201"],
        "chronology": ["chronology", "person:lccs/C-2201"],
        "export": ["export", "json", "-o", "FILE", "--purpose", "filter reach"],
        "pack": ["pack", "--panel-date", "2025-07-01", "-o", "FOLDER", "--purpose", "filter reach"],
    ]

    /// The handling conditions recorded on the samples' C-handled items.
    static func conditions() throws -> [String] {
        var out = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.samples + "/jsonl") {
            for line in try String(contentsOfFile: PackagePaths.samples + "/jsonl/" + file, encoding: .utf8).split(separator: "\n") {
                guard line.contains("\"conditions\"") else { continue }
                let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                if let c = o["conditions"] as? String { out.insert(c) }
            }
        }
        return out.sorted()
    }

    @Test("every subcommand is either run here or exempt with a reason")
    func coverage() {
        let all = Set(Self.leaves(Sightline.self))
        let known = Set(Self.runs.keys).union(Self.exempt.keys)
        #expect(all.subtracting(known).isEmpty, "subcommands neither run nor exempt: \(all.subtracting(known).sorted())")
        #expect(known.subtracting(all).isEmpty, "no such subcommands: \(known.subtracting(all).sorted())")
    }

    @Test("with --handling P, nothing C-handled appears in any subcommand's output, in any format")
    func handlingReachesEveryOutput() throws {
        let conditions = try Self.conditions()
        #expect(conditions.count >= 3)
        var checked = 0
        for (name, args) in Self.runs.sorted(by: { $0.key < $1.key }) {
            let writesFile = name.hasPrefix("render") || name == "export" || name == "pack"
            let formats: [[String]] = writesFile ? [[]] : name == "missing brief" ? [["--format", "text"], ["--format", "json"], ["--format", "html"]]
                : [["--format", "table"], ["--format", "csv"], ["--format", "json"]]
            for format in formats {
                let file = dir.file("out.dot")
                let folder = dir.file("pack")
                let full = args.map { $0 == "FILE" ? file : $0 == "FOLDER" ? folder : $0 } + format
                // Unfiltered, the output shows C-handled items: the filtered run has something to hide.
                let before = try runSightline(full + ["--db", db], environment: SafeguardingCommandTests.today)
                let after = try runSightline(full + ["--handling", "P", "--db", db], environment: SafeguardingCommandTests.today)
                #expect(after.status == 0 || after.status == 1, "\(name) \(format): \(after.stderr)")
                let text = after.stdout + (writesFile ? ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "") : "")
                    + (name == "export" ? ((try? String(contentsOfFile: file + ".manifest.json", encoding: .utf8)) ?? "") : "")
                    // The pack's page with its tags as spaces: `</td><td>WX3 2DC` is a postcode in a cell, not a grade.
                    + (name == "pack" ? PackCommandTests.files(under: folder).map { (try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) ?? "" }.joined()
                        .replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression) : "")
                #expect(!citesCHandledItem(text), "\(name) \(format) shows a C-handled grade")
                for c in conditions { #expect(!text.contains(c), "\(name) \(format) shows a handling condition: \(c)") }
                if citesCHandledItem(before.stdout) { checked += 1 }
            }
        }
        #expect(checked >= 20, "only \(checked) unfiltered outputs showed C-handled items to hide")
    }
}
