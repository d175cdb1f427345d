extension Graph {
    /// The size of the largest connected component (weakly connected when directed) once the
    /// `removed` nodes are taken out.
    /// - Complexity: O(n + m).
    public func largestComponentSize(removing removed: [Bool]) -> Int {
        var seen = removed
        var best = 0
        var queue: [Int] = []
        for start in 0..<nodeCount where !seen[start] {
            seen[start] = true
            queue.removeAll(keepingCapacity: true)
            queue.append(start)
            var head = 0
            while head < queue.count {
                let u = queue[head]; head += 1
                for k in neighbours(of: u) where !seen[Int(targets[k])] { seen[Int(targets[k])] = true; queue.append(Int(targets[k])) }
                if isDirected {
                    for k in inNeighbours(of: u) where !seen[Int(inSources[k])] { seen[Int(inSources[k])] = true; queue.append(Int(inSources[k])) }
                }
            }
            best = max(best, queue.count)
        }
        return best
    }

    /// The graph induced by the nodes not removed, over the same indices (removed nodes keep their
    /// index and lose their edges).
    /// - Complexity: O(n + m).
    public func removing(_ removed: [Bool]) -> Graph {
        var edges: [(Int, Int, Double)] = []
        for u in 0..<nodeCount where !removed[u] {
            for k in neighbours(of: u) {
                let v = Int(targets[k])
                if !removed[v] && (isDirected || u < v) { edges.append((u, v, weights[k])) }
            }
            if hasSelfLoop[u] { edges.append((u, u, selfLoopWeight[u])) }
        }
        return Graph(nodeCount: nodeCount, edges: edges, directed: isDirected)
    }

    /// How nodes are ranked for removal.
    public enum RemovalStrategy: String, Sendable, CaseIterable {
        case degree, betweenness
    }

    /// One step of a disruption curve.
    public struct RemovalStep: Sendable, Equatable {
        /// The node removed at this step (nil for step 0, the intact graph).
        public var node: Int?
        /// Its score when it was chosen (degree or betweenness in the graph at that point).
        public var score: Double?
        /// The size of the largest connected component after the removal.
        public var largestComponent: Int
    }

    /// The disruption curve used in the criminal-network literature (for example Duijn, Kashirin
    /// and Sloot, "The relative ineffectiveness of criminal network disruption", 2014): the size of
    /// the largest connected component after each of `steps` removals.
    ///
    /// - `sequential: false` (block): nodes are removed in the order of their score in the intact
    ///   graph.
    /// - `sequential: true`: scores are recomputed on what remains after every removal.
    ///
    /// Scores are compared rounded to 1e-12 and ties broken by the lower node index, that is by first
    /// appearance in the edge list, so the curve is the same on every run and every machine. Degree is counted as in ``degrees()`` (unweighted);
    /// betweenness is ``betweenness(weighted:sources:threads:)`` unweighted.
    /// - Complexity: block O(S + steps (n + m)), where S is one scoring; sequential O(steps (S + n + m)).
    public func disruptionCurve(strategy: RemovalStrategy, sequential: Bool, steps: Int) -> [RemovalStep] {
        var removed = [Bool](repeating: false, count: nodeCount)
        var curve = [RemovalStep(node: nil, score: nil, largestComponent: largestComponentSize(removing: removed))]
        func scores(_ g: Graph) -> [Double] {
            switch strategy {
            case .degree: g.degrees()
            case .betweenness: g.betweenness()
            }
        }
        // Scores are compared rounded to 1e-12, so that values equal in exact arithmetic but apart in
        // the last bits (symmetric nodes) tie, and the lower index wins, as documented.
        func ranked(_ s: [Double]) -> [Int] {
            let r = s.map { ($0 * 1e12).rounded() }
            return (0..<nodeCount).filter { !removed[$0] }.sorted { r[$0] != r[$1] ? r[$0] > r[$1] : $0 < $1 }
        }
        let initial = scores(self)
        var blockOrder = ranked(initial)[...]
        for _ in 0..<min(steps, nodeCount) {
            let node: Int, score: Double
            if sequential {
                let s = scores(removing(removed))
                guard let first = ranked(s).first else { break }
                (node, score) = (first, s[first])
            } else {
                guard let first = blockOrder.popFirst() else { break }
                (node, score) = (first, initial[first])
            }
            removed[node] = true
            curve.append(RemovalStep(node: node, score: score, largestComponent: largestComponentSize(removing: removed)))
        }
        return curve
    }
}
