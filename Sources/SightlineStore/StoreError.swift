import GRDB
import GRDBSQLite
import SightlineModel

/// Errors from the store, each saying what to do about it.
///
/// The `description` is for the person at the terminal and never contains SQL or SQLite's own
/// wording; ``detail`` keeps SQLite's message (and the statement) for a debug print.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// No file at the path, and the command only reads.
    case missing(path: String)
    /// The file exists but cannot be opened or read (permissions, a folder, an I/O error).
    case cannotOpen(path: String, reason: String)
    /// The file is not a SQLite database, or its pages are damaged.
    case corrupt(path: String, detail: String)
    /// A SQLite database, but not one Sightline wrote.
    case notAStore(path: String)
    /// Written by an older Sightline; a write command brings it up to date.
    case olderSchema(path: String)
    /// Written by a newer Sightline than this one.
    case newerSchema(path: String)
    /// Another process holds the store locked for longer than the wait.
    case busy(path: String)
    /// A write was refused: the file or its folder is read-only, or the disk is full.
    case cannotWrite(path: String, reason: String)
    case notFound(String)
    case ambiguous(String, matches: [EntityID])
    /// No item has this reference; `closeMatches` are references of the same agency that share the
    /// longest prefix with it (up to 5), for the message.
    case unknownItem(IntelRef, closeMatches: [IntelRef])
    case cannotMerge(String)
    case cannotUnmerge(String)
    /// Any other failure of the store; the text is SQLite's and is shown only as ``detail``.
    case database(String)

    public var description: String {
        switch self {
        case let .missing(path): "no store at \(path): run 'sightline ingest' first or check --db"
        case let .cannotOpen(path, reason): "cannot open the store at \(path): \(reason)"
        case let .corrupt(path, _): "the store at \(path) is damaged or is not a Sightline store (not a readable SQLite database); check --db, or restore it from a copy"
        case let .notAStore(path): "\(path) is a SQLite database but not a Sightline store; check --db"
        case let .olderSchema(path): "the store at \(path) was written by an older Sightline; run a write command such as 'sightline ingest' on it to bring it up to date (read commands never change the store)"
        case let .newerSchema(path): "the store at \(path) was written by a newer Sightline than this one; use that version"
        case let .busy(path): "the store at \(path) is locked by another command; try again when it has finished"
        case let .cannotWrite(path, reason): "cannot write to the store at \(path): \(reason)"
        case let .notFound(what): "no entity matches \(what) (try 'sightline entities --search TEXT')"
        case let .ambiguous(what, matches): "\(what) matches several entities: \(matches.map(\.description).joined(separator: ", ")); give an entity ID"
        case let .unknownItem(ref, close):
            close.isEmpty
                ? "no item \(ref) in the store, and no \(ref.agency.rawValue) reference begins as it does; check the agency and the reference"
                : "no item \(ref) in the store; close matches (\(ref.agency.rawValue) references sharing the longest prefix): \(close.map(\.description).joined(separator: ", "))"
        case let .cannotMerge(why): "cannot merge: \(why)"
        case let .cannotUnmerge(why): "cannot unmerge: \(why)"
        case .database: "the store failed while reading or writing; set SIGHTLINE_DEBUG=1 to see SQLite's message"
        }
    }

    /// SQLite's own message (and statement), for `SIGHTLINE_DEBUG=1`; nil when there is none.
    public var detail: String? {
        switch self {
        case let .corrupt(_, d), let .database(d): d
        case let .cannotOpen(_, r), let .cannotWrite(_, r): r
        default: nil
        }
    }

    /// The error for a failure of SQLite on the store at `path`, by its result code.
    static func classify(_ error: any Error, path: String) -> StoreError {
        if let e = error as? StoreError { return e }
        guard let e = error as? DatabaseError else { return .database("\(error)") }
        return classify(code: e.resultCode.primaryResultCode.rawValue, message: "\(e)", path: path)
    }

    static func classify(code: Int32, message: String, path: String) -> StoreError {
        switch code & 0xff {
        case SQLITE_CORRUPT, SQLITE_NOTADB: .corrupt(path: path, detail: message)
        case SQLITE_BUSY, SQLITE_LOCKED: .busy(path: path)
        case SQLITE_READONLY: .cannotWrite(path: path, reason: "the file or its folder is read-only")
        case SQLITE_FULL: .cannotWrite(path: path, reason: "the disk is full")
        case SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH: .cannotOpen(path: path, reason: "permission denied or not a file")
        case SQLITE_IOERR: .cannotOpen(path: path, reason: "an input/output error (a damaged disk or a network file system)")
        default: .database(message)
        }
    }
}

extension StoreError {
    /// Whether the error is about what the user asked for (not found, ambiguous, a refused merge)
    /// rather than a failure of the store itself.
    public var isAboutTheRequest: Bool {
        switch self {
        case .notFound, .ambiguous, .unknownItem, .cannotMerge, .cannotUnmerge: true
        default: false
        }
    }
}
