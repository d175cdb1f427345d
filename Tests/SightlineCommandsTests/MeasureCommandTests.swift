import Foundation
import SightlineTestSupport
import Testing

/// `sightline measure` as a user runs it: the exact header, networkx's values, clear errors.
@Suite("measure command")
struct MeasureCommandTests {
    @Test("prints one row per node with exactly the documented columns, matching networkx on the kite")
    func kite() throws {
        let r = try runSightline(["measure", "--edges", PackagePaths.root + "/Tests/SightlineGraphTests/Reference/kite.edges.csv", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "node,degree,betweenness,closeness,harmonic,pagerank,eigenvector,coreness,component,community")
        #expect(lines.count == 11)
        // networkx: betweenness_centrality(krackhardt_kite_graph())[7] == 0.3888888888888889 (node 7, the broker).
        let row7 = try #require(lines.first { $0.hasPrefix("7,") }).split(separator: ",")
        #expect(abs(Double(row7[2])! - 0.3888888888888889) < 1e-12)
        // Numbers read back exactly: shortest round-trip text of the double.
        #expect(row7[2] == "0.38888888888888884" || row7[2] == "0.3888888888888889")
    }

    @Test("--measures selects columns; bad files and options get clear errors")
    func errors() throws {
        let dir = TemporaryDirectory()
        let good = dir.write("g.csv", "source,target,weight\na,b,2\nb,c,1\n")
        let some = try runSightline(["measure", "--edges", good, "--measures", "degree,coreness", "--format", "csv"])
        #expect(some.stdout.hasPrefix("node,degree,coreness\r\na,1,1\r\n"))
        let weighted = try runSightline(["measure", "--edges", good, "--weighted", "--measures", "degree", "--format", "csv"])
        #expect(weighted.stdout.contains("b,3.0"))
        let badWeight = try runSightline(["measure", "--edges", dir.write("w.csv", "source,target,weight\na,b,-1\n")])
        #expect(badWeight.status == 4) // an input file that cannot be used
        #expect(badWeight.stderr.contains("w.csv:2: field 'weight': \"-1\" is not valid: expected a positive number"))
        let noHeader = try runSightline(["measure", "--edges", dir.write("h.csv", "from,to\na,b\n")])
        #expect(noHeader.stderr.contains("h.csv:1: the header must name the columns 'source' and 'target'"))
        let unknown = try runSightline(["measure", "--edges", good, "--measures", "degree,fame"])
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown measure(s) fame"))
        let noWeights = try runSightline(["measure", "--edges", dir.write("u.csv", "source,target\na,b\n"), "--weighted"])
        #expect(noWeights.stderr.contains("--weighted needs a 'weight' column"))
    }
}

/// `sightline impact --edges` as a user runs it.
@Suite("impact command")
struct ImpactCommandTests {
    @Test("prints the largest component after each removal, block and sequential")
    func kiteCurve() throws {
        let kite = PackagePaths.root + "/Tests/SightlineGraphTests/Reference/kite.edges.csv"
        let block = try runSightline(["impact", "--edges", kite, "--strategy", "degree", "--block", "--steps", "3", "--format", "csv"])
        #expect(block.status == 0, "\(block.stderr)")
        // networkx on the same ranking (Reference/kite.curves.json): 10, 9, 8, 4.
        let sizes = block.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[3] }
        #expect(sizes == ["10", "9", "8", "4"])
        let sequential = try runSightline(["impact", "--edges", kite, "--strategy", "degree", "--sequential", "--steps", "3", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(sequential.stdout.utf8)) as! [[String: Any]]
        #expect(rows.map { $0["largestComponent"] as! Int } == [10, 9, 8, 5])
        let bad = try runSightline(["impact", "--edges", kite, "--strategy", "fame"])
        #expect(bad.status != 0 && bad.stderr.contains("--strategy must be one of degree, betweenness"))
    }
}

/// `measure --timings`, which the graph benchmark reads.
@Suite("measure timings")
struct MeasureTimingTests {
    @Test("one JSON line with load, each measure, peak memory and the community's modularity; bfs only when timing")
    func timingLine() throws {
        let lesmis = PackagePaths.root + "/Tests/SightlineGraphTests/Reference/lesmis.edges.csv"
        let r = try runSightline(["measure", "--edges", lesmis, "--measures", "bfs,community,betweenness", "--samples", "10",
                                  "--communities", "leiden", "--timings", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let line = try #require(r.stderr.split(whereSeparator: \.isNewline).first { $0.hasPrefix("{") })
        let t = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        #expect(Set((t["best_s"] as! [String: Double]).keys) == ["bfs", "community", "betweenness"])
        #expect((t["n"] as! Int) == 77 && (t["m"] as! Int) == 254 && (t["peak_rss_mib"] as! Double) > 0)
        // Leiden on Les Misérables reaches igraph's modularity (Reference/lesmis.leiden.txt).
        #expect(abs((t["modularity"] as! Double) - 0.5600) < 0.005)
        // No bfs column: the CSV has node, betweenness and community.
        #expect(r.stdout.hasPrefix("node,betweenness,community"))
        let refused = try runSightline(["measure", "--edges", lesmis, "--measures", "bfs"])
        #expect(refused.status == 2 && refused.stderr.contains("unknown measure(s) bfs"))
    }
}
