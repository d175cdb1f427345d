import GRDB
import SightlineIngest
import SightlineModel
import SightlineReadModel
import SightlineSafeguarding

/// Writes validated records into the store inside one transaction: resolves identifiers to
/// entities (merging entities that turn out to share a strong identifier), replaces what an item
/// previously said when a run first mentions it, and counts what it did.
///
/// Statements are prepared once and bound in place (``FastStatement``): this is the ingest hot path.
final class IngestWriter {
    let db: Database
    let runID: Int64
    /// The run's day: who is a child when a record would merge two people.
    let day: Timestamp
    var summary = IngestSummary()

    /// Items and entities with IDs above these existed before the run (row IDs only grow: nothing
    /// is deleted from these tables), so "new in this run" needs no set that grows with the input.
    let itemMaxAtStart: Int64
    let entityMaxAtStart: Int64
    /// Pre-existing items already cleared in this run, bounded; the item's `run_id` is the
    /// authority once this set has been emptied.
    var clearedItems = Set<Int64>()
    /// The fact tables that held rows when the run started.
    let factTablesAtStart: Set<String>
    /// Items known to exist, by citation, bounded so memory stays flat on huge runs.
    var itemCache: [IntelRef: Int64] = [:]
    /// Identifier to entity, bounded likewise.
    var identifierCache: [StrongIdentifier: Int64] = [:]
    /// Entities merged into another, to the survivor (small: merges are rare).
    var mergedInto: [Int64: Int64] = [:]
    var clearedAny = false
    /// Pairs an analyst has kept apart (`resolve unmerge` of an identifier merge): few.
    var keptApart: [KeptApart] = []
    /// The notices written in this run, checked against their parties once every record is written
    /// (a notice may come before its parties' records). One small value per notice.
    var notices: [WrittenNotice] = []
    static let cacheLimit = 200_000
    var prepared: [UnsafeRawPointer: FastStatement] = [:]

    init(db: Database, runID: Int64, day: Timestamp) throws {
        self.db = db
        self.runID = runID
        self.day = day
        itemCache.reserveCapacity(Self.cacheLimit)
        identifierCache.reserveCapacity(Self.cacheLimit)
        itemMaxAtStart = try Int64.fetchOne(db, sql: "SELECT max(id) FROM item") ?? 0
        // A table empty at the start cannot hold what a pre-existing item said before: its rows all
        // come from items this run has already cleared, so clearing skips it.
        var tables = Set<String>()
        for t in ["entity_record", "role", "link_evidence", "looked_after", "notice", "missing_episode", "non_consent"]
        where try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(t))") == true {
            tables.insert(t)
        }
        factTablesAtStart = tables
        entityMaxAtStart = try Int64.fetchOne(db, sql: "SELECT max(id) FROM entity") ?? 0
        for row in try Row.fetchAll(db, sql: "SELECT id, merged_into FROM entity WHERE merged_into IS NOT NULL") {
            mergedInto[row[0]] = row[1]
        }
        keptApart = try Row.fetchAll(db, sql: "SELECT a, b, actor, at, reason FROM keep_apart ORDER BY id").map {
            KeptApart(a: $0[0], b: $0[1], actor: $0[2], at: $0[3], reason: $0[4])
        }
        // What this run has said so far, to refuse a conflicting repeat (see `repeatConflict`). Temporary
        // tables live and die with the connection's transaction: a failed run leaves nothing behind.
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.ingest_seen_item;
            DROP TABLE IF EXISTS temp.ingest_seen_entity;
            CREATE TEMP TABLE ingest_seen_item (agency TEXT NOT NULL, reference TEXT NOT NULL, file INTEGER NOT NULL,
                line INTEGER NOT NULL, digest INTEGER NOT NULL, PRIMARY KEY (agency, reference)) WITHOUT ROWID;
            CREATE TEMP TABLE ingest_seen_entity (entity_id INTEGER NOT NULL, item_id INTEGER NOT NULL, file INTEGER NOT NULL,
                line INTEGER NOT NULL, digest INTEGER NOT NULL, PRIMARY KEY (entity_id, item_id)) WITHOUT ROWID;
            """)
    }

    // MARK: Repeats within a run

    /// The run's file names, indexed in the temporary tables.
    var files: [String] = []

    func fileIndex(_ name: String) -> Int {
        if let i = files.lastIndex(of: name) { return i }
        files.append(name)
        return files.count - 1
    }

    /// What an item says, as one number: two item records with the same digest say the same thing.
    /// (Swift's hash is seeded per process, which is enough: digests are compared within a run.)
    static func digest(_ i: IntelItem) -> Int64 {
        var h = Hasher()
        h.combine(i.recorded); h.combine(i.observed); h.combine(i.grade); h.combine(i.summary)
        return Int64(truncatingIfNeeded: h.finalize())
    }

    /// What an entity record says about its entity apart from roles (which add up) and identifiers.
    static func digest(_ e: EntityRecord) -> Int64 {
        var h = Hasher()
        h.combine(e.name); h.combine(e.aliases); h.combine(e.dob); h.combine(e.details)
        return Int64(truncatingIfNeeded: h.finalize())
    }

    /// Refuses a record that repeats, with different content, an item already given in this run, or
    /// what an item already said in this run about the same entity: otherwise the last would silently
    /// win. Identical repeats pass. The error names both places.
    func repeatConflict(_ r: IntelRecord, at location: SourceLocation) throws -> IngestError? {
        switch r {
        case let .item(i):
            let s = try sql("SELECT file, line, digest FROM temp.ingest_seen_item WHERE agency = ? AND reference = ?")
            s.bind(1, i.ref.agency.rawValue); s.bind(2, i.ref.reference)
            guard let (file, line, digest) = try s.int64Triple(), digest != Self.digest(i) else { return nil }
            return .badField(location, field: "ref", value: i.ref.description,
                             reason: "is given again with different content (first at \(files[Int(file)]):\(line)); an item is defined once in a run, and only an identical repeat is allowed")
        case let .entity(e):
            guard let item = try itemID(e.item) else { return nil } // defined in this unit: nothing said under it yet
            var entity: Int64?
            for identifier in e.identifiers { if let id = try lookup(identifier) { entity = canonical(id); break } }
            guard let entity else { return nil }
            let s = try sql("SELECT file, line, digest FROM temp.ingest_seen_entity WHERE entity_id = ? AND item_id = ?")
            s.bind(1, entity); s.bind(2, item)
            guard let (file, line, digest) = try s.int64Triple(), digest != Self.digest(e) else { return nil }
            return .badField(location, field: "id", value: e.primary.description,
                             reason: "is described again under item \(e.item) with different facts (first at \(files[Int(file)]):\(line)); under one item, an entity's name, aliases, date of birth and details are given once, or repeated identically")
        default:
            return nil
        }
    }

    /// Notes what this run has said, for `repeatConflict`; the first place is kept.
    func remember(item i: IntelItem, at location: SourceLocation) throws {
        let s = try sql("INSERT OR IGNORE INTO temp.ingest_seen_item (agency, reference, file, line, digest) VALUES (?, ?, ?, ?, ?)")
        s.bind(1, i.ref.agency.rawValue); s.bind(2, i.ref.reference); s.bind(3, Int64(fileIndex(location.file)))
        s.bind(4, Int64(location.line)); s.bind(5, Self.digest(i))
        try s.run()
    }

    func remember(entity: Int64, item: Int64, record e: EntityRecord, at location: SourceLocation) throws {
        let s = try sql("INSERT OR IGNORE INTO temp.ingest_seen_entity (entity_id, item_id, file, line, digest) VALUES (?, ?, ?, ?, ?)")
        s.bind(1, entity); s.bind(2, item); s.bind(3, Int64(fileIndex(location.file))); s.bind(4, Int64(location.line))
        s.bind(5, Self.digest(e))
        try s.run()
    }

    /// The prepared statement for a constant SQL text.
    func sql(_ text: StaticString) throws -> FastStatement {
        let key = UnsafeRawPointer(text.utf8Start)
        if let s = prepared[key] { return s }
        let s = try FastStatement(db, text.description)
        prepared[key] = s
        return s
    }

    /// The surviving entity an entity has been merged into (itself if none).
    func canonical(_ id: Int64) -> Int64 {
        var e = id
        while let next = mergedInto[e] { e = next }
        return e
    }

    // MARK: Checking citations before writing

    /// Checks that every item a unit cites is defined (in the unit itself, earlier in the run, or
    /// already stored), so that a unit is either written whole or rejected whole.
    func check(_ records: [IntelRecord], at location: SourceLocation) throws -> IngestError? {
        var defined: [IntelRef] = []
        for r in records {
            if let conflict = try repeatConflict(r, at: location) { return conflict }
            if case let .item(i) = r { defined.append(i.ref); continue }
            if case let .entity(e) = r, let refused = try mergeRefusal(e, at: location) { return refused }
            for ref in r.citations where !defined.contains(ref) {
                if try itemID(ref) == nil {
                    return .badField(location, field: "item", value: ref.description,
                                     reason: "is not a known intelligence item: define it with an item record earlier in the run (items first), or ingest the file that defines it first")
                }
            }
        }
        return nil
    }

    func itemID(_ ref: IntelRef) throws -> Int64? {
        if let last = lastItem, last.ref == ref { return last.id } // a fact citing the item just written
        if let id = itemCache[ref] { return id }
        let s = try sql("SELECT id, run_id FROM item WHERE agency = ? AND reference = ?")
        s.bind(1, ref.agency.rawValue); s.bind(2, ref.reference)
        guard let (id, run) = try s.int64Pair() else { return nil }
        remember(ref, id)
        // Remember what the row said, for the next clearOnFirstTouch of this item only.
        lastLookup = (id, run)
        if run == runID { clearedItems.insert(id) } // already written by this run
        return id
    }

    /// The last item looked up and the run that last wrote it, to save a second query.
    var lastLookup: (id: Int64, run: Int64?)?

    func remember(_ ref: IntelRef, _ id: Int64) {
        if itemCache.count >= Self.cacheLimit { itemCache.removeAll(keepingCapacity: true) }
        itemCache[ref] = id
        lastItem = (ref, id)
    }

    /// The item most recently written or looked up.
    var lastItem: (ref: IntelRef, id: Int64)?

    /// The item's ID for writing a fact under it; clears its earlier facts on first touch in this run.
    func touch(_ ref: IntelRef) throws -> Int64 {
        guard let id = try itemID(ref) else { throw StoreError.database("item \(ref) vanished during the run") }
        try clearOnFirstTouch(id)
        return id
    }

    /// Clears what a pre-existing item said before, the first time this run touches it, and marks
    /// the item as written by this run.
    func clearOnFirstTouch(_ id: Int64, mark: Bool = true) throws {
        guard id <= itemMaxAtStart, !clearedItems.contains(id) else { return }
        let lastRun: Int64?
        if let l = lastLookup, l.id == id {
            lastRun = l.run
            lastLookup = nil // used once: after this the item's run_id or clearedItems tell
        } else {
            let runOf = try sql("SELECT run_id FROM item WHERE id = ?")
            runOf.bind(1, id)
            lastRun = try runOf.int64()
        }
        if lastRun != runID {
            try clearFacts(of: id)
            if mark {
                let m = try sql("UPDATE item SET run_id = ? WHERE id = ?")
                m.bind([runID, id])
                try m.run()
            }
        }
        if clearedItems.count >= Self.cacheLimit { clearedItems.removeAll(keepingCapacity: true) }
        clearedItems.insert(id)
    }

    /// Removes everything an item previously said (the run's records for it replace them).
    func clearFacts(of item: Int64) throws {
        var statements: [FastStatement] = []
        let t = factTablesAtStart
        if t.contains("entity_record") { statements.append(try sql("DELETE FROM entity_record WHERE item_id = ?")) }
        if t.contains("role") { statements.append(try sql("DELETE FROM role WHERE item_id = ?")) }
        if t.contains("link_evidence") { statements.append(try sql("DELETE FROM link_evidence WHERE item_id = ?")) }
        if t.contains("looked_after") { statements.append(try sql("DELETE FROM looked_after WHERE item_id = ?")) }
        if t.contains("notice") { statements.append(try sql("DELETE FROM notice WHERE item_id = ?")) }
        if t.contains("non_consent") { statements.append(try sql("DELETE FROM non_consent WHERE item_id = ?")) }
        if t.contains("missing_episode") {
            statements.append(try sql("DELETE FROM missing_found_with WHERE episode_id IN (SELECT id FROM missing_episode WHERE item_id = ?)"))
            statements.append(try sql("DELETE FROM missing_episode WHERE item_id = ?"))
        }
        for s in statements {
            s.bind(1, item)
            try s.run()
            if s.changes > 0 { clearedAny = true }
        }
    }

    // MARK: Writing

    func write(_ record: IntelRecord, at location: SourceLocation) throws {
        switch record {
        case let .item(i): try writeItem(i, at: location)
        case let .entity(e): try writeEntity(e, at: location)
        case let .link(l): try writeLink(l)
        case let .lookedAfter(r):
            let item = try touch(r.item)
            let child = try entity(for: r.child)
            let s = try sql("""
                INSERT INTO looked_after (entity_id, item_id, start, end, authority) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (entity_id, item_id, start) DO UPDATE SET end = excluded.end, authority = excluded.authority
                """)
            s.bind([child, item, r.from.dateText, r.to?.dateText, r.authority])
            try s.run()
        case let .missing(r): try writeMissing(r)
        case let .notice(r):
            let item = try touch(r.item)
            let s = try sql("""
                INSERT INTO notice (item_id, type, subject, child, premises, issued, officer, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (item_id, type, subject, issued) DO UPDATE SET child = excluded.child, premises = excluded.premises,
                    officer = excluded.officer, expires = excluded.expires
                """)
            let subject = try entity(for: r.subject), child = try r.child.map(entity(for:)), premises = try r.premises.map(entity(for:))
            s.bind([item, r.type.rawValue, subject, child, premises, r.issued.dateText, r.officer, r.expires?.dateText])
            try s.run()
            notices.append(WrittenNotice(location: location, record: r, subject: subject, child: child, premises: premises))
        case let .nonConsent(r):
            let item = try touch(r.item)
            // UNIQUE treats NULLs as distinct, so "any adult" is matched explicitly.
            let s = try sql("""
                INSERT INTO non_consent (item_id, child, adult, by)
                SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (
                    SELECT 1 FROM non_consent WHERE item_id = ?1 AND child = ?2 AND adult IS ?3 AND by = ?4)
                """)
            s.bind([item, try entity(for: r.child), try r.adult.map(entity(for:)), r.by.rawValue])
            try s.run()
        }
    }

    func writeItem(_ i: IntelItem, at location: SourceLocation) throws {
        try remember(item: i, at: location)
        /// Binds the item's columns 1...13 (the order of both statements below).
        func bindItem(_ s: FastStatement) {
            s.bind(1, i.recorded.dateText); s.bind(2, i.observed?.start.isoText); s.bind(3, i.observed?.end.isoText)
            s.bind(4, i.observed?.text); s.bind(5, i.observed?.isApproximate ?? false); s.bind(6, i.grade.system)
            s.bind(7, i.grade.evaluation); s.bind(8, i.grade.handlingCode); s.bind(9, i.grade.conditions)
            s.bind(10, i.summary); s.bind(11, location.file); s.bind(12, location.line); s.bind(13, runID)
        }
        if let id = try itemID(i.ref) {
            try clearOnFirstTouch(id, mark: false) // the update below records this run
            let s = try sql("""
                UPDATE item SET recorded = ?, observed_start = ?, observed_end = ?, observed_text = ?, observed_approx = ?,
                    grade_system = ?, evaluation = ?, handling = ?, conditions = ?, summary = ?, source_file = ?, source_line = ?, run_id = ?
                WHERE id = ?
                """)
            bindItem(s); s.bind(14, id)
            try s.run()
            summary.itemsUpdated += 1
        } else {
            let s = try sql("""
                INSERT INTO item (recorded, observed_start, observed_end, observed_text, observed_approx, grade_system, evaluation,
                    handling, conditions, summary, source_file, source_line, run_id, agency, reference, first_run)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?13)
                """)
            bindItem(s); s.bind(14, i.ref.agency.rawValue); s.bind(15, i.ref.reference)
            try s.run()
            let id = s.lastRowID
            remember(i.ref, id)
            summary.itemsCreated += 1
        }
    }

    /// The entity a strong identifier names, creating it when the identifier is new.
    func entity(for identifier: StrongIdentifier) throws -> Int64 {
        if let id = try lookup(identifier) { return id }
        return try createEntity(kind: identifier.kind, identifiers: [identifier], label: nil)
    }

    func lookup(_ identifier: StrongIdentifier) throws -> Int64? {
        if let id = identifierCache[identifier] { return id }
        let s = try sql("SELECT entity_id FROM identifier WHERE scheme = ? AND value = ?")
        s.bind(1, identifier.scheme.rawValue); s.bind(2, identifier.value)
        guard let id = try s.int64() else { return nil }
        cache(identifier, id)
        return id
    }

    func cache(_ identifier: StrongIdentifier, _ id: Int64) {
        if identifierCache.count >= Self.cacheLimit { identifierCache.removeAll(keepingCapacity: true) }
        identifierCache[identifier] = id
    }

    func createEntity(kind: EntityKind, identifiers: [StrongIdentifier], label: String?) throws -> Int64 {
        let s = try sql("INSERT INTO entity (kind, label, run_id) VALUES (?, ?, ?)")
        s.bind([kind.rawValue, label ?? identifiers[0].displayLabel, runID])
        try s.run()
        let id = s.lastRowID
        for identifier in identifiers { try addIdentifier(identifier, to: id) }
        summary.entitiesCreated += 1
        return id
    }

    func addIdentifier(_ identifier: StrongIdentifier, to entity: Int64) throws {
        let s = try sql("INSERT INTO identifier (scheme, value, entity_id) VALUES (?, ?, ?)")
        s.bind(1, identifier.scheme.rawValue); s.bind(2, identifier.value); s.bind(3, entity)
        try s.run()
        cache(identifier, entity)
    }

    /// Resolves all of a record's identifiers to one entity: creates it if none is known, adds new
    /// identifiers to it, and merges entities that the record shows share a strong identifier.
    func resolve(_ identifiers: [StrongIdentifier], kind: EntityKind, label: String?, record: EntityRecord? = nil,
                 at location: SourceLocation? = nil) throws -> Int64 {
        var known: [(StrongIdentifier, Int64)] = []
        var unknown: [StrongIdentifier] = []
        for identifier in identifiers {
            if let e = try lookup(identifier) { known.append((identifier, e)) } else { unknown.append(identifier) }
        }
        guard let first = known.first else {
            return try createEntity(kind: kind, identifiers: identifiers, label: label)
        }
        // The record is filed under the entity its first known identifier names.
        let home = first.1
        let survivors = Set(known.map { canonical($0.1) })
        if survivors.count > 1 {
            // `check` refuses such a record before its unit is written; this catches a merge that only
            // records earlier in the same unit made possible.
            if let record, let location, let refused = try mergeRefusal(record, at: location) { throw refused }
            let survivor = survivors.min()!
            for other in survivors.sorted() where other != survivor {
                let shared = known.filter { canonical($0.1) == other }.map(\.0.description)
                let kept = known.filter { canonical($0.1) == survivor }.map(\.0.description)
                try mergeAutomatically(other, into: survivor,
                                       reason: "the same record names \(shared.joined(separator: ", ")) and \(kept.joined(separator: ", "))")
            }
        }
        for identifier in unknown { try addIdentifier(identifier, to: home) }
        return home
    }

    func mergeAutomatically(_ merged: Int64, into survivor: Int64, reason: String) throws {
        let u = try sql("UPDATE entity SET merged_into = ? WHERE id = ?")
        u.bind([survivor, merged])
        try u.run()
        let s = try sql("INSERT INTO merge (survivor, merged, kind, actor, at, reason) VALUES (?, ?, 'identifier', 'sightline ingest', ?, ?)")
        s.bind([survivor, merged, SightlineStore.now(), "shared strong identifier: " + reason])
        try s.run()
        mergedInto[merged] = survivor
        summary.merges += 1
    }

    func writeEntity(_ e: EntityRecord, at location: SourceLocation) throws {
        let item = try touch(e.item)
        let label = e.displayLabel
        let id = try resolve(e.identifiers, kind: e.kind, label: label, record: e, at: location)
        try remember(entity: canonical(id), item: item, record: e, at: location)
        var detailsJSON: String? = nil
        if !e.details.isEmpty {
            detailsJSON = JSONValue.object(e.details.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }).jsonText
        }
        let aliases: String? = e.aliases.isEmpty ? nil : JSONValue.array(e.aliases.map { .string($0) }).jsonText
        let s = try sql("""
            INSERT INTO entity_record (entity_id, item_id, identifier, name, aliases, dob_text, dob_start, dob_end, dob_approx, details)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (entity_id, item_id) DO UPDATE SET identifier = excluded.identifier, name = excluded.name,
                aliases = excluded.aliases, dob_text = excluded.dob_text, dob_start = excluded.dob_start, dob_end = excluded.dob_end,
                dob_approx = excluded.dob_approx, details = excluded.details
            """)
        s.bind([id, item, e.primary.description, e.name, aliases, e.dob?.text, e.dob?.earliest.dateText,
                e.dob?.latest.dateText, e.dob?.isApproximate ?? false, detailsJSON])
        try s.run()
        if label != e.primary.displayLabel { // the record says more than the bare identifier
            let u = try sql("UPDATE entity SET label = ? WHERE id = ?")
            u.bind([label, id])
            try u.run()
        }
        for role in e.roles {
            let r = try sql("INSERT OR IGNORE INTO role (entity_id, item_id, role) VALUES (?, ?, ?)")
            r.bind([id, item, role.rawValue])
            try r.run()
        }
        if id <= entityMaxAtStart { summary.entitiesUpdated += 1 }
    }

    func writeLink(_ l: LinkRecord) throws {
        var items: [Int64] = []
        for ref in l.items { items.append(try touch(ref)) }
        let from = try entity(for: l.from), to = try entity(for: l.to)
        try link(type: l.type, from: from, to: to, time: l.time, items: items, mode: l.mode?.rawValue,
                 duration: l.durationSeconds, substance: l.substance)
    }

    func link(type: LinkType, from: Int64, to: Int64, time: TimeSpec?, items: [Int64],
              mode: String? = nil, duration: Int? = nil, substance: String? = nil) throws {
        // Undirected links are stored with the lower entity ID first, so A-B and B-A are one link.
        let (a, b) = (!type.isDirected && to < from) ? (to, from) : (from, to)
        let timeText = time.map { ($0.isApproximate ? "~" : "") + $0.text } ?? ""
        // When an item that was already stored is re-ingested, its links most likely exist: try the
        // update first. Otherwise try the insert first. Either way one statement usually does it.
        let likelyExists = items.contains { $0 <= itemMaxAtStart }
        var linkID: Int64? = nil
        if likelyExists { linkID = try updateLink(a, b, type, timeText, mode, duration, substance) }
        if linkID == nil {
            let insert = try sql("""
                INSERT INTO link (type, source, target, time_start, time_end, time_text, time_approx, mode, duration, substance)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source, target, type, time_text, origin) DO NOTHING
                """)
            insert.bind(1, type.rawValue); insert.bind(2, a); insert.bind(3, b); insert.bind(4, time?.start.isoText)
            insert.bind(5, time?.end.isoText); insert.bind(6, timeText); insert.bind(7, time?.isApproximate ?? false)
            insert.bind(8, mode); insert.bind(9, duration); insert.bind(10, substance)
            try insert.run()
            if insert.changes > 0 {
                linkID = insert.lastRowID
                summary.linksCreated += 1
            } else if !likelyExists {
                linkID = try updateLink(a, b, type, timeText, mode, duration, substance)
            }
        }
        guard let linkID else { throw StoreError.database("a link vanished during the run") }
        let evidence = try sql("INSERT OR IGNORE INTO link_evidence (link_id, item_id) VALUES (?, ?)")
        for item in items {
            evidence.bind(1, linkID); evidence.bind(2, item)
            try evidence.run()
        }
    }

    /// Refreshes an existing asserted link's details and returns its ID, or nil if there is none.
    func updateLink(_ a: Int64, _ b: Int64, _ type: LinkType, _ timeText: String,
                    _ mode: String?, _ duration: Int?, _ substance: String?) throws -> Int64? {
        let update = try sql("""
            UPDATE link SET mode = ?, duration = ?, substance = ?
            WHERE source = ? AND target = ? AND type = ? AND time_text = ? AND origin = 'asserted' RETURNING id
            """)
        update.bind([mode, duration, substance, a, b, type.rawValue, timeText])
        guard let id = try update.int64() else { return nil }
        summary.linksUpdated += 1
        return id
    }

    func writeMissing(_ r: MissingEpisodeRecord) throws {
        let item = try touch(r.item)
        let child = try entity(for: r.child)
        let from = try r.missingFrom.map(entity(for:)), at = try r.foundAt.map(entity(for:))
        let s = try sql("""
            INSERT INTO missing_episode (item_id, child, start, end, missing_from, found_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (item_id, child, start) DO UPDATE SET end = excluded.end, missing_from = excluded.missing_from,
                found_at = excluded.found_at
            """)
        s.bind([item, child, r.start.isoText, r.end?.isoText, from, at])
        try s.run()
        let find = try sql("SELECT id FROM missing_episode WHERE item_id = ? AND child = ? AND start = ?")
        find.bind([item, child, r.start.isoText])
        guard let episode = try find.int64() else { throw StoreError.database("a missing episode vanished during the run") }
        let clear = try sql("DELETE FROM missing_found_with WHERE episode_id = ?")
        clear.bind(1, episode)
        try clear.run()
        let foundTime = TimeSpec(instant: r.end ?? r.start)
        for person in r.foundWith {
            let p = try entity(for: person)
            let w = try sql("INSERT OR IGNORE INTO missing_found_with (episode_id, person) VALUES (?, ?)")
            w.bind([episode, p])
            try w.run()
            if p != child { try link(type: .foundWith, from: child, to: p, time: foundTime, items: [item]) }
        }
        if let at { try link(type: .foundAt, from: child, to: at, time: foundTime, items: [item]) }
    }

    /// After the run: links whose every supporting item was re-ingested without them are removed.
    func finish() throws {
        try db.execute(sql: "DROP TABLE temp.ingest_seen_item; DROP TABLE temp.ingest_seen_entity")
        if clearedAny {
            try db.execute(sql: """
                DELETE FROM link WHERE origin = 'asserted' AND NOT EXISTS (SELECT 1 FROM link_evidence e WHERE e.link_id = link.id)
                """)
        }
    }
}
