import ArgumentParser
import SightlineAnalysis
import SightlineModel
import SightlineStore

/// `sightline ego ID --hops N`
struct EgoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ego",
        abstract: "Everything within N links of an entity, each entity with the links that bring it in.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var network: NetworkOptions
    @Argument(help: "The entity (E12, an identifier, or an exact name).") var entity: String
    @Option(help: "How many links out.") var hops: Int = 1

    func validate() throws {
        try Bounds.check("--hops", hops, 0...6)
    }

    func run() throws {
        let db = try store.open()
        let report = try EgoReport(around: try db.find(entity), hops: hops, in: try network.snapshot(db))
        let via = { (r: EgoReport.Row) in r.via.map { "\($0.reads)\($0.time.map { " " + $0 } ?? ""): \($0.evidence.joined(separator: ", "))" }.joined(separator: " | ") }
        try emit(report.rows, table: {
            TextTable(headers: ["distance", "entity", "kind", "label", "roles", "via (link, time: evidence)"],
                      rows: report.rows.map { [String($0.distance), $0.entity, $0.kind, $0.label, $0.roles.joined(separator: ", "), via($0)] })
        }, format: output.format)
    }
}
