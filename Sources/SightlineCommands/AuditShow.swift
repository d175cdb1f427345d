import ArgumentParser
import Foundation
import SightlineAudit

extension AuditCommand {
    /// `sightline audit show`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The audit log's entries matching the filters, oldest first.",
            discussion: "Every filter given must hold. Exit codes: 0 entries; 1 none; 3 the log or key cannot be read.")

        @OptionGroup var log: AuditLogOptions
        @Option(help: "Entries by this analyst.") var analyst: String?
        @Option(help: ArgumentHelp("Entries on or after this day (UTC).", valueName: "YYYY-MM-DD")) var from: String?
        @Option(help: ArgumentHelp("Entries on or before this day (UTC).", valueName: "YYYY-MM-DD")) var until: String?
        @Option(help: "Entries whose purpose contains this text.") var purpose: String?
        @Option(help: "Entries disclosed to this audience.") var audience: String?
        @Option(help: ArgumentHelp("Entries that disclosed this entity (or any whose ID contains this text).", valueName: "id")) var entity: String?
        @Option(name: .long, help: "Output format: table, json or csv.") var format: OutputFormat = .table

        func validate() throws {
            for (name, v) in [("--from", from), ("--until", until)] {
                if let v, v.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) == nil {
                    throw ValidationError("\(name) must be a day, YYYY-MM-DD (got \(v))")
                }
            }
        }

        func run() throws {
            let filter = AuditFilter(analyst: analyst, from: from, until: until, purpose: purpose, audience: audience, entity: entity)
            let rows = try log.open().entries(filter: filter)
            try emit(rows, table: {
                TextTable(headers: ["seq", "at", "analyst", "command", "purpose", "audience", "recipients", "entities", "items", "files"],
                          rows: rows.map { r in
                              [String(r.seq), r.at, r.analyst, r.command, r.purpose, r.audience, r.recipients.joined(separator: "; "),
                               r.disclosed.entities.joined(separator: "; "), r.disclosed.items.joined(separator: "; "),
                               r.disclosed.files.map { "\($0.path) sha256:\($0.sha256)" }.joined(separator: "; ")]
                          })
            }, format: format, none: "no audit entries match")
        }
    }
}
