import SightlineGraph
import SightlineModel
import SightlineNetwork
import SightlineReadModel

/// What taking entities out of the network would do for children (`sightline impact`): the
/// children at risk who would no longer be connected to any suspect, the child-suspect pairs no
/// longer within `hops` links of each other, and the largest group and fragmentation before and
/// after. Who is protected (a child), who is a suspect (an adult of concern) and who may be taken
/// out are asked of the snapshot's ``Safeguarding`` alone; children are never candidates.
public struct ImpactReport: Codable, Sendable, Equatable {
    /// One removal, with the intelligence behind the entity's links to children and suspects.
    public struct Row: Codable, Sendable, Equatable {
        /// The greedy step (1 first); nil for a single entity.
        public var step: Int?
        public var entity: String
        public var kind: String
        public var label: String
        public var roles: [String]
        public var links: Int
        /// "E12 label" of each child no longer connected to a suspect.
        public var childrenCutOff: [String]
        public var closePairsBefore: Int, closePairsAfter: Int
        public var linksToChildren: Int, linksToSuspects: Int
        /// The intelligence behind the entity's links to children and suspects, newest first.
        public var evidence: [String]
        public var largestGroupBefore: Int, largestGroupAfter: Int
        public var fragmentationBefore: Double, fragmentationAfter: Double
    }

    /// How many links apart a child and a suspect count as close.
    public var hops: Int
    public var rows: [Row]

    /// What removing one entity would do.
    /// - Throws: ``AnalysisError/notInNetwork(_:)`` when the filters leave it out;
    ///   ``AnalysisError/mayNotBeDisrupted(_:)`` for a child, a person held for review or a
    ///   protective place.
    /// - Complexity: O(c·(n + m)) for c children and suspects (``Graph/reachImpact(removing:protected:sources:hops:)``).
    public init(removing id: EntityID, in snapshot: NetworkSnapshot, hops: Int) throws(AnalysisError) {
        guard let node = snapshot.index[id] else { throw .notInNetwork(id) }
        guard snapshot.safeguarding.mayBeDisrupted(snapshot.entities[node]) else { throw .mayNotBeDisrupted(id) }
        let parties = Parties(snapshot)
        let impact = snapshot.graph.reachImpact(removing: [node], protected: parties.protected, sources: parties.sources, hops: hops)
        self.init(hops: hops, rows: [parties.row(node, impact, step: nil, in: snapshot)])
    }

    /// Up to `steps` greedy removals, each chosen to cut the most further children off from
    /// every suspect, then to break the most close pairs; it stops early when no removal
    /// protects anyone further (``Graph/greedyReachRemoval(steps:candidates:protected:sources:hops:)``).
    /// - Parameter kinds: the kinds of entity that may be removed (of those the safeguarding
    ///   rules allow).
    /// - Complexity: O(steps·k·c·(n + m)) for k candidates and c children and suspects.
    public init(greedy steps: Int, kinds: Set<EntityKind>, in snapshot: NetworkSnapshot, hops: Int) {
        let parties = Parties(snapshot)
        let rules = snapshot.safeguarding
        let candidates = snapshot.entities.indices.filter { rules.mayBeDisrupted(snapshot.entities[$0]) && kinds.contains(snapshot.entities[$0].kind) }
        let removals = snapshot.graph.greedyReachRemoval(steps: steps, candidates: candidates, protected: parties.protected,
                                                          sources: parties.sources, hops: hops)
        self.init(hops: hops, rows: removals.enumerated().map { parties.row($1.node, $1.impact, step: $0 + 1, in: snapshot) })
    }

    public init(hops: Int, rows: [Row]) { self.hops = hops; self.rows = rows }

    /// Children (protected; never counted as suspects) and adults of concern (the sources), by index.
    struct Parties {
        let protected: [Int], sources: [Int]
        let protectedSet: Set<Int>, sourceSet: Set<Int>

        init(_ snapshot: NetworkSnapshot) {
            let rules = snapshot.safeguarding
            protected = snapshot.entities.indices.filter { rules.isChild(snapshot.entities[$0].id) }
            sources = snapshot.entities.indices.filter { rules.isAdultOfConcern(snapshot.entities[$0].id) }
            protectedSet = Set(protected); sourceSet = Set(sources)
        }

        func row(_ node: Int, _ impact: Graph.ReachImpact, step: Int?, in snapshot: NetworkSnapshot) -> Row {
            let g = snapshot.graph
            let e = snapshot.entities[node]
            let neighbours = g.neighbours(of: node).map { Int(g.targets[$0]) }
            var citations: [Citation] = []
            for j in neighbours where protectedSet.contains(j) || sourceSet.contains(j) {
                for l in snapshot.links(node, j) { citations += l.evidence }
            }
            var seen = Set<String>()
            let evidence = citations.sorted { ($0.recorded, $0.description) > ($1.recorded, $1.description) }
                .map(\.description).filter { seen.insert($0).inserted }
            return Row(step: step, entity: e.id.description, kind: e.kind.rawValue, label: e.label, roles: e.roles.map(\.title),
                       links: neighbours.count,
                       childrenCutOff: impact.cutOff.map { "\(snapshot.entities[$0].id) \(snapshot.entities[$0].label)" },
                       closePairsBefore: impact.closePairsBefore, closePairsAfter: impact.closePairsAfter,
                       linksToChildren: neighbours.filter(protectedSet.contains).count,
                       linksToSuspects: neighbours.filter(sourceSet.contains).count,
                       evidence: evidence,
                       largestGroupBefore: impact.largestBefore, largestGroupAfter: impact.largestAfter,
                       fragmentationBefore: impact.fragmentationBefore, fragmentationAfter: impact.fragmentationAfter)
        }
    }
}
