import GRDB
import SightlineModel

extension SightlineStore {
    /// The link types read for each adult in a missing brief: where they live, work and are seen,
    /// what they drive or travel in, and which phones they use.
    public static let adultLinkTypes: [LinkType] = [.residesAt, .worksAt, .atLocation, .frequents, .driverOf, .keeperOf, .travelledIn, .usesPhone]

    /// Finds an entity without reading the whole merge table when the text is an entity ID or a
    /// strong identifier (the common case when a call is open); names fall back to ``find(_:)``.
    /// - Complexity: O(merge chain) index look-ups for an ID or identifier.
    public func findQuickly(_ text: String) throws(StoreError) -> EntityID {
        let quick: EntityID?? = try read { db -> EntityID?? in
            if let id = EntityID(parsing: text) {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM entity WHERE id = ?", arguments: [id.rawValue]) != nil else { return .some(nil) }
                return .some(EntityID(try Self.survivor(id.rawValue, db)))
            }
            if text.contains(":"), let identifier = try? StrongIdentifier(parsing: text) {
                guard let e = try Int64.fetchOne(db, sql: "SELECT entity_id FROM identifier WHERE scheme = ? AND value = ?",
                                                 arguments: [identifier.scheme.rawValue, identifier.value]) else { return .some(nil) }
                return .some(EntityID(try Self.survivor(e, db)))
            }
            return nil
        }
        switch quick {
        case .some(.some(let id)): return id
        case .some(.none): throw .notFound("'\(text)'")
        case .none: return try find(text)
        }
    }

    /// Follows `merged_into` from one entity to its survivor, one indexed look-up per step.
    static func survivor(_ id: Int64, _ db: Database) throws -> Int64 {
        var e = id
        var seen: Set<Int64> = [id]
        while let next = try Int64.fetchOne(db, sql: "SELECT merged_into FROM entity WHERE id = ?", arguments: [e]), seen.insert(next).inserted {
            e = next
        }
        return e
    }

    /// The entity and every entity merged into it, through the partial index on `merged_into`.
    static func memberList(_ id: Int64, _ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            WITH RECURSIVE m(id) AS (SELECT ? UNION SELECT e.id FROM entity e JOIN m ON e.merged_into = m.id)
            SELECT id FROM m ORDER BY id
            """, arguments: [id])
    }

    /// Everything a missing brief needs about one child, read with indexed look-ups only (the
    /// child's episodes, links and care periods; the linked adults' links; the places' details),
    /// so it answers in milliseconds whatever the size of the store.
    /// - Parameters:
    ///   - child: the child (any member of a merge; read through the survivor).
    ///   - recordedBy: only items recorded on or before this day (`YYYY-MM-DD`); nil for all.
    /// - Complexity: O(the child's episodes and links + the linked adults' links of
    ///   ``adultLinkTypes`` + their evidence), each through an index.
    public func missingBriefContents(for child: EntityID, recordedBy: String? = nil) throws(StoreError) -> MissingBriefContents {
        try read { db in
            let cutoff = recordedBy ?? "9999-12-31"
            let cutoffDay = Day(cutoff) ?? Day(dayNumber: .max)
            var survivors: [Int64: Int64] = [:]
            func canonical(_ id: Int64) throws -> Int64 {
                if let s = survivors[id] { return s }
                let s = try Self.survivor(id, db)
                survivors[id] = s
                return s
            }
            var membersCache: [Int64: [Int64]] = [:]
            func members(_ id: Int64) throws -> [Int64] {
                if let m = membersCache[id] { return m }
                let m = try Self.memberList(id, db)
                membersCache[id] = m
                return m
            }
            func inList(_ ids: [Int64]) -> String { ids.map(String.init).joined(separator: ",") }

            var entities: [EntityID: NetworkEntity] = [:]
            func entity(_ id: Int64) throws -> NetworkEntity {
                if let e = entities[EntityID(id)] { return e }
                var e = try Self.safeguardingEntity(members: try members(id), id: id, db)
                // Every role is kept for the rules; the roles shown are those known by the cut-off.
                e.roles = Set(e.roleRecords.filter { $0.source.recorded <= cutoffDay }.map(\.value)).sorted { $0.rawValue < $1.rawValue }
                entities[e.id] = e
                return e
            }

            func evidence(_ link: Int64) throws -> [Citation] {
                try Row.fetchAll(db, sql: """
                    SELECT \(Self.citationColumns) FROM link_evidence le JOIN item i ON i.id = le.item_id
                    WHERE le.link_id = ? AND i.recorded <= ? ORDER BY i.recorded, i.id
                    """, arguments: [link, cutoff]).map { Self.citation($0, from: 0) }
            }
            /// The links touching an entity's members (of the given types, or all), with evidence
            /// known by the cut-off, folded onto survivors.
            func links(of id: Int64, types: [LinkType]?) throws -> [NetworkLink] {
                let list = inList(try members(id))
                let typeClause = types.map { " AND type IN (" + $0.map { "'\($0.rawValue)'" }.joined(separator: ",") + ")" } ?? ""
                var out: [NetworkLink] = []
                for row in try Row.fetchAll(db, sql: """
                    SELECT id, type, source, target, time_text, origin FROM link WHERE source IN (\(list))\(typeClause)
                    UNION SELECT id, type, source, target, time_text, origin FROM link WHERE target IN (\(list))\(typeClause)
                    ORDER BY 1
                    """) {
                    let (a, b) = (try canonical(row[2]), try canonical(row[3]))
                    guard a != b, let type = LinkType(rawValue: row[1]) else { continue }
                    let lid: Int64 = row[0]
                    let ev = try evidence(lid)
                    guard !ev.isEmpty else { continue }
                    let time: String = row[4]
                    _ = try entity(a); _ = try entity(b)
                    out.append(NetworkLink(id: lid, type: type, source: EntityID(a), target: EntityID(b),
                                           time: time.isEmpty ? nil : time, origin: LinkOrigin(rawValue: row[5]) ?? .asserted, evidence: ev))
                }
                return out
            }

            let root = try canonical(child.rawValue)
            let childMembers = inList(try members(root))
            let childEntity = try entity(root)
            let identifiers = try String.fetchAll(db, sql: "SELECT scheme || ':' || value FROM identifier WHERE entity_id IN (\(childMembers)) ORDER BY 1")
            var birthDates: [Dated<BirthDateText>] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT CASE WHEN r.dob_approx THEN '~' ELSE '' END || r.dob_text, \(Self.citationColumns)
                FROM entity_record r JOIN item i ON i.id = r.item_id
                WHERE r.entity_id IN (\(childMembers)) AND r.dob_text IS NOT NULL AND i.recorded <= ? ORDER BY i.recorded, i.id
                """, arguments: [cutoff]) {
                let dob: String = row[0]
                if !birthDates.contains(where: { $0.value.text == dob }) {
                    birthDates.append(Dated(BirthDateText(dob), source: Self.citation(row, from: 1)))
                }
            }

            var episodes: [MissingEpisode] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT e.id, e.start, e.end, e.missing_from, e.found_at, \(Self.citationColumns)
                FROM missing_episode e JOIN item i ON i.id = e.item_id
                WHERE e.child IN (\(childMembers)) AND i.recorded <= ? ORDER BY e.start, e.id
                """, arguments: [cutoff]) {
                let eid: Int64 = row[0]
                let with = try Int64.fetchAll(db, sql: "SELECT person FROM missing_found_with WHERE episode_id = ? ORDER BY person", arguments: [eid])
                    .map { try canonical($0) }
                let from = try (row[3] as Int64?).map(canonical), at = try (row[4] as Int64?).map(canonical)
                for id in with + [from, at].compactMap({ $0 }) { _ = try entity(id) }
                episodes.append(MissingEpisode(id: eid, child: EntityID(root), start: try Self.time(row[1] as String, "missing_episode.start"),
                                               end: try Self.time(row[2] as String?, "missing_episode.end"),
                                               missingFrom: from.map { EntityID($0) }, foundAt: at.map { EntityID($0) },
                                               foundWith: Array(Set(with)).sorted().map { EntityID($0) }, source: Self.citation(row, from: 5)))
            }
            let periods = try Row.fetchAll(db, sql: """
                SELECT p.start, p.end, p.authority, \(Self.citationColumns) FROM looked_after p JOIN item i ON i.id = p.item_id
                WHERE p.entity_id IN (\(childMembers)) AND i.recorded <= ? ORDER BY p.start, i.id
                """, arguments: [cutoff]).map { row in
                CarePeriod(child: EntityID(root), start: try Self.day(row[0] as String, "looked_after.start"),
                           end: try Self.day(row[1] as String?, "looked_after.end"), authority: row[2], source: Self.citation(row, from: 3))
            }

            let childLinks = try links(of: root, types: nil)
            // The people linked to the child or found with them (the brief decides, by the safeguarding
            // rules, which of them are adults to look for).
            var adults = Set<Int64>()
            for l in childLinks {
                let other = l.source.rawValue == root ? l.target.rawValue : l.source.rawValue
                let e = try entity(other)
                if e.kind == .person { adults.insert(other) }
            }
            for ep in episodes {
                for p in ep.foundWith where p.rawValue != root {
                    _ = try entity(p.rawValue)
                    adults.insert(p.rawValue)
                }
            }
            // And the people recorded as living where the child was found.
            for at in Set(episodes.compactMap(\.foundAt)).sorted(by: { $0.rawValue < $1.rawValue }) {
                for l in try links(of: at.rawValue, types: [.residesAt]) where l.target == at {
                    let e = try entity(l.source.rawValue)
                    if e.kind == .person && l.source.rawValue != root { adults.insert(l.source.rawValue) }
                }
            }
            var adultLinks: [EntityID: [NetworkLink]] = [:]
            for a in adults.sorted() { adultLinks[EntityID(a)] = try links(of: a, types: Self.adultLinkTypes) }

            // Place details, later records overriding earlier ones key by key.
            var facts: [EntityID: EntityFacts] = [:]
            for (id, e) in entities.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where e.kind == .location {
                var f = EntityFacts()
                for row in try Row.fetchAll(db, sql: """
                    SELECT r.details FROM entity_record r JOIN item i ON i.id = r.item_id
                    WHERE r.entity_id IN (\(inList(try members(id.rawValue)))) AND r.details IS NOT NULL AND i.recorded <= ?
                    ORDER BY i.recorded, i.id
                    """, arguments: [cutoff]) {
                    let details = Self.stringMap(row[0])
                    if let c = details["category"] { f.category = c }
                    if let p = details["postcode"] { f.postcode = p }
                    if let a = details["address"] { f.address = a }
                    if let n = details["nte"] { f.nightTimeEconomy = n == "true" }
                }
                facts[id] = f
            }
            return MissingBriefContents(child: childEntity, identifiers: identifiers, birthDates: birthDates, episodes: episodes,
                                        carePeriods: periods, childLinks: childLinks, adultLinks: adultLinks,
                                        entities: entities, facts: facts)
        }
    }
}
