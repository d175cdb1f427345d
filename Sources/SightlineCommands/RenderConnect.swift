import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineRender
import SightlineStore

/// `sightline render connect A B C... -o FILE`
struct RenderConnect: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "connect", abstract: "The connecting network of several entities.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
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
