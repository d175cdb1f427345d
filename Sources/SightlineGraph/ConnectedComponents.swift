extension Graph {
    /// The connected component of every node (weakly connected for a directed graph), numbered
    /// 0, 1, 2... in order of each component's first node in `order` (by default, index order).
    ///
    /// Breadth-first search over out- and in-neighbours.
    /// - Parameter order: the node order that decides the numbering (each component is numbered
    ///   when its first node in this order is met).
    /// - Returns: a component number per node.
    /// - Complexity: O(n + m).
    public func connectedComponents(order: [Int]? = nil) -> [Int] {
        var component = [Int](repeating: -1, count: nodeCount)
        var next = 0
        var queue: [Int] = []
        for start in order ?? Array(0..<nodeCount) where component[start] < 0 {
            component[start] = next
            queue.removeAll(keepingCapacity: true)
            queue.append(start)
            var head = 0
            while head < queue.count {
                let u = queue[head]; head += 1
                for k in neighbours(of: u) where component[Int(targets[k])] < 0 {
                    component[Int(targets[k])] = next; queue.append(Int(targets[k]))
                }
                if isDirected {
                    for k in inNeighbours(of: u) where component[Int(inSources[k])] < 0 {
                        component[Int(inSources[k])] = next; queue.append(Int(inSources[k]))
                    }
                }
            }
            next += 1
        }
        return component
    }
}
