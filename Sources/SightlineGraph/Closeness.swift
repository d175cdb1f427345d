extension Graph {
    /// Closeness centrality as networkx computes it by default (`wf_improved=True`).
    ///
    /// For node u with r nodes (itself included) able to reach it and total distance D from them:
    /// (r - 1) / D, scaled by (r - 1) / (n - 1) — the Wasserman and Faust (1994) correction, so that
    /// on a disconnected graph a node in a small component does not outrank the rest. 0 when nothing
    /// reaches the node. Directed graphs use distances *to* the node (incoming paths), as networkx does.
    /// - Complexity: one shortest-path search per node: O(n m) unweighted, O(n m log n) weighted.
    public func closeness(weighted: Bool = false) -> [Double] {
        let n = nodeCount
        let paths = SingleSourcePaths(self, weighted: weighted)
        return (0..<n).map { u in
            paths.run(from: u, reverse: isDirected)
            var total = 0.0
            for v in paths.order { total += paths.dist[v] }
            let reached = Double(paths.order.count)
            guard total > 0, n > 1 else { return 0 }
            return (reached - 1) / total * ((reached - 1) / Double(n - 1))
        }
    }

    /// Harmonic centrality as networkx computes it: the sum over other nodes v of 1 / d(v, u),
    /// unnormalised; unreachable nodes add nothing.
    ///
    /// Marchiori and Latora (2000); Boldi and Vigna (2014). Directed graphs use distances to u.
    /// - Complexity: one shortest-path search per node.
    public func harmonic(weighted: Bool = false) -> [Double] {
        let paths = SingleSourcePaths(self, weighted: weighted)
        return (0..<nodeCount).map { u in
            paths.run(from: u, reverse: isDirected)
            var total = 0.0
            for v in paths.order where paths.dist[v] > 0 { total += 1 / paths.dist[v] }
            return total
        }
    }
}
