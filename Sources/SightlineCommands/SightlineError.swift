import ArgumentParser
import SightlineAudit
import SightlineGate
import SightlineIngest
import SightlineStore

/// Sightline's exit codes: one table for every command (docs/commands.md, "Exit codes").
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Done; rows found (or something written).
    case ok = 0
    /// Done, but nothing found (no rows, no path); for `ingest` and `notices record`, a record was
    /// refused and nothing stored.
    case nothing = 1
    /// A usage error: an unknown command or option, or a value out of its range.
    case usage = 2
    /// The store is missing, unreadable, damaged, locked, of another version, or a write failed.
    case store = 3
    /// The request could not be met: an unknown or ambiguous entity, a refused merge, a child
    /// where an adult is needed, an input file (weights, edge list, truth) that cannot be used.
    case request = 4
    /// An output file (`-o`) could not be written; the previous file is left as it was.
    case output = 5
}

/// The one error every command reports through: what went wrong, for a person, and the exit status.
///
/// ``SightlineMain`` maps every other error to this type in one place (``init(_:)``), so a store
/// failure exits 3 from every command and no message shows SQL.
public struct SightlineError: Error, CustomStringConvertible, Sendable {
    public var status: ExitStatus
    public var message: String
    /// Technical detail (SQLite's message), printed only with `SIGHTLINE_DEBUG=1`.
    public var detail: String?
    /// Whether the message is a note (no rows), printed without `Error: `.
    public var isNote: Bool { status == .nothing && note }
    var note = false

    public init(_ status: ExitStatus, _ message: String, detail: String? = nil) {
        self.status = status; self.message = message; self.detail = detail
    }

    public var description: String { message }

    /// Nothing found: a note on standard error, exit 1.
    static func nothing(_ message: String) -> SightlineError {
        var e = SightlineError(.nothing, message); e.note = true; return e
    }

    /// Any error, mapped to its status and message: the one place where that is decided.
    public init(_ error: any Error) {
        switch error {
        case let e as SightlineError: self = e
        case let e as StoreError:
            self.init(e.isAboutTheRequest ? .request : .store, e.description, detail: e.detail)
        case let e as IngestFailure:
            switch e {
            case .rejected: self.init(.nothing, e.description)
            case let .store(s): self.init(.store, s.description + "\nNothing from this run was stored.", detail: s.detail)
            }
        case let e as AuditError: self.init(.store, e.description)
        // An audience or purpose the request gets wrong is a usage error; a bad audiences file, a request that cannot be met.
        case let e as AudienceError: self.init(e.location.hasPrefix("--") ? .usage : .request, e.description)
        case let e as OutputError: self.init(.output, e.description)
        case let e as NoRows: self = .nothing(e.message)
        case let e as ExitWithMessage: self.init(ExitStatus(rawValue: e.code) ?? .request, e.message)
        case let e as CommandError: self.init(.request, e.description)
        default: self.init(.request, "\(error)")
        }
    }
}
