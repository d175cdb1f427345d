import ArgumentParser
import SightlineAnalysis
import SightlineExport
import SightlineGate
import SightlineModel
import SightlineStore

/// `sightline export graphml|gexf|i2|json -o PATH --audience NAME --purpose TEXT`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the network, or part of it, for yEd, Gephi, Cytoscape or i2 Analyst's Notebook, with a manifest.",
        discussion: """
        Formats: graphml (yEd, Gephi, Cytoscape), gexf (GEXF 1.2 with dates, for Gephi's timeline), \
        i2 (two CSV tables for Analyst's Notebook: PATH's name with .entities.csv and .links.csv; \
        docs/exports.md holds the import specification), json. Every export is a disclosure: --purpose \
        is required, the audience decides what it holds, and PATH.manifest.json beside it records the \
        audience, purpose, counts, each file's SHA-256, the handling and conditions of what it holds, \
        and the disclosure log's signed checkpoint ('sightline audit verify --checkpoint PATH.manifest.json').
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var clustering: ClusterOptions

    @Argument(help: ArgumentHelp("graphml, gexf, i2 or json.", valueName: "format")) var format: ExportFormat
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The file to write (for i2, the stem of the two tables).", valueName: "path"))
    var output: String
    @Option(help: ArgumentHelp("Only the entities within --hops links of this one.", valueName: "entity")) var ego: String?
    @Option(help: "Links from the --ego entity (default 2).") var hops: Int = 2
    @Option(help: ArgumentHelp("Only this cluster (a number as analyse prints it, or an entity in it).", valueName: "cluster")) var cluster: String?
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Only the entities on the shortest paths between two entities.", valueName: "a b"))
    var path: [String] = []
    @Flag(help: "Name the children in the view (by default a child is 'Child C-<n>').") var nameChildren = false

    func validate() throws {
        if output.isEmpty { throw ValidationError("-o must name a file") }
        try Bounds.check("--hops", hops, 1...100)
        if !path.isEmpty && path.count != 2 { throw ValidationError("--path takes two entities (got \(path.count))") }
        if [ego != nil, cluster != nil, !path.isEmpty].filter({ $0 }).count > 1 {
            throw ValidationError("give at most one view: --ego, --cluster or --path")
        }
    }

    func run() throws {
        let db = try store.open()
        let data = try network.productData(db)
        let s = data.snapshot
        let view: NetworkView
        if let ego {
            view = .ego(try db.find(ego), hops: hops)
        } else if let cluster {
            let community = clustering.partition(s, weighted: !network.unweighted)
            view = .cluster(try clustering.number(of: cluster, in: community, s, db), community: community)
        } else if path.count == 2 {
            view = .path(try db.find(path[0]), try db.find(path[1]), limit: 10)
        } else {
            view = .whole
        }
        let graph = try view.exportGraph(of: s, facts: data.contents.facts, on: Day(network.filter.asOf ?? RunDay.todayOrClock()))
        let files = try format.files(graph, path: output)
        let g = currentGate
        // What each file discloses is the graph it was written from: every entity and every link's items.
        for f in files { g.stage(f.bytes, to: .file(f.path), holding: graph.entities.map(\.id), items: graph.links.lazy.flatMap(\.evidence)) }
        g.afterLogging = { record, checkpoint, log in
            let manifest = ExportManifest(format: format, files: files, graph: graph, view: view.description,
                                          audience: g.screen.audience, record: record, checkpoint: checkpoint, log: log)
            return [.init(manifest.bytes, to: .file(output + ".manifest.json"))]
        }
        var e = standardError
        print("export \(format.rawValue) of \(view): \(graph.entities.count) entities, \(graph.links.count) links; writes \(files.map(\.path).joined(separator: ", ")) and \(output).manifest.json", to: &e)
    }
}

extension ExportFormat: ExpressibleByArgument {}
