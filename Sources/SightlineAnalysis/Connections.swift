import SightlineGraph
import SightlineModel
import SightlineNetwork
import SightlineReadModel
import SightlineSafeguarding

/// One link of the network as a report shows it: its type, time and origin, a sentence with the
/// adult as the actor (``Safeguarding/sentence(_:from:to:)``), and the items behind it.
public struct LinkStep: Codable, Sendable, Equatable {
    public var type: String
    public var time: String?
    public var origin: String
    /// "Darren Quillfeather gave gifts to Zoë Marblewood": written by the safeguarding rules.
    public var reads: String
    public var evidence: [String]

    init(_ l: NetworkLink, in snapshot: NetworkSnapshot) {
        type = l.type.rawValue
        time = l.time
        origin = l.origin.rawValue
        reads = snapshot.safeguarding.sentence(l.type, from: l.source, to: l.target).text { id in
            snapshot.index[id].map { "\(snapshot.entities[$0].label) (\(id))" } ?? id.description
        }
        evidence = l.evidence.map(\.description)
    }
}

/// How two entities are connected (`sightline path`): up to `limit` shortest paths by links within
/// the filtered network, each hop with the links from the previous entity and the intelligence behind
/// them.
public struct PathReport: Codable, Sendable, Equatable {
    public struct Hop: Codable, Sendable, Equatable {
        public var entity: String
        public var kind: String
        public var label: String
        public var roles: [String]
        /// The links from the previous entity on the path to this one (none for the first).
        public var links: [LinkStep]
    }

    public var from: EntityID
    public var to: EntityID
    /// The paths, each from `from` to `to`; empty when nothing connects them.
    public var paths: [[Hop]]

    /// Links on each path (every path is as short as the first).
    public var length: Int { max(0, (paths.first?.count ?? 1) - 1) }

    /// - Throws: ``AnalysisError/notInNetwork(_:)`` when the filters leave either entity out.
    /// - Complexity: O(n + m) for the breadth-first search, plus O(limit · length) to describe the paths.
    public init(from a: EntityID, to b: EntityID, in snapshot: NetworkSnapshot, limit: Int) throws(AnalysisError) {
        guard let ia = snapshot.index[a] else { throw .notInNetwork(a) }
        guard let ib = snapshot.index[b] else { throw .notInNetwork(b) }
        from = a; to = b
        paths = snapshot.graph.allShortestPaths(from: ia, to: ib, limit: max(1, limit)).map { p in
            p.enumerated().map { k, node in
                let e = snapshot.entities[node]
                let via = k == 0 ? [] : snapshot.links(p[k - 1], node).map { LinkStep($0, in: snapshot) }
                return Hop(entity: e.id.description, kind: e.kind.rawValue, label: e.label, roles: e.roles.map(\.title), links: via)
            }
        }
    }
}

/// Everything within `hops` links of an entity (`sightline ego`), nearest first, each entity with
/// the links that bring it in from entities one step closer to the centre.
public struct EgoReport: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        public var entity: String
        public var kind: String
        public var label: String
        public var roles: [String]
        public var distance: Int
        /// Links to entities one step closer to the centre, with the intelligence behind them.
        public var via: [LinkStep]
    }

    public var centre: EntityID
    public var hops: Int
    public var rows: [Row]

    /// - Throws: ``AnalysisError/notInNetwork(_:)`` when the filters leave the centre out.
    /// - Complexity: O(n + m) within the neighbourhood.
    public init(around centre: EntityID, hops: Int, in snapshot: NetworkSnapshot) throws(AnalysisError) {
        guard let c = snapshot.index[centre] else { throw .notInNetwork(centre) }
        self.centre = centre; self.hops = hops
        let members = snapshot.graph.ego(of: c, hops: hops)
        let distance = Dictionary(uniqueKeysWithValues: members.map { ($0.node, $0.distance) })
        rows = members.map { m in
            let e = snapshot.entities[m.node]
            var via: [LinkStep] = []
            for k in snapshot.graph.neighbours(of: m.node) {
                let other = Int(snapshot.graph.targets[k])
                guard distance[other] == m.distance - 1 else { continue }
                via += snapshot.links(m.node, other).map { LinkStep($0, in: snapshot) }
            }
            return Row(entity: e.id.description, kind: e.kind.rawValue, label: e.label, roles: e.roles.map(\.title), distance: m.distance, via: via)
        }
    }
}
