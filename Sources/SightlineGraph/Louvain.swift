/// A partition of a graph's nodes into communities, with its modularity.
public struct Partition: Sendable, Equatable {
    /// The community of each node, numbered 0, 1, 2... in order of each community's first node.
    public var community: [Int]
    public var modularity: Double
    public var count: Int { (community.max() ?? -1) + 1 }
}

extension Graph {
    /// Modularity of a partition (Newman and Girvan, 2004), with a resolution parameter γ
    /// (Reichardt and Bornholdt, 2006): Σ_c [ L_c / m - γ (d_c / 2m)² ], where L_c is the weight of
    /// edges inside community c, d_c the total degree of its nodes and m the total edge weight.
    /// Directed graphs are treated as undirected; self-loops count once in L_c and twice in d_c,
    /// as in networkx.
    /// - Complexity: O(n + m).
    public func modularity(_ community: [Int], resolution: Double = 1, weighted: Bool = true) -> Double {
        let n = nodeCount
        guard n > 0 else { return 0 }
        let k = community.max().map { $0 + 1 } ?? 0
        var inside = [Double](repeating: 0, count: k), degree = [Double](repeating: 0, count: k)
        var m = 0.0
        for u in 0..<n {
            let loop = hasSelfLoop[u] ? (weighted ? selfLoopWeight[u] : 1) : 0
            m += loop
            inside[community[u]] += loop
            degree[community[u]] += 2 * loop
            for e in neighbours(of: u) {
                let v = Int(targets[e]), w = weighted ? weights[e] : 1
                // Undirected edges are stored twice: count each once for m and L_c.
                let share = isDirected ? w : w / 2
                m += share
                degree[community[u]] += share
                degree[community[v]] += share
                if community[u] == community[v] { inside[community[u]] += share }
            }
        }
        guard m > 0 else { return 0 }
        var q = 0.0
        for c in 0..<k { q += inside[c] / m - resolution * (degree[c] / (2 * m)) * (degree[c] / (2 * m)) }
        return q
    }

    /// Communities by the Louvain method (Blondel, Guillaume, Lambiotte and Lefebvre, 2008),
    /// maximising modularity at the given resolution.
    ///
    /// Each level moves nodes, one at a time, to the neighbouring community that gains most
    /// modularity (or to a community of their own when that gains more), taking them from a queue
    /// that starts with every node in an order shuffled by `seed` and to which a move adds the
    /// moved node's neighbours outside its new community (the fast local moving of Traag, Waltman
    /// and van Eck, 2019: nodes whose neighbourhood did not change are not visited again). A node
    /// moves only when that gains more than 1e-12; between equally good communities the lower
    /// numbered one wins. When the queue is empty, communities are merged into single nodes and
    /// the process repeats until a level moves nothing; a last round of local moving on the original
    /// graph then lets single nodes leave the communities that whole super-nodes were moved into
    /// (multilevel refinement, Rotta and Noack 2011). The same graph and seed give the same
    /// partition. Directed graphs are treated as undirected.
    ///
    /// Louvain finds a local optimum that depends on the visiting order (on the karate club a single
    /// run gives 0.415 to 0.420), so it is run `restarts` times with seeds `seed`, `seed + 1`, ... and
    /// the partition of highest modularity kept (the first on ties). By default ten restarts on graphs
    /// of up to 5,000 nodes, where they cost little, and one above, where the order matters less (on a
    /// 10,000-node planted partition one run and the best of ten both reach modularity 0.8358).
    /// ``leiden(resolution:seed:weighted:iterations:randomness:)`` improves on it and guarantees
    /// connected communities.
    /// - Complexity: about O(m) per level and restart (each level's graph is smaller); in practice
    ///   O(restarts × m log n). Single-threaded.
    public func louvain(resolution: Double = 1, seed: UInt64 = 42, weighted: Bool = true, restarts: Int? = nil) -> Partition {
        let base = CommunityLevel(self, weighted: weighted)
        var best: Partition? = nil
        for r in 0..<max(1, restarts ?? (nodeCount <= 5_000 ? 10 : 1)) {
            let p = louvainOnce(base, resolution: resolution, seed: seed &+ UInt64(r), weighted: weighted)
            if best == nil || p.modularity > best!.modularity + 1e-12 { best = p }
        }
        return best!
    }

    /// One run of the Louvain method with one visiting order: local moving on each level (a
    /// compressed-sparse-row graph of super-nodes), then aggregation, until nothing moves.
    func louvainOnce(_ base: CommunityLevel, resolution: Double, seed: UInt64, weighted: Bool) -> Partition {
        let n = nodeCount
        var membership = [Int32](0..<Int32(n))
        var rng = GraphRandom(seed: seed)
        var level = base
        while level.total > 0 {
            let size = level.nodeCount
            var community = [Int32](0..<Int32(size))
            let moved = community.withUnsafeMutableBufferPointer {
                level.moveNodesFast($0, resolution: resolution, rng: &rng)
            }
            guard moved else { break }
            let k = renumberByFirst(&community)
            for i in 0..<n { membership[i] = community[Int(membership[i])] }
            if k == size { break }
            level = level.aggregate(by: community, count: k)
        }
        // A last round of local moving on the original graph, from the final partition: moves made
        // between whole communities at the upper levels leave single nodes that now gain by moving
        // (the multilevel refinement of Rotta and Noack 2011; NetworKit's PLM refines likewise).
        if level !== base {
            _ = membership.withUnsafeMutableBufferPointer { base.moveNodesFast($0, resolution: resolution, rng: &rng) }
        }
        let final = numberedByFirstNode(membership)
        return Partition(community: final, modularity: modularity(final, resolution: resolution, weighted: weighted))
    }
}

/// Renumbers labels (each below `labels.count`) densely 0, 1, 2... in order of first appearance;
/// returns how many there are.
func renumberByFirst(_ labels: inout [Int32]) -> Int {
    let n = labels.count
    var renumber = [Int32](repeating: -1, count: n)
    var next: Int32 = 0
    labels.withUnsafeMutableBufferPointer { l in
        renumber.withUnsafeMutableBufferPointer { r in
            for i in 0..<n {
                let c = Int(l[i])
                if r[c] < 0 { r[c] = next; next += 1 }
                l[i] = r[c]
            }
        }
    }
    return Int(next)
}

/// Labels as `Int`, numbered by first node.
func numberedByFirstNode(_ labels: [Int32]) -> [Int] {
    var l = labels
    _ = renumberByFirst(&l)
    return l.map(Int.init)
}

/// One level of the multilevel community methods (Louvain, Leiden): an undirected weighted graph
/// in compressed-sparse-row form, each edge stored both ways and self-loops apart, on buffers it
/// owns, so that the hot loops run without bounds checks or copy-on-write checks.
final class CommunityLevel {
    let nodeCount: Int
    let arcCount: Int
    let offsets: UnsafeMutableBufferPointer<Int>
    let targets: UnsafeMutableBufferPointer<Int32>
    let weights: UnsafeMutableBufferPointer<Double>
    /// Each node's self-loop weight: once in the weight inside its community, twice in its degree.
    let loops: UnsafeMutableBufferPointer<Double>
    /// Each node's degree (strength): its arcs' weights plus twice its self-loop.
    let degree: UnsafeMutableBufferPointer<Double>
    /// Twice the total edge weight (the sum of degrees).
    private(set) var total = 0.0
    /// Whether every arc weighs 1 (the original graph, unweighted): the hot loops then skip
    /// reading `weights`, one cache miss less per node visited.
    private(set) var unitWeights = false

    init(nodeCount: Int, arcCount: Int) {
        self.nodeCount = nodeCount
        self.arcCount = arcCount
        offsets = .allocate(capacity: nodeCount + 1)
        targets = .allocate(capacity: arcCount)
        weights = .allocate(capacity: arcCount)
        loops = .allocate(capacity: nodeCount)
        degree = .allocate(capacity: nodeCount)
    }

    deinit {
        offsets.deallocate(); targets.deallocate(); weights.deallocate(); loops.deallocate(); degree.deallocate()
    }

    /// Level 0: the graph taken as undirected, unit weights when not `weighted`.
    convenience init(_ g: Graph, weighted: Bool) {
        let und = g.isDirected ? g.asUndirected() : g
        self.init(nodeCount: und.nodeCount, arcCount: und.targets.count)
        _ = offsets.initialize(from: und.offsets)
        _ = targets.initialize(from: und.targets)
        if weighted { _ = weights.initialize(from: und.weights) } else { weights.initialize(repeating: 1) }
        unitWeights = !weighted || und.weights.allSatisfy { $0 == 1 }
        for u in 0..<nodeCount { loops[u] = und.hasSelfLoop[u] ? (weighted ? und.selfLoopWeight[u] : 1) : 0 }
        computeDegrees()
    }

    private func computeDegrees() {
        var t = 0.0
        for u in 0..<nodeCount {
            var d = 2 * loops[u]
            for e in offsets[u]..<offsets[u + 1] { d += weights[e] }
            degree[u] = d
            t += d
        }
        total = t
    }

    /// Fast local moving (Traag, Waltman and van Eck 2019, after Ozaki, Tezuka and Inaba 2016):
    /// nodes are taken from a queue that starts with all of them in an order shuffled by `rng`;
    /// each moves to the community (a neighbouring one, or a new one of its own) that gains most
    /// modularity, when that gains more than 1e-12 (ties to the lowest community number), and a move
    /// queues the node's neighbours outside its new community. `community` holds labels below
    /// `nodeCount` and is updated in place. Returns whether any node moved.
    /// - Complexity: O(m) per visit of every node; visits stop when no neighbourhood changes.
    func moveNodesFast(_ community: UnsafeMutableBufferPointer<Int32>, resolution: Double, rng: inout GraphRandom) -> Bool {
        let n = nodeCount
        guard n > 1, total > 0 else { return false }
        let off = offsets, tgt = targets, wt = weights, deg = degree, unit = unitWeights
        let commDegree = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let commSize = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let empty = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let queue = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let queued = UnsafeMutableBufferPointer<Bool>.allocate(capacity: n)
        let weightTo = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let touched = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let candidateWeight = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer {
            commDegree.deallocate(); commSize.deallocate(); empty.deallocate(); queue.deallocate()
            queued.deallocate(); weightTo.deallocate(); touched.deallocate(); candidateWeight.deallocate()
        }
        commDegree.initialize(repeating: 0)
        commSize.initialize(repeating: 0)
        queued.initialize(repeating: true)
        weightTo.initialize(repeating: 0)
        for u in 0..<n {
            let c = Int(community[u])
            commDegree[c] += deg[u]
            commSize[c] += 1
        }
        // Unused community numbers, lowest on top.
        var emptyCount = 0
        for c in stride(from: n - 1, through: 0, by: -1) where commSize[c] == 0 { empty[emptyCount] = Int32(c); emptyCount += 1 }
        for i in 0..<n { queue[i] = Int32(i) }
        for i in stride(from: n - 1, to: 0, by: -1) { queue.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        var head = 0, queuedCount = n
        let scale = resolution / total
        var movedAny = false
        while queuedCount > 0 {
            let u = Int(queue[head])
            head += 1; if head == n { head = 0 }
            queuedCount -= 1
            queued[u] = false
            let current = Int(community[u])
            // The weight from u to each neighbouring community, in `touched`/`candidateWeight`.
            // Low-degree nodes (most of them, on the original graph) search a short list, which
            // stays in L1, instead of touching a dense array at random.
            let rowStart = off[u], rowEnd = off[u + 1]
            var nt = 0
            if rowEnd - rowStart <= 24 {
                for e in rowStart..<rowEnd {
                    let c32 = community[Int(tgt[e])]
                    var j = 0
                    while j < nt && touched[j] != c32 { j &+= 1 }
                    if j == nt { touched[nt] = c32; candidateWeight[nt] = 0; nt &+= 1 }
                    candidateWeight[j] += unit ? 1 : wt[e]
                }
            } else {
                // Gathered without a branch on first sight (it would mispredict half the time):
                // the label is always written, and the count advances only when the slot was empty.
                for e in rowStart..<rowEnd {
                    let c32 = community[Int(tgt[e])], c = Int(c32)
                    let w = weightTo[c]
                    touched[nt] = c32
                    nt &+= w == 0 ? 1 : 0
                    weightTo[c] = w + (unit ? 1 : wt[e])
                }
                for i in 0..<nt {
                    let c = Int(touched[i])
                    candidateWeight[i] = weightTo[c]
                    weightTo[c] = 0
                }
            }
            let ku = deg[u], kscale = ku * scale
            commDegree[current] -= ku
            // The best other community: the highest gain, ties to the lowest number.
            var best = -1, bestGain = -Double.infinity, toCurrent = 0.0
            for i in 0..<nt {
                let c = Int(touched[i])
                if c == current { toCurrent = candidateWeight[i]; continue }
                let gain = candidateWeight[i] - commDegree[c] * kscale
                if gain > bestGain || (gain == bestGain && c < best) { best = c; bestGain = gain }
            }
            let stay = toCurrent - commDegree[current] * kscale
            // A community of its own gains 0.
            if commSize[current] > 1 && 0 > bestGain { best = -2; bestGain = 0 }
            if best != -1 && bestGain > stay + 1e-12 {
                if best == -2 { emptyCount -= 1; best = Int(empty[emptyCount]) }
                commDegree[best] += ku
                commSize[best] += 1
                commSize[current] -= 1
                if commSize[current] == 0 { empty[emptyCount] = Int32(current); emptyCount += 1 }
                community[u] = Int32(best)
                movedAny = true
                let b = Int32(best)
                for e in off[u]..<off[u + 1] {
                    let v = Int(tgt[e])
                    if !queued[v] && community[v] != b {
                        queued[v] = true
                        var tail = head + queuedCount; if tail >= n { tail -= n }
                        queue[tail] = Int32(v)
                        queuedCount += 1
                    }
                }
            } else {
                commDegree[current] += ku
            }
        }
        return movedAny
    }

    /// The graph of communities: one node per community (labels `0..<count`), its self-loop the
    /// weight inside it, an edge between two communities the weight between them. Nodes are
    /// grouped by a counting sort; each community's row is gathered with a slot per neighbouring
    /// community, in order of first appearance.
    /// - Complexity: O(n + m).
    func aggregate(by community: [Int32], count k: Int) -> CommunityLevel {
        let n = nodeCount
        let start = UnsafeMutableBufferPointer<Int>.allocate(capacity: k + 1)
        let members = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(n, 1))
        let slot = UnsafeMutableBufferPointer<Int>.allocate(capacity: k)
        let rowTargets = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(arcCount, 1))
        let rowWeights = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(arcCount, 1))
        let newLoops = UnsafeMutableBufferPointer<Double>.allocate(capacity: k)
        let newOffsets = UnsafeMutableBufferPointer<Int>.allocate(capacity: k + 1)
        defer {
            start.deallocate(); members.deallocate(); slot.deallocate(); rowTargets.deallocate()
            rowWeights.deallocate(); newLoops.deallocate(); newOffsets.deallocate()
        }
        start.initialize(repeating: 0)
        slot.initialize(repeating: -1)
        newLoops.initialize(repeating: 0)
        let off = offsets, tgt = targets, wt = weights
        community.withUnsafeBufferPointer { comm in
            for u in 0..<n { start[Int(comm[u]) + 1] += 1 }
            for c in 0..<k { start[c + 1] += start[c] }
            for u in 0..<n { let c = Int(comm[u]); members[start[c]] = Int32(u); start[c] += 1 }
            // `start[c]` is now the end of community c's members.
            var p = 0, first = 0
            for c in 0..<k {
                newOffsets[c] = p
                let rowStart = p
                var loop = 0.0
                for i in first..<start[c] {
                    let u = Int(members[i])
                    loop += loops[u]
                    for e in off[u]..<off[u + 1] {
                        let d = Int(comm[Int(tgt[e])])
                        // An edge inside the community is met from both ends: half its weight each time.
                        if d == c { loop += wt[e] / 2; continue }
                        let s = slot[d]
                        if s >= rowStart { rowWeights[s] += wt[e] } else {
                            slot[d] = p; rowTargets[p] = Int32(d); rowWeights[p] = wt[e]; p += 1
                        }
                    }
                }
                newLoops[c] = loop
                first = start[c]
            }
            newOffsets[k] = p
        }
        let next = CommunityLevel(nodeCount: k, arcCount: newOffsets[k])
        _ = next.offsets.initialize(fromContentsOf: newOffsets)
        _ = next.targets.initialize(fromContentsOf: rowTargets[0..<newOffsets[k]])
        _ = next.weights.initialize(fromContentsOf: rowWeights[0..<newOffsets[k]])
        _ = next.loops.initialize(fromContentsOf: newLoops)
        next.computeDegrees()
        return next
    }
}

/// SplitMix64, for seeded node orders and the random choices of Leiden's refinement.
struct GraphRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}

extension Graph {
    /// A seeded Fisher–Yates shuffle with the engine's SplitMix64 (not the standard library's
    /// shuffle, whose algorithm may change between Swift versions), so a sample of sources is the
    /// same for the same seed everywhere.
    public static func seededShuffle(_ a: inout [Int], seed: UInt64) {
        var rng = GraphRandom(seed: seed)
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
    }
}
