import GRDB

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
