import ArgumentParser
import SightlineAudit

/// `sightline audit ...`
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check and read the audit log of consultations and disclosures.",
        discussion: """
        Every consultation and disclosure is logged with who, when, why and to whom (Data Protection \
        Act 2018 Part 3 s.62) in STORE.audit.sqlite beside the store (sightline.sqlite -> \
        sightline.audit.sqlite). Entries are chained with HMAC-SHA256 under a key kept outside the \
        store and the log: $SIGHTLINE_AUDIT_KEY, else ~/.config/sightline/audit.key (created on \
        first use, mode 0600). These commands read the log and add nothing to it.
        """,
        subcommands: [Verify.self, Show.self])
}

/// `--db` and `--audit-log`, shared by the audit commands.
struct AuditLogOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("audit-log"), help: ArgumentHelp("The audit log (default: the store's path with .audit.sqlite for .sqlite).", valueName: "path"))
    var auditLog: String?

    func validate() throws {
        if auditLog?.isEmpty == true { throw ValidationError("--audit-log must name a file") }
    }

    /// The log's path.
    var path: String { auditLog ?? AuditLog.defaultPath(forStore: store.db) }

    /// Opens the log to read it (never creates the log or the key).
    func open() throws -> AuditLog { try AuditLog.open(path: path, create: false) }
}
