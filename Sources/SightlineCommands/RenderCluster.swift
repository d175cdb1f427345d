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
            return Views.cluster(s, community: community, number: try clustering.number(of: cluster, in: community, s, db), options: options)
        }
    }
}
