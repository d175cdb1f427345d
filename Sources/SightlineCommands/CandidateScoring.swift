import Foundation
import SightlineResolution
import SightlineStore
import SightlineSynthetic

/// `resolve candidates --score-against`: reads the truth file, scores the list
/// (``CandidateRecovery``) and words the result.
enum CandidateScoring {
    struct Report {
        var recovery: CandidateRecovery
        var text: String
    }

    static func score(_ list: [ResolutionCandidate], truthFile: String) throws -> Report {
        guard let data = FileManager.default.contents(atPath: truthFile) else { throw CommandError("\(truthFile): cannot read") }
        guard let pairs = try PlantedTruth.nameOnlyDuplicates(Array(data)) else {
            throw CommandError("\(truthFile): expected a truth.json (docs/formats.md) with duplicates.nameOnly, as 'sightline generate' and scripts/make-samples.py write")
        }
        let r = CandidateRecovery(candidates: list.map { ($0.aIdentifiers, $0.bIdentifiers) }, planted: pairs)
        return Report(recovery: r, text: """
        planted name-only duplicates: \(r.planted)
        candidates listed:            \(r.listed)
        recall:                       \(String(format: "%.3f", r.recall)) (\(r.found) of \(r.planted) planted pairs listed)
        precision:                    \(String(format: "%.3f", r.precision)) (\(r.correct) of \(r.listed) listed pairs are planted duplicates)
        precision in the top \(r.topK):      \(String(format: "%.3f", r.precisionInTopK))

        """)
    }
}
