import Foundation
import GRDB
import SightlineIngest
import SightlineStore
import SightlineTestSupport

/// A store in a temporary folder.
struct ScratchStore {
    let dir = TemporaryDirectory("store")
    let store: SightlineStore
    var path: String { dir.file("s.sqlite") }

    init() throws {
        store = try SightlineStore(path: dir.file("s.sqlite"))
    }

    /// Ingests JSON Lines text held in memory.
    @discardableResult
    func ingest(_ text: String, file: String = "test.jsonl", policy: RejectPolicy = .abort) throws -> IngestSummary {
        try store.ingest([IngestInput(name: file, format: .jsonLines, source: MemoryByteSource(text))], policy: policy)
    }

    /// Every row of every table but the merge log, as text, for exact before/after comparisons.
    func dump(excluding: Set<String> = ["merge", "ingest_run", "grdb_migrations"]) throws -> [String: [String]] {
        let db = try DatabaseQueue(path: path)
        return try db.read { db in
            var out: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            where !excluding.contains(table) {
                out[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { $0.description }
            }
            return out
        }
    }

    func count(_ sql: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }
}
