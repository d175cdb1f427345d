import ArgumentParser

/// `sightline notices candidates|record`
struct NoticesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices",
        abstract: "Warning-notice candidates, and recording notices issued, visits made and markers set.",
        subcommands: [NoticesCandidates.self, NoticesRecord.self])
}
