import SightlineGraph

/// A community method: Louvain (Blondel et al. 2008) or Leiden (Traag et al. 2019: every
/// community connected), as `measure`, `analyse` and the cluster views choose it.
public enum CommunityMethod: String, CaseIterable, Sendable {
    case louvain, leiden

    /// Runs the method on `g`.
    /// - Complexity: O(m) per pass (``Graph/louvain(resolution:seed:weighted:restarts:)``,
    ///   ``Graph/leiden(resolution:seed:weighted:)``), a few passes in practice.
    public func run(on g: Graph, resolution: Double, seed: UInt64, weighted: Bool) -> Partition {
        switch self {
        case .louvain: g.louvain(resolution: resolution, seed: seed, weighted: weighted)
        case .leiden: g.leiden(resolution: resolution, seed: seed, weighted: weighted)
        }
    }

    /// Each entity's cluster in a snapshot, by index, as `analyse` numbers them.
    /// - Complexity: as ``run(on:resolution:seed:weighted:)``.
    public func clusters(of s: NetworkSnapshot, resolution: Double, seed: UInt64, weighted: Bool) -> [Int] {
        run(on: s.graph, resolution: resolution, seed: seed, weighted: weighted).community
    }
}
