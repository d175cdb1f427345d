import Foundation
import GRDB
import SightlineModel

/// The store: every intelligence item, entity, link and merge, in one SQLite file (WAL mode).
///
/// This is the only type that touches SQLite. Analysis reads from it through plain value types,
/// so a PostgreSQL backend can later sit behind the same API without touching analysis.
public final class SightlineStore: Sendable {
    let pool: DatabasePool
    /// The file the store lives in.
    public let path: String

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    /// - Throws: ``StoreError/cannotOpen(path:reason:)``.
    public init(path: String) throws(StoreError) {
        self.path = path
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY")
        }
        config.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Schema.migrator.migrate(pool)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Runs a read in the store, turning database errors into ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch let e as StoreError { throw e } catch { throw .database("\(error)") }
    }

    /// Runs a write in one transaction, turning database errors into ``StoreError``.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch let e as StoreError { throw e } catch { throw .database("\(error)") }
    }

    /// The current time as stored (UTC, ISO 8601).
    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    /// Who is running the command: `$SIGHTLINE_USER`, else the login name.
    public static var actor: String {
        let env = ProcessInfo.processInfo.environment
        return env["SIGHTLINE_USER"] ?? env["USER"] ?? env["LOGNAME"] ?? "unknown"
    }
}
