extension Graph {
    /// Core numbers by bin sorting, kept as the reference the level-synchronous ``coreNumbers()`` is
    /// tested against.
    ///
    /// Batagelj and Zaversnik, "An O(m) Algorithm for Cores Decomposition of Networks" (2003): bin
    /// sort by degree, then peel nodes in order of current degree. Self-loops are ignored (networkx
    /// refuses graphs with them); a directed graph uses in-degree plus out-degree, as networkx does.
    /// Flat Int32 arrays and raw pointers in the peeling loop.
    /// - Complexity: O(n + m).
    func coreNumbersByBins() -> [Int] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var degree = [Int32](repeating: 0, count: n)
        var maxDegree = 0
        for u in 0..<n {
            var d = offsets[u + 1] - offsets[u]
            if isDirected { d += inOffsets[u + 1] - inOffsets[u] }
            degree[u] = Int32(d)
            maxDegree = max(maxDegree, d)
        }
        var bin = [Int32](repeating: 0, count: maxDegree + 1)
        var pos = [Int32](repeating: 0, count: n)
        var vert = [Int32](repeating: 0, count: n)
        let directed = isDirected
        offsets.withUnsafeBufferPointer { off in
        targets.withUnsafeBufferPointer { tgt in
        inOffsets.withUnsafeBufferPointer { inOff in
        inSources.withUnsafeBufferPointer { inSrc in
        degree.withUnsafeMutableBufferPointer { deg in
        bin.withUnsafeMutableBufferPointer { bin in
        pos.withUnsafeMutableBufferPointer { pos in
        vert.withUnsafeMutableBufferPointer { vert in
            for u in 0..<n { bin[Int(deg[u])] &+= 1 }
            var start: Int32 = 0
            for d in 0...maxDegree { let c = bin[d]; bin[d] = start; start &+= c }
            for v in 0..<n {
                let p = bin[Int(deg[v])]
                pos[v] = p; vert[Int(p)] = Int32(truncatingIfNeeded: v); bin[Int(deg[v])] = p &+ 1
            }
            for d in stride(from: maxDegree, to: 0, by: -1) { bin[d] = bin[d - 1] }
            bin[0] = 0
            // Lowers the degree of u, a neighbour of v, moving u to the front of its bin.
            @inline(__always) func lower(_ u: Int, _ dv: Int32) {
                let du = deg[u]
                if du > dv {
                    let pu = pos[u], pw = bin[Int(du)], w = Int(vert[Int(pw)])
                    if u != w { pos[u] = pw; vert[Int(pu)] = Int32(truncatingIfNeeded: w); pos[w] = pu; vert[Int(pw)] = Int32(truncatingIfNeeded: u) }
                    bin[Int(du)] = pw &+ 1
                    deg[u] = du &- 1
                }
            }
            for i in 0..<n {
                let v = Int(vert[i])
                let dv = deg[v]
                for k in off[v]..<off[v + 1] { lower(Int(tgt[k]), dv) }
                if directed { for k in inOff[v]..<inOff[v + 1] { lower(Int(inSrc[k]), dv) } }
            }
        }}}}}}}}
        return degree.map(Int.init)
    }

    /// The core number of every node: the largest k such that the node belongs to a subgraph in
    /// which every node has degree at least k. Self-loops are ignored (networkx refuses graphs with
    /// them); a directed graph uses in-degree plus out-degree, as networkx does.
    ///
    /// Computed by level-synchronous peeling (the serial form of PKC: Kabir and Madduri,
    /// "Parallel k-core Decomposition on Multicore Platforms", 2017): for k = 0, 1, 2..., take the
    /// nodes left whose current degree is k, and peel them, lowering their neighbours' degrees and
    /// taking in any that fall to k. No bins to keep sorted: the only scattered writes are the
    /// neighbours' degrees, which makes it faster than bin sorting on large sparse graphs. The
    /// nodes still unpeeled are compacted after each level, so each level scans only those.
    /// Same conventions and result as ``coreNumbersByBins()`` (tested), which it replaced: 0.20 s
    /// against 0.33 s on a 1M-node, 5M-edge planted partition.
    /// - Complexity: O(n × levels scanned + m), levels ≤ the largest core number + 1.
    public func coreNumbers() -> [Int] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var degree = [Int32](repeating: 0, count: n)
        for u in 0..<n {
            var d = offsets[u + 1] - offsets[u]
            if isDirected { d += inOffsets[u + 1] - inOffsets[u] }
            degree[u] = Int32(d)
        }
        var remaining = [Int32](repeating: 0, count: n)
        var frontier = [Int32](repeating: 0, count: n)
        let directed = isDirected
        offsets.withUnsafeBufferPointer { off in
        targets.withUnsafeBufferPointer { tgt in
        inOffsets.withUnsafeBufferPointer { inOff in
        inSources.withUnsafeBufferPointer { inSrc in
        degree.withUnsafeMutableBufferPointer { deg in
        remaining.withUnsafeMutableBufferPointer { rest in
        frontier.withUnsafeMutableBufferPointer { front in
            for u in 0..<n { rest[u] = Int32(truncatingIfNeeded: u) }
            var left = n
            var level: Int32 = 0
            while left > 0 {
                // The nodes at this level; the rest move down the list (order kept).
                var tail = 0, kept = 0
                var smallest = Int32.max
                for i in 0..<left {
                    let v = rest[i]
                    let d = deg[Int(v)]
                    if d <= level { front[tail] = v; tail += 1 } else { rest[kept] = v; kept += 1; smallest = min(smallest, d) }
                }
                var head = 0
                while head < tail {
                    let v = Int(front[head]); head += 1
                    @inline(__always) func lower(_ u: Int) {
                        let du = deg[u]
                        if du > level {
                            deg[u] = du &- 1
                            if du &- 1 == level { front[tail] = Int32(truncatingIfNeeded: u); tail += 1 }
                        }
                    }
                    for k in off[v]..<off[v + 1] { lower(Int(tgt[k])) }
                    if directed { for k in inOff[v]..<inOff[v + 1] { lower(Int(inSrc[k])) } }
                }
                // Nodes taken in during the level were still listed as remaining: drop them.
                if tail > 0 {
                    var k = 0
                    smallest = Int32.max
                    for i in 0..<kept {
                        let v = rest[i]
                        let d = deg[Int(v)]
                        if d > level { rest[k] = v; k += 1; smallest = min(smallest, d) }
                    }
                    kept = k
                }
                left = kept
                // Jump straight to the next level that has nodes.
                level = left > 0 ? max(level + 1, smallest) : level
            }
        }}}}}}}
        return degree.map(Int.init)
    }
}
