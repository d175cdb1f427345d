import ArgumentParser
import Foundation
import SightlineAnalysis
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

    static var allMeasures: [String] { EdgeListMeasures.all }

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
                .filter { !Self.allMeasures.contains($0) && !(timings && EdgeListMeasures.timingOnly.contains($0)) }
            if !unknown.isEmpty { throw ValidationError("unknown measure(s) \(unknown.joined(separator: ", ")); choose from \(Self.allMeasures.joined(separator: ","))") }
        }
        if let samples { try Bounds.check("--samples", samples, Bounds.samples) }
        try Bounds.check("--resolution", resolution, Bounds.resolution)
    }

    func run() throws {
        let clock = ContinuousClock(), started = clock.now
        let list: EdgeList
        do { list = try EdgeList.read(try FileByteSource(path: edges), file: edges) } catch let e as IngestError {
            throw CommandError(e.description)
        }
        if weighted && !list.hasWeights { throw CommandError("\(edges): --weighted needs a 'weight' column") }
        let graph = Graph(nodeCount: list.names.count, sources: list.sources, targets: list.targets, weights: list.weights, directed: directed)
        let load = clock.now - started
        let chosen = measures.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? Self.allMeasures
        var settings = EdgeListMeasures.Settings()
        settings.weighted = weighted; settings.samples = samples; settings.seed = seed
        settings.resolution = resolution; settings.communities = communities
        if timings {
            let t = MeasureTimings(graph, measures: chosen, settings: settings,
                                   loadSeconds: Double(load.components.seconds) + Double(load.components.attoseconds) * 1e-18)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var e = standardError
            print(String(decoding: try encoder.encode(t), as: UTF8.self), to: &e)
        }
        // Exact betweenness is a search from every node: above analyse's exact limit, say so and how to sample.
        var progress: ProgressCounter?
        if EdgeListMeasures.isLongRun(graph, measures: chosen, settings: settings) {
            var e = standardError
            print("note: exact betweenness on \(graph.nodeCount) nodes runs \(graph.nodeCount) searches over \(graph.edgeCount) edges "
                  + "and may take minutes; --samples \(Centrality.betweennessSamples) estimates it from \(Centrality.betweennessSamples) sources "
                  + "and prints the error bound", to: &e)
            let bar = ProgressBar(total: graph.nodeCount, unit: .items("sources"))
            if bar.enabled { progress = ProgressCounter(bar) }
        }
        var tick: (@Sendable () -> Void)?
        if let progress { tick = { progress.tick() } }
        let report = EdgeListMeasures(graph, names: list.names, measures: chosen, settings: settings, progress: tick)
        progress?.bar.finish()
        if let note = report.note { var e = standardError; print(note, to: &e) }
        let table = TextTable(headers: report.headers, rows: report.rows)
        switch format {
        case .csv: print(table.csv, terminator: "")
        case .table: print(table.rendered(), terminator: "")
        case .json: print(try jsonText(report.keyedRows))
        }
    }
}

/// `--communities louvain|leiden` (``CommunityMethod`` lives in SightlineNetwork).
extension CommunityMethod: ExpressibleByArgument {}
