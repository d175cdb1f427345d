import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineRender
import SightlineStore

/// `sightline render path A B -o FILE`
struct RenderPath: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "The shortest paths between two entities, left to right.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
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
