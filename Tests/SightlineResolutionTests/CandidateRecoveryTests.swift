import SightlineResolution
import SightlineSynthetic
import Testing

/// ``CandidateRecovery`` worked by hand, and ``PlantedTruth`` reading back what the generator writes.
struct CandidateRecoveryTests {
    @Test func recallAndPrecisionByHand() {
        // Planted: (p1, d1), (p2, d2), (p3, d3). Listed, in order: a match either way round, a
        // wrong pair, a second listing of the first planted pair, and the second planted pair.
        let list: [(a: [String], b: [String])] = [(["d1"], ["p1", "x"]), (["p1"], ["p9"]), (["p1"], ["d1"]), (["p2"], ["d2"])]
        let r = CandidateRecovery(candidates: list, planted: [("p1", "d1"), ("p2", "d2"), ("p3", "d3")])
        #expect(r.listed == 4 && r.planted == 3 && r.found == 2 && r.correct == 3)
        #expect(r.topK == 3 && r.correctInTopK == 2)
        #expect(abs(r.recall - 2.0 / 3.0) < 1e-12 && abs(r.precision - 0.75) < 1e-12 && abs(r.precisionInTopK - 2.0 / 3.0) < 1e-12)
    }

    @Test func emptyListsScoreZero() {
        let r = CandidateRecovery(candidates: [], planted: [])
        #expect(r.recall == 0 && r.precision == 0 && r.precisionInTopK == 0)
    }

    @Test func plantedTruthReadsWhatTheGeneratorWrites() throws {
        var generator = NetworkGenerator(options: NetworkGenerator.Options(people: 400, seed: 3)) { _ in }
        let truth = generator.run()
        let bytes = Array(truth.jsonText(safeguarding: nil).utf8)
        let pairs = try #require(try PlantedTruth.nameOnlyDuplicates(bytes))
        #expect(pairs.map(\.a) == truth.nameOnlyDuplicates.map(\.0) && pairs.map(\.b) == truth.nameOnlyDuplicates.map(\.1))
        let groups = try #require(try PlantedTruth.offendingGroups(bytes))
        #expect(groups == truth.groups)
        #expect(try PlantedTruth.offendingGroups(Array("{\"duplicates\":{}}".utf8)) == nil)
        #expect(try PlantedTruth.nameOnlyDuplicates(Array("[]".utf8)) == nil)
    }
}
