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
            let n = Neighbourhood(db, recordedBy: recordedBy)
            let cutoff = n.cutoff
            func canonical(_ id: Int64) throws -> Int64 { try n.canonical(id) }
            func members(_ id: Int64) throws -> [Int64] { try n.members(id) }
            func inList(_ ids: [Int64]) -> String { Neighbourhood.inList(ids) }
            func entity(_ id: Int64) throws -> NetworkEntity { try n.entity(id) }
            func links(of id: Int64, types: [LinkType]?) throws -> [NetworkLink] { try n.links(of: id, types: types) }

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

            let episodes = try n.episodes(of: root)
            let periods = try n.carePeriods(of: root)

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
            for (id, e) in n.entities.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where e.kind == .location {
                facts[id] = try n.placeFacts(id.rawValue)
            }
            return MissingBriefContents(child: childEntity, identifiers: identifiers, birthDates: birthDates, episodes: episodes,
                                        carePeriods: periods, childLinks: childLinks, adultLinks: adultLinks,
                                        entities: n.entities, facts: facts)
        }
    }
}
