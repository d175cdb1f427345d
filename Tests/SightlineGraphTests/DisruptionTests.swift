import Foundation
import SightlineGraph
import SightlineIngest
import SightlineTestSupport
import Testing

/// Cut vertices, bridges and disruption curves against networkx 3.6.1 (Reference/*.cuts.json and
/// *.curves.json, made by Reference/make_cut_reference.py with the same tie-breaking rule).
struct DisruptionTests {
    @Test(arguments: ["karate", "florentine", "lesmis", "kite", "disconnected", "star", "weighted_path"])
    func cutVerticesAndBridges(name: String) throws {
        let (g, list) = try ReferenceTests.load(name, directed: false)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ReferenceTests.folder + name + ".cuts.json"))) as! [String: Any]
        let (vertices, bridges) = g.cutVerticesAndBridges()
        #expect(vertices.map { list.names[$0] }.sorted() == (json["articulationPoints"] as! [String]))
        let expected = (json["bridges"] as! [[String]]).map { $0.joined(separator: "-") }
        #expect(bridges.map { [list.names[$0.0], list.names[$0.1]].sorted().joined(separator: "-") }.sorted() == expected)
    }

    @Test(arguments: ["karate", "florentine", "kite"])
    func disruptionCurves(name: String) throws {
        let (g, list) = try ReferenceTests.load(name, directed: false)
        let curves = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ReferenceTests.folder + name + ".curves.json"))) as! [[String: Any]]
        for c in curves {
            let strategy = Graph.RemovalStrategy(rawValue: c["strategy"] as! String)!
            let sequential = c["sequential"] as! Bool
            let got = g.disruptionCurve(strategy: strategy, sequential: sequential, steps: 10)
            let label = "\(name) \(strategy) \(sequential ? "sequential" : "block")"
            #expect(got.compactMap { $0.node.map { list.names[$0] } } == (c["removed"] as! [String]), "\(label)")
            #expect(got.map(\.largestComponent) == (c["largestComponent"] as! [Int]), "\(label)")
        }
    }

    @Test func handWorkedPathAndEmpty() {
        // 0-1-2-3-4: removing the middle node leaves two pairs.
        let g = Graph(nodeCount: 5, edges: [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1)], directed: false)
        let curve = g.disruptionCurve(strategy: .betweenness, sequential: false, steps: 1)
        #expect(curve.map(\.largestComponent) == [5, 2])
        #expect(curve[1].node == 2)
        // Degree ties (1, 2 and 3 all have degree 2): the lowest index goes first.
        #expect(g.disruptionCurve(strategy: .degree, sequential: false, steps: 1)[1].node == 1)
        #expect(g.cutVerticesAndBridges().vertices == [1, 2, 3])
        #expect(g.cutVerticesAndBridges().bridges.count == 4)
        let empty = Graph(nodeCount: 0, edges: [], directed: false)
        #expect(empty.disruptionCurve(strategy: .degree, sequential: true, steps: 3).map(\.largestComponent) == [0])
        #expect(empty.cutVerticesAndBridges().vertices.isEmpty)
    }

    @Test func longChainsDoNotOverflowTheStack() {
        let n = 200_000
        let g = Graph(nodeCount: n, edges: (0..<(n - 1)).map { ($0, $0 + 1, 1) }, directed: false)
        let (v, b) = g.cutVerticesAndBridges()
        #expect(v.count == n - 2 && b.count == n - 1)
    }
}

/// The sampled betweenness estimate and its stated bound.
struct SampledBetweennessTests {
    @Test func boundHoldsOnLesMiserables() throws {
        let (g, _) = try ReferenceTests.load("lesmis", directed: false)
        let exact = g.betweenness()
        let n = g.nodeCount
        // ε = (n/(n-1)) √(ln(2n/0.05) / (2k)); by hand for n = 77, k = 40: 1.0132 × √(ln 3080 / 80) = 0.3192...
        let e = Graph.betweennessSamplingError(nodes: n, samples: 40)
        #expect(abs(e - (77.0 / 76.0) * (8.032685 / 80).squareRoot()) < 1e-5)
        var rng = GraphTestRandom(seed: 9)
        for _ in 0..<20 {
            var all = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { all.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            let sources = Array(all.prefix(40))
            let estimate = g.betweenness(sources: sources).map { $0 * Double(n) / 40 }
            #expect(zip(estimate, exact).allSatisfy { abs($0 - $1) <= e })
        }
        // All sources: the estimate is exact.
        let full = g.betweenness(sources: Array(0..<n))
        #expect(zip(full, exact).allSatisfy { abs($0 - $1) < 1e-12 })
    }
}

/// Reach impact: which protected nodes lose every path to a source, worked by hand.
struct ReachImpactTests {
    // Children 0 and 1; suspects 5 and 6. 0-2-5, 1-3-5, 3-4-6: node 3 links child 1 to both suspects.
    let g = Graph(nodeCount: 7, edges: [(0, 2, 1), (2, 5, 1), (1, 3, 1), (3, 5, 1), (3, 4, 1), (4, 6, 1)], directed: false)

    @Test func removingABrokerCutsAChildOff() {
        let i = g.reachImpact(removing: [3], protected: [0, 1], sources: [5, 6])
        #expect(i.cutOff == [1])
        #expect(i.largestBefore == 7 && i.largestAfter == 3) // {0, 2, 5} remain together
        // Before: one component of 7: fragmentation 0. After: components {0,2,5}, {1}, {4,6} of 6 nodes:
        // 1 - (3*2 + 0 + 2*1) / (6*5) = 1 - 8/30.
        #expect(i.fragmentationBefore == 0)
        #expect(abs(i.fragmentationAfter - (1 - 8.0 / 30.0)) < 1e-12)
        #expect(g.reachImpact(removing: [4], protected: [0, 1], sources: [5, 6]).cutOff.isEmpty) // 1 still reaches 5
    }

    @Test func greedyNeverPicksAChildAndTakesTheBiggestCutFirst() {
        let steps = g.greedyReachRemoval(steps: 2, candidates: Array(0..<7), protected: [0, 1], sources: [5, 6])
        #expect(!steps.contains { [0, 1].contains($0.node) })
        // Removing 2, 3 or 5 each cuts one child off (child 1 still reaches 6 through 3-4 when 5 goes).
        // The tie goes to the larger fragmentation: 3 leaves {0,2,5}, {1}, {4,6} (0.733), 5 leaves
        // {0,2}, {1,3,4,6} (0.533), 2 leaves {0}, {1,3,4,5,6} (0.333).
        #expect(steps[0].node == 3 && steps[0].impact.cutOff == [1])
        #expect(steps[1].impact.cutOff == [0]) // then 2 or 5 cuts child 0 off
    }
}
