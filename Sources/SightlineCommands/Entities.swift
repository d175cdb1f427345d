import ArgumentParser
import SightlineModel
import SightlineStore

/// `sightline entities`
struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List entities, optionally of one kind or matching a search.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Only this kind: \(EntityKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: EntityKind?

    @Option(help: "Match names, aliases, labels and identifiers (accents and case ignored).")
    var search: String?

    @Option(help: "List at most this many (0: all, as on the lists).")
    var limit: Int?

    func validate() throws { if let limit { try Bounds.check("--limit", limit, Bounds.rows) } }

    func run() throws {
        let list = try store.open().entities(kind: kind, search: search, limit: limit == 0 ? nil : limit)
        try emit(list, table: {
            TextTable(headers: ["id", "kind", "label", "roles", "links", "items", "identifiers"],
                      rows: list.map { [$0.id, $0.kind, $0.label, $0.roles.joined(separator: ","), String($0.links), String($0.items),
                                        $0.identifiers.joined(separator: " ")] })
        }, format: output.format, none: "no entities" + (search.map { " match '\($0)'" } ?? ""))
    }
}

extension EntityKind: ExpressibleByArgument {}
