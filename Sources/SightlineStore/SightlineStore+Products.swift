import GRDB
import SightlineModel

/// What the products (disruption lists, notice candidates, missing briefs) read beyond the network:
/// dates of birth, place details, missing episodes, care periods, notices and non-consents, every one
/// with the item behind it and folded onto surviving entities.
public struct ProductContents: Sendable {
    public var entities: [NetworkEntity]
    public var links: [NetworkLink]
    /// Per entity: its dates of birth and place details, from every record.
    public var facts: [EntityID: EntityFacts]
    public var episodes: [MissingEpisode]
    public var carePeriods: [CarePeriod]
    public var notices: [IssuedNotice]
    public var nonConsents: [NonConsent]
    /// The day each item was first ingested (`YYYY-MM-DD`), by `agency/reference`: with the day it
    /// was recorded, what `--since` compares, so material recorded long ago but received this week
    /// counts as new, and re-ingesting the same export does not.
    public var ingested: [String: String]

    public init(entities: [NetworkEntity], links: [NetworkLink], facts: [EntityID: EntityFacts], episodes: [MissingEpisode],
                carePeriods: [CarePeriod], notices: [IssuedNotice], nonConsents: [NonConsent], ingested: [String: String]) {
        self.entities = entities; self.links = links; self.facts = facts; self.episodes = episodes
        self.carePeriods = carePeriods; self.notices = notices; self.nonConsents = nonConsents; self.ingested = ingested
    }
}

/// An entity's dates of birth and, for places, the details lists filter and explain by.
public struct EntityFacts: Sendable, Codable, Equatable {
    /// Every date of birth recorded, with its item (several when agencies disagree).
    public var birthDates: [Dated<BirthDateText>] = []
    /// Place details from the most recent record that gives each: category, postcode, address, nte.
    public var category: String?
    public var postcode: String?
    public var address: String?
    /// Whether the place is in the night-time economy (recorded, or defaulted from the category).
    public var nightTimeEconomy: Bool?

    public init() {}
}

/// A date of birth as recorded (`1989-05-12`, `2010-07`, `~2009`).
public struct BirthDateText: Sendable, Codable, Equatable, Hashable {
    public var text: String
    public init(_ text: String) { self.text = text }
    /// The parsed date (nil only for text the ingest rules would have refused).
    public var value: BirthDate? { try? BirthDate(parsing: text) }
}

/// A value with the item that records it.
public struct Dated<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    public var value: Value
    public var source: Citation
    public init(_ value: Value, source: Citation) { self.value = value; self.source = source }
}

public struct MissingEpisode: Sendable, Codable, Equatable {
    public var id: Int64
    public var child: EntityID
    /// ISO 8601 text, as stored.
    public var start: String
    public var end: String?
    public var missingFrom: EntityID?
    public var foundAt: EntityID?
    public var foundWith: [EntityID]
    public var source: Citation

    public init(id: Int64, child: EntityID, start: String, end: String?, missingFrom: EntityID?, foundAt: EntityID?,
                foundWith: [EntityID], source: Citation) {
        self.id = id; self.child = child; self.start = start; self.end = end; self.missingFrom = missingFrom
        self.foundAt = foundAt; self.foundWith = foundWith; self.source = source
    }
}

public struct CarePeriod: Sendable, Codable, Equatable {
    public var child: EntityID
    /// `YYYY-MM-DD`; `end` nil while the period runs.
    public var start: String
    public var end: String?
    public var authority: String?
    public var source: Citation

    public init(child: EntityID, start: String, end: String?, authority: String?, source: Citation) {
        self.child = child; self.start = start; self.end = end; self.authority = authority; self.source = source
    }
}

public struct IssuedNotice: Sendable, Codable, Equatable {
    public var type: NoticeType
    public var subject: EntityID
    public var child: EntityID?
    public var premises: EntityID?
    /// `YYYY-MM-DD`.
    public var issued: String
    public var expires: String?
    public var officer: String?
    public var source: Citation

    public init(type: NoticeType, subject: EntityID, child: EntityID?, premises: EntityID?, issued: String, expires: String?,
                officer: String?, source: Citation) {
        self.type = type; self.subject = subject; self.child = child; self.premises = premises
        self.issued = issued; self.expires = expires; self.officer = officer; self.source = source
    }
}

public struct NonConsent: Sendable, Codable, Equatable {
    public var child: EntityID
    /// nil: any adult without parental responsibility.
    public var adult: EntityID?
    public var by: ConsentAuthority
    public var source: Citation

    public init(child: EntityID, adult: EntityID?, by: ConsentAuthority, source: Citation) {
        self.child = child; self.adult = adult; self.by = by; self.source = source
    }
}

extension SightlineStore {
    /// Everything the products read, in one read transaction (so a list never mixes two states of
    /// the store).
    /// - Complexity: O(entities + links + evidence + records + episodes + notices).
    public func productContents() throws(StoreError) -> ProductContents {
        let (entities, links) = try networkContents()
        return try read { db in
            let m = try Self.mergeMap(db)
            func survivor(_ id: Int64) -> EntityID { EntityID(Self.canonical(id, m)) }
            func survivor(_ id: Int64?) -> EntityID? { id.map { EntityID(Self.canonical($0, m)) } }

            // Only the details products use, taken out of the JSON by SQLite.
            var facts: [EntityID: EntityFacts] = [:]
            try FastStatement(db, """
                SELECT r.entity_id, CASE WHEN r.dob_approx THEN '~' ELSE '' END || r.dob_text,
                       json_extract(r.details, '$.category'), json_extract(r.details, '$.postcode'),
                       json_extract(r.details, '$.address'), json_extract(r.details, '$.nte'), \(Self.citationColumns)
                FROM entity_record r JOIN item i ON i.id = r.item_id
                WHERE r.dob_text IS NOT NULL OR json_extract(r.details, '$.category') IS NOT NULL
                   OR json_extract(r.details, '$.postcode') IS NOT NULL OR json_extract(r.details, '$.address') IS NOT NULL
                ORDER BY i.recorded, i.id
                """).forEachRow { row in
                let id = survivor(row.int64(0))
                var f = facts[id] ?? EntityFacts()
                if let dob = row.textOrNil(1), !f.birthDates.contains(where: { $0.value.text == dob }) {
                    f.birthDates.append(Dated(BirthDateText(dob), source: Self.citation(row, from: 6)))
                }
                // Later records overwrite earlier ones, key by key.
                if let c = row.textOrNil(2) { f.category = c }
                if let p = row.textOrNil(3) { f.postcode = p }
                if let a = row.textOrNil(4) { f.address = a }
                if let n = row.textOrNil(5) { f.nightTimeEconomy = n == "true" }
                facts[id] = f
            }

            var foundWith: [Int64: [EntityID]] = [:]
            let rows2 = try Row.fetchCursor(db, sql: "SELECT episode_id, person FROM missing_found_with ORDER BY episode_id, person")
            while let row = try rows2.next() {
                foundWith[row[0], default: []].append(survivor(row[1] as Int64))
            }
            let episodes = try Row.fetchAll(db, sql: """
                SELECT e.id, e.child, e.start, e.end, e.missing_from, e.found_at, \(Self.citationColumns)
                FROM missing_episode e JOIN item i ON i.id = e.item_id ORDER BY e.start, e.id
                """).map { row in
                MissingEpisode(id: row[0], child: survivor(row[1] as Int64), start: row[2], end: row[3],
                               missingFrom: survivor(row[4] as Int64?), foundAt: survivor(row[5] as Int64?),
                               foundWith: foundWith[row[0]] ?? [], source: Self.citation(row, from: 6))
            }
            let periods = try Row.fetchAll(db, sql: """
                SELECT p.entity_id, p.start, p.end, p.authority, \(Self.citationColumns)
                FROM looked_after p JOIN item i ON i.id = p.item_id ORDER BY p.start, p.entity_id
                """).map { row in
                CarePeriod(child: survivor(row[0] as Int64), start: row[1], end: row[2], authority: row[3], source: Self.citation(row, from: 4))
            }
            let notices = try Row.fetchAll(db, sql: """
                SELECT n.type, n.subject, n.child, n.premises, n.issued, n.expires, n.officer, \(Self.citationColumns)
                FROM notice n JOIN item i ON i.id = n.item_id ORDER BY n.issued, n.id
                """).compactMap { row -> IssuedNotice? in
                guard let type = NoticeType(rawValue: row[0]) else { return nil }
                return IssuedNotice(type: type, subject: survivor(row[1] as Int64), child: survivor(row[2] as Int64?),
                                    premises: survivor(row[3] as Int64?), issued: row[4], expires: row[5], officer: row[6],
                                    source: Self.citation(row, from: 7))
            }
            let nonConsents = try Row.fetchAll(db, sql: """
                SELECT c.child, c.adult, c.by, \(Self.citationColumns)
                FROM non_consent c JOIN item i ON i.id = c.item_id ORDER BY i.recorded, c.id
                """).compactMap { row -> NonConsent? in
                guard let by = ConsentAuthority(rawValue: row[2]) else { return nil }
                return NonConsent(child: survivor(row[0] as Int64), adult: survivor(row[1] as Int64?), by: by, source: Self.citation(row, from: 3))
            }
            var ingested: [String: String] = [:]
            let rows3 = try Row.fetchCursor(db, sql: """
                SELECT i.agency || '/' || i.reference, substr(r.started, 1, 10)
                FROM item i JOIN ingest_run r ON r.id = i.first_run
                """)
            while let row = try rows3.next() {
                ingested[row[0]] = row[1]
            }
            return ProductContents(entities: entities, links: links, facts: facts, episodes: episodes, carePeriods: periods,
                                   notices: notices, nonConsents: nonConsents, ingested: ingested)
        }
    }
}
