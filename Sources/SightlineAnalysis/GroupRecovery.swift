import SightlineModel
import SightlineNetwork

/// How well clusters recover planted groups (`analyse --score-against truth.json`): for each
/// group, the share of its members in the cluster holding most of them; how many groups share
/// that cluster with another group; and the agreement of groups and clusters over the members in
/// the network (``ClusterAgreement``).
public struct GroupRecovery: Codable, Sendable, Equatable {
    /// How many groups were planted.
    public var plantedGroups: Int
    /// How many of their members are in the network (each counted once).
    public var membersInNetwork: Int
    /// The mean, over groups, of the share of a group's members in its dominant cluster.
    public var meanShare: Double
    /// Groups with at least 0.8 of their members in one cluster.
    public var recovered: Int
    /// Groups whose dominant cluster is another group's too.
    public var sharingDominantCluster: Int
    /// Groups against clusters, member by member (a member in two groups counts in the first).
    public var agreement: ClusterAgreement

    /// Scores clusters against planted groups.
    /// - Parameters:
    ///   - groups: each group's members; nil for a member the store does not know (it still
    ///     counts in its group's size).
    ///   - snapshot: the network the clusters were found in (members outside it are not placed).
    ///   - community: each entity's cluster, by snapshot index (``AnalysisReport/community``).
    /// - Complexity: O(s) expected for s members in all.
    public init(groups: [[EntityID?]], snapshot: NetworkSnapshot, community: [Int]) {
        var shares: [Double] = []
        var dominant: [Int] = []
        var planted: [Int] = [], found: [Int] = [] // per member: its group and its cluster
        var seen = Set<Int>()
        for (g, group) in groups.enumerated() {
            let nodes = group.compactMap { $0 }.compactMap { snapshot.index[$0] }
            let clusters = nodes.map { community[$0] }
            for v in nodes where seen.insert(v).inserted { planted.append(g); found.append(community[v]) }
            let counts = Dictionary(grouping: clusters, by: { $0 }).mapValues(\.count)
            let best = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }
            shares.append(Double(best?.value ?? 0) / Double(max(1, group.count)))
            dominant.append(best?.key ?? -1)
        }
        plantedGroups = groups.count
        membersInNetwork = planted.count
        meanShare = shares.reduce(0, +) / Double(max(1, shares.count))
        recovered = shares.filter { $0 >= 0.8 }.count
        sharingDominantCluster = Dictionary(grouping: dominant, by: { $0 }).values.filter { $0.count > 1 }.map(\.count).reduce(0, +)
        agreement = ClusterAgreement(planted, found)
    }
}
