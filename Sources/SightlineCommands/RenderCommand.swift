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
        if f != .svg && f != .dot {
            // A PNG or PDF cannot be read for what it shows: its Graphviz source is.
            currentGate.disclose(text: String(decoding: try Graphviz.render(picture, engine: e, format: .dot, seed: seed), as: UTF8.self))
        }
        currentGate.stage(bytes, to: .file(output))
        return "wrote \(output): \(f.rawValue), \(picture.nodes.count) entities, \(picture.edges.count) links, laid out by \(f == .dot ? "none (source)" : e.rawValue)"
    }
}

/// `--size-by MEASURE` takes any centrality by name.
extension Centrality: ExpressibleByArgument {}
