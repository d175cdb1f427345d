import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineRender
import SightlineStore

/// `sightline render timeline CHILD -o FILE`
struct RenderTimeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "One child's chronology by date, read like text: links, missing episodes, care periods and notices.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
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
            let data = ProductData(try network.contents(db), filter: network.filter)
            guard data.isChild(id) else { throw CommandError("\(id) is not a child: a chronology is drawn for a child") }
            let name: (EntityID) -> String = { x in data.entity(x).map { Views.name(of: $0, in: data.snapshot, options) } ?? x.description }
            let picture = Views.timeline(Chronology.events(for: id, in: data, name: name), of: name(id), limit: limit, perRow: perRow)
            guard !picture.nodes.isEmpty else { throw ExitWithMessage(message: "\(id) has no dated events to draw", code: 1) }
            return picture
        }
    }
}
