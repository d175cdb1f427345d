import GRDB
import SightlineModel
import SightlineReadModel

/// Reads what surrounds one entity with indexed look-ups only, folded onto merge survivors: its
/// links and their evidence, the entities at their ends as the safeguarding rules see them, a
/// child's episodes and care periods, places' details. What `missing brief` and `chronology` read,
/// so that they answer in milliseconds whatever the size of the store.
final class Neighbourhood {
    let db: Database
    /// Only items recorded on or before this day (`YYYY-MM-DD`).
    let cutoff: String
    let cutoffDay: Day
    private var survivors: [Int64: Int64] = [:]
    private var membersCache: [Int64: [Int64]] = [:]
    /// Every entity read so far, by survivor.
    private(set) var entities: [EntityID: NetworkEntity] = [:]

    init(_ db: Database, recordedBy: String?) {
        self.db = db
        cutoff = recordedBy ?? "9999-12-31"
        cutoffDay = Day(cutoff) ?? Day(dayNumber: .max)
    }

    static func inList(_ ids: [Int64]) -> String { ids.map(String.init).joined(separator: ",") }

    /// The survivor of a merge.
    func canonical(_ id: Int64) throws -> Int64 {
        if let s = survivors[id] { return s }
        let s = try SightlineStore.survivor(id, db)
        survivors[id] = s
        return s
    }

    /// The entity and every entity merged into it.
    func members(_ id: Int64) throws -> [Int64] {
        if let m = membersCache[id] { return m }
        let m = try SightlineStore.memberList(id, db)
        membersCache[id] = m
        return m
    }

    /// An entity as the safeguarding rules see it (every role and date of birth of its members).
    @discardableResult
    func entity(_ id: Int64) throws -> NetworkEntity {
        if let e = entities[EntityID(id)] { return e }
        var e = try SightlineStore.safeguardingEntity(members: try members(id), id: id, db)
        // Every role is kept for the rules; the roles shown are those known by the cut-off.
        e.roles = Set(e.roleRecords.filter { $0.source.recorded <= cutoffDay }.map(\.value)).sorted { $0.rawValue < $1.rawValue }
        if e.kind == .location || e.kind == .organisation { e.category = try placeFacts(id).category }
        entities[e.id] = e
        return e
    }

    func evidence(_ link: Int64) throws -> [Citation] {
        try Row.fetchAll(db, sql: """
            SELECT \(SightlineStore.citationColumns) FROM link_evidence le JOIN item i ON i.id = le.item_id
            WHERE le.link_id = ? AND i.recorded <= ? ORDER BY i.recorded, i.id
            """, arguments: [link, cutoff]).map { SightlineStore.citation($0, from: 0) }
    }

    /// The links touching an entity's members (of the given types, or all), with evidence known by
    /// the cut-off, folded onto survivors; the entities at both ends are read.
    func links(of id: Int64, types: [LinkType]?) throws -> [NetworkLink] {
        let list = Self.inList(try members(id))
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
            try entity(a); try entity(b)
            out.append(NetworkLink(id: lid, type: type, source: EntityID(a), target: EntityID(b),
                                   time: time.isEmpty ? nil : time, origin: LinkOrigin(rawValue: row[5]) ?? .asserted, evidence: ev))
        }
        return out
    }

    /// A child's missing episodes (the places and people in them read too).
    func episodes(of child: Int64) throws -> [MissingEpisode] {
        var episodes: [MissingEpisode] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT e.id, e.start, e.end, e.missing_from, e.found_at, \(SightlineStore.citationColumns)
            FROM missing_episode e JOIN item i ON i.id = e.item_id
            WHERE e.child IN (\(Self.inList(try members(child)))) AND i.recorded <= ? ORDER BY e.start, e.id
            """, arguments: [cutoff]) {
            let eid: Int64 = row[0]
            let with = try Int64.fetchAll(db, sql: "SELECT person FROM missing_found_with WHERE episode_id = ? ORDER BY person", arguments: [eid])
                .map { try canonical($0) }
            let from = try (row[3] as Int64?).map(canonical), at = try (row[4] as Int64?).map(canonical)
            for id in with + [from, at].compactMap({ $0 }) { try entity(id) }
            episodes.append(MissingEpisode(id: eid, child: EntityID(child), start: try SightlineStore.time(row[1] as String, "missing_episode.start"),
                                           end: try SightlineStore.time(row[2] as String?, "missing_episode.end"),
                                           missingFrom: from.map { EntityID($0) }, foundAt: at.map { EntityID($0) },
                                           foundWith: Array(Set(with)).sorted().map { EntityID($0) }, source: SightlineStore.citation(row, from: 5)))
        }
        return episodes
    }

    /// A child's periods looked after.
    func carePeriods(of child: Int64) throws -> [CarePeriod] {
        try Row.fetchAll(db, sql: """
            SELECT p.start, p.end, p.authority, \(SightlineStore.citationColumns) FROM looked_after p JOIN item i ON i.id = p.item_id
            WHERE p.entity_id IN (\(Self.inList(try members(child)))) AND i.recorded <= ? ORDER BY p.start, i.id
            """, arguments: [cutoff]).map { row in
            CarePeriod(child: EntityID(child), start: try SightlineStore.day(row[0] as String, "looked_after.start"),
                       end: try SightlineStore.day(row[1] as String?, "looked_after.end"), authority: row[2], source: SightlineStore.citation(row, from: 3))
        }
    }

    /// A place's details, later records overriding earlier ones key by key.
    func placeFacts(_ id: Int64) throws -> EntityFacts {
        var f = EntityFacts()
        for row in try Row.fetchAll(db, sql: """
            SELECT r.details FROM entity_record r JOIN item i ON i.id = r.item_id
            WHERE r.entity_id IN (\(Self.inList(try members(id)))) AND r.details IS NOT NULL AND i.recorded <= ?
            ORDER BY i.recorded, i.id
            """, arguments: [cutoff]) {
            let details = SightlineStore.stringMap(row[0])
            if let c = details["category"] { f.category = c }
            if let p = details["postcode"] { f.postcode = p }
            if let a = details["address"] { f.address = a }
            if let n = details["nte"] { f.nightTimeEconomy = n == "true" }
        }
        return f
    }
}

extension SightlineStore {
    /// What the products read, for one child's neighbourhood only: the child's links (both ways)
    /// and the entities at their ends, the child's episodes, care periods and non-consents, and the
    /// notices naming the child or issued to or about anyone linked to the child, with every entity
    /// they name; each entity as the safeguarding rules see it (all its roles and dates of birth),
    /// places with their details. A `ChronologyReport` built from it equals one built from
    /// ``productContents()``, at a cost independent of the store's size.
    /// - Complexity: O(the child's links, episodes and notices, and their evidence), each through an index.
    public func productContents(around child: EntityID) throws(StoreError) -> ProductContents {
        try read { db in
            let n = Neighbourhood(db, recordedBy: nil)
            let root = try n.canonical(child.rawValue)
            try n.entity(root)
            let members = Neighbourhood.inList(try n.members(root))
            let links = try n.links(of: root, types: nil)
            let episodes = try n.episodes(of: root)
            let periods = try n.carePeriods(of: root)
            let notices = try Row.fetchAll(db, sql: """
                SELECT n.type, n.subject, n.child, n.premises, n.issued, n.expires, n.officer, \(Self.citationColumns)
                FROM notice n JOIN item i ON i.id = n.item_id
                WHERE n.child IN (\(members)) OR n.subject IN (\(members)) OR n.premises IN (\(members)) ORDER BY n.issued, n.id
                """).compactMap { row -> IssuedNotice? in
                guard let type = NoticeType(rawValue: row[0]) else { return nil }
                let subject = try n.canonical(row[1]), c = try (row[2] as Int64?).map(n.canonical), p = try (row[3] as Int64?).map(n.canonical)
                for id in [subject, c, p].compactMap({ $0 }) { try n.entity(id) }
                return IssuedNotice(type: type, subject: EntityID(subject), child: c.map { EntityID($0) }, premises: p.map { EntityID($0) },
                                    issued: try Self.day(row[4] as String, "notice.issued"), expires: try Self.day(row[5] as String?, "notice.expires"),
                                    officer: row[6], source: Self.citation(row, from: 7))
            }
            let nonConsents = try Row.fetchAll(db, sql: """
                SELECT c.child, c.adult, c.by, \(Self.citationColumns)
                FROM non_consent c JOIN item i ON i.id = c.item_id WHERE c.child IN (\(members)) ORDER BY i.recorded, c.id
                """).compactMap { row -> NonConsent? in
                guard let by = ConsentAuthority(rawValue: row[2]) else { return nil }
                let adult = try (row[1] as Int64?).map(n.canonical)
                if let adult { try n.entity(adult) }
                return NonConsent(child: EntityID(root), adult: adult.map { EntityID($0) }, by: by, source: Self.citation(row, from: 3))
            }
            var facts: [EntityID: EntityFacts] = [:]
            for (id, e) in n.entities {
                var f = e.kind == .location || e.kind == .organisation ? try n.placeFacts(id.rawValue) : EntityFacts()
                f.birthDates = e.birthDates
                f.category = e.category
                if !f.birthDates.isEmpty || f.category != nil || f.postcode != nil || f.address != nil || f.nightTimeEconomy != nil { facts[id] = f }
            }
            // When each cited item was first ingested.
            var cited = Set<IntelRef>()
            for l in links { for c in l.evidence { cited.insert(c.ref) } }
            for c in episodes.map(\.source) + periods.map(\.source) + notices.map(\.source) + nonConsents.map(\.source) { cited.insert(c.ref) }
            var ingested: [IntelRef: Day] = [:]
            for ref in cited {
                if let day = try String.fetchOne(db, sql: """
                    SELECT substr(r.started, 1, 10) FROM item i JOIN ingest_run r ON r.id = i.first_run WHERE i.agency = ? AND i.reference = ?
                    """, arguments: [ref.agency.rawValue, ref.reference]).flatMap(Day.init) {
                    ingested[ref] = day
                }
            }
            return ProductContents(entities: n.entities.values.sorted { $0.id < $1.id }, links: links, facts: facts, episodes: episodes,
                                   carePeriods: periods, notices: notices, nonConsents: nonConsents, ingested: IngestedDays(ingested))
        }
    }

    /// For each handling code, the newest item that is the evidence of a link: the day the
    /// network's newest item was recorded is the newest of those an audience admits, without
    /// reading the network. O(links' evidence), in SQLite.
    public func newestLinkEvidence() throws(StoreError) -> [Citation] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.agency, i.reference, max(i.recorded), i.grade_system, i.evaluation, i.handling, i.conditions
                FROM item i WHERE i.id IN (SELECT item_id FROM link_evidence) GROUP BY i.grade_system, i.handling
                """).map { Self.citation($0, from: 0) }
        }
    }
}
