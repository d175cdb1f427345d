import ArgumentParser
import SightlineAudit

extension AuditCommand {
    /// `sightline audit verify`
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the audit log's chain, and its head against the anchor and any checkpoints.",
            discussion: """
            Names the first bad entry and why: a field edited, an entry deleted, entries reordered, the \
            chain recomputed without the key, the last entries deleted or an older copy put back (the \
            log ends before the anchor beside the key, or a checkpoint, says it should). Exit codes: \
            0 intact; 3 a bad entry, or the log or key cannot be read.
            """)

        @OptionGroup var log: AuditLogOptions
        @Option(name: .customLong("checkpoint"), parsing: .upToNextOption,
                help: ArgumentHelp("Checkpoint files (JSON: seq, chain, signature; or an export manifest holding auditCheckpoint).", valueName: "file"))
        var checkpoints: [String] = []

        func run() throws {
            let report = try log.open().verify(checkpoints: try checkpoints.map { try Checkpoint.read(path: $0) })
            guard report.isIntact else { throw SightlineError(.store, report.summary) }
            print(report.summary)
        }
    }
}
