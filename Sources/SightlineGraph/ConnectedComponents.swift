extension Graph {
    /// The connected component of every node (weakly connected for a directed graph), numbered
    /// 0, 1, 2... in order of each component's first node in `order` (by default, index order).
    ///
    /// Breadth-first search over out- and in-neighbours, on a flat Int32 queue and raw pointers.
    /// - Parameter order: the node order that decides the numbering (each component is numbered
    ///   when its first node in this order is met).
    /// - Returns: a component number per node.
    /// - Complexity: O(n + m).
    public func connectedComponents(order: [Int]? = nil) -> [Int] {
        let n = nodeCount
        var component = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        let directed = isDirected
        offsets.withUnsafeBufferPointer { off in
        targets.withUnsafeBufferPointer { tgt in
        inOffsets.withUnsafeBufferPointer { inOff in
        inSources.withUnsafeBufferPointer { inSrc in
        component.withUnsafeMutableBufferPointer { comp in
        queue.withUnsafeMutableBufferPointer { queue in
            var next: Int32 = 0
            func search(_ start: Int) {
                comp[start] = next
                queue[0] = Int32(truncatingIfNeeded: start)
                var head = 0, tail = 1
                while head < tail {
                    let u = Int(queue[head]); head &+= 1
                    for k in off[u]..<off[u + 1] {
                        let x = Int(tgt[k])
                        if comp[x] < 0 { comp[x] = next; queue[tail] = Int32(truncatingIfNeeded: x); tail &+= 1 }
                    }
                    if directed {
                        for k in inOff[u]..<inOff[u + 1] {
                            let x = Int(inSrc[k])
                            if comp[x] < 0 { comp[x] = next; queue[tail] = Int32(truncatingIfNeeded: x); tail &+= 1 }
                        }
                    }
                }
                next &+= 1
            }
            if let order {
                for start in order where comp[start] < 0 { search(start) }
            } else {
                for start in 0..<n where comp[start] < 0 { search(start) }
            }
        }}}}}}
        return component.map(Int.init)
    }
}
