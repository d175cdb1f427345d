extension Graph {
    /// What taking nodes out of the graph does to the connections between two groups of nodes —
    /// in Sightline, children at risk (`protected`) and the adults suspected of exploiting them
    /// (`sources`).
    ///
    /// Two measures, from the strongest protection to the most common:
    /// - **cut off**: protected nodes that had a path to some source before and have none after;
    /// - **close pairs**: (protected, source) pairs at most `hops` links apart (a child directly
    ///   linked to a suspect, or through one shared person, phone, vehicle or place when `hops` is
    ///   2). A removal breaks a pair when it takes out the source itself or every short path
    ///   between them. This is the distance-based connectivity of the critical-node literature
    ///   (Veremyev, Prokopyev and Pasiliao, "Critical nodes for distance-based connectivity and
    ///   related problems in graphs", Networks 66, 2015), counted over child–suspect pairs only.
    ///   It is what singles out a broker: the person through whom the children around one group
    ///   are one step from the suspects of another.
    public struct ReachImpact: Sendable, Equatable {
        /// Protected nodes that had a path to some source before and have none after.
        public var cutOff: [Int]
        /// (protected, source) pairs at most `hops` apart, before and after.
        public var closePairsBefore: Int, closePairsAfter: Int
        /// The largest connected component before and after.
        public var largestBefore: Int, largestAfter: Int
        /// Fragmentation (Borgatti 2006): the share of node pairs that cannot reach each other,
        /// 1 - Σ s(s-1) / (n(n-1)) over component sizes s, before and after (removed nodes excluded).
        public var fragmentationBefore: Double, fragmentationAfter: Double

        /// Close pairs the removal breaks.
        public var closePairsBroken: Int { closePairsBefore - closePairsAfter }
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
                forEachNeighbour(of: u) { v in
                    if !removed[v] && component[v] < 0 { component[v] = c; queue.append(v) }
                }
            }
            sizes.append(queue.count)
        }
        return (component, sizes)
    }

    /// Calls `body` with every neighbour of `u`, ignoring direction.
    @inline(__always) func forEachNeighbour(of u: Int, _ body: (Int) -> Void) {
        for k in neighbours(of: u) { body(Int(targets[k])) }
        if isDirected { for k in inNeighbours(of: u) { body(Int(inSources[k])) } }
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

    /// The sources at most `hops` links from `p`, avoiding removed nodes (a breadth-first search
    /// cut off at `hops`, ignoring direction). `mark` and `queue` are scratch space (`mark` all
    /// false on entry and on return).
    func sourcesNear(_ p: Int, hops: Int, isSource: [Bool], removed: [Bool], mark: inout [Bool], queue: inout [(Int, Int)]) -> Int {
        queue.removeAll(keepingCapacity: true)
        queue.append((p, 0))
        mark[p] = true
        var head = 0, found = 0
        while head < queue.count {
            let (u, d) = queue[head]; head += 1
            if u != p && isSource[u] { found += 1 }
            guard d < hops else { continue }
            forEachNeighbour(of: u) { v in
                if !removed[v] && !mark[v] { mark[v] = true; queue.append((v, d + 1)) }
            }
        }
        for (u, _) in queue { mark[u] = false }
        return found
    }

    /// The number of (protected, source) pairs at most `hops` apart.
    /// - Complexity: O(Σ over protected nodes of the edges within `hops` of each).
    public func closePairs(protected: [Int], sources: [Int], hops: Int, removing removed: [Bool]? = nil) -> Int {
        let removed = removed ?? [Bool](repeating: false, count: nodeCount)
        var isSource = [Bool](repeating: false, count: nodeCount)
        for s in sources where !removed[s] { isSource[s] = true }
        var mark = [Bool](repeating: false, count: nodeCount)
        var queue: [(Int, Int)] = []
        var total = 0
        for p in Set(protected) where !removed[p] {
            total += sourcesNear(p, hops: hops, isSource: isSource, removed: removed, mark: &mark, queue: &queue)
        }
        return total
    }

    /// The impact of removing `removal` (on top of `alreadyRemoved`).
    /// - Complexity: O(n + m) plus the close-pair searches.
    public func reachImpact(removing removal: [Int], protected: [Int], sources: [Int], alreadyRemoved: [Int] = [],
                            hops: Int = 2) -> ReachImpact {
        var before = [Bool](repeating: false, count: nodeCount)
        for r in alreadyRemoved { before[r] = true }
        var after = before
        for r in removal { after[r] = true }
        let (reachedBefore, sizesBefore) = connectedProtected(protected, sources, removing: before)
        let (reachedAfter, sizesAfter) = connectedProtected(protected, sources, removing: after)
        let cut = reachedBefore.subtracting(reachedAfter).filter { !after[$0] }.sorted()
        return ReachImpact(cutOff: cut,
                           closePairsBefore: closePairs(protected: protected, sources: sources, hops: hops, removing: before),
                           closePairsAfter: closePairs(protected: protected, sources: sources, hops: hops, removing: after),
                           largestBefore: sizesBefore.max() ?? 0, largestAfter: sizesAfter.max() ?? 0,
                           fragmentationBefore: Self.fragmentation(sizesBefore), fragmentationAfter: Self.fragmentation(sizesAfter))
    }

    /// A greedy sequence of `steps` removals. Each step takes the candidate that, given the
    /// removals before it, (1) cuts the most further protected nodes off from every source, then
    /// (2) breaks the most close pairs (see ``ReachImpact``), then (3) raises fragmentation most,
    /// then (4) has the lowest index. Protected nodes are never candidates. A step is taken only
    /// while some candidate changes (1) or (2): the list stops early when no removal protects
    /// anyone further.
    ///
    /// Greedy removal is the standard heuristic for critical-node problems, which are NP-hard
    /// (Arulselvan, Commander, Elefteriadou and Pardalos, 2009); it is not guaranteed optimal.
    ///
    /// Each step costs one component search, one cut-vertex search (Hopcroft and Tarjan), a full
    /// component search only for candidates that are cut vertices or their component's last
    /// source, and close-pair searches only for the protected nodes within `hops` of each
    /// candidate: the rest cannot change.
    /// - Complexity: O(steps × (n + m + cut vertices × (n + m) + Σ candidates' local searches)).
    public func greedyReachRemoval(steps: Int, candidates: [Int], protected: [Int], sources: [Int],
                                   hops: Int = 2) -> [(node: Int, impact: ReachImpact)] {
        let n = nodeCount
        let protectedSet = Set(protected)
        var isProtected = [Bool](repeating: false, count: n)
        for p in protectedSet { isProtected[p] = true }
        var removed = [Bool](repeating: false, count: n)
        var out: [(Int, ReachImpact)] = []
        var mark = [Bool](repeating: false, count: n)
        var queue: [(Int, Int)] = []
        let pool = Array(Set(candidates).subtracting(protectedSet)).sorted()
        for _ in 0..<steps {
            // The state before this step.
            var isSource = [Bool](repeating: false, count: n)
            for s in sources where !removed[s] { isSource[s] = true }
            let (component, sizes) = components(removing: removed)
            var sourcesIn = [Int](repeating: 0, count: sizes.count)
            for s in 0..<n where isSource[s] { sourcesIn[component[s]] += 1 }
            var near = [Int](repeating: 0, count: n)
            var pairsBefore = 0
            for p in protectedSet.sorted() where !removed[p] {
                near[p] = sourcesNear(p, hops: hops, isSource: isSource, removed: removed, mark: &mark, queue: &queue)
                pairsBefore += near[p]
            }
            let reachedBefore = protectedSet.filter { !removed[$0] && sourcesIn[component[$0]] > 0 }
            let cutVertices = Set(removing(removed).cutVerticesAndBridges().vertices)
            let fragmentationBefore = Self.fragmentation(sizes)
            let totalPairs = sizes.reduce(0.0) { $0 + Double($1) * Double($1 - 1) }
            let remaining = sizes.reduce(0, +)

            var best: (node: Int, cut: [Int], broken: Int, fragmentation: Double, sizesAfter: [Int]?)? = nil
            for c in pool where !removed[c] {
                // (1) Children cut off, and the component sizes after.
                var cut: [Int] = []
                var sizesAfter: [Int]? = nil
                var fragmentationAfter: Double
                if cutVertices.contains(c) || (isSource[c] && sourcesIn[component[c]] == 1) {
                    var after = removed
                    after[c] = true
                    let (reachedAfter, s) = connectedProtected(protected, sources, removing: after)
                    cut = reachedBefore.subtracting(reachedAfter).sorted()
                    sizesAfter = s
                    fragmentationAfter = Self.fragmentation(s)
                } else {
                    // Not a cut vertex: its component loses one node and stays whole.
                    let s = Double(sizes[component[c]])
                    let pairs = totalPairs - s * (s - 1) + (s - 1) * (s - 2)
                    let r = Double(remaining - 1)
                    fragmentationAfter = r > 1 ? 1 - pairs / (r * (r - 1)) : 0
                }
                // (2) Close pairs broken: only protected nodes within `hops` of the candidate can
                // lose any (their own pairs with it, if it is a source, included); search again
                // from each of them without it.
                var broken = 0
                removed[c] = true
                queue.removeAll(keepingCapacity: true)
                var local: [(Int, Int)] = [(c, 0)]
                mark[c] = true
                var head = 0
                while head < local.count {
                    let (u, d) = local[head]; head += 1
                    guard d < hops else { continue }
                    forEachNeighbour(of: u) { v in
                        if !removed[v] && !mark[v] { mark[v] = true; local.append((v, d + 1)) }
                    }
                }
                for (u, _) in local { mark[u] = false }
                for (p, _) in local where isProtected[p] && p != c {
                    broken += near[p] - sourcesNear(p, hops: hops, isSource: isSource, removed: removed, mark: &mark, queue: &queue)
                }
                removed[c] = false
                let rise = fragmentationAfter - fragmentationBefore
                if let b = best {
                    let bRise = b.fragmentation - fragmentationBefore
                    let better = cut.count != b.cut.count ? cut.count > b.cut.count
                        : broken != b.broken ? broken > b.broken
                        : rise > bRise + 1e-12
                    if !better { continue }
                }
                best = (c, cut, broken, fragmentationAfter, sizesAfter)
            }
            guard let chosen = best, !chosen.cut.isEmpty || chosen.broken > 0 else { break }
            let sizesAfter = chosen.sizesAfter ?? {
                var s = sizes
                s[component[chosen.node]] -= 1
                return s
            }()
            out.append((chosen.node, ReachImpact(cutOff: chosen.cut, closePairsBefore: pairsBefore,
                                                 closePairsAfter: pairsBefore - chosen.broken,
                                                 largestBefore: sizes.max() ?? 0, largestAfter: sizesAfter.max() ?? 0,
                                                 fragmentationBefore: fragmentationBefore, fragmentationAfter: chosen.fragmentation)))
            removed[chosen.node] = true
        }
        return out
    }
}
