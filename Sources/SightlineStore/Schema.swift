import GRDB

/// The store's schema, changed only through migrations. A shipped migration is never edited:
/// changes come as new migrations appended here. docs/schema.md describes the tables.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: intelligence model") { db in
            try db.execute(sql: """
            CREATE TABLE ingest_run (
                id INTEGER PRIMARY KEY,
                started TEXT NOT NULL,
                finished TEXT,
                actor TEXT NOT NULL,
                files TEXT NOT NULL,
                summary TEXT
            );
            CREATE TABLE item (
                id INTEGER PRIMARY KEY,
                agency TEXT NOT NULL,
                reference TEXT NOT NULL,
                recorded TEXT NOT NULL,
                observed_start TEXT,
                observed_end TEXT,
                observed_text TEXT,
                observed_approx INTEGER NOT NULL DEFAULT 0,
                grade_system TEXT NOT NULL,
                evaluation TEXT NOT NULL,
                handling TEXT NOT NULL,
                conditions TEXT,
                summary TEXT,
                source_file TEXT,
                source_line INTEGER,
                run_id INTEGER,
                UNIQUE (agency, reference)
            );
            CREATE TABLE entity (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                label TEXT,
                merged_into INTEGER REFERENCES entity(id),
                run_id INTEGER
            );
            CREATE INDEX entity_kind ON entity(kind);
            CREATE INDEX entity_merged_into ON entity(merged_into) WHERE merged_into IS NOT NULL;
            CREATE TABLE identifier (
                scheme TEXT NOT NULL,
                value TEXT NOT NULL,
                entity_id INTEGER NOT NULL REFERENCES entity(id),
                PRIMARY KEY (scheme, value)
            ) WITHOUT ROWID;
            CREATE INDEX identifier_entity ON identifier(entity_id);
            CREATE TABLE entity_record (
                entity_id INTEGER NOT NULL REFERENCES entity(id),
                item_id INTEGER NOT NULL REFERENCES item(id),
                identifier TEXT NOT NULL,
                name TEXT,
                aliases TEXT,
                dob_text TEXT,
                dob_start TEXT,
                dob_end TEXT,
                dob_approx INTEGER NOT NULL DEFAULT 0,
                details TEXT,
                PRIMARY KEY (entity_id, item_id)
            ) WITHOUT ROWID;
            CREATE INDEX entity_record_item ON entity_record(item_id);
            CREATE TABLE role (
                entity_id INTEGER NOT NULL REFERENCES entity(id),
                item_id INTEGER NOT NULL REFERENCES item(id),
                role TEXT NOT NULL,
                PRIMARY KEY (entity_id, item_id, role)
            ) WITHOUT ROWID;
            CREATE INDEX role_item ON role(item_id);
            CREATE TABLE link (
                id INTEGER PRIMARY KEY,
                type TEXT NOT NULL,
                source INTEGER NOT NULL REFERENCES entity(id),
                target INTEGER NOT NULL REFERENCES entity(id),
                time_start TEXT,
                time_end TEXT,
                time_text TEXT NOT NULL DEFAULT '',
                time_approx INTEGER NOT NULL DEFAULT 0,
                origin TEXT NOT NULL DEFAULT 'asserted',
                mode TEXT,
                duration INTEGER,
                substance TEXT,
                UNIQUE (source, target, type, time_text, origin)
            );
            CREATE INDEX link_target ON link(target);
            CREATE TABLE link_evidence (
                link_id INTEGER NOT NULL REFERENCES link(id),
                item_id INTEGER NOT NULL REFERENCES item(id),
                PRIMARY KEY (link_id, item_id)
            ) WITHOUT ROWID;
            CREATE INDEX link_evidence_item ON link_evidence(item_id);
            CREATE TABLE looked_after (
                id INTEGER PRIMARY KEY,
                entity_id INTEGER NOT NULL REFERENCES entity(id),
                item_id INTEGER NOT NULL REFERENCES item(id),
                start TEXT NOT NULL,
                end TEXT,
                authority TEXT,
                UNIQUE (entity_id, item_id, start)
            );
            CREATE INDEX looked_after_item ON looked_after(item_id);
            CREATE TABLE missing_episode (
                id INTEGER PRIMARY KEY,
                item_id INTEGER NOT NULL REFERENCES item(id),
                child INTEGER NOT NULL REFERENCES entity(id),
                start TEXT NOT NULL,
                end TEXT,
                missing_from INTEGER REFERENCES entity(id),
                found_at INTEGER REFERENCES entity(id),
                UNIQUE (item_id, child, start)
            );
            CREATE INDEX missing_episode_child ON missing_episode(child);
            CREATE TABLE missing_found_with (
                episode_id INTEGER NOT NULL REFERENCES missing_episode(id) ON DELETE CASCADE,
                person INTEGER NOT NULL REFERENCES entity(id),
                PRIMARY KEY (episode_id, person)
            ) WITHOUT ROWID;
            CREATE TABLE notice (
                id INTEGER PRIMARY KEY,
                item_id INTEGER NOT NULL REFERENCES item(id),
                type TEXT NOT NULL,
                subject INTEGER NOT NULL REFERENCES entity(id),
                child INTEGER REFERENCES entity(id),
                premises INTEGER REFERENCES entity(id),
                issued TEXT NOT NULL,
                officer TEXT,
                expires TEXT,
                UNIQUE (item_id, type, subject, issued)
            );
            CREATE TABLE merge (
                id INTEGER PRIMARY KEY,
                survivor INTEGER NOT NULL REFERENCES entity(id),
                merged INTEGER NOT NULL REFERENCES entity(id),
                kind TEXT NOT NULL,
                actor TEXT NOT NULL,
                at TEXT NOT NULL,
                reason TEXT NOT NULL,
                undone_at TEXT,
                undone_by TEXT,
                undo_reason TEXT
            );
            CREATE INDEX merge_merged ON merge(merged);
            """)
        }
        m.registerMigration("v2: non-consent for warning notices") { db in
            try db.execute(sql: """
            CREATE TABLE non_consent (
                id INTEGER PRIMARY KEY,
                item_id INTEGER NOT NULL REFERENCES item(id),
                child INTEGER NOT NULL REFERENCES entity(id),
                adult INTEGER REFERENCES entity(id),
                by TEXT NOT NULL,
                UNIQUE (item_id, child, adult, by)
            );
            CREATE INDEX non_consent_child ON non_consent(child);
            CREATE INDEX notice_item ON notice(item_id);
            ALTER TABLE item ADD COLUMN first_run INTEGER REFERENCES ingest_run(id);
            UPDATE item SET first_run = run_id;
            """)
        }
        m.registerMigration("v3: entities kept apart") { db in
            // An analyst's decision that two entities are two (recorded when an identifier merge is
            // undone): an ingest whose records would merge them again by identifier is refused.
            try db.execute(sql: """
            CREATE TABLE keep_apart (
                id INTEGER PRIMARY KEY,
                a INTEGER NOT NULL REFERENCES entity(id),
                b INTEGER NOT NULL REFERENCES entity(id),
                merge_id INTEGER REFERENCES merge(id),
                actor TEXT NOT NULL,
                at TEXT NOT NULL,
                reason TEXT NOT NULL
            );
            CREATE INDEX keep_apart_merge ON keep_apart(merge_id);
            """)
        }
        m.registerMigration("v4: settings") { db in
            // Settings that govern how the store's contents may be used (the audiences profile),
            // each with who last changed it and when.
            try db.execute(sql: """
            CREATE TABLE setting (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                changed_by TEXT NOT NULL
            );
            """)
        }
        return m
    }
}
