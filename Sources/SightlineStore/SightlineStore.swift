import Foundation
import GRDB
import SightlineModel

/// The store: every intelligence item, entity, link and merge, in one SQLite file (WAL mode).
///
/// This is the only type that touches SQLite. Analysis reads from it through plain value types,
/// so a PostgreSQL backend can later sit behind the same API without touching analysis.
///
/// A store opened for reading (``Access/read``) never changes a byte of the file and creates no
/// file beside it, so evidence copies (mode 444, read-only folders and media) can be read: see
/// ``init(path:access:)``.
public final class SightlineStore: @unchecked Sendable {
    /// How a command uses the store.
    public enum Access: Sendable {
        /// Create the file if needed and bring its schema up to date (ingest, merges, notices).
        case write
        /// Read only: the file must exist and have this version's schema; nothing is written.
        case read
    }

    /// The connection; replaced once (under `lock`) when a snapshot read finds the file changed.
    private var connection: any DatabaseWriter
    /// Whether `connection` reads the main file alone (SQLite's `immutable`), and the file's state then.
    private var snapshot: FileState?
    private let lock = NSLock()
    /// The file the store lives in.
    public let path: String
    public let access: Access

    /// Opens the store at `path`.
    ///
    /// For ``Access/write``, creates the file if needed, switches it to WAL mode and applies
    /// missing migrations. For ``Access/read``, opens it with SQLite's read-only flag: no journal
    /// mode change, no migration. When no `-wal` file is beside the store (no writer is running and
    /// the last one finished), it is opened `immutable`, so SQLite creates no `-wal` or `-shm`
    /// file (a read-only connection otherwise leaves both behind); a read that finds the file
    /// changed under it (a writer checkpointed meanwhile) is run again through an ordinary
    /// read-only connection.
    /// - Throws: ``StoreError/missing(path:)`` (read, no file), ``StoreError/corrupt(path:detail:)``,
    ///   ``StoreError/notAStore(path:)``, ``StoreError/olderSchema(path:)`` (read),
    ///   ``StoreError/newerSchema(path:)``, ``StoreError/cannotOpen(path:reason:)``.
    public init(path: String, access: Access = .write) throws(StoreError) {
        self.path = path
        self.access = access
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if isFolder.boolValue { throw .cannotOpen(path: path, reason: "it is a folder, not a store file") }
        switch access {
        case .write:
            do {
                let pool = try DatabasePool(path: path, configuration: Self.configuration(readonly: false))
                if try pool.read({ try Schema.migrator.hasBeenSuperseded($0) }) { throw StoreError.newerSchema(path: path) }
                try Schema.migrator.migrate(pool)
                connection = pool
            } catch {
                throw StoreError.classify(error, path: path)
            }
        case .read:
            guard exists else { throw .missing(path: path) }
            let state = FileState(path)
            let immutable = !FileManager.default.fileExists(atPath: path + "-wal")
            do {
                connection = try Self.readOnlyConnection(path, immutable: immutable)
                snapshot = immutable ? state : nil
                try connection.read { db in try Self.checkSchema(db, path: path) }
            } catch {
                throw StoreError.classify(error, path: path)
            }
        }
    }

    static func configuration(readonly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.prepareDatabase { db in
            try db.execute(sql: readonly
                ? "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY"
                : "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY")
        }
        config.busyMode = .timeout(10)
        return config
    }

    /// A read-only connection; `immutable` reads the main file alone (a URI filename).
    static func readOnlyConnection(_ path: String, immutable: Bool) throws -> DatabaseQueue {
        guard immutable else { return try DatabaseQueue(path: path, configuration: configuration(readonly: true)) }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return try DatabaseQueue(path: "file:\(escaped)?immutable=1", configuration: configuration(readonly: true))
    }

    /// Refuses a file that is not a Sightline store of this version.
    static func checkSchema(_ db: Database, path: String) throws(StoreError) {
        do {
            let applied = try Schema.migrator.appliedIdentifiers(db)
            if applied.isEmpty {
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                throw tables == 0 ? StoreError.missing(path: path) : StoreError.notAStore(path: path)
            }
            if try Schema.migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
            if try !Schema.migrator.hasCompletedMigrations(db) { throw StoreError.olderSchema(path: path) }
        } catch {
            throw StoreError.classify(error, path: path)
        }
    }

    /// Runs a read in the store, turning database errors into ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        lock.lock(); defer { lock.unlock() }
        do {
            let value = try connection.read(body)
            if let snapshot, snapshot != FileState(path) { throw Changed() }
            return value
        } catch let e as StoreError where snapshot == nil {
            throw e
        } catch {
            guard let snapshot, snapshot != FileState(path) else { throw StoreError.classify(error, path: path) }
            // A writer changed the file under the immutable connection: read again through the WAL.
            do {
                connection = try Self.readOnlyConnection(path, immutable: false)
                self.snapshot = nil
                return try connection.read(body)
            } catch {
                throw StoreError.classify(error, path: path)
            }
        }
    }

    /// Runs a write in one transaction, turning database errors into ``StoreError``.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        lock.lock(); defer { lock.unlock() }
        do { return try connection.write(body) } catch { throw StoreError.classify(error, path: path) }
    }

    /// The writer behind ``write(_:)``, for the ingest run (which manages its own errors).
    var databaseWriter: any DatabaseWriter { connection }

    /// The current time as stored (UTC, ISO 8601).
    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    /// The current time to the millisecond (UTC, ISO 8601: `2026-12-06T12:33:01.201Z`), as the
    /// disclosure log writes it.
    static func nowPrecisely() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }

    /// Who is running the command: `$SIGHTLINE_USER`, else the login name.
    public static var actor: String {
        let env = ProcessInfo.processInfo.environment
        return env["SIGHTLINE_USER"] ?? env["USER"] ?? env["LOGNAME"] ?? "unknown"
    }
}

/// A read through an immutable connection found the file changed.
private struct Changed: Error {}

/// What identifies a file's contents cheaply: its size and modification time (nanoseconds).
struct FileState: Equatable {
    var size: Int64 = -1
    var seconds = 0, nanoseconds = 0

    init(_ path: String) {
        var s = stat()
        guard stat(path, &s) == 0 else { return }
        size = Int64(s.st_size)
        #if os(Linux)
        seconds = Int(s.st_mtim.tv_sec); nanoseconds = Int(s.st_mtim.tv_nsec)
        #else
        seconds = Int(s.st_mtimespec.tv_sec); nanoseconds = Int(s.st_mtimespec.tv_nsec)
        #endif
    }
}
