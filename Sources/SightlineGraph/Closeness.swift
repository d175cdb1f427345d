import Dispatch

extension Graph {
    /// Closeness centrality as networkx computes it by default (`wf_improved=True`).
    ///
    /// For node u with r nodes (itself included) able to reach it and total distance D from them:
    /// (r - 1) / D, scaled by (r - 1) / (n - 1) — the Wasserman and Faust (1994) correction, so that
    /// on a disconnected graph a node in a small component does not outrank the rest. 0 when nothing
    /// reaches the node. Directed graphs use distances *to* the node (incoming paths), as networkx does.
    ///
    /// Unweighted, the distance sums come from bit-parallel multi-source breadth-first search
    /// (``multiSourceDistanceSums(threads:words:)``): exact integers, so the values are bit for bit
    /// those of one search per node.
    /// - Complexity: one shortest-path search per node: O(n m) unweighted (64 to 512 sources per
    ///   pass over the edges), O(n m log n) weighted.
    public func closeness(weighted: Bool = false, threads: Int = 2) -> [Double] {
        let n = nodeCount
        if !weighted {
            let sums = multiSourceDistanceSums(threads: threads)
            return (0..<n).map { u in
                let total = Double(sums.total[u]), reached = Double(sums.reached[u])
                guard total > 0, n > 1 else { return 0 }
                return (reached - 1) / total * ((reached - 1) / Double(n - 1))
            }
        }
        return closenessBySearches(weighted: true, threads: threads)
    }

    /// Closeness from one shortest-path search per node (the weighted path; unweighted, the
    /// reference the multi-source search is tested against).
    func closenessBySearches(weighted: Bool, threads: Int = 2) -> [Double] {
        let n = nodeCount
        return perNodeInParallel(weighted: weighted, threads: threads) { paths, dist in
            var total = 0.0
            for v in paths.order { total += dist[v] }
            let reached = Double(paths.order.count)
            guard total > 0, n > 1 else { return 0 }
            return (reached - 1) / total * ((reached - 1) / Double(n - 1))
        }
    }

    /// Harmonic centrality as networkx computes it: the sum over other nodes v of 1 / d(v, u),
    /// unnormalised; unreachable nodes add nothing.
    ///
    /// Marchiori and Latora (2000); Boldi and Vigna (2014). Directed graphs use distances to u.
    /// Unweighted, by multi-source breadth-first search: each node's sum is taken level by level
    /// (the number of nodes at distance d, divided by d), so it may differ from a sum taken node by
    /// node in the last bits.
    /// - Complexity: one shortest-path search per node.
    public func harmonic(weighted: Bool = false, threads: Int = 2) -> [Double] {
        if !weighted { return multiSourceDistanceSums(threads: threads).harmonic }
        return harmonicBySearches(weighted: true, threads: threads)
    }

    /// Harmonic centrality from one shortest-path search per node.
    func harmonicBySearches(weighted: Bool, threads: Int = 2) -> [Double] {
        perNodeInParallel(weighted: weighted, threads: threads) { paths, dist in
            var total = 0.0
            for v in paths.order where dist[v] > 0 { total += 1 / dist[v] }
            return total
        }
    }

    /// Runs one shortest-path search per node (towards the node when directed), split over the
    /// cores, and maps each search to a value.
    func perNodeInParallel(weighted: Bool, threads: Int, _ value: @Sendable (SingleSourcePaths, [Double]) -> Double) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        var result = [Double](repeating: 0, count: n)
        let parts = max(1, min(threads, n))
        let chunk = (n + parts - 1) / parts
        let g = self
        result.withUnsafeMutableBufferPointer { out in
            let buffer = UnsafeMutableSendableBuffer(out)
            DispatchQueue.concurrentPerform(iterations: parts) { p in
                let paths = SingleSourcePaths(g, weighted: weighted)
                for u in (p * chunk)..<min(n, (p + 1) * chunk) {
                    paths.run(from: u, reverse: g.isDirected, countPaths: false)
                    buffer.base[u] = value(paths, paths.dist)
                }
            }
        }
        return result
    }
}
