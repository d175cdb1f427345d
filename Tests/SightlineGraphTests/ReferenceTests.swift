import Foundation
@testable import SightlineGraph
import SightlineIngest
import SightlineTestSupport
import Testing

/// Every measure against networkx 3.6.1 on the reference graphs (karate club, Florentine families,
/// Les Misérables, Krackhardt kite, weighted variants, and hand-made edge cases), from the golden
/// files in Reference/ (made by Reference/make_reference.py; igraph 1.0 cross-checked them, see
/// Reference/crosscheck.txt). Tolerances: 1e-9 for degree, betweenness, closeness and harmonic;
/// 1e-6 for PageRank and eigenvector centrality (absolute); exact for cores and components.
struct ReferenceTests {
    static let folder = PackagePaths.root + "/Tests/SightlineGraphTests/Reference/"

    static let cases: [(name: String, weighted: Bool, directed: Bool)] = [
        ("karate", false, false), ("karate_weighted", true, false), ("florentine", false, false),
        ("lesmis", false, false), ("lesmis_weighted", true, false), ("kite", false, false),
        ("empty", false, false), ("single", false, false), ("disconnected", false, false),
        ("selfloop_parallel", false, false), ("selfloop_parallel_weighted", true, false),
        ("weighted_path", true, false), ("star", false, false), ("directed_small", false, true),
    ]

    static func load(_ name: String, directed: Bool) throws -> (Graph, EdgeList) {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + name + ".edges.csv")))
        let list = try EdgeList.read(MemoryByteSource(bytes), file: name + ".edges.csv")
        return (Graph(nodeCount: list.names.count, edges: list.edges, directed: directed), list)
    }

    static func reference(_ name: String) throws -> [String: [String: String]] {
        let text = try String(contentsOfFile: folder + name + ".networkx.csv", encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        var out: [String: [String: String]] = [:]
        for row in lines.dropFirst() { out[row[0]] = Dictionary(uniqueKeysWithValues: zip(header, row)) }
        return out
    }

    @Test(arguments: cases.map(\.name))
    func measuresMatchNetworkx(name: String) throws {
        let c = Self.cases.first { $0.name == name }!
        let (g, list) = try Self.load(name, directed: c.directed)
        let ref = try Self.reference(name)
        // The single-node file is one self-loop: networkx still has one node.
        #expect(Set(list.names) == Set(ref.keys))
        let byName = list.names.enumerated().sorted { $0.element < $1.element }.map(\.offset)
        let values: [String: [Double]] = [
            "degree": c.weighted ? g.weightedDegrees() : g.degrees(),
            "betweenness": g.betweenness(weighted: c.weighted),
            "closeness": g.closeness(weighted: c.weighted),
            "harmonic": g.harmonic(weighted: c.weighted),
            "pagerank": g.pageRank(weighted: c.weighted),
            "eigenvector": try #require(g.eigenvector(weighted: c.weighted)),
            "coreness": g.coreNumbers().map(Double.init),
            "component": g.connectedComponents(order: byName).map(Double.init),
        ]
        let tolerance = ["pagerank": 1e-6, "eigenvector": 1e-6, "coreness": 0, "component": 0]
        for (i, node) in list.names.enumerated() {
            for (measure, v) in values {
                let expected = try #require(Double(ref[node]![measure]!), "\(name) \(node) \(measure)")
                #expect(abs(v[i] - expected) <= tolerance[measure] ?? 1e-9, "\(name) node \(node) \(measure): \(v[i]) vs networkx \(expected)")
            }
        }
    }

    @Test(arguments: ["karate", "karate_weighted", "florentine", "lesmis", "lesmis_weighted", "kite"])
    func louvainReachesNetworkxModularity(name: String) throws {
        let (g, _) = try Self.load(name, directed: false)
        let text = try String(contentsOfFile: Self.folder + name + ".louvain.txt", encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("modularity_seed42=") })
        let networkx = try #require(Double(line.split(separator: "=")[1]))
        let p = g.louvain(seed: 42, weighted: name.hasSuffix("weighted"))
        #expect(p.modularity >= networkx - 1e-12, "\(name): \(p.modularity) < networkx \(networkx)")
        #expect(abs(p.modularity - g.modularity(p.community, weighted: name.hasSuffix("weighted"))) < 1e-12)
        #expect(g.louvain(seed: 42, weighted: name.hasSuffix("weighted")) == p) // deterministic for a seed
    }
}

/// Invariants and hand-worked cases.
struct GraphInvariantTests {
    func path(_ n: Int) -> Graph { Graph(nodeCount: n, edges: (0..<(n - 1)).map { ($0, $0 + 1, 1) }, directed: false) }

    @Test func emptyGraph() {
        let g = Graph(nodeCount: 0, edges: [], directed: false)
        #expect(g.degrees().isEmpty && g.betweenness().isEmpty && g.closeness().isEmpty && g.pageRank().isEmpty)
        #expect(g.coreNumbers().isEmpty && g.connectedComponents().isEmpty && g.louvain().community.isEmpty)
    }

    @Test func pathByHand() {
        // 0-1-2-3-4: betweenness of the middle node: 4 of the 6 pairs pass through 2 (unordered),
        // normalised 2*4/((5-1)(5-2)) = 2/3.
        let g = path(5)
        let b = g.betweenness()
        #expect(abs(b[2] - 2.0 / 3.0) < 1e-12)
        #expect(b[0] == 0 && b[4] == 0)
        #expect(g.coreNumbers() == [1, 1, 1, 1, 1])
        // Closeness of an end: 4 / (1+2+3+4) = 0.4.
        #expect(abs(g.closeness()[0] - 0.4) < 1e-12)
    }

    @Test func pageRankSumsToOneAndEigenvectorHasUnitLength() throws {
        let edges: [(Int, Int, Double)] = [(0, 1, 1), (1, 2, 2), (2, 0, 1), (3, 4, 1), (4, 5, 3), (5, 3, 1), (2, 3, 1)]
        let g = Graph(nodeCount: 6, edges: edges, directed: true)
        #expect(abs(g.pageRank().reduce(0, +) - 1) < 1e-12)
        #expect(abs(g.pageRank(weighted: true).reduce(0, +) - 1) < 1e-12)
        // Two strongly connected parts with the same leading eigenvalue make power iteration
        // converge too slowly (networkx fails there too): the function says so rather than guessing.
        #expect(g.eigenvector(maxIterations: 500) == nil)
        let e = try #require(Graph(nodeCount: 6, edges: edges, directed: false).eigenvector())
        #expect(abs(e.map { $0 * $0 }.reduce(0, +) - 1) < 1e-12)
    }

    @Test func parallelBetweennessEqualsSequential() {
        var rng = GraphTestRandom(seed: 3)
        let n = 300
        let edges = (0..<1200).map { _ in (Int(rng.next() % UInt64(n)), Int(rng.next() % UInt64(n)), 1.0 + Double(rng.next() % 5)) }
        let g = Graph(nodeCount: n, edges: edges, directed: false)
        for weighted in [false, true] {
            let one = g.betweenness(weighted: weighted, threads: 1), two = g.betweenness(weighted: weighted, threads: 2)
            #expect(zip(one, two).allSatisfy { abs($0 - $1) < 1e-12 })
        }
    }

    @Test func louvainFindsPlantedCliques() {
        // Four 8-cliques joined in a ring by single edges: four communities.
        var edges: [(Int, Int, Double)] = []
        for c in 0..<4 {
            for i in 0..<8 { for j in (i + 1)..<8 { edges.append((c * 8 + i, c * 8 + j, 1)) } }
            edges.append((c * 8, ((c + 1) % 4) * 8 + 1, 1))
        }
        let p = Graph(nodeCount: 32, edges: edges, directed: false).louvain()
        #expect(p.count == 4)
        for c in 0..<4 { #expect(Set(p.community[(c * 8)..<(c * 8 + 8)]).count == 1) }
    }
}

/// The engine's own seeded generator (SplitMix64), for seeded test graphs.
typealias GraphTestRandom = GraphRandom
