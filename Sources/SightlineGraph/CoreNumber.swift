extension Graph {
    /// The core number of every node: the largest k such that the node belongs to a subgraph in
    /// which every node has degree at least k.
    ///
    /// Batagelj and Zaversnik, "An O(m) Algorithm for Cores Decomposition of Networks" (2003): bin
    /// sort by degree, then peel nodes in order of current degree. Self-loops are ignored (networkx
    /// refuses graphs with them); a directed graph uses in-degree plus out-degree, as networkx does.
    /// Flat Int32 arrays and raw pointers in the peeling loop.
    /// - Complexity: O(n + m).
    public func coreNumbers() -> [Int] {
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
}
