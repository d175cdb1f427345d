import SightlineGraph
import SightlineModel
import SightlineStore

/// The store's entities and links as a ``Graph`` over dense indices, with the maps back to
/// entity IDs and the links (and their evidence) behind every edge.
///
/// Links are taken as undirected for analysis (who is connected to whom); their recorded direction
/// stays on each ``NetworkLink``. Several links between the same two entities make one edge, and the
/// edge keeps all of them, so every line of a path or picture can cite the intelligence behind it.
public struct NetworkSnapshot: Sendable {
    public let graph: Graph
    public let entities: [NetworkEntity]
    public let index: [EntityID: Int]
    /// The links behind each edge, keyed by the edge's two indices (lower first).
    public let linksBetween: [EdgeKey: [NetworkLink]]

    public struct EdgeKey: Hashable, Sendable {
        public let a: Int, b: Int
        public init(_ x: Int, _ y: Int) { (a, b) = x < y ? (x, y) : (y, x) }
    }

    /// Builds a snapshot.
    /// - Parameters:
    ///   - entities: the entities (survivors of merges).
    ///   - links: the links between them.
    ///   - include: which links to keep (all by default).
    /// - Complexity: O(n + m).
    public init(entities: [NetworkEntity], links: [NetworkLink], include: (NetworkLink) -> Bool = { _ in true }) {
        self.entities = entities
        var index: [EntityID: Int] = [:]
        for (i, e) in entities.enumerated() { index[e.id] = i }
        self.index = index
        var between: [EdgeKey: [NetworkLink]] = [:]
        var edges: [(Int, Int, Double)] = []
        for l in links where include(l) {
            guard let a = index[l.source], let b = index[l.target], a != b else { continue }
            let key = EdgeKey(a, b)
            if between[key] == nil { edges.append((key.a, key.b, 1)) }
            between[key, default: []].append(l)
        }
        linksBetween = between
        graph = Graph(nodeCount: entities.count, edges: edges, directed: false)
    }

    /// The links behind the edge between two indices.
    public func links(_ a: Int, _ b: Int) -> [NetworkLink] { linksBetween[EdgeKey(a, b)] ?? [] }
}
