import GRDB
import SightlineIngest
import SightlineModel
import SightlineSafeguarding

/// Links in words, as `show` and `item` write them: the safeguarding rules, asked about both ends
/// of each link on one day, make the adult the actor of an act upon a child
/// (``Safeguarding/sentence(_:from:to:)``): "Darren Quillfeather gave gifts to Zoë Marblewood".
/// Each person's roles and dates of birth (with everything merged into them) are read once, however
/// many links name them.
struct LinkSentences {
    let day: Timestamp
    let mergeMap: [Int64: Int64]
    private var people: [Int64: NetworkEntity] = [:]

    init(on day: Timestamp, mergeMap: [Int64: Int64]) {
        self.day = day
        self.mergeMap = mergeMap
    }

    /// The sentence for a link between two stored entities (merged ones are read as their survivors),
    /// each named as `name` says (by default its label), or by its ID when that is empty.
    mutating func reads(_ type: LinkType, from source: Int64, to target: Int64, _ db: Database,
                        name: (EntityID, EntityKind, String, Bool) -> String = { _, _, label, _ in label }) throws -> String {
        let (a, b) = (SightlineStore.canonical(source, mergeMap), SightlineStore.canonical(target, mergeMap))
        let rules = Safeguarding([try person(a, db), try person(b, db)], on: day)
        return rules.sentence(type, from: EntityID(a), to: EntityID(b)).text { id in
            guard let p = people[id.rawValue] else { return id.description }
            let shown = name(p.id, p.kind, p.label, rules.isChild(p.id))
            return shown.isEmpty ? p.id.description : shown
        }
    }

    /// Whether a stored person (a survivor) is a child on the day, by the safeguarding rules.
    mutating func isChild(_ e: Int64, _ db: Database) throws -> Bool {
        Safeguarding([try person(e, db)], on: day).isChild(EntityID(e))
    }

    /// Who the rules see: a survivor with every role and date of birth of its merge members.
    private mutating func person(_ e: Int64, _ db: Database) throws -> NetworkEntity {
        if let p = people[e] { return p }
        let p = try SightlineStore.safeguardingEntity(members: SightlineStore.members(of: e, mergeMap), id: e, db)
        people[e] = p
        return p
    }
}

extension SightlineStore {
    /// SQL that yields each item's citation columns, prefixed by the alias `i`: always the last
    /// columns of a query, read by ``citation(_:from:)``.
    static let citationColumns = "i.agency, i.reference, i.recorded, i.grade_system, i.evaluation, i.handling, i.conditions"

    /// Read from the columns' bytes directly (no text made for the agency, day and grade): lists read
    /// a citation per link and item, millions at 100,000 people. Anything unusual falls back to
    /// ``citation(agency:reference:recorded:system:evaluation:handling:conditions:)``.
    static func citation(_ row: FastRow, from k: Int32) -> Citation {
        if let agency = row.withBytes(k, Self.agency(bytes:)), let day = row.withBytes(k + 2, Day.init(bytes:)),
           let grade = Self.grade(row, from: k + 3) {
            return Citation(ref: IntelRef(agency: agency, reference: row.text(k + 1)), recorded: day, grade: grade)
        }
        return citation(agency: row.text(k), reference: row.text(k + 1), recorded: row.text(k + 2), system: row.text(k + 3),
                        evaluation: row.text(k + 4), handling: row.text(k + 5), conditions: row.textOrNil(k + 6))
    }

    /// An agency's stored name, from its bytes: guessed by length and first letter, then checked
    /// against the agency's own name, so an agency added later can never be mistaken for another.
    static func agency(bytes b: UnsafeBufferPointer<UInt8>) -> Agency? {
        let guess: Agency? = switch (b.count, b.first) {
        case (6, 0x70): .police
        case (11, 0x73): .socialCare
        case (6, 0x68): .health
        case (9, 0x65): .education
        case (9, 0x76): .voluntary
        case (9, 0x6C): .licensing
        case (7, 0x68): .housing
        case (5, 0x6F): .other
        default: nil
        }
        if let guess, guess.rawValue.utf8.elementsEqual(b) { return guess }
        return Agency(rawValue: String(decoding: b, as: UTF8.self))
    }

    /// A 3x5x2 grade from its stored columns (system, evaluation, handling, conditions), from their
    /// bytes; nil for anything else (a 5x5x5 grade is rebuilt through the parser).
    static func grade(_ row: FastRow, from k: Int32) -> Grade? {
        guard row.withBytes(k, { $0.count == 5 && $0[0] == 0x33 }) == true,
              let (s, a) = row.withBytes(k + 1, { b -> (Int, UInt8)? in
                  b.count == 2 && (0x31...0x33).contains(b[0]) && (0x41...0x45).contains(b[1]) ? (Int(b[0] - 0x30), b[1]) : nil
              }) ?? nil,
              let h = row.withBytes(k + 2, { b -> Grade.Handling? in b.count == 1 ? (b[0] == 0x50 ? .permitted : b[0] == 0x43 ? .conditions : nil) : nil }) ?? nil
        else { return nil }
        let stored = row.textOrNil(k + 3)
        let conditions = stored?.isEmpty == false ? stored : nil
        if h == .conditions, conditions == nil { return nil }
        return .current(source: s, assessment: Character(Unicode.Scalar(a)), handling: h, conditions: conditions)
    }

    static func citation(_ row: Row, from k: Int) -> Citation {
        citation(agency: row[k], reference: row[k + 1], recorded: row[k + 2], system: row[k + 3],
                 evaluation: row[k + 4], handling: row[k + 5], conditions: row[k + 6])
    }

    /// A citation from an item's stored columns. The ingest wrote them from typed values (a known
    /// agency, `YYYY-MM-DD`, a grade that parsed), so each reads back; should a row ever not, it is
    /// cited as agency `other`, day 1970-01-01 or the weakest grade, never dropped.
    static func citation(agency: String, reference: String, recorded: String, system: String,
                         evaluation: String, handling: String, conditions: String?) -> Citation {
        Citation(ref: IntelRef(agency: Agency(rawValue: agency) ?? .other, reference: reference),
                 recorded: Day(recorded) ?? (try? TimeSpec(parsing: recorded)).map { Day($0.start) } ?? Day(dayNumber: 0),
                 grade: Grade(system: system, evaluation: evaluation, handling: handling, conditions: conditions)
                     ?? .current(source: 3, assessment: "E", handling: .permitted, conditions: conditions))
    }

    /// A stored day (`looked_after.start`, `notice.issued`, ...). The ingest wrote it from a typed
    /// value, so it reads back; should it ever not, the read fails rather than misdate a row.
    static func day(_ text: String, _ column: String) throws -> Day {
        guard let day = Day(text) else { throw StoreError.database("\(column) holds \"\(text)\", not a day YYYY-MM-DD") }
        return day
    }

    static func day(_ text: String?, _ column: String) throws -> Day? { try text.map { try day($0, column) } }

    /// A stored moment (`missing_episode.start`, written `YYYY-MM-DDTHH:MM:SS`), read as ``day(_:_:)``.
    static func time(_ text: String, _ column: String) throws -> Timestamp {
        guard let t = MissingEpisode.time(text) else { throw StoreError.database("\(column) holds \"\(text)\", not a time YYYY-MM-DDTHH:MM:SS") }
        return t
    }

    static func time(_ text: String?, _ column: String) throws -> Timestamp? { try text.map { try time($0, column) } }

    /// Loads the map of merged entities to their survivors.
    static func mergeMap(_ db: Database) throws -> [Int64: Int64] {
        var m: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, merged_into FROM entity WHERE merged_into IS NOT NULL") { m[row[0]] = row[1] }
        return m
    }

    static func canonical(_ id: Int64, _ m: [Int64: Int64]) -> Int64 {
        var e = id
        while let n = m[e] { e = n }
        return e
    }

    /// The entity and every entity merged into it (directly or through a chain).
    static func members(of id: Int64, _ m: [Int64: Int64]) -> [Int64] {
        var out = [id]
        for (k, _) in m where canonical(k, m) == id { out.append(k) }
        return out.sorted()
    }

    /// Finds the entity an analyst means: `E12`, `12`, a strong identifier (`phone:07700 900123`),
    /// or a name or label matching exactly one entity.
    /// - Returns: the surviving entity's ID.
    /// - Throws: ``StoreError/notFound(_:)`` or ``StoreError/ambiguous(_:matches:)``.
    public func find(_ text: String) throws(StoreError) -> EntityID {
        try read { db in try Self.find(text, db) }
    }

    static func find(_ text: String, _ db: Database) throws -> EntityID {
        let m = try mergeMap(db)
        if let id = EntityID(parsing: text) {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM entity WHERE id = ?", arguments: [id.rawValue]) != nil else {
                throw StoreError.notFound("'\(text)'")
            }
            return EntityID(canonical(id.rawValue, m))
        }
        if text.contains(":"), let identifier = try? StrongIdentifier(parsing: text) {
            guard let e = try Int64.fetchOne(db, sql: "SELECT entity_id FROM identifier WHERE scheme = ? AND value = ?",
                                             arguments: [identifier.scheme.rawValue, identifier.value]) else {
                throw StoreError.notFound("'\(identifier)'")
            }
            return EntityID(canonical(e, m))
        }
        let ids = try Int64.fetchAll(db, sql: """
            SELECT id FROM entity WHERE label = ? COLLATE NOCASE
            UNION SELECT entity_id FROM entity_record WHERE name = ? COLLATE NOCASE
            """, arguments: [text, text])
        let found = Set(ids.map { canonical($0, m) }).sorted()
        switch found.count {
        case 0: throw StoreError.notFound("'\(text)'")
        case 1: return EntityID(found[0])
        default: throw StoreError.ambiguous("'\(text)'", matches: found.map { EntityID($0) })
        }
    }

    /// Lists entities (survivors only), optionally of one kind and matching a search text against
    /// labels, names, aliases and identifiers (names are folded, so `zoe` finds `Zoë`).
    /// - Complexity: O(entities) with the search, plus the size of the result.
    public func entities(kind: EntityKind? = nil, search: String? = nil, limit: Int? = nil) throws(StoreError) -> [EntitySummary] {
        try read { db in
            let m = try Self.mergeMap(db)
            var sql = "SELECT e.id FROM entity e WHERE e.merged_into IS NULL"
            var args: [any DatabaseValueConvertible] = []
            if let kind { sql += " AND e.kind = ?"; args.append(kind.rawValue) }
            var ids = try Int64.fetchAll(db, sql: sql + " ORDER BY e.id", arguments: StatementArguments(args))
            if let search, !search.isEmpty {
                let needle = NameFolding.fold(search)
                let raw = search.lowercased()
                var hits = Set<Int64>()
                for row in try Row.fetchAll(db, sql: "SELECT entity_id, name, aliases FROM entity_record WHERE name IS NOT NULL") {
                    let text = [row[1] as String?, row[2] as String?].compactMap { $0 }.joined(separator: " ")
                    if !needle.isEmpty, NameFolding.fold(text).contains(needle) { hits.insert(Self.canonical(row[0], m)) }
                }
                for row in try Row.fetchAll(db, sql: "SELECT entity_id, scheme || ':' || value FROM identifier") {
                    if (row[1] as String).lowercased().contains(raw) { hits.insert(Self.canonical(row[0], m)) }
                }
                for row in try Row.fetchAll(db, sql: "SELECT id, label FROM entity WHERE label IS NOT NULL") {
                    if (row[1] as String).lowercased().contains(raw) { hits.insert(Self.canonical(row[0], m)) }
                }
                ids = ids.filter { hits.contains($0) }
            }
            if let limit { ids = Array(ids.prefix(limit)) }
            return try ids.map { try Self.summary($0, m, db) }
        }
    }

    static func summary(_ id: Int64, _ m: [Int64: Int64], _ db: Database) throws -> EntitySummary {
        let members = Self.members(of: id, m)
        let list = members.map(String.init).joined(separator: ",")
        let row = try Row.fetchOne(db, sql: "SELECT kind, label FROM entity WHERE id = ?", arguments: [id])!
        let identifiers = try String.fetchAll(db, sql: "SELECT scheme || ':' || value FROM identifier WHERE entity_id IN (\(list)) ORDER BY 1")
        let roles = try String.fetchAll(db, sql: "SELECT DISTINCT role FROM role WHERE entity_id IN (\(list)) ORDER BY 1")
        let links = try Int.fetchOne(db, sql: "SELECT count(*) FROM link WHERE source IN (\(list)) OR target IN (\(list))") ?? 0
        let items = try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT item_id) FROM (
              SELECT item_id FROM entity_record WHERE entity_id IN (\(list))
              UNION ALL SELECT le.item_id FROM link_evidence le JOIN link l ON l.id = le.link_id WHERE l.source IN (\(list)) OR l.target IN (\(list)))
            """) ?? 0
        return EntitySummary(id: EntityID(id).description, kind: row[0], label: row[1] ?? "", identifiers: identifiers,
                             roles: roles, links: links, items: items)
    }

    /// Everything about one entity, with the intelligence behind each fact.
    /// - Parameters:
    ///   - id: an entity (merged entities are shown through their survivor).
    ///   - name: what to call an entity (its ID, kind, label and whether it is a child on `day`):
    ///     its label, or a pseudonym; used for the entity, every other end of its links, and the
    ///     people and places of its episodes and notices.
    public func detail(_ id: EntityID, on day: Timestamp = RunDay.todayOrClock(),
                       name: (EntityID, EntityKind, String, Bool) -> String = { _, _, label, _ in label }) throws(StoreError) -> EntityDetail {
        try read { db in
            let m = try Self.mergeMap(db)
            let root = Self.canonical(id.rawValue, m)
            let members = Self.members(of: root, m)
            var sentences = LinkSentences(on: day, mergeMap: m)
            let list = members.map(String.init).joined(separator: ",")
            func called(_ c: Int64, _ kind: String, _ label: String) throws -> String {
                let k = EntityKind(rawValue: kind) ?? .person
                let child = try k == .person && sentences.isChild(c, db)
                return name(EntityID(c), k, label, child)
            }
            func label(_ e: Int64) throws -> (String, String, String) {
                let c = Self.canonical(e, m)
                let r = try Row.fetchOne(db, sql: "SELECT kind, label FROM entity WHERE id = ?", arguments: [c])!
                return (EntityID(c).description, r[0], try called(c, r[0], r[1] ?? ""))
            }
            let head = try Row.fetchOne(db, sql: "SELECT kind, label FROM entity WHERE id = ?", arguments: [root])!
            let merged = try Row.fetchAll(db, sql: """
                SELECT g.merged, e.kind, g.actor, g.at, g.reason FROM merge g JOIN entity e ON e.id = g.merged
                WHERE g.undone_at IS NULL AND g.merged IN (\(list)) ORDER BY g.id
                """).map { EntityDetail.MergeInfo(entity: EntityID($0[0] as Int64).description, kind: $0[1], actor: $0[2], at: $0[3], reason: $0[4]) }
            let identifiers = try String.fetchAll(db, sql: "SELECT scheme || ':' || value FROM identifier WHERE entity_id IN (\(list)) ORDER BY 1")
            let records = try Row.fetchAll(db, sql: """
                SELECT r.identifier, r.name, r.aliases, CASE WHEN r.dob_approx THEN '~' ELSE '' END || r.dob_text, r.details, \(Self.citationColumns)
                FROM entity_record r JOIN item i ON i.id = r.item_id WHERE r.entity_id IN (\(list)) ORDER BY i.recorded, i.id
                """).map { row in
                EntityDetail.RecordInfo(identifier: row[0], name: row[1], aliases: Self.stringList(row[2]),
                                        dob: row[3], details: Self.stringMap(row[4]), source: Self.citation(row, from: 5))
            }
            let roles = try Row.fetchAll(db, sql: """
                SELECT r.role, \(Self.citationColumns) FROM role r JOIN item i ON i.id = r.item_id
                WHERE r.entity_id IN (\(list)) ORDER BY i.recorded, r.role
                """).map { EntityDetail.RoleInfo(role: $0[0], source: Self.citation($0, from: 1)) }
            var links: [EntityDetail.LinkInfo] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT id, type, source, target, CASE WHEN time_approx THEN time_text ELSE time_text END, origin, mode, duration, substance
                FROM link WHERE source IN (\(list)) OR target IN (\(list)) ORDER BY time_start, id
                """) {
                let type = LinkType(rawValue: row[1]) ?? .associatesWith
                let source: Int64 = row[2], target: Int64 = row[3]
                let outgoing = members.contains(source)
                let (oid, okind, olabel) = try label(outgoing ? target : source)
                let evidence = try Row.fetchAll(db, sql: """
                    SELECT \(Self.citationColumns) FROM link_evidence le JOIN item i ON i.id = le.item_id WHERE le.link_id = ? ORDER BY i.recorded, i.id
                    """, arguments: [row[0] as Int64]).map { Self.citation($0, from: 0) }
                let time: String = row[4]
                let reads = try sentences.reads(type, from: source, to: target, db, name: name)
                links.append(EntityDetail.LinkInfo(
                    id: row[0], type: type.rawValue, direction: type.isDirected ? (outgoing ? "out" : "in") : "both",
                    other: oid, otherKind: okind, otherLabel: olabel, time: time.isEmpty ? nil : time, origin: row[5],
                    detail: Self.linkDetail(mode: row[6], duration: row[7], substance: row[8]), evidence: evidence, reads: reads))
            }
            let periods = try Row.fetchAll(db, sql: """
                SELECT p.start, p.end, p.authority, \(Self.citationColumns) FROM looked_after p JOIN item i ON i.id = p.item_id
                WHERE p.entity_id IN (\(list)) ORDER BY p.start
                """).map { EntityDetail.PeriodInfo(from: $0[0], to: $0[1], authority: $0[2], source: Self.citation($0, from: 3)) }
            var episodes: [EntityDetail.EpisodeInfo] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT e.id, e.start, e.end, e.missing_from, e.found_at, \(Self.citationColumns) FROM missing_episode e JOIN item i ON i.id = e.item_id
                WHERE e.child IN (\(list)) ORDER BY e.start
                """) {
                let with = try Int64.fetchAll(db, sql: "SELECT person FROM missing_found_with WHERE episode_id = ? ORDER BY person", arguments: [row[0] as Int64])
                episodes.append(EntityDetail.EpisodeInfo(
                    start: row[1], end: row[2],
                    missingFrom: try (row[3] as Int64?).map { let l = try label($0); return "\(l.0) \(l.2)" },
                    foundAt: try (row[4] as Int64?).map { let l = try label($0); return "\(l.0) \(l.2)" },
                    foundWith: try with.map { let l = try label($0); return "\(l.0) \(l.2)" },
                    source: Self.citation(row, from: 5)))
            }
            let notices = try Row.fetchAll(db, sql: """
                SELECT n.type, n.subject, n.child, n.premises, n.issued, n.officer, n.expires, \(Self.citationColumns)
                FROM notice n JOIN item i ON i.id = n.item_id
                WHERE n.subject IN (\(list)) OR n.child IN (\(list)) OR n.premises IN (\(list)) ORDER BY n.issued
                """).map { row in
                EntityDetail.NoticeInfo(
                    type: row[0], subject: try { let l = try label(row[1]); return "\(l.0) \(l.2)" }(),
                    child: try (row[2] as Int64?).map { let l = try label($0); return "\(l.0) \(l.2)" },
                    premises: try (row[3] as Int64?).map { let l = try label($0); return "\(l.0) \(l.2)" },
                    issued: row[4], officer: row[5], expires: row[6], source: Self.citation(row, from: 7))
            }
            return EntityDetail(id: EntityID(root).description, kind: head[0], label: try called(root, head[0], head[1] ?? ""), merged: merged,
                                identifiers: identifiers, records: records, roles: roles, links: links,
                                lookedAfter: periods, missingEpisodes: episodes, notices: notices)
        }
    }

    /// A link's particulars as `show` and `item` print them: `call, 94 s`, a substance; nil when none.
    static func linkDetail(mode: String?, duration: Int?, substance: String?) -> String? {
        let parts = [mode, duration.map { "\($0) s" }, substance].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    static func stringList(_ json: String?) -> [String] {
        guard let json, case let .array(a)? = try? JSONParser.parse(Array(json.utf8)) else { return [] }
        return a.compactMap { if case let .string(s) = $0 { s } else { nil } }
    }

    static func stringMap(_ json: String?) -> [String: String] {
        guard let json, case let .object(o)? = try? JSONParser.parse(Array(json.utf8)) else { return [:] }
        var m: [String: String] = [:]
        for (k, v) in o { if case let .string(s) = v { m[k] = s } }
        return m
    }

    /// Counts of everything in the store.
    public func stats() throws(StoreError) -> StoreStats {
        try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            func grouped(_ sql: String) throws -> [String: Int] {
                var d: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: sql) { d[row[0]] = row[1] }
                return d
            }
            return StoreStats(
                items: try count("SELECT count(*) FROM item"),
                itemsByAgency: try grouped("SELECT agency, count(*) FROM item GROUP BY agency"),
                itemsByGradeSystem: try grouped("SELECT grade_system, count(*) FROM item GROUP BY grade_system"),
                entities: try count("SELECT count(*) FROM entity WHERE merged_into IS NULL"),
                entitiesByKind: try grouped("SELECT kind, count(*) FROM entity WHERE merged_into IS NULL GROUP BY kind"),
                mergedAway: try count("SELECT count(*) FROM entity WHERE merged_into IS NOT NULL"),
                links: try count("SELECT count(*) FROM link"),
                linksByType: try grouped("SELECT type, count(*) FROM link GROUP BY type"),
                missingEpisodes: try count("SELECT count(*) FROM missing_episode"),
                notices: try count("SELECT count(*) FROM notice"),
                lookedAfterPeriods: try count("SELECT count(*) FROM looked_after"),
                merges: try count("SELECT count(*) FROM merge WHERE undone_at IS NULL"),
                ingestRuns: try count("SELECT count(*) FROM ingest_run WHERE finished IS NOT NULL"),
                childrenAtRisk: try count("""
                    SELECT count(DISTINCT coalesce(e.merged_into, e.id)) FROM role r JOIN entity e ON e.id = r.entity_id WHERE r.role = 'child_at_risk'
                    """))
        }
    }
}
