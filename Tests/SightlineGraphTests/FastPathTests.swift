@testable import SightlineGraph
import Testing

/// The fast paths (multi-source BFS closeness and harmonic, pulled Brandes, block-parallel PageRank,
/// Lanczos eigenvector, flat k-core and components) against the straightforward computations.
struct FastPathTests {
    /// A random graph on n nodes with m edge draws, some nodes isolated, several components.
    static func randomGraph(n: Int, m: Int, seed: UInt64, directed: Bool, weighted: Bool = false, isolated: Int = 0) -> Graph {
        var rng = GraphTestRandom(seed: seed)
        let live = n - isolated
        var edges: [(Int, Int, Double)] = []
        for _ in 0..<m {
            // Three blocks of live nodes, few edges between them: several components are likely.
            let block = Int(rng.next() % 3)
            let lo = block * live / 3, hi = (block + 1) * live / 3
            guard hi > lo else { continue }
            let a = lo + Int(rng.next() % UInt64(hi - lo)), b = lo + Int(rng.next() % UInt64(hi - lo))
            edges.append((a, b, weighted ? 1 + Double(rng.next() % 4) : 1))
        }
        return Graph(nodeCount: n, edges: edges, directed: directed)
    }

    static let shapes: [(n: Int, m: Int, directed: Bool, isolated: Int)] = [
        (1, 0, false, 0), (2, 1, false, 0), (5, 3, true, 1), (63, 70, false, 3), (64, 90, true, 0),
        (65, 80, false, 2), (130, 150, false, 5), (200, 260, true, 7), (333, 500, false, 11), (700, 900, true, 20),
    ]

    @Test(arguments: 0..<shapes.count)
    func multiSourceClosenessEqualsOneSearchPerNode(shape: Int) {
        let s = Self.shapes[shape]
        let g = Self.randomGraph(n: s.n, m: s.m, seed: UInt64(shape + 1), directed: s.directed, isolated: s.isolated)
        let reference = g.closenessBySearches(weighted: false, threads: 1)
        let referenceHarmonic = g.harmonicBySearches(weighted: false, threads: 1)
        for threads in [1, 2, 3] {
            // Exact: integer distance sums and the same formula.
            #expect(g.closeness(threads: threads) == reference)
            let h = g.harmonic(threads: threads)
            #expect(zip(h, referenceHarmonic).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) })
            for words in [1, 2, 3] {
                let sums = g.multiSourceDistanceSums(threads: threads, words: words)
                let full = g.multiSourceDistanceSums(threads: 1, words: 1)
                #expect(sums.total == full.total && sums.reached == full.reached)
            }
        }
    }

    @Test func multiSourceHandlesEdgelessAndSelfLoops() {
        let g = Graph(nodeCount: 70, edges: [(3, 3, 1), (5, 6, 1), (6, 6, 2)], directed: false)
        #expect(g.closeness() == g.closenessBySearches(weighted: false, threads: 1))
        #expect(g.harmonic() == g.harmonicBySearches(weighted: false, threads: 1))
        let empty = Graph(nodeCount: 0, edges: [], directed: true)
        #expect(empty.closeness().isEmpty && empty.harmonic().isEmpty)
    }

    @Test(arguments: 0..<shapes.count)
    func pulledBrandesEqualsReference(shape: Int) {
        let s = Self.shapes[shape]
        let g = Self.randomGraph(n: s.n, m: s.m, seed: UInt64(shape + 100), directed: s.directed, isolated: s.isolated)
        let reference = g.brandes(sources: Array(0..<s.n)[...], weighted: false)
        let fast = g.brandesUnweighted(sources: Array(0..<s.n)[...])
        #expect(zip(fast, reference).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) })
        let one = g.betweenness(threads: 1), two = g.betweenness(threads: 2)
        #expect(zip(one, two).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) })
        // Sampled sources: the same sums restricted to them.
        let sources = Array(stride(from: 0, to: s.n, by: 3))
        let sampled = g.brandesUnweighted(sources: sources[...]), sampledReference = g.brandes(sources: sources[...], weighted: false)
        #expect(zip(sampled, sampledReference).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) })
    }

    /// PageRank as the old scatter iteration computed it, to a tight tolerance.
    static func referencePageRank(_ g: Graph, weighted: Bool) -> [Double] {
        let n = g.nodeCount, alpha = 0.85
        var out = [Double](repeating: 0, count: n)
        for u in 0..<n {
            out[u] = g.hasSelfLoop[u] ? (weighted ? g.selfLoopWeight[u] : 1) : 0
            for k in g.neighbours(of: u) { out[u] += weighted ? g.weights[k] : 1 }
        }
        var x = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<400 {
            var dangling = 0.0
            for u in 0..<n where out[u] == 0 { dangling += x[u] }
            var next = [Double](repeating: (alpha * dangling + 1 - alpha) / Double(n), count: n)
            for u in 0..<n where out[u] > 0 {
                let share = alpha * x[u] / out[u]
                for k in g.neighbours(of: u) { next[Int(g.targets[k])] += share * (weighted ? g.weights[k] : 1) }
                if g.hasSelfLoop[u] { next[u] += share * (weighted ? g.selfLoopWeight[u] : 1) }
            }
            x = next
        }
        return x
    }

    @Test(arguments: [(300, 600, false), (300, 600, true), (9000, 30000, false), (9000, 20000, true)])
    func pageRankWithinItsBoundAndThreadIndependent(n: Int, m: Int, directed: Bool) {
        for weighted in [false, true] {
            var g = Self.randomGraph(n: n, m: m, seed: 7, directed: directed, weighted: weighted, isolated: 4)
            if n < 1000 {
                // Self-loops too.
                var edges: [(Int, Int, Double)] = []
                for u in stride(from: 0, to: n, by: 17) { edges.append((u, u, 2)) }
                for k in 0..<m { edges.append((k % n, (k * 7 + 3) % n, 1 + Double(k % 3))) }
                g = Graph(nodeCount: n, edges: edges, directed: directed)
            }
            let reference = Self.referencePageRank(g, weighted: weighted)
            let one = g.pageRank(weighted: weighted, threads: 1), two = g.pageRank(weighted: weighted, threads: 2)
            #expect(one == two)
            var l1 = 0.0
            for (a, b) in zip(one, reference) { l1 += abs(a - b) }
            #expect(l1 <= 1e-10 + 1e-13)
            #expect(abs(one.reduce(0, +) - 1) < 1e-12)
        }
    }

    /// The leading eigenvector by power iteration on A + I to a tight tolerance.
    static func referenceEigenvector(_ g: Graph, weighted: Bool) -> [Double] {
        g.powerIterationEigenvector(weighted: weighted, tolerance: 1e-15, maxIterations: 200_000, threads: 1)!
    }

    @Test(arguments: [(60, 200, 0), (500, 3000, 0), (500, 3000, 5), (6000, 40000, 3)])
    func lanczosEigenvectorEqualsPowerIteration(n: Int, m: Int, isolated: Int) throws {
        for weighted in [false, true] {
            // One connected block: random edges plus a ring, so the leading eigenvalue is simple.
            var rng = GraphTestRandom(seed: UInt64(n + m))
            let live = n - isolated
            var edges = (0..<live).map { ($0, ($0 + 1) % live, weighted ? 2.0 : 1.0) }
            for _ in 0..<m { edges.append((Int(rng.next() % UInt64(live)), Int(rng.next() % UInt64(live)), weighted ? 1 + Double(rng.next() % 5) : 1)) }
            edges.append((0, 0, 3))
            let g = Graph(nodeCount: n, edges: edges, directed: false)
            let reference = Self.referenceEigenvector(g, weighted: weighted)
            let one = try #require(g.eigenvector(weighted: weighted, threads: 1))
            let two = try #require(g.eigenvector(weighted: weighted, threads: 2))
            #expect(one == two)
            let worst = zip(one, reference).map { abs($0 - $1) }.max() ?? 0
            #expect(worst < 1e-9, "largest difference \(worst)")
            #expect(abs(one.map { $0 * $0 }.reduce(0, +) - 1) < 1e-12)
            // Smaller and larger bases agree too.
            let small = try #require(g.lanczosLeadingEigenvector(weighted: weighted, tolerance: 1e-12, maxProducts: 100_000, threads: 2, basis: 3))
            #expect((zip(small, reference).map { abs($0 - $1) }.max() ?? 0) < 1e-9)
        }
    }

    @Test func lanczosOnRepeatedLeadingEigenvalueGivesTheProjection() throws {
        // Three identical triangles and a path: power iteration from the uniform vector ends at
        // 1/3 on every triangle node, 0 on the path.
        let t: [(Int, Int, Double)] = [(0, 1, 1), (1, 2, 1), (2, 0, 1), (3, 4, 1), (4, 5, 1), (5, 3, 1),
                                       (6, 7, 1), (7, 8, 1), (8, 6, 1), (9, 10, 1), (10, 11, 1)]
        let e = try #require(Graph(nodeCount: 13, edges: t, directed: false).eigenvector())
        for v in 0..<9 { #expect(abs(e[v] - 1.0 / 3.0) < 1e-9) }
        for v in 9..<13 { #expect(abs(e[v]) < 1e-9) }
        // No edges at all: the uniform vector.
        let flat = try #require(Graph(nodeCount: 4, edges: [], directed: false).eigenvector())
        #expect(flat.allSatisfy { abs($0 - 0.5) < 1e-12 })
    }

    @Test func jacobiFindsTheLargestEigenpair() {
        // Path P4's adjacency: largest eigenvalue the golden ratio, eigenvector ∝ (1, φ, φ, 1).
        let s = leadingEigenvectorOfTridiagonal([0, 0, 0, 0], [1, 1, 1])
        let phi = (1 + 5.0.squareRoot()) / 2, norm = (2 + 2 * phi * phi).squareRoot()
        let sign = s[0] < 0 ? -1.0 : 1.0
        for (i, x) in [1, phi, phi, 1].enumerated() { #expect(abs(sign * s[i] - x / norm) < 1e-12) }
    }

    /// Core numbers by repeatedly deleting a node of least degree (O(n²), as a reference).
    static func referenceCores(_ g: Graph) -> [Int] {
        let n = g.nodeCount
        var degree = (0..<n).map { u in g.neighbours(of: u).count + (g.isDirected ? g.inNeighbours(of: u).count : 0) }
        var removed = [Bool](repeating: false, count: n), core = [Int](repeating: 0, count: n)
        var k = 0
        for _ in 0..<n {
            let v = (0..<n).filter { !removed[$0] }.min { degree[$0] < degree[$1] }!
            k = max(k, degree[v]); core[v] = k; removed[v] = true
            for i in g.neighbours(of: v) where !removed[Int(g.targets[i])] { degree[Int(g.targets[i])] -= 1 }
            if g.isDirected { for i in g.inNeighbours(of: v) where !removed[Int(g.inSources[i])] { degree[Int(g.inSources[i])] -= 1 } }
        }
        return core
    }

    /// Components by union-find, numbered by first node in the order.
    static func referenceComponents(_ g: Graph, order: [Int]) -> [Int] {
        var parent = Array(0..<g.nodeCount)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        for u in 0..<g.nodeCount { for k in g.neighbours(of: u) { parent[find(u)] = find(Int(g.targets[k])) } }
        var number: [Int: Int] = [:]
        for v in order where number[find(v)] == nil { number[find(v)] = number.count }
        return (0..<g.nodeCount).map { number[find($0)]! }
    }

    @Test(arguments: 0..<shapes.count)
    func coresAndComponentsEqualReference(shape: Int) {
        let s = Self.shapes[shape]
        let g = Self.randomGraph(n: s.n, m: s.m * 2, seed: UInt64(shape + 50), directed: s.directed, isolated: s.isolated)
        #expect(g.coreNumbers() == Self.referenceCores(g))
        #expect(g.coreNumbersByBins() == Self.referenceCores(g))
        // Denser: more levels, and core numbers that skip levels.
        let dense = Self.randomGraph(n: s.n, m: s.m * 8, seed: UInt64(shape + 90), directed: s.directed, isolated: s.isolated)
        #expect(dense.coreNumbers() == Self.referenceCores(dense) && dense.coreNumbersByBins() == dense.coreNumbers())
        #expect(g.connectedComponents() == Self.referenceComponents(g, order: Array(0..<s.n)))
        let reversed = Array((0..<s.n).reversed())
        #expect(g.connectedComponents(order: reversed) == Self.referenceComponents(g, order: reversed))
    }
}
