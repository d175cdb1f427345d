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
    /// anyone further. Edge direction is ignored.
    ///
    /// Greedy removal is the standard heuristic for critical-node problems, which are NP-hard
    /// (Arulselvan, Commander, Elefteriadou and Pardalos, 2009); it is not guaranteed optimal.
    ///
    /// Every candidate is scored at once, not by removing each in turn:
    /// - (1) and (3) from one depth-first search (Hopcroft and Tarjan 1973) that keeps, for every
    ///   DFS subtree, its size and its protected and source nodes: removing v splits off exactly the
    ///   subtrees of its DFS children w with low(w) ≥ disc(v) (all of them at a root), and leaves
    ///   the rest of the component together;
    /// - (2), for `hops` ≤ 2, from one pass over the close pairs: a pair is broken by removing its
    ///   source, or, when the two are two links apart with a single node between them, that node.
    ///   Larger `hops` re-search the protected nodes near each candidate.
    /// - Complexity: per step O(n + m + Σ over protected p of the degrees of p's neighbours) for
    ///   `hops` ≤ 2; checked against the plain definition (each removal evaluated afresh) in tests.
    public func greedyReachRemoval(steps: Int, candidates: [Int], protected: [Int], sources: [Int],
                                   hops: Int = 2) -> [(node: Int, impact: ReachImpact)] {
        let g = isDirected ? asUndirected() : self
        let n = g.nodeCount
        let protectedSet = Set(protected)
        var isProtected = [Bool](repeating: false, count: n)
        for p in protectedSet { isProtected[p] = true }
        var removed = [Bool](repeating: false, count: n)
        var out: [(Int, ReachImpact)] = []
        let pool = Array(Set(candidates).subtracting(protectedSet)).sorted()
        for _ in 0..<steps {
            var isSource = [Bool](repeating: false, count: n)
            for s in sources where !removed[s] { isSource[s] = true }
            let split = g.splitCounts(removed: removed, isProtected: isProtected, isSource: isSource)
            let (broken, pairsBefore) = hops <= 2
                ? g.pairsBrokenBySingleRemovals(hops: hops, removed: removed, isProtected: isProtected, isSource: isSource)
                : g.pairsBrokenBySearch(pool, hops: hops, removed: removed, isProtected: isProtected, isSource: isSource)
            var best: (node: Int, cut: Int, broken: Int, fragmentation: Double)? = nil
            for c in pool where !removed[c] {
                let (cut, fragmentation) = split.afterRemoving(c)
                if let b = best {
                    let better = cut != b.cut ? cut > b.cut
                        : broken[c] != b.broken ? broken[c] > b.broken
                        : fragmentation > b.fragmentation + 1e-12
                    if !better { continue }
                }
                best = (c, cut, broken[c], fragmentation)
            }
            guard let chosen = best, chosen.cut > 0 || chosen.broken > 0 else { break }
            // The chosen removal's reach and fragmentation, computed directly; hops 0 skips its
            // close-pair searches, since the pass above has already counted them.
            var impact = g.reachImpact(removing: [chosen.node], protected: protected, sources: sources,
                                       alreadyRemoved: (0..<n).filter { removed[$0] }, hops: 0)
            impact.closePairsBefore = pairsBefore
            impact.closePairsAfter = pairsBefore - chosen.broken
            out.append((chosen.node, impact))
            removed[chosen.node] = true
        }
        return out
    }

    /// For every node, what removing it alone would do to its component: read off one
    /// depth-first search (see ``greedyReachRemoval(steps:candidates:protected:sources:hops:)``).
    struct SplitCounts {
        var component: [Int32], componentSize: [Int], componentProtected: [Int], componentSources: [Int]
        /// Per node: discovery order, DFS parent, and its subtree's size, protected and sources.
        var parent: [Int32], size: [Int32], protectedBelow: [Int32], sourcesBelow: [Int32]
        /// Per node: the DFS children whose subtrees split off when it is removed, as a range into `parts`.
        var partStart: [Int32], parts: [Int32]
        var isProtected: [Bool], isSource: [Bool]
        var totalPairs: Double, remaining: Int

        /// Protected nodes cut off from every source, and fragmentation, after removing `v`.
        func afterRemoving(_ v: Int) -> (cut: Int, fragmentation: Double) {
            let c = Int(component[v])
            let (s, p, r) = (componentSize[c], componentProtected[c], componentSources[c])
            var restSize = s - 1, restProtected = p - (isProtected[v] ? 1 : 0), restSources = r - (isSource[v] ? 1 : 0)
            var pairs = totalPairs - Double(s) * Double(s - 1)
            var cut = 0
            for k in Int(partStart[v])..<Int(partStart[v + 1]) {
                let w = Int(parts[k])
                let (ws, wp, wr) = (Int(size[w]), Int(protectedBelow[w]), Int(sourcesBelow[w]))
                pairs += Double(ws) * Double(ws - 1)
                restSize -= ws; restProtected -= wp; restSources -= wr
                if r > 0 && wr == 0 { cut += wp }
            }
            pairs += Double(restSize) * Double(max(0, restSize - 1))
            if r > 0 && restSources == 0 { cut += restProtected }
            let left = Double(remaining - 1)
            return (cut, left > 1 ? 1 - pairs / (left * (left - 1)) : 0)
        }
    }

    /// One iterative depth-first search over the nodes not removed (the graph must be undirected).
    func splitCounts(removed: [Bool], isProtected: [Bool], isSource: [Bool]) -> SplitCounts {
        let n = nodeCount
        var discovered = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var parent = [Int32](repeating: -1, count: n)
        var size = [Int32](repeating: 1, count: n)
        var protectedBelow = [Int32](repeating: 0, count: n), sourcesBelow = [Int32](repeating: 0, count: n)
        var component = [Int32](repeating: -1, count: n)
        var componentSize: [Int] = [], componentProtected: [Int] = [], componentSources: [Int] = []
        var splits = [Bool](repeating: false, count: n) // the subtree of w splits off when parent[w] goes
        var time: Int32 = 0
        var stack: [(node: Int, next: Int)] = []
        var remaining = 0
        for root in 0..<n where !removed[root] && discovered[root] < 0 {
            let c = Int32(componentSize.count)
            discovered[root] = time; low[root] = time; time += 1
            component[root] = c
            stack.append((root, offsets[root]))
            var count = 0, prot = 0, src = 0
            while let top = stack.last {
                let u = top.node
                if top.next < offsets[u + 1] {
                    stack[stack.count - 1].next += 1
                    let v = Int(targets[top.next])
                    if removed[v] { continue }
                    if discovered[v] < 0 {
                        parent[v] = Int32(u)
                        discovered[v] = time; low[v] = time; time += 1
                        component[v] = c
                        stack.append((v, offsets[v]))
                    } else if v != Int(parent[u]) {
                        low[u] = min(low[u], discovered[v])
                    }
                } else {
                    stack.removeLast()
                    count += 1
                    if isProtected[u] { protectedBelow[u] += 1; prot += 1 }
                    if isSource[u] { sourcesBelow[u] += 1; src += 1 }
                    if let p = stack.last?.node {
                        low[p] = min(low[p], low[u])
                        size[p] += size[u]; protectedBelow[p] += protectedBelow[u]; sourcesBelow[p] += sourcesBelow[u]
                        if p == root || low[u] >= discovered[p] { splits[u] = true }
                    }
                }
            }
            componentSize.append(count); componentProtected.append(prot); componentSources.append(src)
            remaining += count
        }
        // Group each node's splitting children.
        var partStart = [Int32](repeating: 0, count: n + 1)
        for w in 0..<n where splits[w] { partStart[Int(parent[w]) + 1] += 1 }
        for i in 0..<n { partStart[i + 1] += partStart[i] }
        var fill = partStart
        var parts = [Int32](repeating: 0, count: Int(partStart[n]))
        for w in 0..<n where splits[w] {
            let p = Int(parent[w])
            parts[Int(fill[p])] = Int32(w); fill[p] += 1
        }
        let totalPairs = componentSize.reduce(0.0) { $0 + Double($1) * Double($1 - 1) }
        return SplitCounts(component: component, componentSize: componentSize, componentProtected: componentProtected,
                           componentSources: componentSources, parent: parent, size: size, protectedBelow: protectedBelow,
                           sourcesBelow: sourcesBelow, partStart: partStart, parts: parts, isProtected: isProtected,
                           isSource: isSource, totalPairs: totalPairs, remaining: remaining)
    }

    /// Close pairs broken by each single removal, and the close pairs there are, for `hops` ≤ 2, in
    /// one pass: a pair (p, s) is broken by removing s, and, when p and s are not linked but share
    /// exactly one neighbour, by removing that neighbour (the graph must be undirected).
    func pairsBrokenBySingleRemovals(hops: Int, removed: [Bool], isProtected: [Bool], isSource: [Bool]) -> (broken: [Int], total: Int) {
        let n = nodeCount
        var broken = [Int](repeating: 0, count: n)
        var total = 0
        var adjacent = [Bool](repeating: false, count: n)
        var paths = [Int32](repeating: 0, count: n), middle = [Int32](repeating: -1, count: n)
        var reached: [Int] = []
        for p in 0..<n where isProtected[p] && !removed[p] {
            for k in neighbours(of: p) {
                let x = Int(targets[k])
                if removed[x] { continue }
                adjacent[x] = true
                if isSource[x] && hops >= 1 { total += 1; broken[x] += 1 }
            }
            if hops >= 2 {
                for k in neighbours(of: p) {
                    let x = Int(targets[k])
                    if removed[x] { continue }
                    for j in neighbours(of: x) {
                        let y = Int(targets[j])
                        if y == p || removed[y] || adjacent[y] || !isSource[y] { continue }
                        if paths[y] == 0 { reached.append(y) }
                        paths[y] += 1
                        middle[y] = Int32(x)
                    }
                }
                for y in reached {
                    total += 1
                    broken[y] += 1
                    if paths[y] == 1 { broken[Int(middle[y])] += 1 }
                    paths[y] = 0
                }
                reached.removeAll(keepingCapacity: true)
            }
            for k in neighbours(of: p) { adjacent[Int(targets[k])] = false }
        }
        return (broken, total)
    }

    /// Close pairs broken by each single removal of a candidate, for any `hops`: the protected nodes
    /// within `hops` of the candidate searched again without it.
    func pairsBrokenBySearch(_ pool: [Int], hops: Int, removed: [Bool], isProtected: [Bool], isSource: [Bool]) -> (broken: [Int], total: Int) {
        let n = nodeCount
        var removed = removed
        var mark = [Bool](repeating: false, count: n)
        var queue: [(Int, Int)] = []
        var near = [Int](repeating: 0, count: n)
        var total = 0
        for p in 0..<n where isProtected[p] && !removed[p] {
            near[p] = sourcesNear(p, hops: hops, isSource: isSource, removed: removed, mark: &mark, queue: &queue)
            total += near[p]
        }
        var broken = [Int](repeating: 0, count: n)
        for c in pool where !removed[c] {
            removed[c] = true
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
                broken[c] += near[p] - sourcesNear(p, hops: hops, isSource: isSource, removed: removed, mark: &mark, queue: &queue)
            }
            removed[c] = false
        }
        return (broken, total)
    }
}
