extension Graph {
    /// What taking nodes out of the graph does to the connections between two groups of nodes —
    /// in Sightline, children at risk (`protected`) and the adults suspected of exploiting them
    /// (`sources`).
    public struct ReachImpact: Sendable, Equatable {
        /// Protected nodes that had a path to some source before and have none after.
        public var cutOff: [Int]
        /// The largest connected component before and after.
        public var largestBefore: Int, largestAfter: Int
        /// Fragmentation (Borgatti 2006): the share of node pairs that cannot reach each other,
        /// 1 - Σ s(s-1) / (n(n-1)) over component sizes s, before and after (removed nodes excluded).
        public var fragmentationBefore: Double, fragmentationAfter: Double
    }

    /// Components ignoring removed nodes (-1 for removed ones), and their sizes.
    func components(removing removed: [Bool]) -> (component: [Int], sizes: [Int]) {
        var component = [Int](repeating: -1, count: nodeCount)
        var sizes: [Int] = []
        var queue: [Int] = []
        for start in 0..<nodeCount where !removed[start] && component[start] < 0 {
            let c = sizes.count
            component[start] = c
            queue.removeAll(keepingCapacity: true)
            queue.append(start)
            var head = 0
            while head < queue.count {
                let u = queue[head]; head += 1
                for k in neighbours(of: u) {
                    let v = Int(targets[k])
                    if !removed[v] && component[v] < 0 { component[v] = c; queue.append(v) }
                }
                if isDirected {
                    for k in inNeighbours(of: u) {
                        let v = Int(inSources[k])
                        if !removed[v] && component[v] < 0 { component[v] = c; queue.append(v) }
                    }
                }
            }
            sizes.append(queue.count)
        }
        return (component, sizes)
    }

    /// Protected nodes that share a component with at least one source node (removed nodes excluded).
    func connectedProtected(_ protected: [Int], _ sources: [Int], removing removed: [Bool]) -> (Set<Int>, [Int]) {
        let (component, sizes) = components(removing: removed)
        var withSource = Set<Int>()
        for s in sources where !removed[s] { withSource.insert(component[s]) }
        var reached = Set<Int>()
        for p in protected where !removed[p] && withSource.contains(component[p]) { reached.insert(p) }
        return (reached, sizes)
    }

    static func fragmentation(_ sizes: [Int]) -> Double {
        let n = sizes.reduce(0, +)
        guard n > 1 else { return 0 }
        let pairs = sizes.reduce(0.0) { $0 + Double($1) * Double($1 - 1) }
        return 1 - pairs / (Double(n) * Double(n - 1))
    }

    /// The impact of removing `removal` (on top of `alreadyRemoved`).
    /// - Complexity: O(n + m).
    public func reachImpact(removing removal: [Int], protected: [Int], sources: [Int], alreadyRemoved: [Int] = []) -> ReachImpact {
        var before = [Bool](repeating: false, count: nodeCount)
        for r in alreadyRemoved { before[r] = true }
        var after = before
        for r in removal { after[r] = true }
        let (reachedBefore, sizesBefore) = connectedProtected(protected, sources, removing: before)
        let (reachedAfter, sizesAfter) = connectedProtected(protected, sources, removing: after)
        let cut = reachedBefore.subtracting(reachedAfter).filter { !after[$0] }.sorted()
        return ReachImpact(cutOff: cut, largestBefore: sizesBefore.max() ?? 0, largestAfter: sizesAfter.max() ?? 0,
                           fragmentationBefore: Self.fragmentation(sizesBefore), fragmentationAfter: Self.fragmentation(sizesAfter))
    }

    /// A greedy sequence of `steps` removals, each time taking the candidate that cuts the most
    /// further protected nodes off from every source; ties go to the larger rise in fragmentation,
    /// then to the lower index. Protected nodes are never candidates.
    /// - Parameters:
    ///   - candidates: the nodes that may be removed.
    /// - Returns: each step's node and its impact given the removals before it.
    /// - Complexity: O(steps × candidates × (n + m)).
    public func greedyReachRemoval(steps: Int, candidates: [Int], protected: [Int], sources: [Int]) -> [(node: Int, impact: ReachImpact)] {
        let protectedSet = Set(protected)
        var removed: [Int] = []
        var out: [(Int, ReachImpact)] = []
        for _ in 0..<steps {
            var best: (node: Int, impact: ReachImpact)? = nil
            for c in candidates.sorted() where !protectedSet.contains(c) && !removed.contains(c) {
                let impact = reachImpact(removing: [c], protected: protected, sources: sources, alreadyRemoved: removed)
                guard let b = best else { best = (c, impact); continue }
                let gain = impact.fragmentationAfter - impact.fragmentationBefore
                let bestGain = b.impact.fragmentationAfter - b.impact.fragmentationBefore
                if impact.cutOff.count > b.impact.cutOff.count || (impact.cutOff.count == b.impact.cutOff.count && gain > bestGain + 1e-12) {
                    best = (c, impact)
                }
            }
            guard let chosen = best else { break }
            removed.append(chosen.node)
            out.append(chosen)
        }
        return out
    }
}
