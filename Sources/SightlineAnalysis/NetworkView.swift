import SightlineExport
import SightlineGraph
import SightlineModel
import SightlineNetwork
import SightlineReadModel

/// Which part of the network an export holds: all of it, an entity's neighbourhood, one cluster,
/// or the shortest paths between two entities (`sightline export ... --ego/--cluster/--path`).
public enum NetworkView: Sendable, Equatable, CustomStringConvertible {
    case whole
    case ego(EntityID, hops: Int)
    /// One cluster of a partition (`community[i]` is entity i's cluster, as `analyse` numbers them).
    case cluster(Int, community: [Int])
    /// Every entity on a shortest path between the two (up to `limit` paths).
    case path(EntityID, EntityID, limit: Int)

    public var description: String {
        switch self {
        case .whole: "the whole network"
        case let .ego(e, hops): "within \(hops) link\(hops == 1 ? "" : "s") of \(e)"
        case let .cluster(n, _): "cluster \(n)"
        case let .path(a, b, _): "shortest paths between \(a) and \(b)"
        }
    }

    /// The entities in the view. O(entities + links) (paths: a breadth-first search each way).
    /// - Throws: ``AnalysisError`` for an entity not in the network, a cluster that does not exist,
    ///   or two entities no recorded links connect.
    public func members(in s: NetworkSnapshot) throws(AnalysisError) -> Set<EntityID> {
        switch self {
        case .whole:
            return Set(s.entities.map(\.id))
        case let .ego(e, hops):
            guard let i = s.index[e] else { throw .notInNetwork(e) }
            return Set(s.graph.ego(of: i, hops: hops).map { s.entities[$0.node].id })
        case let .cluster(n, community):
            guard community.contains(n) else { throw .noSuchCluster(n, count: (community.max() ?? -1) + 1) }
            return Set(community.indices.filter { community[$0] == n }.map { s.entities[$0].id })
        case let .path(a, b, limit):
            let report = try PathReport(from: a, to: b, in: s, limit: limit)
            guard !report.paths.isEmpty else { throw .notConnected(a, b) }
            return Set(report.paths.flatMap { $0.compactMap { EntityID(parsing: $0.entity) } })
        }
    }

    /// The view as an export holds it: its entities, the links among them (as the snapshot's
    /// filters keep them), their details, and who among them is a child on `day`.
    public func exportGraph(of s: NetworkSnapshot, facts: [EntityID: EntityFacts], on day: Day) throws(AnalysisError) -> ExportGraph {
        let members = try members(in: s)
        let entities = s.entities.filter { members.contains($0.id) }
        let links = s.allLinks.filter { members.contains($0.source) && members.contains($0.target) }
        return ExportGraph(entities: entities, links: links, facts: facts.filter { members.contains($0.key) },
                           children: Set(entities.filter { s.safeguarding.isChild($0.id) }.map(\.id)), exportedAt: day)
    }
}
