extension Graph {
    /// PageRank by power iteration, following networkx's `pagerank` (damping 0.85 by default).
    ///
    /// Brin and Page (1998). Each node passes `alpha` of its rank along its out-edges in proportion
    /// to their weights (an undirected edge counts both ways; a self-loop keeps a share at home);
    /// nodes without out-edges spread their rank evenly; `1 - alpha` is spread evenly. Iterates until
    /// the L1 change is below `n * tolerance`.
    /// - Parameters:
    ///   - alpha: the damping factor.
    ///   - weighted: use edge weights (networkx's default `weight="weight"`).
    ///   - tolerance: per-node convergence tolerance (1e-13 by default: far below test tolerances).
    /// - Returns: a rank per node, summing to 1.
    /// - Complexity: O((n + m) × iterations).
    public func pageRank(alpha: Double = 0.85, weighted: Bool = false, tolerance: Double = 1e-13, maxIterations: Int = 10_000) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let w: (Int) -> Double = { weighted ? self.weights[$0] : 1 }
        var outWeight = [Double](repeating: 0, count: n)
        for u in 0..<n {
            var s = hasSelfLoop[u] ? (weighted ? selfLoopWeight[u] : 1) : 0
            for k in neighbours(of: u) { s += w(k) }
            outWeight[u] = s
        }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<maxIterations {
            var dangling = 0.0
            for u in 0..<n where outWeight[u] == 0 { dangling += x[u] }
            let base = (alpha * dangling + (1 - alpha)) / Double(n)
            for v in 0..<n { next[v] = base }
            for u in 0..<n where outWeight[u] > 0 {
                let share = alpha * x[u] / outWeight[u]
                for k in neighbours(of: u) { next[Int(targets[k])] += share * w(k) }
                if hasSelfLoop[u] { next[u] += share * (weighted ? selfLoopWeight[u] : 1) }
            }
            var err = 0.0
            for v in 0..<n { err += abs(next[v] - x[v]) }
            swap(&x, &next)
            if err < Double(n) * tolerance { break }
        }
        return x
    }

    /// Eigenvector centrality by power iteration on A + I, scaled to unit Euclidean length, as
    /// networkx's `eigenvector_centrality` computes it (a directed graph scores nodes by their
    /// in-links).
    ///
    /// Bonacich (1972). Iterating with A + I instead of A converges on bipartite graphs too and has
    /// the same leading eigenvector. Returns nil when it has not converged within `maxIterations`
    /// (networkx raises then).
    /// - Complexity: O((n + m) × iterations).
    public func eigenvector(weighted: Bool = false, tolerance: Double = 1e-13, maxIterations: Int = 100_000) -> [Double]? {
        let n = nodeCount
        guard n > 0 else { return [] }
        var x = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<maxIterations {
            var next = x
            for u in 0..<n {
                for k in neighbours(of: u) { next[Int(targets[k])] += x[u] * (weighted ? weights[k] : 1) }
                if hasSelfLoop[u] { next[u] += x[u] * (weighted ? selfLoopWeight[u] : 1) }
            }
            var norm = 0.0
            for v in next { norm += v * v }
            norm = norm.squareRoot()
            if norm == 0 { norm = 1 }
            var err = 0.0
            for v in 0..<n { next[v] /= norm; err += abs(next[v] - x[v]) }
            x = next
            if err < Double(n) * tolerance { return x }
        }
        return nil
    }
}
