import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineRender
import SightlineStore

/// `sightline render VIEW [ARGS] -o FILE`
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Pictures of the network through Graphviz: svg, png, pdf, or the DOT source.",
        discussion: """
        Shapes show the kind of entity, colours the role (a colour-blind-safe palette); a child at \
        risk is sky blue with a double outline, never drawn like a suspect. Solid lines rest on \
        intelligence graded source 1-2 and assessment A-B, dashed lines on weaker grades; width \
        follows the evidence weight. Every picture has a legend. Links are labelled with their \
        types, items, best grade and dates when the view is small, and carry them as SVG tooltips \
        always. --pseudonymise replaces names and identifiers with stable pseudonyms.
        """,
        subcommands: [RenderEgo.self, RenderPath.self, RenderConnect.self, RenderCluster.self, RenderOverview.self, RenderHotspot.self, RenderTimeline.self])
}

/// Output options every view takes.
struct RenderOutput: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The file to write (its extension picks the format).", valueName: "file"))
    var output: String
    @Option(help: "svg, png, pdf or dot (the source); by default from the file's extension, else svg.") var format: String?
    @Option(help: "Layout engine: dot, neato, sfdp or fdp (default: chosen by view and size).") var engine: String?
    @Option(help: "The seed of neato's and sfdp's starting positions.") var seed: Int = 1
    @Flag(help: "Replace names and identifiers with stable pseudonyms (Child C-25, Person P-203).") var pseudonymise = false
    @Flag(help: "Label every link (by default only in views of 30 links or fewer; tooltips always).") var labelLinks = false
    @Option(help: "Size nodes by: \(Centrality.allCases.map(\.rawValue).joined(separator: ", ")) (over the whole network, weighted as the analysis is).")
    var sizeBy: Centrality = .degree
    @Option(help: ArgumentHelp("Also draw inferred co-presence (dotted) between people in the view seen at the same place, vehicle or phone within this many hours.", valueName: "hours"))
    var copresence: Double?

    func validate() throws {
        if let format, RenderFormat(rawValue: format.lowercased()) == nil {
            throw ValidationError("--format must be one of \(RenderFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let engine, LayoutEngine(rawValue: engine) == nil {
            throw ValidationError("--engine must be one of \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let copresence { try Bounds.check("--copresence", copresence, Bounds.hours, unit: "hours") }
    }

    /// The view options for a snapshot: the size measure computed over it, co-presence found in it.
    func options(for s: NetworkSnapshot, weighted: Bool) -> ViewOptions {
        var o = ViewOptions()
        o.pseudonymise = pseudonymise
        if labelLinks { o.labelLinks = true }
        if sizeBy != .degree {
            let (values, note) = sizeBy.values(on: s, weighted: weighted)
            o.size = (values, sizeBy.rawValue + (note == nil ? "" : " (estimated)"))
            if let note { var e = standardError; print(note, to: &e) }
        }
        if let copresence {
            o.coPresence = CoPresence.find(entities: s.entities, links: s.allLinks, windowSeconds: Int(copresence * 3600))
        }
        return o
    }

    /// What every view does around its own part: opens the store, builds the network as filtered,
    /// lets `view` draw the picture, renders and writes it, and prints a summary to standard error.
    /// - Parameters: small, large: the engine when --engine is not given, for pictures of up to 300
    ///   entities and for larger ones.
    func draw(_ store: StoreOptions, _ network: NetworkOptions, small: LayoutEngine, large: LayoutEngine = .sfdp,
              _ view: (SightlineStore, NetworkSnapshot, ViewOptions) throws -> Picture) throws {
        let db = try store.open()
        let s = try network.snapshot(db)
        let picture = try view(db, s, options(for: s, weighted: !network.unweighted))
        var e = standardError
        print(try write(picture, defaultEngine: picture.nodes.count > 300 ? large : small), to: &e)
    }

    /// Renders and writes the picture; returns a one-line summary for standard error.
    func write(_ picture: Picture, defaultEngine: LayoutEngine) throws -> String {
        let f = format.flatMap { RenderFormat(rawValue: $0.lowercased()) } ?? RenderFormat(fileName: output) ?? .svg
        let e = engine.flatMap(LayoutEngine.init(rawValue:)) ?? defaultEngine
        let bytes: [UInt8]
        do { bytes = try Graphviz.render(picture, engine: e, format: f, seed: seed) } catch { throw CommandError("\(error)") }
        try OutputFile.write(bytes, to: output)
        return "wrote \(output): \(f.rawValue), \(picture.nodes.count) entities, \(picture.edges.count) links, laid out by \(f == .dot ? "none (source)" : e.rawValue)"
    }
}

/// `sightline render ego ID --hops N -o FILE`
struct RenderEgo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ego", abstract: "An entity and everything within N links of it.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var out: RenderOutput
    @Argument(help: "The entity (E12, an identifier, or an exact name).") var entity: String
    @Option(help: "How many links out.") var hops: Int = 1

    func validate() throws {
        try Bounds.check("--hops", hops, 1...4)
    }

    func run() throws {
        try out.draw(store, network, small: .neato) { db, s, options in
            let id = try db.find(entity)
            guard let center = s.index[id] else { throw CommandError("\(id) is not in the network") }
            return Views.ego(s, center: center, hops: hops, options: options)
        }
    }
}

/// `sightline render path A B -o FILE`
struct RenderPath: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "The shortest paths between two entities, left to right.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var out: RenderOutput
    @Argument(help: "The first entity.") var a: String
    @Argument(help: "The second entity.") var b: String
    @Option(help: "Draw at most this many shortest paths.") var limit: Int = 10

    func validate() throws { try Bounds.check("--limit", limit, 1...10_000) }

    func run() throws {
        try out.draw(store, network, small: .dot, large: .dot) { db, s, options in
            let (ea, eb) = (try db.find(a), try db.find(b))
            guard let ia = s.index[ea], let ib = s.index[eb] else { throw CommandError("the entities are not in the network") }
            return Views.path(s, from: ia, to: ib, limit: max(1, limit), options: options)
        }
    }
}

/// `sightline render connect A B C... -o FILE`
struct RenderConnect: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "connect", abstract: "The connecting network of several entities.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var out: RenderOutput
    @Argument(help: "Two or more entities.") var entities: [String]

    func validate() throws { guard entities.count >= 2 else { throw ValidationError("name at least two entities") } }

    func run() throws {
        try out.draw(store, network, small: .dot) { db, s, options in
            let ids = try entities.map { try db.find($0) }
            let nodes = ids.compactMap { s.index[$0] }
            guard nodes.count == ids.count else { throw CommandError("not every entity is in the network") }
            return Views.connecting(s, nodes, options: options)
        }
    }
}

/// The clustering options of `render cluster` and `render overview`, as `analyse` takes them, so
/// the cluster numbers agree.
struct ClusterOptions: ParsableArguments {
    @Option(help: "Community method: leiden (as analyse) or louvain.") var communities: CommunityMethod = .leiden
    @Option(help: "Modularity's resolution (as analyse).") var resolution: Double = 1
    @Option(help: "The community method's seed (as analyse's --seed).") var clusterSeed: UInt64 = 42

    func validate() throws { try Bounds.check("--resolution", resolution, Bounds.resolution) }

    func partition(_ s: NetworkSnapshot, weighted: Bool) -> [Int] {
        communities.clusters(of: s, resolution: resolution, seed: clusterSeed, weighted: weighted)
    }
}

/// `sightline render cluster N|ID -o FILE`
struct RenderCluster: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cluster", abstract: "One cluster: by its number in 'sightline analyse', or the cluster holding an entity.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var clustering: ClusterOptions
    @OptionGroup var out: RenderOutput
    @Argument(help: "A cluster number (as analyse prints it) or an entity in the cluster.") var cluster: String

    func run() throws {
        try out.draw(store, network, small: .neato) { db, s, options in
            let community = clustering.partition(s, weighted: !network.unweighted)
            let number: Int
            if let n = Int(cluster) {
                guard community.contains(n) else { throw CommandError("there is no cluster \(n) (clusters are 0 to \((community.max() ?? -1)))") }
                number = n
            } else {
                let id = try db.find(cluster)
                guard let i = s.index[id] else { throw CommandError("\(id) is not in the network") }
                number = community[i]
            }
            return Views.cluster(s, community: community, number: number, options: options)
        }
    }
}

/// `sightline render overview -o FILE`
struct RenderOverview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "The whole network; above --threshold entities each cluster collapses into one node.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var clustering: ClusterOptions
    @OptionGroup var out: RenderOutput
    @Option(help: "Draw every entity up to this many; collapse clusters above.") var threshold: Int = 300

    func validate() throws { try Bounds.check("--threshold", threshold, 10...100_000) }

    func run() throws {
        // neato by default; --engine fdp draws the clusters boxed.
        try out.draw(store, network, small: .neato) { _, s, options in
            Views.overview(s, community: clustering.partition(s, weighted: !network.unweighted), threshold: threshold, options: options)
        }
    }
}

/// `sightline render hotspot PLACE... -o FILE`
struct RenderHotspot: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hotspot", abstract: "Places with the people recorded there and when.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var out: RenderOutput
    @Argument(help: "One or more places (E65, location:uprn/..., or an exact name).") var places: [String]

    func validate() throws { guard !places.isEmpty else { throw ValidationError("name at least one place") } }

    func run() throws {
        try out.draw(store, network, small: .neato) { db, s, options in
            var nodes: [Int] = []
            for id in try places.map({ try db.find($0) }) {
                guard let i = s.index[id] else { throw CommandError("\(id) is not in the network") }
                guard s.entities[i].kind == .location else { throw CommandError("\(id) is a \(s.entities[i].kind.rawValue), not a place") }
                nodes.append(i)
            }
            return Views.hotspot(s, places: nodes, options: options)
        }
    }
}

/// `sightline render timeline CHILD -o FILE`
struct RenderTimeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "One child's chronology by date, read like text: links, missing episodes, care periods and notices.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var out: RenderOutput
    @Argument(help: "The child (E12, an identifier, or an exact name).") var child: String
    @Option(help: "Draw the most recent this many events.") var limit: Int = 60
    @Option(help: "Events per row: the chronology wraps like lines of text.") var perRow: Int = 6

    func validate() throws {
        try Bounds.check("--limit", limit, 1...10_000)
        try Bounds.check("--per-row", perRow, 1...100)
    }

    func run() throws {
        try out.draw(store, network, small: .dot, large: .dot) { db, s, options in
            let id = try db.find(child)
            // The chronology reads the store's contents through the same filters as the network.
            let data = ProductData(try db.productContents(), filter: network.filter)
            guard data.isChild(id) else { throw CommandError("\(id) is not a child: a chronology is drawn for a child") }
            let name: (EntityID) -> String = { x in data.entity(x).map { Views.name(of: $0, in: data.snapshot, options) } ?? x.description }
            let picture = Views.timeline(Chronology.events(for: id, in: data, name: name), of: name(id), limit: limit, perRow: perRow)
            guard !picture.nodes.isEmpty else { throw ExitWithMessage(message: "\(id) has no dated events to draw", code: 1) }
            return picture
        }
    }
}
extension Centrality: ExpressibleByArgument {}
