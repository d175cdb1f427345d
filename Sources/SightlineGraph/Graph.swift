/// A compact, immutable graph over dense node indices `0..<nodeCount`, in compressed sparse row
/// form: the neighbours of node `u` are `targets[offsets[u]..<offsets[u + 1]]`, with their weights
/// beside them. Algorithms run on indices (the igraph and NetworKit way); callers map names or
/// entity IDs to indices at the edge.
///
/// Conventions, chosen to match networkx's `Graph` and `DiGraph` built from the same rows:
/// - parallel edges collapse into one, keeping the last weight given;
/// - self-loops are kept apart (``selfLoopWeight``): they count in degree (twice, undirected, as
///   networkx counts them), in PageRank and in eigenvector centrality, and play no part in shortest
///   paths or cores;
/// - an undirected edge is stored in both directions.
public struct Graph: Sendable {
    public let nodeCount: Int
    public let isDirected: Bool
    /// Out-neighbours (all neighbours when undirected).
    public let offsets: [Int]
    public let targets: [Int32]
    public let weights: [Double]
    /// In-neighbours of a directed graph (the same arrays as out-neighbours when undirected).
    public let inOffsets: [Int]
    public let inSources: [Int32]
    public let inWeights: [Double]
    /// The weight of each node's self-loop (0 when it has none).
    public let selfLoopWeight: [Double]
    public let hasSelfLoop: [Bool]

    /// The number of distinct edges (an undirected edge once; self-loops included).
    public let edgeCount: Int

    /// Builds a graph from edges between node indices.
    /// - Parameters:
    ///   - nodeCount: the number of nodes; every index in `edges` must be below it.
    ///   - edges: source, target and weight; a repeated pair keeps its last weight.
    ///   - directed: whether edges read one way.
    /// - Complexity: O(n + m log m) (sorting to collapse parallel edges).
    public init(nodeCount: Int, edges: [(Int, Int, Double)], directed: Bool) {
        self.nodeCount = nodeCount
        self.isDirected = directed
        var loops = [Double](repeating: 0, count: nodeCount)
        var hasLoop = [Bool](repeating: false, count: nodeCount)
        // Collapse parallel edges: last weight wins (keyed on the unordered pair when undirected).
        var last: [Int: (Int, Int, Double)] = [:]
        last.reserveCapacity(edges.count)
        var order: [Int] = []
        for (k, (a, b, w)) in edges.enumerated() {
            precondition(a >= 0 && a < nodeCount && b >= 0 && b < nodeCount, "edge \(k) names a node outside 0..<\(nodeCount)")
            if a == b { loops[a] = w; hasLoop[a] = true; continue }
            let (x, y) = directed || a < b ? (a, b) : (b, a)
            let key = x &* nodeCount &+ y
            if last[key] == nil { order.append(key) }
            last[key] = (x, y, w)
        }
        let unique = order.map { last[$0]! }
        edgeCount = unique.count + hasLoop.filter { $0 }.count
        selfLoopWeight = loops
        hasSelfLoop = hasLoop

        func csr(_ pairs: [(Int, Int, Double)]) -> ([Int], [Int32], [Double]) {
            var counts = [Int](repeating: 0, count: nodeCount + 1)
            for (a, _, _) in pairs { counts[a + 1] += 1 }
            for i in 0..<nodeCount { counts[i + 1] += counts[i] }
            var fill = counts
            var t = [Int32](repeating: 0, count: pairs.count)
            var w = [Double](repeating: 0, count: pairs.count)
            for (a, b, x) in pairs {
                t[fill[a]] = Int32(b); w[fill[a]] = x; fill[a] += 1
            }
            // Neighbours in ascending index order: results then do not depend on input order.
            for u in 0..<nodeCount {
                let r = counts[u]..<counts[u + 1]
                let sorted = zip(t[r], w[r]).sorted { $0.0 < $1.0 }
                for (k, (tt, ww)) in zip(r, sorted) { t[k] = tt; w[k] = ww }
            }
            return (counts, t, w)
        }
        if directed {
            (offsets, targets, weights) = csr(unique)
            (inOffsets, inSources, inWeights) = csr(unique.map { ($0.1, $0.0, $0.2) })
        } else {
            (offsets, targets, weights) = csr(unique + unique.map { ($0.1, $0.0, $0.2) })
            (inOffsets, inSources, inWeights) = (offsets, targets, weights)
        }
    }

    /// The out-neighbour range of `u` in ``targets`` and ``weights``.
    @inlinable public func neighbours(of u: Int) -> Range<Int> { offsets[u]..<offsets[u + 1] }

    /// The in-neighbour range of `u` in ``inSources`` and ``inWeights``.
    @inlinable public func inNeighbours(of u: Int) -> Range<Int> { inOffsets[u]..<inOffsets[u + 1] }

    /// The same graph with every edge turned round (itself when undirected).
    public var reversed: Graph {
        guard isDirected else { return self }
        var edges: [(Int, Int, Double)] = []
        for u in 0..<nodeCount {
            for k in neighbours(of: u) { edges.append((Int(targets[k]), u, weights[k])) }
            if hasSelfLoop[u] { edges.append((u, u, selfLoopWeight[u])) }
        }
        return Graph(nodeCount: nodeCount, edges: edges, directed: true)
    }

    /// Whether any edge has a weight other than 1.
    public var isWeighted: Bool { weights.contains { $0 != 1 } || selfLoopWeight.contains { $0 != 0 && $0 != 1 } }
}
