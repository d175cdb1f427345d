import ArgumentParser
import Foundation
import SightlineModel
import SightlineStore

extension Resolve {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every merge, with who, when and why, including undone ones.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var gate: GateOptions
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
