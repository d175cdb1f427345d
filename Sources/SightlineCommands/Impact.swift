import ArgumentParser
import Foundation
import SightlineGraph
import SightlineIngest

/// `sightline impact --edges FILE.csv --strategy degree|betweenness --block|--sequential --steps K`
struct Impact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The disruption curve of a graph: the largest connected component after each removal.",
        discussion: """
        Removes the top nodes by degree or betweenness, ranked once on the intact graph (--block) or \
        again after every removal (--sequential), and prints the size of the largest connected \
        component after each step, as in the criminal-network literature. Scores are compared \
        rounded to 1e-12; ties go to the node that appears first in the edge list.
        """)

    enum Mode: String, EnumerableFlag {
        case block, sequential
    }

    @Option(help: ArgumentHelp("The edge list (header source,target).", valueName: "file.csv")) var edges: String
    @Flag(help: "Edges read one way (components are then weakly connected).") var directed = false
    @Option(help: "Rank by: degree or betweenness.") var strategy: String = "degree"
    @Flag(help: "Rank once (--block, the default) or after every removal (--sequential).") var mode: Mode = .block
    @Option(help: "How many nodes to remove.") var steps: Int = 10
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    func validate() throws {
        guard Graph.RemovalStrategy(rawValue: strategy) != nil else {
            throw ValidationError("--strategy must be one of \(Graph.RemovalStrategy.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard steps >= 0 else { throw ValidationError("--steps must not be negative") }
    }

    struct Row: Encodable {
        var step: Int
        var removed: String?
        var score: Double?
        var largestComponent: Int
        var fraction: Double
    }

    func run() throws {
        let list: EdgeList
        do { list = try EdgeList.read(try FileByteSource(path: edges), file: edges) } catch let e as IngestError {
            throw CommandError(e.description)
        }
        let graph = Graph(nodeCount: list.names.count, edges: list.edges, directed: directed)
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
}
