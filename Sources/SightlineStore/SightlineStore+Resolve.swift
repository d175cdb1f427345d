import GRDB
import SightlineModel
import SightlineSafeguarding
import SightlineResolution

/// A candidate pair as listed for an analyst: both people, the score, and the reasons.
public struct ResolutionCandidate: Sendable, Codable {
    public var a: String
    public var aLabel: String
    public var aIdentifiers: [String]
    public var b: String
    public var bLabel: String
    public var bIdentifiers: [String]
    public var score: Double
    public var reasons: [String]
}

/// One merge, as recorded.
public struct MergeRecord: Sendable, Codable {
    public var id: Int64
    public var survivor: String
    public var merged: String
    public var kind: String
    public var actor: String
    public var at: String
    public var reason: String
    public var undoneAt: String?
    public var undoneBy: String?
    public var undoReason: String?
    /// When the undo kept the two apart (an identifier merge): an ingest that would merge them
    /// again by identifier is refused.
    public var keptApart: KeptApart?

    /// Two entities an analyst keeps apart: who, when and why.
    public struct KeptApart: Sendable, Codable {
        public var a: String
        public var b: String
        public var actor: String
        public var at: String
        public var reason: String
    }
}

extension SightlineStore {
    /// The profiles resolution compares: every surviving person with their recorded names,
    /// dates of birth, phones they use and addresses they reside at.
    func personProfiles(_ db: Database) throws -> [PersonProfile] {
        let m = try Self.mergeMap(db)
        var byID: [Int64: PersonProfile] = [:]
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM entity WHERE kind = 'person' AND merged_into IS NULL") {
            byID[id] = PersonProfile(id: id, names: [], dobs: [])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT r.entity_id, r.name, r.aliases, r.dob_text, r.dob_approx FROM entity_record r
            JOIN entity e ON e.id = r.entity_id WHERE e.kind = 'person'
            """) {
            let id = Self.canonical(row[0], m)
            guard byID[id] != nil else { continue }
            if let n: String = row[1], !byID[id]!.names.contains(n) { byID[id]!.names.append(n) }
            for a in Self.stringList(row[2]) where !byID[id]!.names.contains(a) { byID[id]!.names.append(a) }
            if let d: String = row[3], let dob = try? BirthDate(parsing: ((row[4] as Bool) ? "~" : "") + d),
               !byID[id]!.dobs.contains(dob) {
                byID[id]!.dobs.append(dob)
            }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT l.source, l.type, coalesce(t.label, ''), l.target FROM link l JOIN entity t ON t.id = l.target
            WHERE l.type IN ('uses_phone', 'resides_at')
            """) {
            let id = Self.canonical(row[0], m)
            guard byID[id] != nil else { continue }
            let target = Self.canonical(row[3], m)
            let label = "\(EntityID(target)) \(row[2] as String)"
            if (row[1] as String) == "uses_phone" { byID[id]!.phones.insert(label) } else { byID[id]!.addresses.insert(label) }
        }
        return byID.keys.sorted().map { byID[$0]! }
    }

    /// Lists likely-same people with reasons and scores, best first. Merges nothing.
    /// - Parameters:
    ///   - minScore: the least score listed (default 0.6).
    ///   - limit: the most candidates listed.
    /// - Complexity: see ``CandidateFinder``.
    public func resolutionCandidates(minScore: Double = 0.6, limit: Int? = nil) throws(StoreError) -> [ResolutionCandidate] {
        try read { db in
            let profiles = try personProfiles(db)
            var found = CandidateFinder.candidates(profiles, minScore: minScore)
            if let limit { found = Array(found.prefix(limit)) }
            var idents: [Int64: [String]] = [:]
            var labels: [Int64: String] = [:]
            let m = try Self.mergeMap(db)
            func info(_ id: Int64) throws -> ([String], String) {
                if let i = idents[id], let l = labels[id] { return (i, l) }
                let list = Self.members(of: id, m).map(String.init).joined(separator: ",")
                let i = try String.fetchAll(db, sql: "SELECT scheme || ':' || value FROM identifier WHERE entity_id IN (\(list)) ORDER BY 1")
                let l = try String.fetchOne(db, sql: "SELECT label FROM entity WHERE id = ?", arguments: [id]) ?? ""
                idents[id] = i; labels[id] = l
                return (i, l)
            }
            return try found.map { c in
                let (ai, al) = try info(c.a), (bi, bl) = try info(c.b)
                return ResolutionCandidate(a: EntityID(c.a).description, aLabel: al, aIdentifiers: ai,
                                           b: EntityID(c.b).description, bLabel: bl, bIdentifiers: bi,
                                           score: c.score, reasons: c.reasons)
            }
        }
    }

    /// Merges entity `b` into entity `a` (the survivor) on an analyst's decision.
    ///
    /// Nothing is rewritten: `b` keeps its records, identifiers and links, and is marked as merged
    /// into `a`, so every read shows them through `a` and an unmerge restores both exactly.
    /// A merge that the safeguarding rules refuse (``Safeguarding/mergeProblem(_:_:on:)``: a child
    /// and an adult, or dates of birth years apart) needs `override`, the analyst's reason for
    /// merging all the same, which the merge records.
    /// - Parameters:
    ///   - day: the date in question for who is a child (the run day).
    /// - Returns: the merge's number.
    /// - Throws: ``StoreError/cannotMerge(_:)`` when the two are the same, of different kinds, or
    ///   unknown, or the safeguarding rules refuse and no override is given.
    @discardableResult
    public func merge(_ a: EntityID, _ b: EntityID, reason: String, actor: String = SightlineStore.actor,
                      override: String? = nil, on day: Timestamp = RunDay.todayOrClock()) throws(StoreError) -> Int64 {
        var reason = reason.trimmedWhitespace()
        guard !reason.isEmpty else { throw .cannotMerge("give the reason for the merge (--reason)") }
        let override = override?.trimmedWhitespace()
        if override?.isEmpty == true { throw .cannotMerge("give the reason for overriding the safeguarding check (--override)") }
        return try write { db in
            let m = try Self.mergeMap(db)
            let (ca, cb) = (Self.canonical(a.rawValue, m), Self.canonical(b.rawValue, m))
            guard let ka = try String.fetchOne(db, sql: "SELECT kind FROM entity WHERE id = ?", arguments: [ca]) else { throw StoreError.notFound(a.description) }
            guard let kb = try String.fetchOne(db, sql: "SELECT kind FROM entity WHERE id = ?", arguments: [cb]) else { throw StoreError.notFound(b.description) }
            guard ca != cb else { throw StoreError.cannotMerge("\(a) and \(b) are already the same entity (\(EntityID(ca)))") }
            guard ka == kb else { throw StoreError.cannotMerge("\(EntityID(ca)) is a \(ka) and \(EntityID(cb)) is a \(kb)") }
            let ea = try Self.safeguardingEntity(members: try Self.memberList(ca, db), id: ca, db)
            let eb = try Self.safeguardingEntity(members: try Self.memberList(cb, db), id: cb, db)
            if let problem = Safeguarding.mergeProblem(ea, eb, on: day) {
                guard let override else {
                    throw StoreError.cannotMerge("\(problem). Check the records; to merge all the same, give --override with your reason (recorded)")
                }
                reason += " (safeguarding check overridden: \(problem); because: \(override))"
            }
            try db.execute(sql: "UPDATE entity SET merged_into = ? WHERE id = ?", arguments: [ca, cb])
            try db.execute(sql: "INSERT INTO merge (survivor, merged, kind, actor, at, reason) VALUES (?, ?, 'manual', ?, ?, ?)",
                           arguments: [ca, cb, actor, Self.now(), reason])
            return db.lastInsertedRowID
        }
    }

    /// Undoes the merge of `entity` (the entity that was merged away), restoring both exactly.
    ///
    /// Nothing was rewritten by the merge, so clearing `entity.merged_into` restores both. An
    /// automatic merge (kind `identifier`: a record named identifiers of both) is undone the same
    /// way, and the two are also recorded as kept apart (`keep_apart`: who, when, why), so that an
    /// ingest whose records would merge them again by identifier is refused, naming both and the
    /// decision, instead of silently undoing the analyst's work.
    /// - Returns: the merge that was undone.
    @discardableResult
    public func unmerge(_ entity: EntityID, reason: String, actor: String = SightlineStore.actor) throws(StoreError) -> MergeRecord {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, survivor, kind FROM merge WHERE merged = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1
                """, arguments: [entity.rawValue]) else {
                let survivors = try Int64.fetchAll(db, sql: "SELECT merged FROM merge WHERE survivor = ? AND undone_at IS NULL", arguments: [entity.rawValue])
                let hint = survivors.isEmpty ? "" : " (it is the survivor of merges of \(survivors.map { EntityID($0).description }.joined(separator: ", ")); name one of those)"
                throw StoreError.cannotUnmerge("\(entity) has not been merged into another entity\(hint)")
            }
            let now = Self.now()
            try db.execute(sql: "UPDATE entity SET merged_into = NULL WHERE id = ?", arguments: [entity.rawValue])
            try db.execute(sql: "UPDATE merge SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?",
                           arguments: [now, actor, reason, row[0] as Int64])
            if (row[2] as String) == "identifier" {
                try db.execute(sql: "INSERT INTO keep_apart (a, b, merge_id, actor, at, reason) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [row[1] as Int64, entity.rawValue, row[0] as Int64, actor, now, reason])
            }
            return try Self.mergeRecords(db, where: "m.id = \(row[0] as Int64)")[0]
        }
    }

    /// Every merge, in order, including undone ones.
    public func mergeHistory() throws(StoreError) -> [MergeRecord] {
        try read { db in try Self.mergeRecords(db, where: "1") }
    }

    static func mergeRecords(_ db: Database, where clause: String) throws -> [MergeRecord] {
        try Row.fetchAll(db, sql: """
            SELECT m.id, m.survivor, m.merged, m.kind, m.actor, m.at, m.reason, m.undone_at, m.undone_by, m.undo_reason,
                   k.a, k.b, k.actor, k.at, k.reason
            FROM merge m LEFT JOIN keep_apart k ON k.merge_id = m.id WHERE \(clause) ORDER BY m.id
            """).map {
            var kept: MergeRecord.KeptApart?
            if let a = $0[10] as Int64?, let b = $0[11] as Int64? {
                kept = .init(a: EntityID(a).description, b: EntityID(b).description, actor: $0[12], at: $0[13], reason: $0[14])
            }
            return MergeRecord(id: $0[0], survivor: EntityID($0[1] as Int64).description, merged: EntityID($0[2] as Int64).description,
                               kind: $0[3], actor: $0[4], at: $0[5], reason: $0[6], undoneAt: $0[7], undoneBy: $0[8], undoReason: $0[9],
                               keptApart: kept)
        }
    }
}
