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
    /// - Complexity: O(n + m): counting sorts, no hashing.
    public init(nodeCount: Int, edges: [(Int, Int, Double)], directed: Bool) {
        self.nodeCount = nodeCount
        self.isDirected = directed
        let n = nodeCount
        var loops = [Double](repeating: 0, count: n)
        var hasLoop = [Bool](repeating: false, count: n)
        // Canonical pairs (lower index first when undirected); self-loops kept apart.
        var xs: [Int32] = [], ys: [Int32] = [], ws: [Double] = []
        xs.reserveCapacity(edges.count); ys.reserveCapacity(edges.count); ws.reserveCapacity(edges.count)
        for (k, (a, b, w)) in edges.enumerated() {
            precondition(a >= 0 && a < n && b >= 0 && b < n, "edge \(k) names a node outside 0..<\(n)")
            if a == b { loops[a] = w; hasLoop[a] = true; continue }
            let (x, y) = directed || a < b ? (a, b) : (b, a)
            xs.append(Int32(x)); ys.append(Int32(y)); ws.append(w)
        }
        // Sort by (x, y) with two stable counting sorts, so that repeats of a pair sit together in
        // input order, then keep the last of each run: parallel edges collapse, the last weight wins.
        var (sx, sy, sw) = Self.stableSort(by: ys, xs, ys, ws, n)
        (sx, sy, sw) = Self.stableSort(by: sx, sx, sy, sw, n)
        var ux: [Int32] = [], uy: [Int32] = [], uw: [Double] = []
        ux.reserveCapacity(sx.count); uy.reserveCapacity(sx.count); uw.reserveCapacity(sx.count)
        for i in 0..<sx.count {
            if i + 1 < sx.count && sx[i + 1] == sx[i] && sy[i + 1] == sy[i] { continue }
            ux.append(sx[i]); uy.append(sy[i]); uw.append(sw[i])
        }
        edgeCount = ux.count + hasLoop.filter { $0 }.count
        selfLoopWeight = loops
        hasSelfLoop = hasLoop
        if directed {
            (offsets, targets, weights) = Self.csr(ux, uy, uw, n)
            // In-neighbours: by target, sources ascending (a stable sort of pairs already in source order).
            let (ix, iy, iw) = Self.stableSort(by: uy, uy, ux, uw, n)
            (inOffsets, inSources, inWeights) = Self.csr(ix, iy, iw, n)
        } else {
            // Both directions, neighbours ascending: sort by neighbour, then stably by node.
            let (ax, ay, aw) = (ux + uy, uy + ux, uw + uw)
            var (bx, by, bw) = Self.stableSort(by: ay, ax, ay, aw, n)
            (bx, by, bw) = Self.stableSort(by: bx, bx, by, bw, n)
            (offsets, targets, weights) = Self.csr(bx, by, bw, n)
            (inOffsets, inSources, inWeights) = (offsets, targets, weights)
        }
    }

    /// A stable counting sort of parallel arrays by `key` (values in 0..<n).
    /// - Complexity: O(n + m).
    static func stableSort(by key: [Int32], _ a: [Int32], _ b: [Int32], _ w: [Double], _ n: Int) -> ([Int32], [Int32], [Double]) {
        var start = [Int](repeating: 0, count: n + 1)
        for k in key { start[Int(k) + 1] += 1 }
        for i in 0..<n { start[i + 1] += start[i] }
        var ra = [Int32](repeating: 0, count: a.count), rb = [Int32](repeating: 0, count: a.count)
        var rw = [Double](repeating: 0, count: a.count)
        for i in 0..<key.count {
            let p = start[Int(key[i])]
            start[Int(key[i])] += 1
            ra[p] = a[i]; rb[p] = b[i]; rw[p] = w[i]
        }
        return (ra, rb, rw)
    }

    /// Offsets for pairs already sorted by their first element.
    static func csr(_ x: [Int32], _ y: [Int32], _ w: [Double], _ n: Int) -> ([Int], [Int32], [Double]) {
        var offsets = [Int](repeating: 0, count: n + 1)
        for v in x { offsets[Int(v) + 1] += 1 }
        for i in 0..<n { offsets[i + 1] += offsets[i] }
        return (offsets, y, w)
    }

    /// The out-neighbour range of `u` in ``targets`` and ``weights``.
    @inlinable public func neighbours(of u: Int) -> Range<Int> { offsets[u]..<offsets[u + 1] }

    /// The in-neighbour range of `u` in ``inSources`` and ``inWeights``.
    @inlinable public func inNeighbours(of u: Int) -> Range<Int> { inOffsets[u]..<inOffsets[u + 1] }
}
