import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineRender
import SightlineStore

/// `sightline render hotspot PLACE... -o FILE`
struct RenderHotspot: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hotspot", abstract: "Places with the people recorded there and when.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
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
