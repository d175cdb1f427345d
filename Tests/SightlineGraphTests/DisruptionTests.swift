import Foundation
@testable import SightlineGraph
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

    @Test func closePairsCountChildSuspectPairsWithinHops() {
        // Within 2 links: (0, 5) through 2 and (1, 5) through 3; 6 is 3 links from child 1.
        #expect(g.closePairs(protected: [0, 1], sources: [5, 6], hops: 2) == 2)
        #expect(g.closePairs(protected: [0, 1], sources: [5, 6], hops: 3) == 3)
        #expect(g.closePairs(protected: [0, 1], sources: [5, 6], hops: 1) == 0)
        let i = g.reachImpact(removing: [3], protected: [0, 1], sources: [5, 6])
        #expect(i.closePairsBefore == 2 && i.closePairsAfter == 1 && i.closePairsBroken == 1)
        // Removing a suspect breaks its own pairs.
        #expect(g.reachImpact(removing: [5], protected: [0, 1], sources: [5, 6]).closePairsAfter == 0)
    }

    @Test func greedyNeverPicksAChildAndTakesTheBiggestCutFirst() {
        let steps = g.greedyReachRemoval(steps: 3, candidates: Array(0..<7), protected: [0, 1], sources: [5, 6])
        #expect(!steps.contains { [0, 1].contains($0.node) })
        // Removing 2, 3 or 5 each cuts one child off (child 1 still reaches 6 through 3-4 when 5 goes).
        // Then close pairs: 5 breaks both, 2 and 3 one each. So 5 first.
        #expect(steps[0].node == 5 && steps[0].impact.cutOff == [0] && steps[0].impact.closePairsBroken == 2)
        // Left: {0,2}, {1,3,4,6}. Removing 3, 4 or 6 cuts child 1 off; no close pairs remain; 3 and 4
        // leave fragmentation 1 - 4/20 = 0.8 against 0.6 for 6; the tie goes to the lower index, 3.
        #expect(steps[1].node == 3 && steps[1].impact.cutOff == [1])
        #expect(abs(steps[1].impact.fragmentationAfter - 0.8) < 1e-12)
        // Then no removal protects anyone further: the list stops.
        #expect(steps.count == 2)
    }

    /// The greedy's shortcuts (cut vertices, local searches) against the plain definition: every
    /// candidate's full impact computed afresh, on seeded random graphs.
    @Test(arguments: 1...40) func greedyAgreesWithTheDefinition(seed: Int) {
        var rng = GraphTestRandom(seed: UInt64(seed))
        let n = 12 + Int(rng.next() % 30)
        var edges: [(Int, Int, Double)] = []
        for _ in 0..<(n + Int(rng.next() % UInt64(n))) {
            edges.append((Int(rng.next() % UInt64(n)), Int(rng.next() % UInt64(n)), 1))
        }
        let graph = Graph(nodeCount: n, edges: edges, directed: seed % 4 == 0)
        let protected = (0..<n).filter { $0 % 4 == 0 }
        let sources = (0..<n).filter { $0 % 3 == 1 }
        let candidates = (0..<n).filter { $0 % 4 != 0 }
        let hops = 1 + seed % 3
        let fast = graph.greedyReachRemoval(steps: 4, candidates: candidates, protected: protected, sources: sources, hops: hops)
        var removed: [Int] = []
        for step in fast {
            var best: (Int, Graph.ReachImpact)? = nil
            for c in candidates where !removed.contains(c) {
                let i = graph.reachImpact(removing: [c], protected: protected, sources: sources, alreadyRemoved: removed, hops: hops)
                if let (_, b) = best {
                    let rise = i.fragmentationAfter - i.fragmentationBefore, bRise = b.fragmentationAfter - b.fragmentationBefore
                    let better = i.cutOff.count != b.cutOff.count ? i.cutOff.count > b.cutOff.count
                        : i.closePairsBroken != b.closePairsBroken ? i.closePairsBroken > b.closePairsBroken
                        : rise > bRise + 1e-12
                    if !better { continue }
                }
                best = (c, i)
            }
            #expect(best?.0 == step.node)
            if let (_, b) = best {
                #expect(b.cutOff == step.impact.cutOff)
                #expect(b.closePairsBefore == step.impact.closePairsBefore && b.closePairsAfter == step.impact.closePairsAfter)
                #expect(b.largestAfter == step.impact.largestAfter)
                #expect(abs(b.fragmentationAfter - step.impact.fragmentationAfter) < 1e-12)
            }
            removed.append(step.node)
        }
        if fast.count < 4 {
            // It stopped early: no further removal cuts anyone off or breaks a close pair.
            #expect(candidates.filter { !removed.contains($0) }.allSatisfy {
                let i = graph.reachImpact(removing: [$0], protected: protected, sources: sources, alreadyRemoved: removed, hops: hops)
                return i.cutOff.isEmpty && i.closePairsBroken == 0
            })
        }
    }
}
