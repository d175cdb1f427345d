import ArgumentParser
import Foundation
import SightlineAnalysis
import SightlineModel
import SightlineNetwork
import SightlineSynthetic

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
    @OptionGroup var gate: GateOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var network: NetworkOptions
    @Option(help: "How many central actors to list.") var top: Int = 20
    @Option(help: "Community method: leiden (the default: every cluster is connected) or louvain.") var communities: CommunityMethod = .leiden
    @Option(help: "The community method's seed (and the sampling seed).") var seed: UInt64 = 42
    @Option(help: "Modularity's resolution: above 1 gives more, smaller clusters (modularity cannot resolve groups much smaller than the square root of the number of links at 1).") var resolution: Double = 1
    @Option(help: "Estimate betweenness from this many sampled sources (default: exact up to 5,000 entities, 256 samples above).") var samples: Int?
    @Option(help: ArgumentHelp("Score the clusters against the planted groups of a truth.json ('sightline generate' or the samples write one).", valueName: "truth.json"))
    var scoreAgainst: String?

    func validate() throws {
        try Bounds.check("--resolution", resolution, Bounds.resolution)
        try Bounds.check("--top", top, Bounds.rows)
        if let samples { try Bounds.check("--samples", samples, Bounds.samples) }
    }

    func run() throws {
        let db = try store.open()
        let snapshot = try network.snapshot(db)
        let report = analyse(snapshot: snapshot, options: AnalysisOptions(top: top, communities: communities, seed: seed, resolution: resolution,
                                                                          samples: samples, weighted: !network.unweighted))
        for note in report.notes { var err = standardError; print(note, to: &err) }
        if let scoreAgainst {
            let problem = "\(scoreAgainst): expected a truth.json (docs/formats.md) with offendingGroups, as 'sightline generate' and scripts/make-samples.py write"
            guard let data = FileManager.default.contents(atPath: scoreAgainst),
                  let groups = try PlantedTruth.offendingGroups(Array(data)) else { throw CommandError(problem) }
            let recovery = GroupRecovery(groups: groups.map { $0.map { try? db.find($0) } }, snapshot: snapshot, community: report.community)
            print(Self.text(recovery), terminator: "")
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

    /// The recovery of planted groups, as `--score-against` prints it.
    static func text(_ r: GroupRecovery) -> String {
        """
        planted groups:                    \(r.plantedGroups) (\(r.membersInNetwork) members in the network)
        mean share in the dominant cluster: \(String(format: "%.3f", r.meanShare))
        groups recovered (share >= 0.8):    \(r.recovered) of \(r.plantedGroups)
        groups sharing a dominant cluster:  \(r.sharingDominantCluster)
        adjusted Rand index (members):      \(String(format: "%.3f", r.agreement.adjustedRandIndex))
        normalised mutual information:      \(String(format: "%.3f", r.agreement.normalisedMutualInformation))

        """
    }
}
