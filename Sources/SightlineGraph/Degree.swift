extension Graph {
    /// Degree of every node as networkx counts it: neighbours (in and out for a directed graph),
    /// a self-loop counting twice.
    /// - Complexity: O(n).
    public func degrees() -> [Double] {
        (0..<nodeCount).map { u in
            let loop = hasSelfLoop[u] ? 2.0 : 0.0
            let out = Double(offsets[u + 1] - offsets[u])
            return isDirected ? out + Double(inOffsets[u + 1] - inOffsets[u]) + loop : out + loop
        }
    }

    /// Weighted degree (strength): the sum of the weights of a node's edges, a self-loop counting
    /// twice, as networkx's `G.degree(weight=...)`.
    /// - Complexity: O(n + m).
    public func weightedDegrees() -> [Double] {
        (0..<nodeCount).map { u in
            var s = 2 * selfLoopWeight[u]
            for k in neighbours(of: u) { s += weights[k] }
            if isDirected { for k in inNeighbours(of: u) { s += inWeights[k] } }
            return s
        }
    }
}
