import ArgumentParser
import Foundation
import GRDB
@testable import SightlineCommands
import SightlineTestSupport
import Testing

/// Issue 13: nothing leaks. In the canary network (Fixtures/canary.jsonl) every item handled C or
/// with a 5x5x5 handling code other than 2, every handling condition, every source-identifying
/// detail (agency references, officers, summaries, agency systems' identifiers) and everything
/// recorded only by a withheld item carries the marker CANARY. For `mace_partner` and `licensing`,
/// every subcommand runs in every format it writes, and every byte it writes (standard output,
/// standard error and every file), decoded from XML and HTML character references, is searched for
/// the marker. The subcommands are enumerated from the command configuration, so a new one that is
/// neither run here nor exempt (with its reason, and taking no --audience) fails.
@Suite("nothing leaks: the canary", .serialized)
struct CanaryTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("c.sqlite") }
    var log: String { dir.file("c.audit.sqlite") }

    init() throws {
        dir = TemporaryDirectory("leakcheck")
        let r = try runSightline(["ingest", Self.fixture, "--db", dir.file("c.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    static let fixture = PackagePaths.root + "/Tests/SightlineCommandsTests/Fixtures/canary.jsonl"

    /// The subcommands that take no --audience, and why.
    static let exempt: [String: String] = [
        "ingest": "writes the store from an agency's own files; prints counts and the lines it refused",
        "resolve merge": "writes a merge to the store (police analysts only)",
        "resolve unmerge": "undoes a merge in the store (police analysts only)",
        "generate": "writes fictional data",
        "measure": "an edge list, not the store",
        "audit verify": "the disclosure log's chain: sequence numbers and chain values",
        "audit show": "the disclosure log itself, for police analysts only",
        "audiences show": "the audiences in force: names, handling codes and rules, no personal data",
        "audiences set": "writes the audiences to the store (police analysts only); prints their names",
        "audiences reset": "removes the store's audiences; prints nothing of the store",
    ]

    /// How each subcommand that shows personal data runs (FILE: its output file).
    static let runs: [String: [String]] = [
        "show": ["show", "Kestrel Ambleside", "--summaries"],
        "entities": ["entities", "--limit", "0"],
        "item": ["item", "police/CANARY-P-01"],
        "export": ["export"],
        "stats": ["stats"],
        "review": ["review"],
        "resolve candidates": ["resolve", "candidates"],
        "resolve history": ["resolve", "history"],
        "path": ["path", "Kestrel Ambleside", "Roland Pikestaff", "--summaries"],
        "ego": ["ego", "Kestrel Ambleside", "--hops", "3"],
        "impact": ["impact", "--greedy", "3"],
        "copresence": ["copresence", "The Gull Tavern"],
        "analyse": ["analyse"],
        "render ego": ["render", "ego", "Kestrel Ambleside", "--hops", "3", "-o", "FILE"],
        "render path": ["render", "path", "Kestrel Ambleside", "Roland Pikestaff", "-o", "FILE"],
        "render connect": ["render", "connect", "Kestrel Ambleside", "Roland Pikestaff", "The Gull Tavern", "-o", "FILE"],
        "render cluster": ["render", "cluster", "Kestrel Ambleside", "-o", "FILE"],
        "render overview": ["render", "overview", "-o", "FILE"],
        "render hotspot": ["render", "hotspot", "The Gull Tavern", "-o", "FILE"],
        "render timeline": ["render", "timeline", "Poppy Fenwright", "-o", "FILE"],
        "disrupt locations": ["disrupt", "locations", "--limit", "0"],
        "disrupt vehicles": ["disrupt", "vehicles", "--limit", "0"],
        "disrupt phones": ["disrupt", "phones", "--limit", "0"],
        "disrupt people": ["disrupt", "people", "--limit", "0"],
        "notices candidates": ["notices", "candidates", "--limit", "0"],
        "notices record": ["notices", "record", "cawn", "--subject", "Roland Pikestaff", "--child", "Poppy Fenwright", "--issued", "2024-07-01",
                           "--officer", "CANARYOFFICER3"],
        "trawl missing": ["trawl", "missing", "--from", "2024-01-01", "--until", "2024-12-31", "--limit", "0", "--min-children", "1"],
        "missing brief": ["missing", "brief", "Tilly Ambergate", "--summaries"],
        "chronology": ["chronology", "Poppy Fenwright", "--summaries"],
        "pack": ["pack", "--panel-date", "2024-12-31", "--since", "2024-01-01", "-o", "FILE"],
    ]

    /// The formats a subcommand writes, each as its options and the output file's name.
    static func formats(_ name: String) -> [(options: [String], file: String)] {
        if name.hasPrefix("render") { return [([], "out.svg"), ([], "out.dot")] }
        if name == "notices record" { return [([], "unused")] }
        if name == "export" { return ["graphml", "gexf", "i2", "json"].map { ([$0, "-o", "FILE"], "out." + $0) } }
        if name == "missing brief" { return ["text", "json", "html"].map { (["--format", $0, "-o", "FILE"], "out." + $0) } }
        if name == "pack" { return [([], "pack")] }
        if name == "chronology" {
            return ["table", "csv", "json", "html"].map { (["--format", $0], "out." + $0) } + [(["--format", "html", "-o", "FILE"], "out.html")]
        }
        return ["table", "csv", "json"].map { (["--format", $0], "out." + $0) } + [(["--format", "csv", "-o", "FILE"], "out.csv")]
    }

    static func leaves(_ command: any ParsableCommand.Type, _ path: [String] = []) -> [(String, any ParsableCommand.Type)] {
        let subs: [any ParsableCommand.Type] = command.configuration.subcommands
        if subs.isEmpty { return [(path.joined(separator: " "), command)] }
        return subs.flatMap { sub in leaves(sub, path + [sub._commandName]) }
    }

    @Test("every subcommand is run here or exempt with a reason, and exactly those run here pass the disclosure gate")
    func coverage() {
        let all = Self.leaves(Sightline.self)
        let names = Set(all.map(\.0))
        let known = Set(Self.runs.keys).union(Self.exempt.keys)
        #expect(names.subtracting(known).isEmpty, "subcommands neither run by the canary nor exempt: \(names.subtracting(known).sorted())")
        #expect(known.subtracting(names).isEmpty, "no such subcommands: \(known.subtracting(names).sorted())")
        for (name, type) in all {
            let gated = type is any Discloses.Type
            #expect(gated == (Self.runs[name] != nil), "\(name): \(gated ? "runs" : "does not run") through the disclosure gate")
        }
    }

    func entries() throws -> Int {
        guard FileManager.default.fileExists(atPath: log) else { return 0 }
        return try DatabaseQueue(path: log).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_entries") ?? 0 }
    }

    /// Runs one subcommand for an audience; returns everything it wrote, decoded, and its status.
    func run(_ args: [String], _ format: (options: [String], file: String), audience: String, extra: [String] = []) throws -> (text: String, status: Int32, stderr: String) {
        let out = TemporaryDirectory("leakcheck-out")
        let file = out.file(format.file)
        let full = (args + format.options).map { $0 == "FILE" ? file : $0 }
            + ["--db", db, "--audience", audience, "--purpose", "MACE panel 2026-12-10", "--recipient", "panel chair"] + extra
        let r = try runSightline(full, environment: SafeguardingCommandTests.today)
        var text = r.stdout + "\n" + r.stderr
        // Every file written, in folders too (a pack's tables/).
        for f in PackCommandTests.files(under: out.path) {
            text += "\n" + ((try? String(contentsOfFile: out.file(f), encoding: .utf8)) ?? "")
        }
        return (Self.decoded(text), r.status, r.stderr)
    }

    /// Text with XML and HTML character references decoded (`&#67;` is C).
    static func decoded(_ s: String) -> String {
        var out = s
        for (k, v) in ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'", "&#39;": "'"] { out = out.replacingOccurrences(of: k, with: v) }
        let pattern = try! NSRegularExpression(pattern: "&#(x?)([0-9A-Fa-f]+);")
        while let m = pattern.firstMatch(in: out, range: NSRange(out.startIndex..., in: out)) {
            let hex = (out as NSString).substring(with: m.range(at: 1)) == "x"
            let value = UInt32((out as NSString).substring(with: m.range(at: 2)), radix: hex ? 16 : 10) ?? 63
            out = (out as NSString).replacingCharacters(in: m.range, with: String(Unicode.Scalar(value).map(Character.init) ?? "?"))
        }
        return out
    }

    @Test("for mace_partner and licensing, no subcommand in any format writes a marked byte; each adds one log entry", arguments: ["mace_partner", "licensing"])
    func nothingLeaks(audience: String) throws {
        var produced = 0, leaks: [String] = []
        for (name, args) in Self.runs.sorted(by: { $0.key < $1.key }) {
            for format in Self.formats(name) {
                let before = try entries()
                let r = try run(args, format, audience: audience)
                let refused = r.status == 2 && r.stderr.contains("may not be given to \(audience)")
                #expect(r.status == 0 || r.status == 1 || refused, "\(name) \(format.options): exit \(r.status): \(r.stderr)")
                if let at = r.text.range(of: "canary", options: .caseInsensitive) {
                    let from = r.text.index(at.lowerBound, offsetBy: -60, limitedBy: r.text.startIndex) ?? r.text.startIndex
                    let to = r.text.index(at.upperBound, offsetBy: 60, limitedBy: r.text.endIndex) ?? r.text.endIndex
                    leaks.append("\(name) \(format.options): …\(r.text[from..<to])…")
                }
                let added = try entries() - before
                #expect(added == (refused ? 0 : 1), "\(name) \(format.options) added \(added) log entries")
                if !refused { produced += 1 }
            }
        }
        #expect(leaks.isEmpty, "\(leaks.count) outputs leak:\n\(leaks.joined(separator: "\n"))")
        // The audience is given enough for the canary to mean something.
        #expect(produced >= (audience == "mace_partner" ? 60 : 20), "only \(produced) outputs were produced for \(audience)")
    }

    /// The children of the canary network, by name, with their entity IDs (`show` of each, as police analysts).
    func children() throws -> [(name: String, id: String)] {
        try ["Poppy Fenwright", "Tilly Ambergate", "Ivy Marchbank"].map { name in
            let r = try runSightline(["show", name, "--format", "json", "--db", db], environment: SafeguardingCommandTests.today)
            let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            return (name, o?["id"] as? String ?? "")
        }
    }

    @Test("children_shown: requested: a child the request does not name leaves no name, pseudonym or ID in any output of any subcommand")
    func onlyRequestedChildren() throws {
        let kids = try children()
        #expect(kids.count == 3, "\(kids)")
        let shipped = try String(contentsOfFile: PackagePaths.root + "/docs/audiences.yaml", encoding: .utf8)
        let file = dir.write("agenda.yaml", shipped + """
              agenda_panel:
                title: A panel shown only the children on its agenda
                handling: [P, C, "1", "2", "3", "4", "5"]
                purpose_required: true
                source_details: shown
                adults: named
                children: named
                children_shown: requested
                commands: [show, item, path, ego, copresence, analyse, render, disrupt, notices candidates, trawl missing, missing brief, chronology, pack, export, stats, review]

            """)
        var produced = 0, leaks: [String] = []
        for (name, args) in Self.runs.sorted(by: { $0.key < $1.key }) {
            for format in Self.formats(name) {
                let r = try run(args, format, audience: "agenda_panel", extra: ["--audiences", file])
                let refused = r.status == 2 && r.stderr.contains("may not be given to agenda_panel")
                // An item that records a child the request does not name is refused whole.
                let withheld = r.status == 4 && r.stderr.contains("records a child the request does not name")
                #expect(r.status == 0 || r.status == 1 || refused || withheld, "\(name) \(format.options): exit \(r.status): \(r.stderr)")
                if r.status == 0 { produced += 1 }
                for kid in kids where !args.contains(kid.name) {
                    let number = kid.id.dropFirst()
                    let id = try NSRegularExpression(pattern: "\\b(E|Child C-)\(number)\\b")
                    if r.text.contains(kid.name) || id.firstMatch(in: r.text, range: NSRange(r.text.startIndex..., in: r.text)) != nil {
                        leaks.append("\(name) \(format.options) shows \(kid.name) (\(kid.id))")
                    }
                }
            }
        }
        #expect(leaks.isEmpty, "\(leaks.count) outputs show children the request did not name:\n\(leaks.joined(separator: "\n"))")
        #expect(produced >= 40, "only \(produced) outputs were produced")
        // The children asked for are shown: the timeline of the child named, the brief of the child named.
        let timeline = try run(["render", "timeline", "Poppy Fenwright", "-o", "FILE"], ([], "t.dot"), audience: "agenda_panel", extra: ["--audiences", file])
        #expect(timeline.status == 0 && timeline.text.contains("Poppy Fenwright"), "\(timeline.stderr)")
        let brief = try run(["missing", "brief", "Tilly Ambergate"], (["--format", "json"], "unused"), audience: "agenda_panel", extra: ["--audiences", file])
        #expect(brief.status == 0 && brief.text.contains("Tilly Ambergate"), "\(brief.stderr)")
        // A pack whose --children names one child shows that child, and no other, in any file.
        let pack = try run(["pack", "--panel-date", "2024-12-31", "--since", "2024-01-01", "--children", "Poppy Fenwright", "-o", "FILE"], ([], "pack"),
                           audience: "agenda_panel", extra: ["--audiences", file])
        #expect(pack.status == 0 && pack.text.contains("Poppy Fenwright"), "\(pack.stderr)")
        for kid in kids where kid.name != "Poppy Fenwright" {
            let id = try NSRegularExpression(pattern: "\\b(E|Child C-)\(kid.id.dropFirst())\\b")
            #expect(!pack.text.contains(kid.name) && id.firstMatch(in: pack.text, range: NSRange(pack.text.startIndex..., in: pack.text)) == nil,
                    "the pack shows \(kid.name)")
        }
    }

    @Test("--summaries: the agencies' own words for police analysts, in every format; for partners none, and a note")
    func summaries() throws {
        for format in ["text", "json", "html"] {
            let police = try run(["missing", "brief", "Tilly Ambergate", "--summaries", "--format", format], ([], "unused"), audience: "police_analyst")
            #expect(police.status == 0 && police.text.contains("CANARYSUMP05 found after missing episode."), "\(format): \(police.stderr)")
            let partner = try run(["missing", "brief", "Tilly Ambergate", "--summaries", "--format", format], ([], "unused"), audience: "mace_partner")
            #expect(partner.status == 0 && partner.stderr.contains("not shown to mace_partner") && !partner.text.contains("own words"), "\(format)")
        }
    }

    @Test("the canary is alive: police analysts see the marked items, conditions and references")
    func policeSeeTheCanary() throws {
        var marked = 0, seen = ""
        for (name, args) in Self.runs.sorted(by: { $0.key < $1.key }) {
            let formats = Self.formats(name)
            let before = try entries()
            let r = try run(args, formats[min(2, formats.count - 1)], audience: "police_analyst")
            #expect(r.status == 0 || r.status == 1, "\(name): \(r.stderr)")
            #expect(try entries() - before == 1, "\(name) did not add exactly one log entry")
            if r.text.contains("CANARY") { marked += 1 }
            seen += r.text
        }
        #expect(marked >= 12, "only \(marked) police outputs show a marker")
        // Withheld from partners: C-handled, 5x5x5 code 4, its conditions, places and people only they record.
        for marker in ["CANARY-C-01", "CANARY-C-02", "CANARY-L4-01", "CANARYCOND01", "Canaryplace Lodge", "Canaryonly Holloway", "CANARYID-A1", "CANARYOFFICER", "CANARYSUMP01"] {
            #expect(seen.contains(marker), "police analysts never see \(marker)")
        }
    }
}
