import ArgumentParser
import Foundation
import SightlineModel
import SightlineStore

/// `sightline resolve ...`
struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find, merge and unmerge records that describe the same person.",
        discussion: "People are never merged on a name alone: candidates are listed for an analyst to decide.",
        subcommands: [Candidates.self, Merge.self, Unmerge.self, History.self])

    struct Candidates: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List likely-same people with reasons and a score; merges nothing.")

        @OptionGroup var store: StoreOptions
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

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Merge entity B into entity A on your decision, recording who, when and why.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The entity that survives (E12, an identifier, or an exact name).") var a: String
        @Argument(help: "The entity merged into it.") var b: String
        @Option(help: "Why they are the same (recorded).") var reason: String
        @Option(help: ArgumentHelp("Merge even though the safeguarding check refuses (a child and an adult, or dates of birth years apart): your reason, recorded with the merge.", valueName: "reason"))
        var override: String?

        func run() throws {
            let db = try store.openForWriting()
            let (ea, eb) = (try db.find(a), try db.find(b))
            let id = try db.merge(ea, eb, reason: reason, override: override)
            print("merge \(id): \(eb) merged into \(ea); undo with 'sightline resolve unmerge \(eb) --reason TEXT'")
        }
    }

    struct Unmerge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Undo a merge, restoring both entities exactly.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The entity that was merged away (as in 'resolve history').") var entity: String
        @Option(help: "Why the merge is undone (recorded).") var reason: String

        func run() throws {
            let db = try store.openForWriting()
            guard let id = EntityID(parsing: entity) else { throw CommandError("give the merged entity's ID (E12), as listed by 'sightline resolve history'") }
            let m = try db.unmerge(id, reason: reason)
            print("merge \(m.id) undone: \(m.merged) is separate from \(m.survivor) again"
                  + (m.keptApart == nil ? "" : "; they are kept apart: an ingest whose records would merge them again by identifier is refused, naming both"))
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every merge, with who, when and why, including undone ones.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let list = try store.open().mergeHistory()
            try emit(list, table: {
                TextTable(headers: ["merge", "survivor", "merged", "kind", "by", "at", "reason", "undone"],
                          rows: list.map { m in
                              [String(m.id), m.survivor, m.merged, m.kind, m.actor, m.at, m.reason,
                               (m.keptApart == nil ? "" : "kept apart: ")
                                   + (m.undoneAt.map { "\($0) by \(m.undoneBy ?? "") (\(m.undoReason ?? ""))" } ?? "")]
                          })
            }, format: output.format, none: "no merges recorded")
        }
    }
}
