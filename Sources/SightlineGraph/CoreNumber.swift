extension Graph {
    /// The core number of every node: the largest k such that the node belongs to a subgraph in
    /// which every node has degree at least k.
    ///
    /// Batagelj and Zaversnik, "An O(m) Algorithm for Cores Decomposition of Networks" (2003): bin
    /// sort by degree, then peel nodes in order of current degree. Self-loops are ignored (networkx
    /// refuses graphs with them); a directed graph uses in-degree plus out-degree, as networkx does.
    /// - Complexity: O(n + m).
    public func coreNumbers() -> [Int] {
        let n = nodeCount
        guard n > 0 else { return [] }
        // Neighbour lists without direction (a directed pair u->v and v->u counts twice, like networkx).
        func forEachNeighbour(_ u: Int, _ body: (Int) -> Void) {
            for k in neighbours(of: u) { body(Int(targets[k])) }
            if isDirected { for k in inNeighbours(of: u) { body(Int(inSources[k])) } }
        }
        var degree = [Int](repeating: 0, count: n)
        for u in 0..<n { forEachNeighbour(u) { _ in degree[u] += 1 } }
        let maxDegree = degree.max() ?? 0
        var bin = [Int](repeating: 0, count: maxDegree + 1)
        for d in degree { bin[d] += 1 }
        var start = 0
        for d in 0...maxDegree { let c = bin[d]; bin[d] = start; start += c }
        var pos = [Int](repeating: 0, count: n)
        var vert = [Int](repeating: 0, count: n)
        for v in 0..<n { pos[v] = bin[degree[v]]; vert[pos[v]] = v; bin[degree[v]] += 1 }
        for d in stride(from: maxDegree, to: 0, by: -1) { bin[d] = bin[d - 1] }
        bin[0] = 0
        for i in 0..<n {
            let v = vert[i]
            forEachNeighbour(v) { u in
                if degree[u] > degree[v] {
                    let du = degree[u], pu = pos[u], pw = bin[du], w = vert[pw]
                    if u != w { pos[u] = pw; vert[pu] = w; pos[w] = pu; vert[pw] = u }
                    bin[du] += 1
                    degree[u] -= 1
                }
            }
        }
        return degree
    }
}
