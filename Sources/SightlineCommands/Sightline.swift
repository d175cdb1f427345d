import ArgumentParser

/// The `sightline` command: joins multi-agency intelligence into one network and answers
/// questions about it, each answer traced to the intelligence behind it.
public struct Sightline: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sightline",
        abstract: "Join multi-agency intelligence about child exploitation into one network, with the evidence behind every fact.",
        discussion: """
        Start with 'sightline ingest Samples/' and 'sightline stats'. Every command takes --db PATH \
        (default ./sightline.sqlite); commands that print data take --format table|json|csv and -o FILE. \
        Only ingest, resolve merge/unmerge, notices record and audiences set/reset write the store; every other command \
        opens it read-only.

        Exit codes: 0 done; 1 nothing found (a note); 2 a usage error; 3 the store (or the audit log) is unavailable \
        (missing, damaged, another version); 4 the request could not be met (an unknown entity); \
        5 an output file could not be written (the previous file is left as it was).
        """,
        version: "0.1.0",
        subcommands: [
            Ingest.self, Entities.self, Show.self, ItemCommand.self, Stats.self, Resolve.self, Generate.self, Measure.self, Impact.self, PathCommand.self, EgoCommand.self, CoPresenceCommand.self, Analyse.self, RenderCommand.self, ExportCommand.self,
            DisruptCommand.self, NoticesCommand.self, TrawlCommand.self, MissingCommand.self, ChronologyCommand.self, PackCommand.self, Review.self,
            AuditCommand.self, AudiencesCommand.self,
        ]
    )

    public init() {}
}
