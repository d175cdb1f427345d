import ArgumentParser
import Foundation
import SightlineAnalysis
import SightlineGraph
import SightlineIngest
import SightlineModel
import SightlineNetwork
import SightlineStore

/// `sightline impact --edges FILE.csv --strategy degree|betweenness --block|--sequential --steps K`
struct Impact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What disrupting an entity would do, or the disruption curve of any edge list.",
        discussion: """
        On the store: 'sightline impact ID' says what taking the entity out of the network would do: \
        the children at risk who would no longer be connected to any suspect, the child-suspect \
        pairs no longer within --hops links of each other (2 by default: linked directly or through \
        one shared person, phone, vehicle or place), the largest connected group and the network's \
        fragmentation before and after. 'sightline impact --greedy K' lists up to K removals, each \
        chosen to cut the most further children off from every suspect, then to break the most \
        close child-suspect pairs (then: the larger rise in fragmentation, the lower entity ID); it \
        stops early when no removal protects anyone further. Candidates are adults unless --kinds \
        says otherwise (places have their own list and their own tactics); children are never \
        candidates.

        On an edge list: 'sightline impact --edges FILE.csv' removes the top nodes by degree or \
        betweenness, ranked once (--block) or after every removal (--sequential), and prints the \
        largest connected component after each step. Scores are compared rounded to 1e-12; ties go \
        to the node that appears first in the edge list.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var network: NetworkOptions
    @Argument(help: "An entity in the store (E12, an identifier, or an exact name).") var entity: String?
    @Option(help: "List this many greedy removals from the store's network.") var greedy: Int?
    @Option(help: "Greedy candidates: entity kinds, comma-separated (person, location, vehicle, phone, account, organisation). Children are never candidates.")
    var kinds: String = "person"
    @Option(help: "Count a child and a suspect as close when at most this many links apart.") var hops: Int = 2

    enum Mode: String, EnumerableFlag {
        case block, sequential
    }

    @Option(help: ArgumentHelp("An edge list (header source,target) instead of the store.", valueName: "file.csv")) var edges: String?
    @Flag(help: "Edges read one way (components are then weakly connected).") var directed = false
    @Option(help: "Rank by: degree or betweenness.") var strategy: String = "degree"
    @Flag(help: "Rank once (--block, the default) or after every removal (--sequential).") var mode: Mode = .block
    @Option(help: "How many nodes to remove.") var steps: Int = 10
    @OptionGroup var output: OutputOptions
    var format: OutputFormat { output.format }

    func validate() throws {
        let modes = [edges != nil, entity != nil, greedy != nil].filter { $0 }.count
        guard modes == 1 else { throw ValidationError("give one of: an entity, --greedy K, or --edges FILE.csv") }
        if let greedy { try Bounds.check("--greedy", greedy, 1...1000) }
        guard Graph.RemovalStrategy(rawValue: strategy) != nil else {
            throw ValidationError("--strategy must be one of \(Graph.RemovalStrategy.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try Bounds.check("--steps", steps, 0...1_000_000)
        try Bounds.check("--hops", hops, 1...6)
        _ = try CommaList<EntityKind>(kinds, option: "--kinds", what: "kind(s)")
    }

    struct Row: Encodable {
        var step: Int
        var removed: String?
        var score: Double?
        var largestComponent: Int
        var fraction: Double
    }

    func run() throws {
        guard let edges else { return try runOnStore() }
        let list: EdgeList
        do { list = try EdgeList.read(try FileByteSource(path: edges), file: edges) } catch let e as IngestError {
            throw CommandError(e.description)
        }
        let graph = Graph(nodeCount: list.names.count, sources: list.sources, targets: list.targets, weights: list.weights, directed: directed)
        let curve = graph.disruptionCurve(strategy: Graph.RemovalStrategy(rawValue: strategy)!, sequential: mode == .sequential, steps: steps)
        let n = max(1, graph.nodeCount)
        let rows = curve.enumerated().map { i, s in
            Row(step: i, removed: s.node.map { list.names[$0] }, score: s.score, largestComponent: s.largestComponent,
                fraction: Double(s.largestComponent) / Double(n))
        }
        try emit(rows, table: {
            TextTable(headers: ["step", "removed", strategy, "largest_component", "fraction"],
                      rows: rows.map { [String($0.step), $0.removed ?? "", $0.score.map { "\($0)" } ?? "", String($0.largestComponent), "\($0.fraction)"] })
        }, format: format)
    }

    func runOnStore() throws {
        let db = try store.open()
        let snapshot = try network.snapshot(db)
        let report: ImpactReport
        if let entity {
            report = try ImpactReport(removing: try db.find(entity), in: snapshot, hops: hops)
        } else {
            let allowed = Set(kinds.split(separator: ",").compactMap { EntityKind(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
            report = ImpactReport(greedy: greedy ?? 0, kinds: allowed, in: snapshot, hops: hops)
        }
        let rows = report.rows
        try emit(rows, table: {
            TextTable(headers: ["step", "entity", "kind", "label", "roles", "links (children/suspects)",
                                "children no longer connected to a suspect", "close child-suspect pairs (\(hops) links)",
                                "largest group", "fragmentation", "items", "evidence (newest)"],
                      rows: rows.map { r in
                          [r.step.map(String.init) ?? "", r.entity, r.kind, r.label, r.roles.joined(separator: ", "),
                           "\(r.links) (\(r.linksToChildren)/\(r.linksToSuspects))",
                           "\(r.childrenCutOff.count)" + (r.childrenCutOff.isEmpty ? "" : ": " + r.childrenCutOff.joined(separator: "; ")),
                           "\(r.closePairsBefore) -> \(r.closePairsAfter)",
                           "\(r.largestGroupBefore) -> \(r.largestGroupAfter)",
                           String(format: "%.4f -> %.4f", r.fragmentationBefore, r.fragmentationAfter),
                           String(r.evidence.count), r.evidence.first ?? ""]
                      })
        }, format: format)
    }
}
