import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineRender
import SightlineStore

/// The clustering options of `render cluster` and `render overview`, as `analyse` takes them, so
/// the cluster numbers agree.
struct ClusterOptions: ParsableArguments {
    @Option(help: "Community method: leiden (as analyse) or louvain.") var communities: CommunityMethod = .leiden
    @Option(help: "Modularity's resolution (as analyse).") var resolution: Double = 1
    @Option(help: "The community method's seed (as analyse's --seed).") var clusterSeed: UInt64 = 42

    func validate() throws { try Bounds.check("--resolution", resolution, Bounds.resolution) }

    func partition(_ s: NetworkSnapshot, weighted: Bool) -> [Int] {
        communities.clusters(of: s, resolution: resolution, seed: clusterSeed, weighted: weighted)
    }

    /// The cluster a request names: a number as `analyse` prints it, or an entity in it.
    func number(of text: String, in community: [Int], _ s: NetworkSnapshot, _ db: SightlineStore) throws -> Int {
        if let n = Int(text) {
            guard community.contains(n) else { throw CommandError("there is no cluster \(n) (clusters are 0 to \((community.max() ?? -1)))") }
            return n
        }
        let id = try db.find(text)
        guard let i = s.index[id] else { throw CommandError("\(id) is not in the network") }
        return community[i]
    }
}
