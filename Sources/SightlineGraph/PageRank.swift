extension Graph {
    /// PageRank by power iteration, following networkx's `pagerank` (damping 0.85 by default).
    ///
    /// Brin and Page (1998). Each node passes `alpha` of its rank along its out-edges in proportion
    /// to their weights (an undirected edge counts both ways; a self-loop keeps a share at home);
    /// nodes without out-edges spread their rank evenly; `1 - alpha` is spread evenly.
    ///
    /// Each iteration is pulled over in-neighbours (every node sums the shares of the nodes linking
    /// to it, no scattered writes), over fixed blocks of nodes split across `threads` cores; the
    /// dangling mass and the change are summed per block and the blocks added in order, so the
    /// result does not depend on the number of threads or on scheduling.
    ///
    /// Stopping rule: on rank vectors summing to 1 the iteration is a contraction by `alpha` in the
    /// L1 norm (its linear part is `alpha` times a column-stochastic matrix), so after a step that
    /// changed the vector by c in L1 the result is within alpha/(1-alpha) × c of the exact PageRank
    /// vector, in L1 and hence at every node. Iteration stops once that bound is at most
    /// `tolerance` (1e-10 by default: every value within 1e-10 of the exact one, 10,000 times below
    /// the 1e-6 the tests ask of agreement with networkx).
    /// - Parameters:
    ///   - alpha: the damping factor.
    ///   - weighted: use edge weights (networkx's default `weight="weight"`).
    ///   - tolerance: the bound on the L1 distance to the exact vector at which to stop.
    ///   - threads: cores to use.
    /// - Returns: a rank per node, summing to 1.
    /// - Complexity: O((n + m) × iterations), iterations ≤ log(tolerance (1-alpha)/2alpha) / log(alpha).
    public func pageRank(alpha: Double = 0.85, weighted: Bool = false, tolerance: Double = 1e-10,
                         maxIterations: Int = 10_000, threads: Int = 2) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        // 1 / out-weight (0 for a dangling node), and the self-loop's weight.
        var inverseOut = [Double](repeating: 0, count: n)
        var loop = [Double](repeating: 0, count: n)
        for u in 0..<n {
            let l = hasSelfLoop[u] ? (weighted ? selfLoopWeight[u] : 1) : 0
            var s = l
            if weighted { for k in neighbours(of: u) { s += weights[k] } } else { s += Double(offsets[u + 1] - offsets[u]) }
            loop[u] = l
            inverseOut[u] = s == 0 ? 0 : 1 / s
        }
        let danglingNodes = (0..<n).filter { inverseOut[$0] == 0 }
        let bound = alpha < 1 ? alpha / (1 - alpha) : 1
        let blocks = NodeBlocks(n)
        let x = SendablePointer<Double>(allocating: n, 1 / Double(n))
        let next = SendablePointer<Double>(allocating: n, 0)
        // share[u] = alpha x[u] / out-weight(u): what u sends along each unit of weight.
        let share = SendablePointer<Double>(allocating: n, 0)
        let nextShare = SendablePointer<Double>(allocating: n, 0)
        defer { x.deallocate(); next.deallocate(); share.deallocate(); nextShare.deallocate() }
        var dangling = 0.0
        for u in 0..<n {
            share[u] = alpha * x[u] * inverseOut[u]
            if inverseOut[u] == 0 { dangling += x[u] }
        }
        var (cur, nxt, sh, nsh) = (x, next, share, nextShare)
        return inverseOut.withUnsafeBufferPointer { invBuffer in
            loop.withUnsafeBufferPointer { loopBuffer in
                let inv = SendablePointer(UnsafeMutablePointer(mutating: invBuffer.baseAddress!))
                let lw = SendablePointer(UnsafeMutablePointer(mutating: loopBuffer.baseAddress!))
                return withCSR(incoming: true) { csr in
                    for _ in 0..<maxIterations {
                        let base = (alpha * dangling + (1 - alpha)) / Double(n)
                        let (c, x1, s0, s1) = (cur, nxt, sh, nsh)
                        // One pass: new ranks, their shares, and the L1 change by blocks.
                        let change = blocks.sum(threads: threads) { r in
                            var err = 0.0
                            for v in r {
                                var sum = 0.0
                                let lo = csr.offsets[v], hi = csr.offsets[v + 1]
                                if weighted {
                                    for k in lo..<hi { sum += s0[Int(csr.targets[k])] * csr.weights[k] }
                                } else {
                                    for k in lo..<hi { sum += s0[Int(csr.targets[k])] }
                                }
                                let value = base + sum + s0[v] * lw[v]
                                x1[v] = value
                                s1[v] = alpha * value * inv[v]
                                err += abs(value - c[v])
                            }
                            return err
                        }
                        dangling = 0
                        for v in danglingNodes { dangling += x1[v] }
                        swap(&cur, &nxt); swap(&sh, &nsh)
                        if bound * change <= tolerance { break }
                    }
                    return Array(UnsafeBufferPointer(start: cur.p, count: n))
                }
            }
        }
    }

    /// Eigenvector centrality: the leading eigenvector of the adjacency matrix (in-links when
    /// directed), positive and scaled to unit Euclidean length, as networkx's
    /// `eigenvector_centrality` computes it by power iteration on A + I from the uniform vector.
    ///
    /// Bonacich (1972). Undirected graphs (a symmetric matrix) use restarted Lanczos iteration
    /// (``lanczosLeadingEigenvector``), which reaches the same vector (the projection of the uniform
    /// start on the leading eigenspace) in far fewer products; directed graphs use power iteration on
    /// A + I (converging on bipartite graphs too, with A's leading eigenvector), pulled over
    /// in-neighbours in parallel blocks.
    ///
    /// Stopping rules. Lanczos stops when the residual ‖Ax − θx‖ of the unit Ritz vector x is at
    /// most `tolerance` × max(1, |θ|): for a symmetric matrix the angle to the leading eigenvector is
    /// at most ‖Ax − θx‖ / (λ1 − λ2) (Davis and Kahan 1970), so with the default 1e-12 every value is
    /// within 1e-12 × λ1 / (λ1 − λ2) of the exact one: below 1e-9 unless the gap is under a
    /// thousandth of λ1, where power iteration to any practical tolerance is unreliable too. Power
    /// iteration stops when the residual of the normalised iterate, measured as the L1 change of one
    /// step, is below n × `tolerance`, the rule networkx applies (with 1e-6 where this uses 1e-12).
    /// Returns nil when it has not converged within `maxIterations` matrix products (networkx raises
    /// then).
    /// - Complexity: O((n + m) × iterations).
    public func eigenvector(weighted: Bool = false, tolerance: Double = 1e-12, maxIterations: Int = 100_000,
                            threads: Int = 2) -> [Double]? {
        let n = nodeCount
        guard n > 0 else { return [] }
        if !isDirected {
            return lanczosLeadingEigenvector(weighted: weighted, tolerance: tolerance, maxProducts: maxIterations, threads: threads)
        }
        return powerIterationEigenvector(weighted: weighted, tolerance: tolerance, maxIterations: maxIterations, threads: threads)
    }

    /// Power iteration on A + I over in-neighbours (see ``eigenvector(weighted:tolerance:maxIterations:threads:)``).
    func powerIterationEigenvector(weighted: Bool, tolerance: Double, maxIterations: Int, threads: Int) -> [Double]? {
        let n = nodeCount
        guard n > 0 else { return [] }
        let loop = (0..<n).map { hasSelfLoop[$0] ? (weighted ? selfLoopWeight[$0] : 1) : 0.0 }
        let blocks = NodeBlocks(n)
        var cur = SendablePointer<Double>(allocating: n, 1 / Double(n))
        var nxt = SendablePointer<Double>(allocating: n, 0)
        defer { cur.deallocate(); nxt.deallocate() }
        return loop.withUnsafeBufferPointer { loopBuffer in
            let lw = SendablePointer(UnsafeMutablePointer(mutating: loopBuffer.baseAddress!))
            return withCSR(incoming: true) { csr -> [Double]? in
                for _ in 0..<maxIterations {
                    let (c, x1) = (cur, nxt)
                    // next = (A + I) x, and its squared length by blocks.
                    var norm = blocks.sum(threads: threads) { r in
                        var squares = 0.0
                        for v in r {
                            var sum = c[v] * (1 + lw[v])
                            let lo = csr.offsets[v], hi = csr.offsets[v + 1]
                            if weighted {
                                for k in lo..<hi { sum += c[Int(csr.targets[k])] * csr.weights[k] }
                            } else {
                                for k in lo..<hi { sum += c[Int(csr.targets[k])] }
                            }
                            x1[v] = sum
                            squares += sum * sum
                        }
                        return squares
                    }.squareRoot()
                    if norm == 0 { norm = 1 }
                    let scale = 1 / norm
                    let change = blocks.sum(threads: threads) { r in
                        var err = 0.0
                        for v in r { let value = x1[v] * scale; x1[v] = value; err += abs(value - c[v]) }
                        return err
                    }
                    swap(&cur, &nxt)
                    if change < Double(n) * tolerance { return Array(UnsafeBufferPointer(start: cur.p, count: n)) }
                }
                return nil
            }
        }
    }
}
