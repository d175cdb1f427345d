extension Graph {
    /// Articulation points (cut vertices) and bridges (cut edges) of the graph taken as undirected.
    ///
    /// Hopcroft and Tarjan (1973): one depth-first search keeping discovery times and low links,
    /// run without recursion so that long chains cannot overflow the stack. Self-loops and edge
    /// direction are ignored; parallel edges have already been collapsed, as in networkx.
    /// - Returns: the cut vertices in ascending index order, and the bridges as (lower, higher)
    ///   index pairs in ascending order.
    /// - Complexity: O(n + m).
    public func cutVerticesAndBridges() -> (vertices: [Int], bridges: [(Int, Int)]) {
        let n = nodeCount
        // Undirected adjacency (a directed graph's in- and out-neighbours together, deduplicated).
        var adjacency: [[Int]] = Array(repeating: [], count: n)
        for u in 0..<n {
            var seen = Set<Int>()
            for k in neighbours(of: u) where seen.insert(Int(targets[k])).inserted { adjacency[u].append(Int(targets[k])) }
            if isDirected { for k in inNeighbours(of: u) where seen.insert(Int(inSources[k])).inserted { adjacency[u].append(Int(inSources[k])) } }
        }
        var discovered = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var parent = [Int](repeating: -1, count: n)
        var isCut = [Bool](repeating: false, count: n)
        var bridges: [(Int, Int)] = []
        var time = 0
        var stack: [(node: Int, next: Int)] = []
        for root in 0..<n where discovered[root] < 0 {
            discovered[root] = time; low[root] = time; time += 1
            var rootChildren = 0
            stack.append((root, 0))
            while let top = stack.last {
                let u = top.node
                if top.next < adjacency[u].count {
                    stack[stack.count - 1].next += 1
                    let v = adjacency[u][top.next]
                    if discovered[v] < 0 {
                        parent[v] = u
                        discovered[v] = time; low[v] = time; time += 1
                        if u == root { rootChildren += 1 }
                        stack.append((v, 0))
                    } else if v != parent[u] {
                        low[u] = min(low[u], discovered[v])
                    }
                } else {
                    stack.removeLast()
                    if let p = stack.last?.node {
                        low[p] = min(low[p], low[u])
                        if low[u] > discovered[p] { bridges.append((min(p, u), max(p, u))) }
                        if p != root && low[u] >= discovered[p] { isCut[p] = true }
                    }
                }
            }
            if rootChildren > 1 { isCut[root] = true }
        }
        return ((0..<n).filter { isCut[$0] }, bridges.sorted { ($0.0, $0.1) < ($1.0, $1.1) })
    }
}
