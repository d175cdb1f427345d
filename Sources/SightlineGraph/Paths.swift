extension Graph {
    /// One shortest path from `source` to `target` (hops, or total weight as distance when
    /// `weighted`), following edge direction when the graph is directed.
    ///
    /// Breadth-first search, or Dijkstra (1959) when weighted. Among equally short paths, the one
    /// whose predecessors have the lowest indices is returned, so the answer is reproducible.
    /// - Returns: the nodes from source to target, or nil when the target cannot be reached.
    /// - Complexity: O(n + m), or O((n + m) log n) weighted.
    public func shortestPath(from source: Int, to target: Int, weighted: Bool = false) -> [Int]? {
        allShortestPaths(from: source, to: target, weighted: weighted, limit: 1).first
    }

    /// Every shortest path from `source` to `target`, in lexicographic order of node indices, at
    /// most `limit` of them (their number can grow exponentially).
    /// - Complexity: one shortest-path search plus O(length) per path listed.
    public func allShortestPaths(from source: Int, to target: Int, weighted: Bool = false, limit: Int = 1000) -> [[Int]] {
        guard source >= 0, source < nodeCount, target >= 0, target < nodeCount else { return [] }
        if source == target { return [[source]] }
        let paths = SingleSourcePaths(self, weighted: weighted)
        paths.run(from: source)
        guard paths.dist[target] < .infinity else { return [] }
        // Walk back from the target through predecessors (in-neighbours on a shortest path).
        func predecessors(_ w: Int) -> [Int] {
            var p: [Int] = []
            for k in inNeighbours(of: w) {
                let v = Int(inSources[k])
                if paths.dist[v] + (weighted ? inWeights[k] : 1) == paths.dist[w] { p.append(v) }
            }
            return p.sorted()
        }
        // Depth-first over predecessor choices, stopping at `limit` paths (which ones are kept when
        // the limit cuts is then the first found, walking back from the target by lowest index).
        var stack: [[Int]] = [[target]]
        var found: [[Int]] = []
        while let partial = stack.popLast(), found.count < limit {
            let head = partial.last!
            if head == source { found.append(partial.reversed()); continue }
            for v in predecessors(head).reversed() { stack.append(partial + [v]) }
        }
        return found.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Hop distances from `source` along out-edges (-1 where it does not reach): one breadth-first
    /// search over the compressed rows, on an Int32 queue.
    /// - Complexity: O(n + m).
    public func breadthFirstDistances(from source: Int) -> [Int32] {
        var dist = [Int32](repeating: -1, count: nodeCount)
        guard source >= 0, source < nodeCount else { return dist }
        var queue = [Int32](repeating: 0, count: nodeCount)
        offsets.withUnsafeBufferPointer { off in
            targets.withUnsafeBufferPointer { tgt in
                dist.withUnsafeMutableBufferPointer { d in
                    queue.withUnsafeMutableBufferPointer { q in
                        d[source] = 0
                        q[0] = Int32(source)
                        var head = 0, tail = 1
                        while head < tail {
                            let v = Int(q[head]); head += 1
                            let dv = d[v] + 1
                            for k in off[v]..<off[v + 1] {
                                let w = Int(tgt[k])
                                if d[w] < 0 { d[w] = dv; q[tail] = Int32(truncatingIfNeeded: w); tail += 1 }
                            }
                        }
                    }
                }
            }
        }
        return dist
    }

    /// The nodes within `hops` steps of `center` (following edges both ways), with their distance.
    /// - Complexity: O(size of the neighbourhood and its edges).
    public func ego(of center: Int, hops: Int) -> [(node: Int, distance: Int)] {
        guard center >= 0, center < nodeCount else { return [] }
        var distance = [Int: Int]()
        distance[center] = 0
        var frontier = [center]
        var out: [(Int, Int)] = [(center, 0)]
        for d in 1...max(1, hops) where hops > 0 {
            var next: [Int] = []
            for u in frontier {
                for k in neighbours(of: u) where distance[Int(targets[k])] == nil {
                    distance[Int(targets[k])] = d; next.append(Int(targets[k])); out.append((Int(targets[k]), d))
                }
                if isDirected {
                    for k in inNeighbours(of: u) where distance[Int(inSources[k])] == nil {
                        distance[Int(inSources[k])] = d; next.append(Int(inSources[k])); out.append((Int(inSources[k]), d))
                    }
                }
            }
            frontier = next
        }
        return out.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }

    /// The connecting network of a set of nodes: every node on some shortest path between two of
    /// them (taking the graph as undirected), which is what shows how they are linked.
    /// - Returns: the nodes of the connecting network in ascending order (the given nodes included),
    ///   and the pairs that are not connected at all.
    /// - Complexity: O(k (n + m)) for k nodes.
    public func connectingNetwork(of nodes: [Int]) -> (nodes: [Int], unconnected: [(Int, Int)]) {
        let set = Array(Set(nodes)).sorted()
        var keep = Set(set)
        var unconnected: [(Int, Int)] = []
        let undirected = isDirected ? asUndirected() : self
        let from = SingleSourcePaths(undirected, weighted: false), to = SingleSourcePaths(undirected, weighted: false)
        for (i, a) in set.enumerated() {
            from.run(from: a)
            for b in set[(i + 1)...] {
                guard from.dist[b] < .infinity else { unconnected.append((a, b)); continue }
                to.run(from: b)
                let d = from.dist[b]
                // A node lies on a shortest a-b path when its distances from a and to b add up.
                for v in from.order where from.dist[v] + to.dist[v] == d { keep.insert(v) }
            }
        }
        return (keep.sorted(), unconnected)
    }

    /// The graph with every edge readable both ways.
    public func asUndirected() -> Graph {
        guard isDirected else { return self }
        var edges: [(Int, Int, Double)] = []
        for u in 0..<nodeCount {
            for k in neighbours(of: u) { edges.append((u, Int(targets[k]), weights[k])) }
            if hasSelfLoop[u] { edges.append((u, u, selfLoopWeight[u])) }
        }
        return Graph(nodeCount: nodeCount, edges: edges, directed: false)
    }
}
