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
}
