import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineRender
import SightlineStore

/// `sightline missing brief CHILD`
struct MissingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missing",
        abstract: "Briefs for officers looking for a child at risk who has been reported missing.",
        subcommands: [MissingBriefCommand.self])
}
