import Dispatch

/// Node ranges of a fixed size, for loops split over the cores whose results must not depend on
/// the number of threads or on scheduling: every block writes only its own nodes and returns its
/// own partial sum, and partial sums are added in block order.
struct NodeBlocks: Sendable {
    let n: Int
    let size: Int
    let count: Int

    init(_ n: Int, size: Int = 4096) {
        self.n = n
        self.size = size
        count = max(1, (n + size - 1) / size)
    }

    func range(_ b: Int) -> Range<Int> { (b * size)..<min(n, (b + 1) * size) }

    /// Runs `body` on every block, blocks dealt round-robin to `threads` workers, and returns the
    /// per-block values added in block order.
    func sum(threads: Int, _ body: @Sendable (Range<Int>) -> Double) -> Double {
        let count = self.count
        if threads <= 1 || count == 1 {
            var total = 0.0
            for b in 0..<count { total += body(range(b)) }
            return total
        }
        var partial = [Double](repeating: 0, count: count)
        let workers = min(threads, count)
        partial.withUnsafeMutableBufferPointer { out in
            let buffer = UnsafeMutableSendableBuffer(out)
            DispatchQueue.concurrentPerform(iterations: workers) { p in
                var b = p
                while b < count { buffer.base[b] = body(range(b)); b += workers }
            }
        }
        var total = 0.0
        for v in partial { total += v }
        return total
    }

    /// Runs `body` on every block, which writes `k` partial sums to the pointer it is given; returns
    /// the k sums, each added in block order.
    func sums(threads: Int, _ k: Int, _ body: @Sendable (Range<Int>, UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        let count = self.count
        let partial = SendablePointer<Double>(allocating: count * k, 0)
        defer { partial.deallocate() }
        if threads <= 1 || count == 1 {
            for b in 0..<count { body(range(b), partial.p + b * k) }
        } else {
            let workers = min(threads, count)
            DispatchQueue.concurrentPerform(iterations: workers) { p in
                var b = p
                while b < count { body(range(b), partial.p + b * k); b += workers }
            }
        }
        var total = [Double](repeating: 0, count: k)
        for b in 0..<count { for i in 0..<k { total[i] += partial[b * k + i] } }
        return total
    }

    /// Runs `body` on every block over `threads` workers.
    func forEach(threads: Int, _ body: @Sendable (Range<Int>) -> Void) {
        _ = sum(threads: threads) { r in body(r); return 0 }
    }
}

/// A raw pointer to a buffer that concurrent blocks read, or write at distinct indices.
struct SendablePointer<T>: @unchecked Sendable {
    let p: UnsafeMutablePointer<T>
    init(_ p: UnsafeMutablePointer<T>) { self.p = p }
    init(allocating count: Int, _ value: T) {
        p = .allocate(capacity: count)
        p.initialize(repeating: value, count: count)
    }
    subscript(i: Int) -> T {
        get { p[i] }
        nonmutating set { p[i] = newValue }
    }
    func deallocate() { p.deallocate() }
}

/// A graph's adjacency arrays as raw pointers, for hot loops run from concurrent blocks. Valid only
/// inside ``Graph/withCSR(incoming:_:)``.
struct CSRPointers: @unchecked Sendable {
    let offsets: UnsafePointer<Int>
    let targets: UnsafePointer<Int32>
    let weights: UnsafePointer<Double>
}

extension Graph {
    /// Calls `body` with pointers to the out-neighbour arrays, or the in-neighbour ones.
    func withCSR<R>(incoming: Bool, _ body: (CSRPointers) -> R) -> R {
        let (o, t, w) = incoming ? (inOffsets, inSources, inWeights) : (offsets, targets, weights)
        return o.withUnsafeBufferPointer { ob in
            t.withUnsafeBufferPointer { tb in
                w.withUnsafeBufferPointer { wb in
                    // Empty arrays may have no storage: point at a dummy element then (never read).
                    let dummyT = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
                    let dummyW = UnsafeMutablePointer<Double>.allocate(capacity: 1)
                    defer { dummyT.deallocate(); dummyW.deallocate() }
                    return body(CSRPointers(offsets: ob.baseAddress!, targets: tb.baseAddress ?? UnsafePointer(dummyT),
                                            weights: wb.baseAddress ?? UnsafePointer(dummyW)))
                }
            }
        }
    }
}
