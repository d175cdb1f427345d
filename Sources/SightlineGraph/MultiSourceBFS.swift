import Dispatch

/// Unweighted distance sums towards every node, from every node, by bit-parallel multi-source
/// breadth-first search.
///
/// Then et al., "The More the Merrier: Efficient Multi-Source Graph Traversal" (VLDB 2014): up to
/// 64 × `words` sources are searched at once, each owning one bit of a node's `seen`, `visit` and
/// `next` words, so one pass over an edge serves every source in the batch whose frontier holds its
/// tail. At level d the bits new to node u are exactly the sources s with d(s, u) = d, so the per-node
/// sums are exact integers: Σ d(s, u) over the sources reaching u, their number (u included), and
/// Σ 1/d(s, u) summed level by level. Searches follow out-edges, so the sums are over distances *to*
/// u: incoming distances on a directed graph, as closeness and harmonic centrality use.
///
/// Batches are dealt round-robin to `threads` workers, each with its own buffers and partial sums;
/// the integer sums do not depend on the split and the harmonic partials are added in worker order.
struct DistanceSums {
    /// Σ d(s, u) over the nodes s that reach u.
    var total: [Int]
    /// The number of nodes that reach u, u itself included.
    var reached: [Int]
    /// Σ 1 / d(s, u) over the nodes s ≠ u that reach u.
    var harmonic: [Double]
}

extension Graph {
    /// Distance sums towards every node (see ``DistanceSums``).
    /// - Parameters:
    ///   - threads: workers; batches are split over them.
    ///   - words: 64-bit words per node (sources per batch = 64 × words); by default as many as fit
    ///     in about 48 MiB of buffers per worker, at most 8.
    /// - Complexity: O(⌈n / 64w⌉ × D × (n w + m w)) for diameter D, against O(n m) for one search per
    ///   node; O(n w) memory per worker.
    func multiSourceDistanceSums(threads: Int = 2, words: Int? = nil) -> DistanceSums {
        let n = nodeCount
        guard n > 0 else { return DistanceSums(total: [], reached: [], harmonic: []) }
        let w = max(1, min(words ?? max(1, min(8, (48 << 20) / (24 * n))), (n + 63) / 64))
        let batchSize = 64 * w
        let batches = (n + batchSize - 1) / batchSize
        let parts = max(1, min(threads, batches))
        var partial = [DistanceSums](repeating: DistanceSums(total: [], reached: [], harmonic: []), count: parts)
        let g = self
        partial.withUnsafeMutableBufferPointer { out in
            let buffer = UnsafeMutableSendableBuffer(out)
            DispatchQueue.concurrentPerform(iterations: parts) { p in
                buffer.base[p] = g.msbfsWorker(words: w, batches: Array(stride(from: p, to: batches, by: parts)))
            }
        }
        var result = partial[0]
        for p in partial.dropFirst() {
            for v in 0..<n {
                result.total[v] += p.total[v]
                result.reached[v] += p.reached[v]
                result.harmonic[v] += p.harmonic[v]
            }
        }
        return result
    }

    /// One worker's batches.
    private func msbfsWorker(words w: Int, batches: [Int]) -> DistanceSums {
        let n = nodeCount
        var total = [Int](repeating: 0, count: n)
        var reached = [Int](repeating: 0, count: n)
        var harmonic = [Double](repeating: 0, count: n)
        let seen = UnsafeMutablePointer<UInt64>.allocate(capacity: n * w)
        let visit = UnsafeMutablePointer<UInt64>.allocate(capacity: n * w)
        let next = UnsafeMutablePointer<UInt64>.allocate(capacity: n * w)
        defer { seen.deallocate(); visit.deallocate(); next.deallocate() }
        offsets.withUnsafeBufferPointer { off in
            targets.withUnsafeBufferPointer { tgt in
                total.withUnsafeMutableBufferPointer { tot in
                    reached.withUnsafeMutableBufferPointer { rea in
                        harmonic.withUnsafeMutableBufferPointer { har in
                            for b in batches {
                                let first = b * 64 * w, last = min(n, first + 64 * w)
                                seen.initialize(repeating: 0, count: n * w)
                                visit.initialize(repeating: 0, count: n * w)
                                next.initialize(repeating: 0, count: n * w)
                                for s in first..<last {
                                    let i = s - first
                                    let bit = UInt64(1) << UInt64(i & 63)
                                    seen[s * w + (i >> 6)] |= bit
                                    visit[s * w + (i >> 6)] |= bit
                                    rea[s] += 1
                                }
                                Self.msbfsLevels(n: n, w: w, off: off, tgt: tgt, seen: seen, visit: visit, next: next,
                                                 total: tot, reached: rea, harmonic: har)
                            }
                        }
                    }
                }
            }
        }
        return DistanceSums(total: total, reached: reached, harmonic: harmonic)
    }

    /// The level loop of one batch: expand the frontier along out-edges, then keep the new bits.
    private static func msbfsLevels(n: Int, w: Int, off: UnsafeBufferPointer<Int>, tgt: UnsafeBufferPointer<Int32>,
                                    seen: UnsafeMutablePointer<UInt64>, visit: UnsafeMutablePointer<UInt64>,
                                    next: UnsafeMutablePointer<UInt64>, total: UnsafeMutableBufferPointer<Int>,
                                    reached: UnsafeMutableBufferPointer<Int>, harmonic: UnsafeMutableBufferPointer<Double>) {
        var d = 0
        while true {
            d += 1
            // Expand: every active node ORs its frontier bits into its out-neighbours.
            if w == 1 {
                for v in 0..<n {
                    let bits = visit[v]
                    if bits == 0 { continue }
                    for k in off[v]..<off[v + 1] { next[Int(tgt[k])] |= bits }
                }
            } else {
                for v in 0..<n {
                    let vb = visit + v * w
                    var any: UInt64 = 0
                    for j in 0..<w { any |= vb[j] }
                    if any == 0 { continue }
                    for k in off[v]..<off[v + 1] {
                        let nb = next + Int(tgt[k]) * w
                        for j in 0..<w { nb[j] |= vb[j] }
                    }
                }
            }
            // Keep what is new: those sources are at distance d from the node.
            var progressed = false
            let dd = Double(d)
            for u in 0..<n {
                var count = 0
                let base = u * w
                for j in 0..<w {
                    let fresh = next[base + j] & ~seen[base + j]
                    next[base + j] = 0
                    visit[base + j] = fresh
                    seen[base + j] |= fresh
                    count &+= fresh.nonzeroBitCount
                }
                if count > 0 {
                    total[u] &+= d &* count
                    reached[u] &+= count
                    harmonic[u] += Double(count) / dd
                    progressed = true
                }
            }
            if !progressed { return }
        }
    }
}
