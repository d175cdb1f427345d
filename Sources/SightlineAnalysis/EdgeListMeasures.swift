#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SightlineGraph
import SightlineNetwork

/// The measures of any graph given as an edge list (`sightline measure`), per node in the file's
/// node order, following networkx 3.x's defaults for the same call; and the timing harness the
/// peer benchmark compares against igraph and NetworKit (`--timings`).
public struct EdgeListMeasures: Sendable {
    /// The measures that give a column, in column order.
    public static let all = ["degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "coreness", "component", "community"]
    /// Algorithms that can be timed but give no column: one breadth-first search from the first node.
    public static let timingOnly = ["bfs"]

    /// How to compute: the options `measure` takes.
    public struct Settings: Sendable {
        public var weighted = false
        /// Estimate betweenness from this many sampled sources (nil: exact).
        public var samples: Int?
        public var seed: UInt64 = 42
        public var resolution = 1.0
        public var communities: CommunityMethod = .louvain
        public init() {}
    }

    /// "node" and then each measure asked for, in ``all``'s order.
    public var headers: [String]
    /// One row per node: its name, then each measure's value as text.
    public var rows: [[String]]
    /// What a reader must know about the values (a sampled betweenness's error bound, an
    /// eigenvector that did not converge).
    public var note: String?

    /// Whether these measures include exact betweenness on a graph above ``Centrality/exactBetweennessLimit``,
    /// which runs a search from every node and may take minutes.
    public static func isLongRun(_ g: Graph, measures: [String], settings: Settings) -> Bool {
        measures.contains("betweenness") && (settings.samples.map { $0 >= g.nodeCount } ?? true)
            && g.nodeCount > Centrality.exactBetweennessLimit
    }

    /// - Parameter progress: called once per betweenness source searched.
    /// - Complexity: that of each measure (docs/algorithms.md); exact betweenness O(n·m).
    public init(_ g: Graph, names: [String], measures: [String], settings s: Settings, progress: (@Sendable () -> Void)? = nil) {
        var columns: [String: [String]] = [:]
        var note: String?
        func text(_ v: Double) -> String { "\(v)" }
        for m in measures {
            switch m {
            case "degree":
                columns[m] = s.weighted ? g.weightedDegrees().map(text) : g.degrees().map { String(Int($0)) }
            case "betweenness":
                let sources = Self.sampledSources(g, s.samples, s.seed)
                var b = g.betweenness(weighted: s.weighted, sources: sources, progress: progress)
                if let k = sources {
                    b = b.map { $0 * Double(g.nodeCount) / Double(k.count) }
                    let e = Graph.betweennessSamplingError(nodes: g.nodeCount, samples: k.count)
                    note = "betweenness estimated from \(k.count) of \(g.nodeCount) sources (seed \(s.seed)): every value is within ±\(e) of the exact one with probability 0.95 (Hoeffding bound)"
                }
                columns[m] = b.map(text)
            case "closeness": columns[m] = g.closeness(weighted: s.weighted).map(text)
            case "harmonic": columns[m] = g.harmonic(weighted: s.weighted).map(text)
            case "pagerank": columns[m] = g.pageRank(weighted: s.weighted).map(text)
            case "eigenvector":
                if let e = g.eigenvector(weighted: s.weighted) { columns[m] = e.map(text) } else {
                    columns[m] = Array(repeating: "", count: g.nodeCount)
                    note = "eigenvector centrality did not converge (the graph may be disconnected or periodic); its column is empty"
                }
            case "coreness": columns[m] = g.coreNumbers().map(String.init)
            case "component": columns[m] = g.connectedComponents().map(String.init)
            case "community":
                columns[m] = s.communities.run(on: g, resolution: s.resolution, seed: s.seed, weighted: s.weighted).community.map(String.init)
            default: break
            }
        }
        let headers = ["node"] + Self.all.filter { measures.contains($0) }
        rows = names.indices.map { i in [names[i]] + headers.dropFirst().map { columns[$0]![i] } }
        self.headers = headers
        self.note = note
    }

    /// Each row as a dictionary from header to value (the JSON form).
    public var keyedRows: [[String: String]] { rows.map { Dictionary(uniqueKeysWithValues: zip(headers, $0)) } }

    /// The sampled sources for `samples` (nil: all), drawn by a seeded shuffle.
    public static func sampledSources(_ g: Graph, _ samples: Int?, _ seed: UInt64) -> [Int]? {
        guard let k = samples, k < g.nodeCount else { return nil }
        var all = Array(0..<g.nodeCount)
        Graph.seededShuffle(&all, seed: seed)
        return Array(all.prefix(k))
    }
}

/// Timings of each measure's algorithm alone, without formatting (`measure --timings`): the best of
/// up to 5 runs, stopping once a run takes a second or the runs five, as the peer script times
/// igraph and NetworKit (Benchmarks/peer_measure.py).
public struct MeasureTimings: Sendable, Codable {
    public var n: Int
    public var m: Int
    public var loadSeconds: Double
    /// Best wall-clock seconds per measure.
    public var best: [String: Double]
    /// The community method's modularity, when `community` was timed.
    public var modularity: Double?
    /// The process's peak resident memory so far, in MiB.
    public var peakRSSMiB: Double

    enum CodingKeys: String, CodingKey {
        case n, m, modularity
        case loadSeconds = "load_s", best = "best_s", peakRSSMiB = "peak_rss_mib"
    }

    public init(_ g: Graph, measures: [String], settings: EdgeListMeasures.Settings, loadSeconds: Double) {
        n = g.nodeCount; m = g.edgeCount; self.loadSeconds = loadSeconds
        var best: [String: Double] = [:]
        var modularity: Double?
        let clock = ContinuousClock()
        for name in measures {
            var runs: [Double] = []
            repeat {
                var q: Double?
                let d = clock.measure { q = Self.run(name, on: g, settings: settings) }
                if modularity == nil { modularity = q }
                runs.append(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
            } while runs.last! < 1 && runs.count < 5 && runs.reduce(0, +) < 5
            best[name] = runs.min()!
        }
        self.best = best; self.modularity = modularity
        peakRSSMiB = Self.peakRSSMiB()
    }

    /// Runs one measure's algorithm alone; the modularity for `community`, nil otherwise.
    static func run(_ name: String, on g: Graph, settings s: EdgeListMeasures.Settings) -> Double? {
        var sink = 0.0
        switch name {
        case "degree": sink = (s.weighted ? g.weightedDegrees() : g.degrees()).first ?? 0
        case "betweenness": sink = g.betweenness(weighted: s.weighted, sources: EdgeListMeasures.sampledSources(g, s.samples, s.seed)).first ?? 0
        case "bfs": sink = Double(g.breadthFirstDistances(from: 0).count)
        case "closeness": sink = g.closeness(weighted: s.weighted).first ?? 0
        case "harmonic": sink = g.harmonic(weighted: s.weighted).first ?? 0
        case "pagerank": sink = g.pageRank(weighted: s.weighted).first ?? 0
        case "eigenvector": sink = g.eigenvector(weighted: s.weighted)?.first ?? 0
        case "coreness": sink = Double(g.coreNumbers().first ?? 0)
        case "component": sink = Double(g.connectedComponents().first ?? 0)
        case "community":
            let q = s.communities.run(on: g, resolution: s.resolution, seed: s.seed, weighted: s.weighted).modularity
            blackHole(q)
            return q
        default: break
        }
        blackHole(sink)
        return nil
    }

    static func peakRSSMiB() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_maxrss) / 1024
    }

    /// Keeps a result alive so the optimiser cannot drop the work that made it.
    @inline(never) static func blackHole(_ x: Double) { _ = x }
}
