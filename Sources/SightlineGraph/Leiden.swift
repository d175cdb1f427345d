extension Graph {
    /// Communities by the Leiden algorithm (Traag, Waltman and van Eck, "From Louvain to Leiden:
    /// guaranteeing well-connected communities", Scientific Reports 9, 5233, 2019), maximising
    /// modularity with resolution γ as in ``modularity(_:resolution:weighted:)``.
    ///
    /// Each iteration repeats three phases on ever smaller graphs:
    /// 1. Fast local moving: nodes are taken from a queue that starts with all of them in an order
    ///    shuffled by the seed; each moves to the neighbouring community (or a new one of its own)
    ///    that gains most modularity, when that gains more than 1e-12 (ties to the lower community
    ///    number), and a move queues its neighbours outside the new community.
    /// 2. Refinement: within each community S of that partition, every node starts alone; community
    ///    by community, in an order shuffled within each, each node v still alone and well connected to S
    ///    (w(v, S − v) ≥ γ k_v (K_S − k_v) / 2m) joins a part C of S that is itself well connected
    ///    to S and that it gains by joining (ΔH = w(v, C) − γ k_v K_C / 2m ≥ 0, in edge-weight
    ///    units), chosen at random with probability ∝ exp(ΔH / θ), θ = `randomness`. Parts only
    ///    grow along edges, so each is connected. (The paper also lets v stay alone with ΔH = 0;
    ///    here it stays alone only when no part qualifies, which changes nothing in practice at
    ///    θ = 0.01 and guarantees that every level shrinks the graph.)
    /// 3. Aggregation: each refined part becomes one node, and the partition of step 1 is the
    ///    starting partition on the new graph (a community may span several parts).
    ///
    /// An iteration ends when every community is a single node of the current graph; the next one
    /// starts from its result on the original graph. Iterations stop when one leaves the partition
    /// unchanged, or after `iterations` of them (`Int.max`: until nothing changes; moves only ever
    /// raise modularity, so that ends). By default (`nil`), until nothing changes on graphs of up to
    /// 50,000 nodes, and 2 iterations above (igraph's and leidenalg's default), where further
    /// iterations cost as much as the second and gain little (on a 100,000-node planted partition,
    /// nine iterations to stability gain 3e-5 over two). Every community of the result is connected
    /// (the paper's guarantee, by the refinement). Communities are numbered by first node, like
    /// ``louvain(resolution:seed:weighted:restarts:)``'s. Directed graphs are treated as undirected.
    ///
    /// Deterministic: the shuffles and the refinement's random choices come from one SplitMix64
    /// stream seeded by `seed`, so the same graph and seed always give the same partition. With
    /// `randomness` 0 the refinement joins the best part (ties to the lowest number).
    /// - Complexity: O(m) per level, about O(m log n) per iteration; single-threaded.
    public func leiden(resolution: Double = 1, seed: UInt64 = 42, weighted: Bool = true,
                       iterations: Int? = nil, randomness: Double = 0.01) -> Partition {
        precondition(randomness >= 0, "randomness must not be negative")
        precondition((iterations ?? 1) > 0, "iterations must be at least 1")
        let iterations = iterations ?? (nodeCount <= 50_000 ? Int.max : 2)
        let n = nodeCount
        var partition = [Int32](0..<Int32(n))
        let base = CommunityLevel(self, weighted: weighted)
        if base.total > 0 {
            var rng = GraphRandom(seed: seed)
            var done = 0
            while done < iterations {
                let next = base.leidenIteration(from: partition, resolution: resolution, randomness: randomness, rng: &rng)
                done += 1
                // Both are numbered by first node, so the same partition compares equal.
                if next == partition { break }
                partition = next
            }
        }
        let final = partition.map(Int.init)
        return Partition(community: final, modularity: modularity(final, resolution: resolution, weighted: weighted))
    }
}

extension CommunityLevel {
    /// One iteration of Leiden from `start` (labels below `nodeCount`); returns the partition
    /// numbered by first node.
    func leidenIteration(from start: [Int32], resolution: Double, randomness: Double, rng: inout GraphRandom) -> [Int32] {
        let n = nodeCount
        var level = self
        var part = start
        var membership = [Int32](0..<Int32(n))
        while true {
            let size = level.nodeCount
            _ = part.withUnsafeMutableBufferPointer { level.moveNodesFast($0, resolution: resolution, rng: &rng) }
            let kP = renumberByFirst(&part)
            if kP == size { break }
            var refined = level.refine(part, count: kP, resolution: resolution, randomness: randomness, rng: &rng)
            var kR = renumberByFirst(&refined)
            // Not expected (every community of two or more nodes after local moving has a node
            // that joins a neighbour), but a level that would not shrink is aggregated by the
            // partition itself rather than looping.
            if kR == size { refined = part; kR = kP }
            var next = [Int32](repeating: 0, count: kR)
            for u in 0..<size { next[Int(refined[u])] = part[u] }
            for i in 0..<n { membership[i] = refined[Int(membership[i])] }
            level = level.aggregate(by: refined, count: kR)
            part = next
        }
        var result = [Int32](repeating: 0, count: n)
        for i in 0..<n { result[i] = part[Int(membership[i])] }
        _ = renumberByFirst(&result)
        return result
    }

    /// Leiden's refinement of `part` (labels `0..<count`): returns each node's refined part, labelled
    /// by a node of it. See ``Graph/leiden(resolution:seed:weighted:iterations:randomness:)``.
    /// - Complexity: O(n + m).
    func refine(_ part: [Int32], count k: Int, resolution: Double, randomness: Double, rng: inout GraphRandom) -> [Int32] {
        let n = nodeCount
        let off = offsets, tgt = targets, wt = weights, deg = degree, unit = unitWeights
        let scale = resolution / total
        let partDegree = UnsafeMutableBufferPointer<Double>.allocate(capacity: k)
        let inside = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)   // w(v, S − v)
        let refDegree = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let refOutside = UnsafeMutableBufferPointer<Double>.allocate(capacity: n) // w(C, S − C)
        let refSize = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let order = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let weightTo = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let touched = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let candidates = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let gains = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let listWeight = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer {
            listWeight.deallocate()
            partDegree.deallocate(); inside.deallocate(); refDegree.deallocate(); refOutside.deallocate()
            refSize.deallocate(); order.deallocate(); weightTo.deallocate(); touched.deallocate()
            candidates.deallocate(); gains.deallocate()
        }
        partDegree.initialize(repeating: 0)
        weightTo.initialize(repeating: 0)
        refSize.initialize(repeating: 1)
        var refined = [Int32](0..<Int32(n))
        part.withUnsafeBufferPointer { part in
            for u in 0..<n {
                let s = part[u]
                partDegree[Int(s)] += deg[u]
                var w = 0.0
                for e in off[u]..<off[u + 1] where part[Int(tgt[e])] == s { w += unit ? 1 : wt[e] }
                inside[u] = w
                refDegree[u] = deg[u]
                refOutside[u] = w
            }
            // Community by community, as the paper's refinement goes (each community is refined on
            // its own), in a shuffled order within each: a shuffle, then a stable counting sort by
            // community. One community's nodes and parts then stay in cache while it is refined.
            let shuffled = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
            let start = UnsafeMutableBufferPointer<Int>.allocate(capacity: k + 1)
            defer { shuffled.deallocate(); start.deallocate() }
            for i in 0..<n { shuffled[i] = Int32(i) }
            for i in stride(from: n - 1, to: 0, by: -1) { shuffled.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            start.initialize(repeating: 0)
            for u in 0..<n { start[Int(part[u]) + 1] += 1 }
            for c in 0..<k { start[c + 1] += start[c] }
            for i in 0..<n {
                let u = Int(shuffled[i]), c = Int(part[u])
                order[start[c]] = Int32(u)
                start[c] += 1
            }
            refined.withUnsafeMutableBufferPointer { refined in
                for i in 0..<n {
                    let u = Int(order[i])
                    guard refSize[Int(refined[u])] == 1 else { continue }
                    let s = part[u], ku = deg[u], ks = partDegree[Int(s)]
                    // Well connected to its community?
                    let need = ku * (ks - ku) * scale
                    guard inside[u] >= need - 1e-12 * (1 + need) else { continue }
                    // The weight from u to each part of S among its neighbours (`touched`,
                    // `listWeight`): a short list for low degrees, a dense array otherwise.
                    var nt = 0
                    let rowStart = off[u], rowEnd = off[u + 1]
                    if rowEnd - rowStart <= 24 {
                        for e in rowStart..<rowEnd {
                            let v = Int(tgt[e])
                            guard part[v] == s else { continue }
                            let c32 = refined[v]
                            var j = 0
                            while j < nt && touched[j] != c32 { j &+= 1 }
                            if j == nt { touched[nt] = c32; listWeight[nt] = 0; nt &+= 1 }
                            listWeight[j] += unit ? 1 : wt[e]
                        }
                    } else {
                        for e in rowStart..<rowEnd {
                            let v = Int(tgt[e])
                            guard part[v] == s else { continue }
                            let c = Int(refined[v])
                            if weightTo[c] == 0 { touched[nt] = Int32(c); nt += 1 }
                            weightTo[c] += wt[e]
                        }
                        for j in 0..<nt {
                            let c = Int(touched[j])
                            listWeight[j] = weightTo[c]
                            weightTo[c] = 0
                        }
                    }
                    // Candidates (as positions in the list): parts well connected to S that u
                    // gains by joining.
                    var nc = 0, maxGain = -Double.infinity
                    for j in 0..<nt {
                        let dc = refDegree[Int(touched[j])]
                        let needC = dc * (ks - dc) * scale
                        if refOutside[Int(touched[j])] >= needC - 1e-12 * (1 + needC) {
                            let gain = listWeight[j] - dc * ku * scale
                            if gain >= 0 {
                                candidates[nc] = Int32(j); gains[nc] = gain; nc += 1
                                maxGain = max(maxGain, gain)
                            }
                        }
                    }
                    guard nc > 0 else { continue }
                    var pick = Int(candidates[0])
                    if nc > 1 {
                        if randomness == 0 {
                            var best = -Double.infinity
                            for j in 0..<nc {
                                let at = Int(candidates[j])
                                if gains[j] > best || (gains[j] == best && touched[at] < touched[pick]) { best = gains[j]; pick = at }
                            }
                        } else {
                            // Probabilities ∝ exp(ΔH/θ), taken relative to the largest for range.
                            // Below e^-40 a part's chance is nil next to the best one's (1):
                            // skipped, as is the exponential of 0.
                            var sum = 0.0
                            for j in 0..<nc {
                                let x = (gains[j] - maxGain) / randomness
                                let p = x == 0 ? 1 : x < -40 ? 0 : exp(x)
                                gains[j] = p
                                sum += p
                            }
                            var r = rng.unit() * sum
                            pick = Int(candidates[nc - 1])
                            for j in 0..<nc {
                                r -= gains[j]
                                if r < 0 { pick = Int(candidates[j]); break }
                            }
                        }
                    }
                    let chosen = Int(touched[pick]), wc = listWeight[pick]
                    refined[u] = Int32(chosen)
                    refDegree[chosen] += ku
                    refOutside[chosen] += inside[u] - 2 * wc
                    refSize[chosen] += 1
                    refSize[u] = 0
                }
            }
        }
        return refined
    }
}

/// e^x for x ≤ 0 without Foundation (and the same on every platform): x = k ln 2 + r with
/// |r| ≤ ln 2 / 2, e^r by its Taylor series to 13 terms (Horner form; the next term is below 1e-17),
/// scaled by 2^k.
private func exp(_ x: Double) -> Double {
    if x < -745 { return 0 }
    let ln2 = 0.693_147_180_559_945_309_4
    let k = (x / ln2).rounded()
    let r = x - k * ln2
    var s = 1 + r * (1.0 / 13)
    s = 1 + r * (1.0 / 12) * s
    s = 1 + r * (1.0 / 11) * s
    s = 1 + r * 0.1 * s
    s = 1 + r * (1.0 / 9) * s
    s = 1 + r * 0.125 * s
    s = 1 + r * (1.0 / 7) * s
    s = 1 + r * (1.0 / 6) * s
    s = 1 + r * 0.2 * s
    s = 1 + r * 0.25 * s
    s = 1 + r * (1.0 / 3) * s
    s = 1 + r * 0.5 * s
    s = 1 + r * s
    return s * Double(sign: .plus, exponent: Int(k), significand: 1)
}
