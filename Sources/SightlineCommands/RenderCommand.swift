import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
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
        subcommands: [RenderEgo.self])
}

/// Output options every view takes.
struct RenderOutput: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The file to write (its extension picks the format).", valueName: "file"))
    var output: String
    @Option(help: "svg, png, pdf or dot (the source); by default from the file's extension, else svg.") var format: String?
    @Option(help: "Layout engine: dot, neato or sfdp (default: chosen by view and size).") var engine: String?
    @Option(help: "The seed of neato's and sfdp's starting positions.") var seed: Int = 1
    @Flag(help: "Replace names and identifiers with stable pseudonyms (Child C-25, Person P-203).") var pseudonymise = false
    @Flag(help: "Label every link (by default only in views of 30 links or fewer; tooltips always).") var labelLinks = false

    func validate() throws {
        if let format, RenderFormat(rawValue: format.lowercased()) == nil {
            throw ValidationError("--format must be one of \(RenderFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let engine, LayoutEngine(rawValue: engine) == nil {
            throw ValidationError("--engine must be one of \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    var options: ViewOptions {
        var o = ViewOptions()
        o.pseudonymise = pseudonymise
        if labelLinks { o.labelLinks = true }
        return o
    }

    /// Renders and writes the picture; returns a one-line summary for standard error.
    func write(_ picture: Picture, defaultEngine: LayoutEngine) throws -> String {
        let f = format.flatMap { RenderFormat(rawValue: $0.lowercased()) } ?? RenderFormat(fileName: output) ?? .svg
        let e = engine.flatMap(LayoutEngine.init(rawValue:)) ?? defaultEngine
        let bytes: [UInt8]
        do { bytes = try Graphviz.render(picture, engine: e, format: f, seed: seed) } catch { throw CommandError("\(error)") }
        do { try Data(bytes).write(to: URL(fileURLWithPath: output)) } catch {
            throw CommandError("\(output): cannot write (\(error.localizedDescription))")
        }
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
        guard (1...4).contains(hops) else { throw ValidationError("--hops must be between 1 and 4") }
    }

    func run() throws {
        let db = try store.open()
        let id = try db.find(entity)
        let snapshot = try network.snapshot(db)
        guard let center = snapshot.index[id] else { throw CommandError("\(id) is not in the network") }
        let picture = Views.ego(snapshot, center: center, hops: hops, options: out.options)
        let summary = try out.write(picture, defaultEngine: picture.nodes.count > 300 ? .sfdp : .neato)
        var e = standardError
        print(summary, to: &e)
    }
}
