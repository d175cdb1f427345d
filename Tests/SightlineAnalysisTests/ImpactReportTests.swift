import SightlineAnalysis
import SightlineModel
import Testing

/// ``ImpactReport`` on ``AnalysisFixture``, worked by hand.
struct ImpactReportTests {
    @Test func removingTheSuspectCutsBothChildrenOff() throws {
        let r = try ImpactReport(removing: EntityID(1), in: AnalysisFixture.snapshot, hops: 2)
        let row = try #require(r.rows.first)
        #expect(row.step == nil && row.entity == "E1" && row.links == 4)
        #expect(row.childrenCutOff == ["E2 C", "E3 S"])
        #expect(row.linksToChildren == 2 && row.linksToSuspects == 0)
        #expect(row.closePairsBefore == 2 && row.closePairsAfter == 0)
        // Newest first: the links to the children only (B is an associate, L a place).
        #expect(row.evidence == ["police/X-5 2025-05-01 1AP", "police/X-1 2025-01-01 1AP"])
        #expect(row.largestGroupBefore == 5)
    }

    @Test func childrenAreRefusedAndUnknownEntitiesNamed() {
        #expect(throws: AnalysisError.mayNotBeDisrupted(EntityID(2))) { try ImpactReport(removing: EntityID(2), in: AnalysisFixture.snapshot, hops: 2) }
        #expect(throws: AnalysisError.mayNotBeDisrupted(EntityID(3))) { try ImpactReport(removing: EntityID(3), in: AnalysisFixture.snapshot, hops: 2) }
        #expect(throws: AnalysisError.notInNetwork(EntityID(9))) { try ImpactReport(removing: EntityID(9), in: AnalysisFixture.snapshot, hops: 2) }
    }

    @Test func greedyTakesTheSuspectFirstAndNeverAChild() {
        let r = ImpactReport(greedy: 3, kinds: [.person, .location], in: AnalysisFixture.snapshot, hops: 2)
        #expect(r.rows.first?.entity == "E1" && r.rows.first?.step == 1)
        #expect(!r.rows.contains { $0.entity == "E2" || $0.entity == "E3" })
        // After A, no child is near a suspect: the greedy stops.
        #expect(r.rows.count == 1)
    }
}
