import GRDB
import SightlineModel

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

            // Dates of birth and categories come with the entities (read once, for the safeguarding
            // rules); the other details products use are taken out of the JSON by SQLite.
            var facts: [EntityID: EntityFacts] = [:]
            for e in entities where !e.birthDates.isEmpty || e.category != nil {
                var f = EntityFacts()
                f.birthDates = e.birthDates
                f.category = e.category
                facts[e.id] = f
            }
            try FastStatement(db, """
                SELECT r.entity_id, json_extract(r.details, '$.postcode'), json_extract(r.details, '$.address'), json_extract(r.details, '$.nte')
                FROM entity_record r JOIN item i ON i.id = r.item_id
                WHERE json_extract(r.details, '$.postcode') IS NOT NULL OR json_extract(r.details, '$.address') IS NOT NULL
                   OR json_extract(r.details, '$.nte') IS NOT NULL
                ORDER BY i.recorded, i.id
                """).forEachRow { row in
                let id = survivor(row.int64(0))
                var f = facts[id] ?? EntityFacts()
                // Later records overwrite earlier ones, key by key.
                if let p = row.textOrNil(1) { f.postcode = p }
                if let a = row.textOrNil(2) { f.address = a }
                if let n = row.textOrNil(3) { f.nightTimeEconomy = n == "true" }
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
                MissingEpisode(id: row[0], child: survivor(row[1] as Int64),
                               start: try Self.time(row[2] as String, "missing_episode.start"), end: try Self.time(row[3] as String?, "missing_episode.end"),
                               missingFrom: survivor(row[4] as Int64?), foundAt: survivor(row[5] as Int64?),
                               foundWith: foundWith[row[0]] ?? [], source: Self.citation(row, from: 6))
            }
            let periods = try Row.fetchAll(db, sql: """
                SELECT p.entity_id, p.start, p.end, p.authority, \(Self.citationColumns)
                FROM looked_after p JOIN item i ON i.id = p.item_id ORDER BY p.start, p.entity_id
                """).map { row in
                CarePeriod(child: survivor(row[0] as Int64), start: try Self.day(row[1] as String, "looked_after.start"),
                           end: try Self.day(row[2] as String?, "looked_after.end"), authority: row[3], source: Self.citation(row, from: 4))
            }
            let notices = try Row.fetchAll(db, sql: """
                SELECT n.type, n.subject, n.child, n.premises, n.issued, n.expires, n.officer, \(Self.citationColumns)
                FROM notice n JOIN item i ON i.id = n.item_id ORDER BY n.issued, n.id
                """).compactMap { row -> IssuedNotice? in
                guard let type = NoticeType(rawValue: row[0]) else { return nil }
                return IssuedNotice(type: type, subject: survivor(row[1] as Int64), child: survivor(row[2] as Int64?),
                                    premises: survivor(row[3] as Int64?), issued: try Self.day(row[4] as String, "notice.issued"),
                                    expires: try Self.day(row[5] as String?, "notice.expires"), officer: row[6],
                                    source: Self.citation(row, from: 7))
            }
            let nonConsents = try Row.fetchAll(db, sql: """
                SELECT c.child, c.adult, c.by, \(Self.citationColumns)
                FROM non_consent c JOIN item i ON i.id = c.item_id ORDER BY i.recorded, c.id
                """).compactMap { row -> NonConsent? in
                guard let by = ConsentAuthority(rawValue: row[2]) else { return nil }
                return NonConsent(child: survivor(row[0] as Int64), adult: survivor(row[1] as Int64?), by: by, source: Self.citation(row, from: 3))
            }
            var ingested: [IntelRef: Day] = [:]
            let rows3 = try Row.fetchCursor(db, sql: """
                SELECT i.agency, i.reference, substr(r.started, 1, 10)
                FROM item i JOIN ingest_run r ON r.id = i.first_run
                """)
            while let row = try rows3.next() {
                if let agency = Agency(rawValue: row[0]), let day = Day(row[2] as String) {
                    ingested[IntelRef(agency: agency, reference: row[1])] = day
                }
            }
            return ProductContents(entities: entities, links: links, facts: facts, episodes: episodes, carePeriods: periods,
                                   notices: notices, nonConsents: nonConsents, ingested: IngestedDays(ingested))
        }
    }
}
