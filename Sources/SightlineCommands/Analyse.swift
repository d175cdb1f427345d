import ArgumentParser
import Foundation
import SightlineGraph
import SightlineModel
import SightlineNetwork
import SightlineStore

/// `sightline analyse`
struct Analyse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Clusters and central actors of the store's network: adults and places ranked, never children.",
        discussion: """
        Clusters come from Leiden (or --communities louvain) on the evidence-weighted network, at --resolution. Central actors are adults (people \
        never recorded as a child at risk) and places, ranked by betweenness on the weighted network \
        (weights as 1/strength distances); each row gives its degree, PageRank, cluster, the children it \
        is linked to (as exposure) and the items behind its links. Children are never ranked: their \
        connections are listed as exposure, in entity order.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var network: NetworkOptions
    @Option(help: "How many central actors to list.") var top: Int = 20
    @Option(help: "Community method: leiden (the default: every cluster is connected) or louvain.") var communities: CommunityMethod = .leiden
    @Option(help: "The community method's seed (and the sampling seed).") var seed: UInt64 = 42
    @Option(help: "Modularity's resolution: above 1 gives more, smaller clusters (modularity cannot resolve groups much smaller than the square root of the number of links at 1).") var resolution: Double = 1
    @Option(help: "Estimate betweenness from this many sampled sources (default: exact up to 5,000 entities, 256 samples above).") var samples: Int?
    @Option(help: ArgumentHelp("Score the clusters against the planted groups of a truth.json ('sightline generate' or the samples write one).", valueName: "truth.json"))
    var scoreAgainst: String?

    struct Cluster: Encodable {
        var cluster: Int
        var size: Int
        var adultsOfConcern: [String]
        var children: Int
        var places: [String]
    }
    struct Actor: Encodable {
        var rank: Int
        var entity: String
        var kind: String
        var label: String
        var roles: [String]
        var betweenness: Double
        var degree: Int
        var pagerank: Double
        var cluster: Int
        var childrenLinked: Int
        var items: Int
        var evidence: [String]
    }
    struct Exposure: Encodable {
        var child: String
        var label: String
        var adultsOfConcernLinked: [String]
        var placesLinked: [String]
        var clusters: [Int]
    }
    struct Report: Encodable {
        var modularity: Double
        var clusters: [Cluster]
        var centralActors: [Actor]
        var childrenExposure: [Exposure]
    }

    func validate() throws {
        try Bounds.check("--resolution", resolution, Bounds.resolution)
        try Bounds.check("--top", top, Bounds.rows)
        if let samples { try Bounds.check("--samples", samples, Bounds.samples) }
    }

    func run() throws {
        let db = try store.open()
        let s = try network.snapshot(db)
        let g = s.graph
        let partition = communities.run(on: g, resolution: resolution, seed: seed, weighted: !network.unweighted)
        let (betweenness, note) = Centrality.betweenness.values(on: s, weighted: !network.unweighted, seed: seed, samples: samples)
        if let note { var err = standardError; print(note, to: &err) }
        let pagerank = g.pageRank(weighted: !network.unweighted)
        let e = s.entities
        let rules = s.safeguarding
        func concern(_ i: Int) -> Bool { rules.isAdultOfConcern(e[i].id) }
        func child(_ i: Int) -> Bool { rules.isChild(e[i].id) }
        func neighbours(_ i: Int) -> [Int] { g.neighbours(of: i).map { Int(g.targets[$0]) } }

        var members: [Int: [Int]] = [:]
        for i in e.indices where !g.neighbours(of: i).isEmpty { members[partition.community[i], default: []].append(i) }
        let clusters = members.keys.sorted().map { c -> Cluster in
            let m = members[c]!
            return Cluster(cluster: c, size: m.count,
                           adultsOfConcern: m.filter(concern).map { "\(e[$0].id) \(e[$0].label)" },
                           children: m.filter(child).count,
                           places: m.filter { e[$0].kind == .location }.map { "\(e[$0].id) \(e[$0].label)" })
        }.filter { $0.size > 1 }.sorted { ($0.size, -$0.cluster) > ($1.size, -$1.cluster) }

        // Ranked: adults (never a child or a person held for review: ``Safeguarding``), and places.
        let rankable = e.indices.filter { i in
            !g.neighbours(of: i).isEmpty && rules.mayBeRanked(e[i].id) && (e[i].kind == .person || e[i].kind == .location)
        }
        if let note = rules.heldBackNote(among: e.indices.filter { !g.neighbours(of: $0).isEmpty }.map { e[$0] }) {
            var err = standardError; print(note, to: &err)
        }
        let ranked = rankable.sorted { (betweenness[$0], -$0) > (betweenness[$1], -$1) }.prefix(max(0, top))
        let actors = ranked.enumerated().map { r, i -> Actor in
            var items = Set<String>()
            for j in neighbours(i) { for l in s.links(i, j) { for c in l.evidence { items.insert(c.description) } } }
            return Actor(rank: r + 1, entity: e[i].id.description, kind: e[i].kind.rawValue, label: e[i].label,
                         roles: e[i].roles.map(\.title), betweenness: betweenness[i], degree: g.neighbours(of: i).count,
                         pagerank: pagerank[i], cluster: partition.community[i],
                         childrenLinked: neighbours(i).filter(child).count,
                         items: items.count, evidence: Array(items.sorted().prefix(5)))
        }
        let exposure = e.indices.filter { child($0) && !g.neighbours(of: $0).isEmpty }.map { i in
            Exposure(child: e[i].id.description, label: e[i].label,
                     adultsOfConcernLinked: neighbours(i).filter(concern).map { "\(e[$0].id) \(e[$0].label)" },
                     placesLinked: neighbours(i).filter { e[$0].kind == .location }.map { "\(e[$0].id) \(e[$0].label)" },
                     clusters: Array(Set(neighbours(i).map { partition.community[$0] })).sorted())
        }
        let report = Report(modularity: partition.modularity, clusters: clusters, centralActors: Array(actors), childrenExposure: exposure)
        if let scoreAgainst {
            print(try Self.scoreGroups(truthFile: scoreAgainst, db: db, snapshot: s, community: partition.community), terminator: "")
            return
        }
        switch output.format {
        case .json: print(try jsonText(report))
        case .csv:
            print(TextTable(headers: ["rank", "entity", "kind", "label", "roles", "betweenness", "degree", "pagerank", "cluster", "children_linked", "items", "evidence"],
                            rows: report.centralActors.map { [String($0.rank), $0.entity, $0.kind, $0.label, $0.roles.joined(separator: "; "), "\($0.betweenness)",
                                                              String($0.degree), "\($0.pagerank)", String($0.cluster), String($0.childrenLinked), String($0.items), $0.evidence.joined(separator: "; ")] }).csv,
                  terminator: "")
        case .table:
            print("clusters (\(communities == .leiden ? "Leiden" : "Louvain"), modularity \(String(format: "%.3f", report.modularity)))")
            print(TextTable(headers: ["cluster", "size", "adults of concern", "children", "places"],
                            rows: report.clusters.prefix(15).map { [String($0.cluster), String($0.size), $0.adultsOfConcern.joined(separator: ", "), String($0.children), $0.places.joined(separator: ", ")] }).rendered(maxWidth: 70))
            print("\ncentral actors (adults and places; children are never ranked)")
            print(TextTable(headers: ["rank", "entity", "kind", "label", "roles", "betweenness", "degree", "children linked", "items", "evidence (first)"],
                            rows: report.centralActors.map { [String($0.rank), $0.entity, $0.kind, $0.label, $0.roles.joined(separator: ", "),
                                                              String(format: "%.4f", $0.betweenness), String($0.degree), String($0.childrenLinked), String($0.items), $0.evidence.first ?? ""] }).rendered())
            print("children's exposure (in entity order, not ranked): \(report.childrenExposure.count) children linked to the network; --format json lists each")
        }
    }

    /// How well clusters recover planted groups: for each group, the share of its members in the
    /// cluster holding most of them; and how many groups share a cluster with another group.
    static func scoreGroups(truthFile: String, db: SightlineStore, snapshot: NetworkSnapshot, community: [Int]) throws -> String {
        guard let data = FileManager.default.contents(atPath: truthFile),
              let truth = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let plantedGroups = truth["offendingGroups"] as? [[String: Any]] else {
            throw CommandError("\(truthFile): expected a truth.json (docs/formats.md) with offendingGroups, as 'sightline generate' and scripts/make-samples.py write")
        }
        let groups = plantedGroups.map { ($0["members"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        var shares: [Double] = []
        var dominant: [Int] = []
        var planted: [Int] = [], found: [Int] = [] // per member: its group and its cluster
        var seen = Set<Int>()
        for (g, group) in groups.enumerated() {
            let nodes = group.compactMap { try? db.find($0) }.compactMap { snapshot.index[$0] }
            let clusters = nodes.map { community[$0] }
            for v in nodes where seen.insert(v).inserted { planted.append(g); found.append(community[v]) }
            let counts = Dictionary(grouping: clusters, by: { $0 }).mapValues(\.count)
            let best = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }
            shares.append(Double(best?.value ?? 0) / Double(max(1, group.count)))
            dominant.append(best?.key ?? -1)
        }
        let shared = Dictionary(grouping: dominant, by: { $0 }).values.filter { $0.count > 1 }.map(\.count).reduce(0, +)
        let mean = shares.reduce(0, +) / Double(max(1, shares.count))
        let (ari, nmi) = Self.agreement(planted, found)
        return """
        planted groups:                    \(groups.count) (\(planted.count) members in the network)
        mean share in the dominant cluster: \(String(format: "%.3f", mean))
        groups recovered (share >= 0.8):    \(shares.filter { $0 >= 0.8 }.count) of \(groups.count)
        groups sharing a dominant cluster:  \(shared)
        adjusted Rand index (members):      \(String(format: "%.3f", ari))
        normalised mutual information:      \(String(format: "%.3f", nmi))

        """
    }

    /// Agreement between two labellings of the same items: the adjusted Rand index (Hubert and
    /// Arabie, 1985) and normalised mutual information with the arithmetic-mean normalisation
    /// (Danon et al., 2005; scikit-learn's default). 1 is perfect agreement; ARI is about 0 by chance.
    static func agreement(_ a: [Int], _ b: [Int]) -> (ari: Double, nmi: Double) {
        let n = Double(a.count)
        guard a.count > 1 else { return (1, 1) }
        struct Pair: Hashable { var x: Int, y: Int }
        var cells: [Pair: Double] = [:], rows: [Int: Double] = [:], cols: [Int: Double] = [:]
        for (x, y) in zip(a, b) { cells[Pair(x: x, y: y), default: 0] += 1; rows[x, default: 0] += 1; cols[y, default: 0] += 1 }
        func c2(_ v: Double) -> Double { v * (v - 1) / 2 }
        let index = cells.values.reduce(0) { $0 + c2($1) }
        let sa = rows.values.reduce(0) { $0 + c2($1) }, sb = cols.values.reduce(0) { $0 + c2($1) }
        let expected = sa * sb / c2(n), maximum = (sa + sb) / 2
        let ari = maximum == expected ? 1 : (index - expected) / (maximum - expected)
        func entropy(_ counts: Dictionary<Int, Double>.Values) -> Double { -counts.reduce(0) { $0 + ($1 / n) * Foundation.log($1 / n) } }
        var mutual = 0.0
        for (k, v) in cells { mutual += (v / n) * Foundation.log(v * n / (rows[k.x]! * cols[k.y]!)) }
        let ha = entropy(rows.values), hb = entropy(cols.values)
        let nmi = ha + hb == 0 ? 1 : mutual / ((ha + hb) / 2)
        return (ari, nmi)
    }
}
