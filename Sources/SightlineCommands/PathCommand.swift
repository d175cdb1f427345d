import ArgumentParser
import SightlineAnalysis
import SightlineGate
import SightlineModel
import SightlineStore

/// `sightline path A B`
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "How two entities are connected: the shortest paths between them, each link with the intelligence behind it.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var network: NetworkOptions
    @Argument(help: "The first entity (E12, an identifier such as phone:07700 900123, or an exact name).") var a: String
    @Argument(help: "The second entity.") var b: String
    @Option(help: "List at most this many shortest paths.") var limit: Int = 10
    @Flag(help: "Also show the summary of every item cited (the agency's own words; only to audiences that may see source details). JSON is then {paths, summaries}.")
    var summaries = false

    func validate() throws { try Bounds.check("--limit", limit, 1...10_000) }

    func run() throws {
        let db = try store.open()
        let (ea, eb) = (try db.find(a), try db.find(b))
        let report = try PathReport(from: ea, to: eb, in: try network.snapshot(db), limit: limit)
        guard !report.paths.isEmpty else { throw NoRows(message: "no recorded links connect \(ea) and \(eb)") }
        var said: [CitedSummary]?
        if summaries {
            said = try currentGate.screen.summaries(ofCited: report.paths.flatMap { $0.flatMap { $0.links.flatMap(\.evidence) } }, from: db)
            if said == nil { var e = standardError; print("(summaries are source details: not shown to \(currentGate.screen.audience.name))", to: &e) }
        }
        print(try render(report, summaries: said), terminator: "")
    }

    struct WithSummaries: Encodable { var paths: [[PathReport.Hop]]; var summaries: [CitedSummary] }

    func render(_ report: PathReport, summaries said: [CitedSummary]? = nil) throws -> String {
        switch output.format {
        case .json:
            if summaries { return try jsonText(WithSummaries(paths: report.paths, summaries: said ?? [])) + "\n" }
            return try jsonText(report.paths) + "\n"
        case .csv:
            var t = TextTable(headers: ["path", "step", "entity", "kind", "label", "roles", "links_from_previous", "evidence"])
            for (i, p) in report.paths.enumerated() {
                for (k, h) in p.enumerated() {
                    t.rows.append([String(i + 1), String(k), h.entity, h.kind, h.label, h.roles.joined(separator: "; "),
                                   h.links.map(\.reads).joined(separator: "; "),
                                   h.links.flatMap(\.evidence).joined(separator: "; ")])
                }
            }
            return t.csv
        case .table:
            let n = report.paths.count, length = report.length
            var lines = ["\(n) shortest path\(n == 1 ? "" : "s") of \(length) link\(length == 1 ? "" : "s") between \(report.from) and \(report.to)"]
            for (i, p) in report.paths.enumerated() {
                lines.append("\npath \(i + 1)")
                for h in p {
                    for l in h.links {
                        lines.append("    \(l.reads)\(l.time.map { " " + $0 } ?? "") [\(l.origin)]: \(l.evidence.joined(separator: "; "))")
                    }
                    lines.append("  \(h.entity)  \(h.kind)  \(h.label)\(h.roles.isEmpty ? "" : "  (" + h.roles.joined(separator: ", ") + ")")")
                }
            }
            if let said, !said.isEmpty {
                lines.append("\nitems (the agencies' own words)")
                lines.append(TextTable(headers: ["item", "summary"], rows: said.map { [$0.item, $0.summary] }).rendered(maxWidth: 200))
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
