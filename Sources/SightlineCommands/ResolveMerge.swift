import ArgumentParser
import Foundation
import SightlineModel
import SightlineStore

extension Resolve {
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
}
