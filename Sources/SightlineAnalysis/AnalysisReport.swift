import SightlineGraph
import SightlineModel
import SightlineNetwork
import SightlineReadModel

/// What an analysis of a network snapshot asks for: how many actors to rank, the community
/// method and its seed and resolution, and how betweenness is estimated.
public struct AnalysisOptions: Sendable, Equatable {
    /// How many central actors to list.
    public var top: Int
    /// The community method (Leiden: every cluster is connected).
    public var communities: CommunityMethod
    /// The community method's seed, and betweenness's sampling seed.
    public var seed: UInt64
    /// Modularity's resolution γ: above 1 gives more, smaller clusters.
    public var resolution: Double
    /// Betweenness from this many sampled sources (nil: ``Centrality``'s default).
    public var samples: Int?
    /// Whether links are weighted by their evidence.
    public var weighted: Bool

    public init(top: Int = 20, communities: CommunityMethod = .leiden, seed: UInt64 = 42, resolution: Double = 1,
                samples: Int? = nil, weighted: Bool = true) {
        self.top = top; self.communities = communities; self.seed = seed; self.resolution = resolution
        self.samples = samples; self.weighted = weighted
    }
}

/// Clusters and central actors of a network, and the children exposed to them: what
/// `sightline analyse` prints. Children are never ranked: who is a child, an adult of concern or
/// held back is asked of the snapshot's ``Safeguarding`` alone.
public struct AnalysisReport: Codable, Sendable, Equatable {
    /// A cluster of two or more linked entities, with the adults of concern, children and places in it.
    public struct Cluster: Codable, Sendable, Equatable {
        public var cluster: Int
        public var size: Int
        /// "E12 label" of each adult of concern in the cluster, in entity order.
        public var adultsOfConcern: [String]
        /// How many children are in the cluster (counted, never listed).
        public var children: Int
        /// "E12 label" of each place in the cluster, in entity order.
        public var places: [String]
    }

    /// A ranked adult or place.
    public struct Actor: Codable, Sendable, Equatable {
        public var rank: Int
        public var entity: String
        public var kind: String
        public var label: String
        public var roles: [String]
        public var betweenness: Double
        public var degree: Int
        public var pagerank: Double
        public var cluster: Int
        public var childrenLinked: Int
        /// How many distinct items lie behind the actor's links.
        public var items: Int
        /// The first five of those items, in text order.
        public var evidence: [String]
    }

    /// A child linked to the network, in entity order (never ranked).
    public struct Exposure: Codable, Sendable, Equatable {
        public var child: String
        public var label: String
        public var adultsOfConcernLinked: [String]
        public var placesLinked: [String]
        public var clusters: [Int]
    }

    public var modularity: Double
    /// Clusters of two or more, largest first (then lower cluster number).
    public var clusters: [Cluster]
    /// Adults and places by betweenness, highest first (then lower index), at most `top`.
    public var centralActors: [Actor]
    public var childrenExposure: [Exposure]
    /// Notes for the person running the analysis, in order (estimated betweenness, who the
    /// safeguarding rules held back). Not part of the encoded report.
    public var notes: [String] = []
    /// Each entity's cluster, by snapshot index, for scoring against planted groups
    /// (``GroupRecovery``). Not part of the encoded report.
    public var community: [Int] = []

    enum CodingKeys: String, CodingKey {
        case modularity, clusters, centralActors, childrenExposure
    }
}

/// Analyses a network snapshot: clusters by the community method, adults and places ranked by
/// betweenness on the evidence-weighted network (weights as 1/strength distances), each with its
/// degree, PageRank, cluster, the children it is linked to and the items behind its links; and
/// every child linked to the network, as exposure in entity order.
///
/// Who may be ranked, who is a child and who is an adult of concern come from
/// `snapshot.safeguarding` (``Safeguarding/mayBeRanked(_:)``, ``Safeguarding/isChild(_:)``,
/// ``Safeguarding/isAdultOfConcern(_:)``); entities without links are left out throughout.
///
/// - Parameters:
///   - snapshot: the filtered, weighted network.
///   - options: how many to rank, the community method, seed, resolution and sampling.
/// - Returns: the report, with notes for standard error and each entity's cluster.
/// - Complexity: dominated by betweenness, O(n·m) exact or O(k·m) for k sampled sources (plus
///   O(m log m) per Dijkstra when weighted); communities and PageRank O(m) per pass or iteration;
///   the rows O(n log n + m).
public func analyse(snapshot s: NetworkSnapshot, options: AnalysisOptions) -> AnalysisReport {
    let g = s.graph
    let partition = options.communities.run(on: g, resolution: options.resolution, seed: options.seed, weighted: options.weighted)
    let (betweenness, samplingNote) = Centrality.betweenness.values(on: s, weighted: options.weighted, seed: options.seed, samples: options.samples)
    let pagerank = g.pageRank(weighted: options.weighted)
    let e = s.entities
    let rules = s.safeguarding
    func concern(_ i: Int) -> Bool { rules.isAdultOfConcern(e[i].id) }
    func child(_ i: Int) -> Bool { rules.isChild(e[i].id) }
    func neighbours(_ i: Int) -> [Int] { g.neighbours(of: i).map { Int(g.targets[$0]) } }
    func named(_ i: Int) -> String { "\(e[i].id) \(e[i].label)" }
    let linked = e.indices.filter { !g.neighbours(of: $0).isEmpty }

    var members: [Int: [Int]] = [:]
    for i in linked { members[partition.community[i], default: []].append(i) }
    let clusters = members.keys.sorted().map { c -> AnalysisReport.Cluster in
        let m = members[c]!
        return AnalysisReport.Cluster(cluster: c, size: m.count, adultsOfConcern: m.filter(concern).map(named),
                                      children: m.filter(child).count, places: m.filter { e[$0].kind == .location }.map(named))
    }.filter { $0.size > 1 }.sorted { ($0.size, -$0.cluster) > ($1.size, -$1.cluster) }

    // Ranked: adults (never a child or a person held for review: ``Safeguarding``), and places.
    let rankable = linked.filter { i in rules.mayBeRanked(e[i].id) && (e[i].kind == .person || e[i].kind == .location) }
    var notes: [String] = []
    if let samplingNote { notes.append(samplingNote) }
    if let held = rules.heldBackNote(among: linked.map { e[$0] }) { notes.append(held) }
    let ranked = rankable.sorted { (betweenness[$0], -$0) > (betweenness[$1], -$1) }.prefix(max(0, options.top))
    let actors = ranked.enumerated().map { r, i -> AnalysisReport.Actor in
        var items = Set<String>()
        for j in neighbours(i) { for l in s.links(i, j) { for c in l.evidence { items.insert(c.description) } } }
        return AnalysisReport.Actor(rank: r + 1, entity: e[i].id.description, kind: e[i].kind.rawValue, label: e[i].label,
                                    roles: e[i].roles.map(\.title), betweenness: betweenness[i], degree: g.neighbours(of: i).count,
                                    pagerank: pagerank[i], cluster: partition.community[i],
                                    childrenLinked: neighbours(i).filter(child).count,
                                    items: items.count, evidence: Array(items.sorted().prefix(5)))
    }
    let exposure = linked.filter(child).map { i in
        AnalysisReport.Exposure(child: e[i].id.description, label: e[i].label,
                                adultsOfConcernLinked: neighbours(i).filter(concern).map(named),
                                placesLinked: neighbours(i).filter { e[$0].kind == .location }.map(named),
                                clusters: Array(Set(neighbours(i).map { partition.community[$0] })).sorted())
    }
    return AnalysisReport(modularity: partition.modularity, clusters: clusters, centralActors: Array(actors),
                          childrenExposure: exposure, notes: notes, community: partition.community)
}
