import SightlineGraph
import SightlineModel
import SightlineReadModel
import SightlineSafeguarding

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
    /// Each edge's strength in (0, 1] (``EvidenceWeighting``): the graph's weights. Distances for
    /// weighted paths are 1 / strength (``distanceGraph``).
    public let strength: [EdgeKey: Double]
    /// Who is a child, an adult of concern or held for review on the date in question: every
    /// analysis, list and picture of this snapshot asks it, never an entity's roles.
    public let safeguarding: Safeguarding

    /// The same edges with length 1 / strength, for weighted shortest paths and betweenness.
    public var distanceGraph: Graph {
        var edges: [(Int, Int, Double)] = []
        for u in 0..<graph.nodeCount {
            for k in graph.neighbours(of: u) where u < Int(graph.targets[k]) { edges.append((u, Int(graph.targets[k]), 1 / graph.weights[k])) }
        }
        return Graph(nodeCount: graph.nodeCount, edges: edges, directed: false)
    }

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
    ///   - filter: which links to keep (all by default).
    ///   - day: the date in question for who is a child: `filter.asOf`, else the run day (``RunDay``).
    /// - Complexity: O(n + m).
    public init(entities: [NetworkEntity], links: [NetworkLink], filter: NetworkFilter = NetworkFilter(),
                weighting: EvidenceWeighting = .unweighted(), on day: Timestamp? = nil) {
        self.entities = entities
        safeguarding = Safeguarding(entities, on: day ?? filter.asOf ?? RunDay.todayOrClock())
        var index: [EntityID: Int] = [:]
        for (i, e) in entities.enumerated() { index[e.id] = i }
        self.index = index
        var between: [EdgeKey: [NetworkLink]] = [:]
        var order: [EdgeKey] = []
        for link in links {
            let kept = filter.keepsEverything ? (link.evidence.isEmpty ? nil : link) : filter.apply(link)
            guard let l = kept, let a = index[l.source], let b = index[l.target], a != b else { continue }
            let key = EdgeKey(a, b)
            if between[key] == nil { order.append(key) }
            between[key, default: []].append(l)
        }
        linksBetween = between
        // An edge's strength comes from all the distinct items behind all its links.
        var strength: [EdgeKey: Double] = [:]
        strength.reserveCapacity(order.count)
        for key in order {
            let links = between[key]!
            // Most edges rest on one link with one item: nothing to de-duplicate then.
            if links.count == 1 && links[0].evidence.count <= 1 {
                strength[key] = weighting.strength(links[0].evidence)
                continue
            }
            var items: [Citation] = []
            for c in links.lazy.flatMap(\.evidence) where !items.contains(where: { $0.ref == c.ref }) {
                items.append(c)
            }
            strength[key] = weighting.strength(items)
        }
        self.strength = strength
        graph = Graph(nodeCount: entities.count, edges: order.map { ($0.a, $0.b, strength[$0]!) }, directed: false)
    }

    /// The links behind the edge between two indices.
    public func links(_ a: Int, _ b: Int) -> [NetworkLink] { linksBetween[EdgeKey(a, b)] ?? [] }

    /// Every link that passed the filter, in the store's order.
    public var allLinks: [NetworkLink] { linksBetween.values.flatMap { $0 }.sorted { $0.id < $1.id } }
}
