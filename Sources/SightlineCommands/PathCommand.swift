import ArgumentParser
import SightlineGraph
import SightlineModel
import SightlineNetwork
import SightlineStore

/// `sightline path A B`
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "How two entities are connected: the shortest paths between them, each link with the intelligence behind it.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var network: NetworkOptions
    @Argument(help: "The first entity (E12, an identifier such as phone:07700 900123, or an exact name).") var a: String
    @Argument(help: "The second entity.") var b: String
    @Option(help: "List at most this many shortest paths.") var limit: Int = 10

    func validate() throws { try Bounds.check("--limit", limit, 1...10_000) }

    struct Hop: Encodable {
        var entity: String
        var kind: String
        var label: String
        var roles: [String]
        /// The links from the previous entity on the path to this one (none for the first).
        var links: [LinkOut]
    }
    struct LinkOut: Encodable {
        var type: String
        var time: String?
        var origin: String
        var evidence: [String]
    }

    func run() throws {
        let db = try store.open()
        let (ea, eb) = (try db.find(a), try db.find(b))
        let snapshot = try network.snapshot(db)
        guard let ia = snapshot.index[ea], let ib = snapshot.index[eb] else { throw CommandError("the entities are not in the network") }
        let paths = snapshot.graph.allShortestPaths(from: ia, to: ib, limit: max(1, limit))
        guard !paths.isEmpty else {
            throw ExitWithMessage(message: "no recorded links connect \(ea) and \(eb)", code: 1)
        }
        let described: [[Hop]] = paths.map { p in
            p.enumerated().map { k, node in
                let e = snapshot.entities[node]
                let via = k == 0 ? [] : snapshot.links(p[k - 1], node).map {
                    LinkOut(type: $0.type.rawValue, time: $0.time, origin: $0.origin.rawValue, evidence: $0.evidence.map(\.description))
                }
                return Hop(entity: e.id.description, kind: e.kind.rawValue, label: e.label, roles: e.roles.map(\.title), links: via)
            }
        }
        switch output.format {
        case .json: print(try jsonText(described))
        case .csv:
            var t = TextTable(headers: ["path", "step", "entity", "kind", "label", "roles", "links_from_previous", "evidence"])
            for (i, p) in described.enumerated() {
                for (k, h) in p.enumerated() {
                    t.rows.append([String(i + 1), String(k), h.entity, h.kind, h.label, h.roles.joined(separator: "; "),
                                   h.links.map { $0.type + ($0.time.map { " " + $0 } ?? "") }.joined(separator: "; "),
                                   h.links.flatMap(\.evidence).joined(separator: "; ")])
                }
            }
            print(t.csv, terminator: "")
        case .table:
            print("\(described.count) shortest path\(described.count == 1 ? "" : "s") of \(paths[0].count - 1) link\(paths[0].count == 2 ? "" : "s") between \(ea) and \(eb)")
            for (i, p) in described.enumerated() {
                print("\npath \(i + 1)")
                for h in p {
                    for l in h.links {
                        print("    \(l.type)\(l.time.map { " " + $0 } ?? "") [\(l.origin)]: \(l.evidence.joined(separator: "; "))")
                    }
                    print("  \(h.entity)  \(h.kind)  \(h.label)\(h.roles.isEmpty ? "" : "  (" + h.roles.joined(separator: ", ") + ")")")
                }
            }
        }
    }
}
