import Dispatch

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
    /// - Complexity: O(n + m log d) for largest degree d; see ``init(nodeCount:sources:targets:weights:directed:)``.
    public init(nodeCount: Int, edges: [(Int, Int, Double)], directed: Bool) {
        var xs = [Int32](), ys = [Int32](), ws = [Double]()
        xs.reserveCapacity(edges.count); ys.reserveCapacity(edges.count); ws.reserveCapacity(edges.count)
        for (k, (a, b, w)) in edges.enumerated() {
            precondition(a >= 0 && a < nodeCount && b >= 0 && b < nodeCount, "edge \(k) names a node outside 0..<\(nodeCount)")
            xs.append(Int32(a)); ys.append(Int32(b)); ws.append(w)
        }
        self.init(nodeCount: nodeCount, sources: xs, targets: ys, weights: ws, directed: directed)
    }

    /// Builds a graph from edges given as parallel arrays (the compact form an edge-list reader
    /// produces).
    ///
    /// Each edge is scattered into its node's slot (both nodes' when undirected), in input order;
    /// each node's neighbours are then sorted by neighbour (stably, so that repeats of a pair stay
    /// in input order) and repeats collapse into their last weight. Nodes are split between two
    /// threads for the sort. No hashing and no global sort.
    /// - Parameters:
    ///   - weights: one per edge, or empty for weight 1 throughout.
    /// - Complexity: O(n + m log d) time for largest degree d, O(n + m) memory.
    public init(nodeCount: Int, sources: [Int32], targets: [Int32], weights: [Double], directed: Bool) {
        precondition(sources.count == targets.count && (weights.isEmpty || weights.count == sources.count))
        let n = nodeCount, m = sources.count
        self.nodeCount = n
        self.isDirected = directed
        var loops = [Double](repeating: 0, count: n)
        var hasLoop = [Bool](repeating: false, count: n)
        // Slot counts: out-neighbours when directed, both ends when undirected; self-loops apart.
        var start = [Int](repeating: 0, count: n + 1)
        for k in 0..<m {
            let a = Int(sources[k]), b = Int(targets[k])
            precondition(a >= 0 && a < n && b >= 0 && b < n, "edge \(k) names a node outside 0..<\(n)")
            if a == b { loops[a] = weights.isEmpty ? 1 : weights[k]; hasLoop[a] = true; continue }
            start[a + 1] += 1
            if !directed { start[b + 1] += 1 }
        }
        for i in 0..<n { start[i + 1] += start[i] }
        let slots = start[n]
        var nbr = [Int32](repeating: 0, count: slots)
        var wt = [Double](repeating: 1, count: slots)
        do {
            var fill = start
            nbr.withUnsafeMutableBufferPointer { nb in
                wt.withUnsafeMutableBufferPointer { wb in
                    for k in 0..<m {
                        let a = Int(sources[k]), b = Int(targets[k])
                        if a == b { continue }
                        let w = weights.isEmpty ? 1 : weights[k]
                        nb[fill[a]] = Int32(b); wb[fill[a]] = w; fill[a] += 1
                        if !directed { nb[fill[b]] = Int32(a); wb[fill[b]] = w; fill[b] += 1 }
                    }
                }
            }
        }
        // Sort each node's slice by neighbour, keep the last of each run; record the kept length.
        var kept = [Int](repeating: 0, count: n)
        do {
            let parts = n > 50_000 ? 2 : 1
            let bounds = Self.balancedSplit(start, parts: parts)
            nbr.withUnsafeMutableBufferPointer { nb in
                wt.withUnsafeMutableBufferPointer { wb in
                    kept.withUnsafeMutableBufferPointer { kb in
                        let (nbs, wbs, kbs) = (UnsafeMutableSendableBuffer(nb), UnsafeMutableSendableBuffer(wb), UnsafeMutableSendableBuffer(kb))
                        let offsets = start
                        DispatchQueue.concurrentPerform(iterations: parts) { p in
                            var scratch: [UInt64] = []
                            var scratchW: [Double] = []
                            for u in bounds[p]..<bounds[p + 1] {
                                kbs.base[u] = Self.sortAndCollapse(nbs.base, wbs.base, offsets[u], offsets[u + 1], &scratch, &scratchW)
                            }
                        }
                    }
                }
            }
        }
        // Compact the kept prefixes of the slices.
        var offsets = [Int](repeating: 0, count: n + 1)
        for u in 0..<n { offsets[u + 1] = offsets[u] + kept[u] }
        if offsets[n] != slots {
            nbr.withUnsafeMutableBufferPointer { nb in
                wt.withUnsafeMutableBufferPointer { wb in
                    for u in 0..<n where offsets[u] != start[u] {
                        for i in 0..<kept[u] { nb[offsets[u] + i] = nb[start[u] + i]; wb[offsets[u] + i] = wb[start[u] + i] }
                    }
                }
            }
            nbr.removeSubrange(offsets[n]...)
            wt.removeSubrange(offsets[n]...)
        }
        let loopCount = hasLoop.reduce(0) { $0 + ($1 ? 1 : 0) }
        edgeCount = (directed ? offsets[n] : offsets[n] / 2) + loopCount
        selfLoopWeight = loops
        hasSelfLoop = hasLoop
        self.offsets = offsets
        self.targets = nbr
        self.weights = wt
        if directed {
            // In-neighbours: walk sources in ascending order, so each in-list comes out ascending.
            var inStart = [Int](repeating: 0, count: n + 1)
            for t in nbr { inStart[Int(t) + 1] += 1 }
            for i in 0..<n { inStart[i + 1] += inStart[i] }
            var fill = inStart
            var src = [Int32](repeating: 0, count: nbr.count)
            var iw = [Double](repeating: 0, count: nbr.count)
            for u in 0..<n {
                for k in offsets[u]..<offsets[u + 1] {
                    let v = Int(nbr[k])
                    src[fill[v]] = Int32(u); iw[fill[v]] = wt[k]; fill[v] += 1
                }
            }
            (inOffsets, inSources, inWeights) = (inStart, src, iw)
        } else {
            (inOffsets, inSources, inWeights) = (offsets, nbr, wt)
        }
    }

    /// Node ranges `bounds[p]..<bounds[p + 1]` holding about equal numbers of slots.
    static func balancedSplit(_ start: [Int], parts: Int) -> [Int] {
        let n = start.count - 1
        var bounds = [0]
        var u = 0
        for p in 1..<parts {
            let goal = start[n] * p / parts
            while u < n && start[u] < goal { u += 1 }
            bounds.append(u)
        }
        bounds.append(n)
        return bounds
    }

    /// Sorts the slice `lo..<hi` by neighbour, stably, and collapses each run of one neighbour into
    /// its last entry; returns the number kept (they now fill `lo..<lo + kept`).
    static func sortAndCollapse(_ nb: UnsafeMutableBufferPointer<Int32>, _ wb: UnsafeMutableBufferPointer<Double>,
                                _ lo: Int, _ hi: Int, _ scratch: inout [UInt64], _ scratchW: inout [Double]) -> Int {
        let count = hi - lo
        guard count > 1 else { return count }
        if count <= 32 {
            // Insertion sort: stable, and fastest on the short lists most nodes have.
            for i in (lo + 1)..<hi {
                let t = nb[i], w = wb[i]
                var j = i - 1
                while j >= lo && nb[j] > t { nb[j + 1] = nb[j]; wb[j + 1] = wb[j]; j -= 1 }
                nb[j + 1] = t; wb[j + 1] = w
            }
        } else {
            // Sort (neighbour, position) keys: unique, so any sort is stable.
            scratch.removeAll(keepingCapacity: true)
            scratchW.removeAll(keepingCapacity: true)
            for i in lo..<hi { scratch.append(UInt64(UInt32(nb[i])) << 32 | UInt64(i - lo)); scratchW.append(wb[i]) }
            scratch.sort()
            for (k, key) in scratch.enumerated() {
                nb[lo + k] = Int32(truncatingIfNeeded: key >> 32)
                wb[lo + k] = scratchW[Int(key & 0xFFFF_FFFF)]
            }
        }
        var out = lo
        for i in lo..<hi {
            if i + 1 < hi && nb[i + 1] == nb[i] { continue }
            nb[out] = nb[i]; wb[out] = wb[i]; out += 1
        }
        return out - lo
    }

    /// The out-neighbour range of `u` in ``targets`` and ``weights``.
    @inlinable public func neighbours(of u: Int) -> Range<Int> { offsets[u]..<offsets[u + 1] }

    /// The in-neighbour range of `u` in ``inSources`` and ``inWeights``.
    @inlinable public func inNeighbours(of u: Int) -> Range<Int> { inOffsets[u]..<inOffsets[u + 1] }
}
