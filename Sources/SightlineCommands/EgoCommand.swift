import ArgumentParser
import SightlineGraph
import SightlineModel
import SightlineNetwork
import SightlineStore

/// `sightline ego ID --hops N`
struct EgoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ego",
        abstract: "Everything within N links of an entity, each entity with the links that bring it in.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var network: NetworkOptions
    @Argument(help: "The entity (E12, an identifier, or an exact name).") var entity: String
    @Option(help: "How many links out.") var hops: Int = 1

    func validate() throws {
        try Bounds.check("--hops", hops, 0...6)
    }

    struct Row: Encodable {
        var entity: String
        var kind: String
        var label: String
        var roles: [String]
        var distance: Int
        /// Links to entities one step closer to the centre, with the intelligence behind them.
        var via: [String]
    }

    func run() throws {
        let db = try store.open()
        let centre = try db.find(entity)
        let snapshot = try network.snapshot(db)
        guard let c = snapshot.index[centre] else { throw CommandError("\(centre) is not in the network") }
        let members = snapshot.graph.ego(of: c, hops: hops)
        let distance = Dictionary(uniqueKeysWithValues: members.map { ($0.node, $0.distance) })
        let rows: [Row] = members.map { m in
            let e = snapshot.entities[m.node]
            var via: [String] = []
            for k in snapshot.graph.neighbours(of: m.node) {
                let other = Int(snapshot.graph.targets[k])
                guard distance[other] == m.distance - 1 else { continue }
                for l in snapshot.links(m.node, other) {
                    via.append("\(l.type.rawValue) \(snapshot.entities[other].id)\(l.time.map { " " + $0 } ?? ""): \(l.evidence.map(\.description).joined(separator: ", "))")
                }
            }
            return Row(entity: e.id.description, kind: e.kind.rawValue, label: e.label, roles: e.roles.map(\.title), distance: m.distance, via: via)
        }
        try emit(rows, table: {
            TextTable(headers: ["distance", "entity", "kind", "label", "roles", "via (link, from, time: evidence)"],
                      rows: rows.map { [String($0.distance), $0.entity, $0.kind, $0.label, $0.roles.joined(separator: ", "), $0.via.joined(separator: " | ")] })
        }, format: output.format)
    }
}
