import ArgumentParser
import Foundation
import SightlineModel
import SightlineStore

extension Resolve {
    struct Candidates: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List likely-same people with reasons and a score; merges nothing.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var gate: GateOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "List pairs scoring at least this (0 to 1).")
        var minScore: Double = 0.6

        @Option(help: "List at most this many.")
        var limit: Int?

        @Option(help: ArgumentHelp("Score the list against the planted name-only duplicates of a truth.json ('sightline generate' or the samples write one) and print precision and recall.", valueName: "truth.json"))
        var scoreAgainst: String?

        func validate() throws {
            try Bounds.check("--min-score", minScore, 0...1)
            if let limit { try Bounds.check("--limit", limit, Bounds.rows) }
        }

        func run() throws {
            let list = try store.open().resolutionCandidates(minScore: minScore, limit: limit)
            if let scoreAgainst {
                let r = try CandidateScoring.score(list, truthFile: scoreAgainst)
                print(r.text, terminator: "")
                return
            }
            try emit(list, table: {
                TextTable(headers: ["score", "a", "a_label", "b", "b_label", "reasons"],
                          rows: list.map { [String(format: "%.2f", $0.score), $0.a, $0.aLabel, $0.b, $0.bLabel, $0.reasons.joined(separator: "; ")] })
            }, format: output.format, none: "no candidate pairs scoring \(minScore) or more")
        }
    }
}
