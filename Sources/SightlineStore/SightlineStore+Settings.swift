import Foundation
import GRDB
import SightlineModel

/// A setting stored with the intelligence: its text, and who last changed it and when.
public struct StoreSetting: Sendable, Equatable {
    public var name: String
    public var value: String
    /// When it was last changed (UTC, ISO 8601).
    public var changedAt: String
    /// Who changed it (the analyst, as the disclosure log names them).
    public var changedBy: String
}

extension SightlineStore {
    /// The audiences profile (YAML, as `docs/audiences.yaml`) that replaces the shipped one for this store.
    public static let audiencesSetting = "audiences"

    /// A setting, or nil when it was never set (or was reset). O(1).
    public func setting(_ name: String) throws(StoreError) -> StoreSetting? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT value, changed_at, changed_by FROM setting WHERE name = ?", arguments: [name]).map {
                StoreSetting(name: name, value: $0[0], changedAt: $0[1], changedBy: $0[2])
            }
        }
    }

    /// Sets a setting to `value`, or removes it (nil), recording who did it (`by`) and when. The
    /// store must be open for writing.
    public func setSetting(_ name: String, to value: String?, by analyst: String) throws(StoreError) {
        try write { db in
            if let value {
                try db.execute(sql: """
                    INSERT INTO setting (name, value, changed_at, changed_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at, changed_by = excluded.changed_by
                    """, arguments: [name, value, Self.now(), analyst])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE name = ?", arguments: [name])
            }
        }
    }
}

/// A MACE panel pack made from the store: what the next pack's "changed since" starts from.
public struct PackRecord: Codable, Sendable, Equatable {
    public var panelDate: String
    /// The day it was made (UTC).
    public var madeOn: String
    /// When it was made, as its log entry says (UTC, ISO 8601): items first ingested after it were
    /// not in it.
    public var madeAt: String
    public var audience: String
    /// Its disclosure log entry.
    public var logEntry: Int64
    public init(panelDate: String, madeAt: String, audience: String, logEntry: Int64) {
        self.panelDate = panelDate; self.madeAt = madeAt; madeOn = String(madeAt.prefix(10)); self.audience = audience; self.logEntry = logEntry
    }
}

extension SightlineStore {
    /// The packs made from the store (JSON, oldest first).
    public static let packsSetting = "packs"

    /// Every pack made from the store, oldest first. O(packs).
    public func packs() throws(StoreError) -> [PackRecord] {
        guard let s = try setting(Self.packsSetting) else { return [] }
        return (try? JSONDecoder().decode([PackRecord].self, from: Data(s.value.utf8))) ?? []
    }

    /// The pack for the latest panel before `panelDate` (a pack made again for the same panel does
    /// not count). O(packs).
    public func previousPack(before panelDate: String) throws(StoreError) -> PackRecord? {
        try packs().filter { $0.panelDate < panelDate }.max { ($0.panelDate, $0.logEntry) < ($1.panelDate, $1.logEntry) }
    }

    /// The items first ingested by an ingest run that finished after a moment (UTC, ISO 8601 to
    /// the millisecond, as the disclosure log writes it). A run recorded to the second only (stores
    /// written before this) that finished in the same second counts as after. O(items ingested
    /// since), through the ingest runs.
    public func itemsFirstIngested(after instant: String) throws(StoreError) -> [IntelRef] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.agency, i.reference FROM ingest_run r JOIN item i ON i.first_run = r.id WHERE r.finished > ?
                """, arguments: [instant]).compactMap { row in Agency(rawValue: row[0]).map { IntelRef(agency: $0, reference: row[1]) } }
        }
    }

    /// Records a pack (the store must be open for writing).
    public func recordPack(_ pack: PackRecord, by analyst: String) throws(StoreError) {
        let all = try packs() + [pack]
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        let text = String(decoding: (try? enc.encode(all)) ?? Data("[]".utf8), as: UTF8.self)
        try setSetting(Self.packsSetting, to: text, by: analyst)
    }
}
