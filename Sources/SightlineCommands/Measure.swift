import ArgumentParser
import Foundation
import SightlineGraph
import SightlineIngest
import SightlineNetwork
import SightlineSynthetic

/// `sightline measure --edges FILE.csv`
struct Measure: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure any graph given as an edge list: centralities, cores, components, communities.",
        discussion: """
        Reads a CSV with a header naming 'source' and 'target' (and optionally 'weight'); node names \
        are text; undirected unless --directed. The values follow networkx 3.x's defaults for the \
        same call, so they can be checked against it: betweenness normalised; closeness with the \
        Wasserman-Faust correction; harmonic unnormalised; PageRank with damping 0.85; eigenvector \
        centrality scaled to unit length; core number; community by Louvain (seeded, as networkx's \
        louvain_communities) or, with --communities leiden, by Leiden (seeded; every community \
        connected). See docs/algorithms.md.
        """)

    /// Algorithms that can be timed but print no column: one breadth-first search from the first node.
    static let timingOnly = ["bfs"]
    static let allMeasures = ["degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "coreness", "component", "community"]

    @Option(help: ArgumentHelp("The edge list.", valueName: "file.csv")) var edges: String
    @Flag(help: "Edges read one way.") var directed = false
    @Flag(help: "Use the weight column (distances for paths; strengths for degree, PageRank, eigenvector, communities).") var weighted = false
    @Option(help: "Only these measures, comma-separated: \(allMeasures.joined(separator: ",")).") var measures: String?
    @Option(help: "Estimate betweenness from this many sampled sources instead of all.") var samples: Int?
    @Option(help: "The seed for sampling and for the community methods' node order.") var seed: UInt64 = 42
    @Option(help: "Louvain's resolution (1 is classic modularity).") var resolution: Double = 1
    @Option(help: "Community method: louvain (the default, matching networkx's louvain_communities) or leiden (Traag et al. 2019: better modularity, every community connected).") var communities: CommunityMethod = .louvain
    @OptionGroup var output: OutputOptions
    var format: OutputFormat { output.format }
    @Flag(help: "Print timings to standard error as one JSON line (load, and each measure as the best of up to 5 runs, like the peer benchmark; the community measure adds its modularity). With it, --measures also takes bfs: one breadth-first search from the first node, timed, no column.") var timings = false

    func validate() throws {
        if let measures {
            let unknown = measures.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !Self.allMeasures.contains($0) && !(timings && Self.timingOnly.contains($0)) }
            if !unknown.isEmpty { throw ValidationError("unknown measure(s) \(unknown.joined(separator: ", ")); choose from \(Self.allMeasures.joined(separator: ","))") }
        }
        if let samples { try Bounds.check("--samples", samples, Bounds.samples) }
        try Bounds.check("--resolution", resolution, Bounds.resolution)
    }

    func run() throws {
        let started = Date()
        let list: EdgeList
        do { list = try EdgeList.read(try FileByteSource(path: edges), file: edges) } catch let e as IngestError {
            throw CommandError(e.description)
        }
        if weighted && !list.hasWeights { throw CommandError("\(edges): --weighted needs a 'weight' column") }
        let graph = Graph(nodeCount: list.names.count, sources: list.sources, targets: list.targets, weights: list.weights, directed: directed)
        let loadSeconds = Date().timeIntervalSince(started)
        let chosen = measures.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? Self.allMeasures
        if timings {
            var times: [String: Double] = [:]
            var modularity: Double?
            for m in chosen {
                var runs: [Double] = []
                repeat {
                    let t = Date()
                    let q = Self.runAlgorithm(m, on: graph, weighted: weighted, seed: seed, resolution: resolution,
                                              communities: communities, samples: samples)
                    if modularity == nil { modularity = q }
                    runs.append(Date().timeIntervalSince(t))
                } while runs.last! < 1 && runs.count < 5 && runs.reduce(0, +) < 5
                times[m] = runs.min()!
            }
            var usage = rusage()
            #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            #else
            getrusage(RUSAGE_SELF, &usage)
            #endif
            var line: [String: Any] = ["n": graph.nodeCount, "m": graph.edgeCount, "load_s": loadSeconds, "best_s": times,
                                       "peak_rss_mib": Double(usage.ru_maxrss) / 1024]
            if let modularity { line["modularity"] = modularity }
            var e = standardError
            print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self), to: &e)
        }
        // Exact betweenness is a search from every node: above analyse's exact limit, say so and how to sample.
        var progress: ProgressCounter?
        let exact = samples.map { $0 >= graph.nodeCount } ?? true
        if chosen.contains("betweenness") && exact && graph.nodeCount > Centrality.exactBetweennessLimit {
            var e = standardError
            print("note: exact betweenness on \(graph.nodeCount) nodes runs \(graph.nodeCount) searches over \(graph.edgeCount) edges "
                  + "and may take minutes; --samples \(Centrality.betweennessSamples) estimates it from \(Centrality.betweennessSamples) sources "
                  + "and prints the error bound", to: &e)
            let bar = ProgressBar(total: graph.nodeCount, unit: .items("sources"))
            if bar.enabled { progress = ProgressCounter(bar) }
        }
        var tick: (@Sendable () -> Void)?
        if let progress { tick = { progress.tick() } }
        let report = MeasureReport.compute(graph, names: list.names, measures: chosen, weighted: weighted,
                                           samples: samples, seed: seed, resolution: resolution, communities: communities,
                                           progress: tick)
        progress?.bar.finish()
        if let note = report.note { var e = standardError; print(note, to: &e) }
        switch format {
        case .csv: print(report.table.csv, terminator: "")
        case .table: print(report.table.rendered(), terminator: "")
        case .json: print(try jsonText(report.rows))
        }
    }
}

extension Measure {
    /// Runs one measure's algorithm alone, without formatting its output (for `--timings`).
    /// Returns the modularity for `community`, nil otherwise.
    @discardableResult
    static func runAlgorithm(_ m: String, on g: Graph, weighted: Bool, seed: UInt64, resolution: Double,
                             communities: CommunityMethod = .louvain, samples: Int? = nil) -> Double? {
        var sink = 0.0
        switch m {
        case "degree": sink = (weighted ? g.weightedDegrees() : g.degrees()).first ?? 0
        case "betweenness": sink = g.betweenness(weighted: weighted, sources: sampledSources(g, samples, seed)).first ?? 0
        case "bfs": sink = Double(g.breadthFirstDistances(from: 0).count)
        case "closeness": sink = g.closeness(weighted: weighted).first ?? 0
        case "harmonic": sink = g.harmonic(weighted: weighted).first ?? 0
        case "pagerank": sink = g.pageRank(weighted: weighted).first ?? 0
        case "eigenvector": sink = g.eigenvector(weighted: weighted)?.first ?? 0
        case "coreness": sink = Double(g.coreNumbers().first ?? 0)
        case "component": sink = Double(g.connectedComponents().first ?? 0)
        case "community":
            let q = communities.run(on: g, resolution: resolution, seed: seed, weighted: weighted).modularity
            blackHole(q)
            return q
        default: break
        }
        blackHole(sink)
        return nil
    }

    /// The sampled sources for `--samples K` (nil: all), drawn by a seeded shuffle.
    static func sampledSources(_ g: Graph, _ samples: Int?, _ seed: UInt64) -> [Int]? {
        guard let k = samples, k < g.nodeCount else { return nil }
        var all = Array(0..<g.nodeCount)
        Graph.seededShuffle(&all, seed: seed)
        return Array(all.prefix(k))
    }

    /// Keeps a result alive so the optimiser cannot drop the work that made it.
    @inline(never) static func blackHole(_ x: Double) { _ = x }
}

/// The values of `measure`, per node, in the file's node order.
struct MeasureReport {
    var table: TextTable
    var rows: [[String: String]]
    var note: String?

    static func compute(_ g: Graph, names: [String], measures: [String], weighted: Bool, samples: Int?,
                        seed: UInt64, resolution: Double, communities: CommunityMethod = .louvain,
                        progress: (@Sendable () -> Void)? = nil) -> MeasureReport {
        var columns: [String: [String]] = [:]
        var note: String?
        func text(_ v: Double) -> String { "\(v)" }
        for m in measures {
            switch m {
            case "degree":
                columns[m] = weighted ? g.weightedDegrees().map(text) : g.degrees().map { String(Int($0)) }
            case "betweenness":
                let sources = Measure.sampledSources(g, samples, seed)
                var b = g.betweenness(weighted: weighted, sources: sources, progress: progress)
                if let s = sources {
                    b = b.map { $0 * Double(g.nodeCount) / Double(s.count) }
                    let e = Graph.betweennessSamplingError(nodes: g.nodeCount, samples: s.count)
                    note = "betweenness estimated from \(s.count) of \(g.nodeCount) sources (seed \(seed)): every value is within ±\(e) of the exact one with probability 0.95 (Hoeffding bound)"
                }
                columns[m] = b.map(text)
            case "closeness": columns[m] = g.closeness(weighted: weighted).map(text)
            case "harmonic": columns[m] = g.harmonic(weighted: weighted).map(text)
            case "pagerank": columns[m] = g.pageRank(weighted: weighted).map(text)
            case "eigenvector":
                if let e = g.eigenvector(weighted: weighted) { columns[m] = e.map(text) } else {
                    columns[m] = Array(repeating: "", count: g.nodeCount)
                    note = "eigenvector centrality did not converge (the graph may be disconnected or periodic); its column is empty"
                }
            case "coreness": columns[m] = g.coreNumbers().map(String.init)
            case "component": columns[m] = g.connectedComponents().map(String.init)
            case "community":
                columns[m] = communities.run(on: g, resolution: resolution, seed: seed, weighted: weighted).community.map(String.init)
            default: break
            }
        }
        let headers = ["node"] + Measure.allMeasures.filter { measures.contains($0) }
        var table = TextTable(headers: headers)
        var rows: [[String: String]] = []
        for (i, name) in names.enumerated() {
            let row = [name] + headers.dropFirst().map { columns[$0]![i] }
            table.rows.append(row)
            rows.append(Dictionary(uniqueKeysWithValues: zip(headers, row)))
        }
        return MeasureReport(table: table, rows: rows, note: note)
    }
}

/// `--communities louvain|leiden` (``CommunityMethod`` lives in SightlineNetwork).
extension CommunityMethod: ExpressibleByArgument {}
