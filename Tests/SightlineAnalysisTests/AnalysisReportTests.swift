import Foundation
import SightlineAnalysis
import SightlineGraph
import SightlineModel
import Testing

/// ``analyse(snapshot:options:)`` and ``GroupRecovery`` on ``AnalysisFixture``, worked by hand.
struct AnalysisReportTests {
    let report = analyse(snapshot: AnalysisFixture.snapshot, options: AnalysisOptions(weighted: false))

    @Test func childrenAreNeverRankedAndTheHubLeads() {
        // Unweighted betweenness: A lies on every shortest path between B, S and {C, L}
        // (B–C, B–L, B–S, S–C, S–L: 5 of the 10 pairs), L and B on none; ties by entity order.
        #expect(report.centralActors.map(\.entity) == ["E1", "E4", "E5"])
        let a = report.centralActors[0]
        #expect(a.rank == 1 && a.degree == 4 && a.childrenLinked == 2 && a.items == 4)
        #expect(abs(a.betweenness - 5.0 / 6.0) < 1e-12) // normalised by (n-1)(n-2)/2 = 6
        #expect(a.evidence == ["police/X-1 2025-01-01 1AP", "police/X-2 2025-02-01 1AP", "police/X-4 2025-04-01 1AP", "police/X-5 2025-05-01 1AP"].sorted())
        // The 15-year-old recorded as a suspect is a child: exposure, never an adult of concern.
        #expect(report.childrenExposure.map(\.child) == ["E2", "E3"])
        #expect(report.childrenExposure[0].adultsOfConcernLinked == ["E1 A"] && report.childrenExposure[0].placesLinked == ["E4 L"])
        #expect(report.childrenExposure[1].adultsOfConcernLinked == ["E1 A"] && report.childrenExposure[1].placesLinked == [])
        #expect(report.clusters.allSatisfy { !$0.adultsOfConcern.contains("E3 S") })
    }

    @Test func clustersCoverTheLinkedEntities() {
        #expect(report.community.count == 5)
        #expect(report.clusters.allSatisfy { $0.size > 1 })
        #expect(report.clusters.map(\.children).reduce(0, +) <= 2)
        #expect(report.clusters.map(\.size).reduce(0, +) <= 5)
        // The 15-year-old recorded as a suspect is held back, and the report says so (exact
        // betweenness: no sampling note).
        #expect(report.notes.count == 1 && report.notes[0].hasPrefix("Held back, not ranked: 1 recorded as a suspect or harbourer but a child on 2025-06-01"))
    }

    @Test func topLimitsTheActorsAndTheEncodingLeavesNotesOut() throws {
        let two = analyse(snapshot: AnalysisFixture.snapshot, options: AnalysisOptions(top: 1, weighted: false))
        #expect(two.centralActors.map(\.entity) == ["E1"])
        let keys = try JSONSerialization.jsonObject(with: JSONEncoder().encode(two)) as! [String: Any]
        #expect(Set(keys.keys) == ["modularity", "clusters", "centralActors", "childrenExposure"])
    }

    @Test func groupRecoveryByHand() {
        // Clusters {A, C, L} and {S, B}; groups {A, C, unknown} and {B}.
        let community = [0, 0, 1, 0, 1]
        let r = GroupRecovery(groups: [[EntityID(1), EntityID(2), nil], [EntityID(5)]], snapshot: AnalysisFixture.snapshot, community: community)
        #expect(r.plantedGroups == 2 && r.membersInNetwork == 3)
        #expect(abs(r.meanShare - (2.0 / 3.0 + 1) / 2) < 1e-12)
        #expect(r.recovered == 1 && r.sharingDominantCluster == 0)
        #expect(r.agreement == ClusterAgreement([0, 0, 1], [0, 0, 1]))
    }
}
