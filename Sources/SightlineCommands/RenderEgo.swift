import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineRender
import SightlineStore

/// `sightline render ego ID --hops N -o FILE`
struct RenderEgo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ego", abstract: "An entity and everything within N links of it.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
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
