import Foundation
import SightlineGraph
import SightlineIngest
import SightlineTestSupport
import Testing

/// Shortest paths, ego networks and connecting networks against networkx 3.6.1
/// (Reference/paths.json, made by Reference/make_cut_reference.py).
struct PathTests {
    let reference: [String: [String: [[Any]]]]

    init() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: ReferenceTests.folder + "paths.json"))
        reference = try JSONSerialization.jsonObject(with: data) as! [String: [String: [[Any]]]]
    }

    func index(_ list: EdgeList) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: list.names.enumerated().map { ($1, $0) })
    }

    @Test func karateAllShortestPaths() throws {
        let (g, list) = try ReferenceTests.load("karate", directed: false)
        let ix = index(list)
        for entry in reference["karate"]!["allShortest"]! {
            let (s, t, expected) = (entry[0] as! String, entry[1] as! String, entry[2] as! [[String]])
            let got = g.allShortestPaths(from: ix[s]!, to: ix[t]!).map { $0.map { list.names[$0] } }
            #expect(got.sorted { $0.lexicographicallyPrecedes($1) } == expected, "\(s) to \(t)")
            #expect(g.shortestPath(from: ix[s]!, to: ix[t]!)?.count == expected[0].count)
        }
    }

    @Test func weightedShortestPaths() throws {
        let (g, list) = try ReferenceTests.load("lesmis_weighted", directed: false)
        let ix = index(list)
        for entry in reference["lesmis_weighted"]!["allShortestWeighted"]! {
            let (s, t, expected) = (entry[0] as! String, entry[1] as! String, entry[2] as! [[String]])
            let got = g.allShortestPaths(from: ix[s]!, to: ix[t]!, weighted: true).map { $0.map { list.names[$0] } }
            #expect(got.sorted { $0.lexicographicallyPrecedes($1) } == expected, "\(s) to \(t)")
        }
    }

    @Test func karateEgoNetworks() throws {
        let (g, list) = try ReferenceTests.load("karate", directed: false)
        let ix = index(list)
        for entry in reference["karate"]!["ego"]! {
            let (n, r, expected) = (entry[0] as! String, entry[1] as! Int, entry[2] as! [String])
            #expect(g.ego(of: ix[n]!, hops: r).map { list.names[$0.node] }.sorted() == expected, "\(n) within \(r)")
        }
    }

    @Test func karateConnectingNetworks() throws {
        let (g, list) = try ReferenceTests.load("karate", directed: false)
        let ix = index(list)
        for entry in reference["karate"]!["connecting"]! {
            let (nodes, expected) = (entry[0] as! [String], entry[1] as! [String])
            let got = g.connectingNetwork(of: nodes.map { ix[$0]! })
            #expect(got.nodes.map { list.names[$0] }.sorted() == expected, "\(nodes)")
            #expect(got.unconnected.isEmpty)
        }
    }

    @Test func unreachableAndTrivialCases() {
        let g = Graph(nodeCount: 4, edges: [(0, 1, 1), (2, 3, 1)], directed: false)
        #expect(g.shortestPath(from: 0, to: 3) == nil)
        #expect(g.allShortestPaths(from: 1, to: 1) == [[1]])
        #expect(g.connectingNetwork(of: [0, 3]).unconnected.map { [$0.0, $0.1] } == [[0, 3]])
        // A directed edge is followed one way only.
        let d = Graph(nodeCount: 2, edges: [(0, 1, 1)], directed: true)
        #expect(d.shortestPath(from: 0, to: 1) == [0, 1])
        #expect(d.shortestPath(from: 1, to: 0) == nil)
        #expect(d.ego(of: 1, hops: 1).map(\.node) == [1, 0]) // ego networks follow links both ways
    }
}
