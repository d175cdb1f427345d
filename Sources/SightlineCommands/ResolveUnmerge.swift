import ArgumentParser
import Foundation
import SightlineModel
import SightlineStore

extension Resolve {
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
}
