import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineRender
import SightlineStore

/// `sightline render overview -o FILE`
struct RenderOverview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "The whole network; above --threshold entities each cluster collapses into one node.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
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
