import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineRender
import SightlineStore

/// `sightline render cluster N|ID -o FILE`
struct RenderCluster: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cluster", abstract: "One cluster: by its number in 'sightline analyse', or the cluster holding an entity.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
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
