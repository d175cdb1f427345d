/// Reusable buffers for single-source shortest paths: distances, numbers of shortest paths, and
/// the order nodes were settled in. One workspace per thread; each run touches only what it reached.
///
/// Unweighted graphs use breadth-first search, weighted ones Dijkstra's algorithm with a binary
/// heap (weights are distances and must be positive). Predecessors are not stored: an accumulation
/// finds them again as the in-neighbours `v` of `w` with `dist[v] + w(v, w) == dist[w]`, the same
/// comparison that would have recorded them.
final class SingleSourcePaths {
    let graph: Graph
    let weighted: Bool
    var dist: [Double]
    var sigma: [Double]
    /// Nodes in the order they were settled (non-decreasing distance).
    var order: [Int] = []
    var heap = MinHeap()
    var settled: [Bool]

    init(_ graph: Graph, weighted: Bool) {
        self.graph = graph
        self.weighted = weighted
        dist = [Double](repeating: .infinity, count: graph.nodeCount)
        sigma = [Double](repeating: 0, count: graph.nodeCount)
        settled = [Bool](repeating: false, count: graph.nodeCount)
        order.reserveCapacity(graph.nodeCount)
    }

    /// Runs from `source` along out-edges (or along in-edges when `reverse` is set, giving
    /// distances *to* the source).
    /// - Complexity: O(n + m) unweighted, O((n + m) log n) weighted, in what the source reaches.
    func run(from source: Int, reverse: Bool = false, countPaths: Bool = true) {
        // Work on local arrays (moved out of the class and back) so that the hot loops pay no
        // exclusivity checks or reference counting on class properties.
        var dist = self.dist, sigma = self.sigma, order = self.order, settled = self.settled
        self.dist = []; self.sigma = []; self.order = []; self.settled = []
        defer { self.dist = dist; self.sigma = sigma; self.order = order; self.settled = settled }
        for v in order { dist[v] = .infinity; sigma[v] = 0; settled[v] = false }
        order.removeAll(keepingCapacity: true)
        let offsets = reverse ? graph.inOffsets : graph.offsets
        let targets = reverse ? graph.inSources : graph.targets
        let weights = reverse ? graph.inWeights : graph.weights
        dist[source] = 0
        sigma[source] = 1
        if !weighted && !countPaths {
            // Distances only (closeness, harmonic): no path counts to keep.
            order.append(source)
            var head = 0
            while head < order.count {
                let v = order[head]; head += 1
                let dv = dist[v] + 1
                for k in offsets[v]..<offsets[v + 1] {
                    let w = Int(targets[k])
                    if dist[w] == .infinity { dist[w] = dv; order.append(w) }
                }
            }
            return
        }
        if !weighted {
            order.append(source)
            var head = 0
            while head < order.count {
                let v = order[head]; head += 1
                let dv = dist[v] + 1
                let sv = sigma[v]
                for k in offsets[v]..<offsets[v + 1] {
                    let w = Int(targets[k])
                    if dist[w] == .infinity { dist[w] = dv; order.append(w) }
                    if dist[w] == dv { sigma[w] += sv }
                }
            }
            return
        }
        heap.removeAll()
        heap.push(0, source)
        while let (d, v) = heap.pop() {
            if settled[v] || d > dist[v] { continue }
            settled[v] = true
            order.append(v)
            for k in offsets[v]..<offsets[v + 1] {
                let w = Int(targets[k])
                if settled[w] { continue }
                let alt = d + weights[k]
                if alt < dist[w] {
                    dist[w] = alt
                    sigma[w] = sigma[v]
                    heap.push(alt, w)
                } else if alt == dist[w] {
                    sigma[w] += sigma[v]
                }
            }
        }
    }
}

/// A binary min-heap of (distance, node), for Dijkstra's algorithm.
struct MinHeap {
    var items: [(Double, Int)] = []

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ d: Double, _ v: Int) {
        items.append((d, v))
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if items[p].0 <= items[i].0 { break }
            items.swapAt(p, i); i = p
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && items[l].0 < items[m].0 { m = l }
                if r < items.count && items[r].0 < items[m].0 { m = r }
                if m == i { break }
                items.swapAt(i, m); i = m
            }
        }
        return top
    }
}
