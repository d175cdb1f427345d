import GRDB
import SightlineModel

extension SightlineStore {
    /// Every entity and every link, with merged entities folded into their survivors, for building
    /// a network snapshot. Links whose two ends have been merged into one entity are left out.
    /// - Complexity: O(entities + links + evidence).
    public func networkContents() throws(StoreError) -> (entities: [NetworkEntity], links: [NetworkLink]) {
        try read { db in
            let m = try Self.mergeMap(db)
            // Millions of rows at scale: read through SQLite's C API rather than GRDB's rows.
            // Roles with their items, dates of birth and place categories: what the safeguarding
            // rules decide by, read whole (no filter applies to who is a child).
            var roleRecords: [Int64: [Dated<Role>]] = [:]
            try FastStatement(db, """
                SELECT r.entity_id, r.role, \(Self.citationColumns) FROM role r JOIN item i ON i.id = r.item_id
                """).forEachRow { row in
                guard let role = Role(rawValue: row.text(1)) else { return }
                roleRecords[Self.canonical(row.int64(0), m), default: []].append(Dated(role, source: Self.citation(row, from: 2)))
            }
            // Oldest first; most people have one role, so sort only where there are several.
            for (id, records) in roleRecords where records.count > 1 {
                roleRecords[id] = records.sorted { ($0.source.recorded, $0.source.agency.rawValue, $0.source.reference) < ($1.source.recorded, $1.source.agency.rawValue, $1.source.reference) }
            }
            var births: [Int64: [Dated<BirthDateText>]] = [:]
            var categories: [Int64: String] = [:]
            try FastStatement(db, """
                SELECT r.entity_id, CASE WHEN r.dob_approx THEN '~' ELSE '' END || r.dob_text, json_extract(r.details, '$.category'), \(Self.citationColumns)
                FROM entity_record r JOIN item i ON i.id = r.item_id
                WHERE r.dob_text IS NOT NULL OR json_extract(r.details, '$.category') IS NOT NULL
                ORDER BY i.recorded, i.id
                """).forEachRow { row in
                let id = Self.canonical(row.int64(0), m)
                if let dob = row.textOrNil(1), !(births[id] ?? []).contains(where: { $0.value.text == dob }) {
                    births[id, default: []].append(Dated(BirthDateText(dob), source: Self.citation(row, from: 3)))
                }
                if let c = row.textOrNil(2) { categories[id] = c }
            }
            var entities: [NetworkEntity] = []
            try FastStatement(db, "SELECT id, kind, label FROM entity WHERE merged_into IS NULL ORDER BY id").forEachRow { row in
                let id = row.int64(0)
                let records = roleRecords[id] ?? []
                entities.append(NetworkEntity(id: EntityID(id), kind: EntityKind(rawValue: row.text(1)) ?? .person, label: row.text(2),
                                              roles: Set(records.map(\.value)).sorted { $0.rawValue < $1.rawValue },
                                              roleRecords: records, birthDates: births[id] ?? [], category: categories[id]))
            }
            // Every link's evidence, in link order; then the links, each taking its run of evidence.
            var evidenceLink: [Int64] = []
            var evidenceCitation: [Citation] = []
            try FastStatement(db, """
                SELECT le.link_id, \(Self.citationColumns) FROM link_evidence le JOIN item i ON i.id = le.item_id
                ORDER BY le.link_id, i.recorded, i.id
                """).forEachRow { row in
                evidenceLink.append(row.int64(0))
                evidenceCitation.append(Self.citation(row, from: 1))
            }
            var next = 0
            var links: [NetworkLink] = []
            try FastStatement(db, "SELECT id, type, source, target, time_text, origin FROM link ORDER BY id").forEachRow { row in
                let id = row.int64(0)
                while next < evidenceLink.count && evidenceLink[next] < id { next += 1 }
                let first = next
                while next < evidenceLink.count && evidenceLink[next] == id { next += 1 }
                let (a, b) = (Self.canonical(row.int64(2), m), Self.canonical(row.int64(3), m))
                guard a != b, let type = LinkType(rawValue: row.text(1)) else { return }
                let time = row.text(4)
                links.append(NetworkLink(id: id, type: type, source: EntityID(a), target: EntityID(b),
                                         time: time.isEmpty ? nil : time, origin: LinkOrigin(rawValue: row.text(5)) ?? .asserted,
                                         evidence: Array(evidenceCitation[first..<next])))
            }
            return (entities, links)
        }
    }

    /// One entity as the safeguarding rules see it: its kind and label, and every role and date of
    /// birth recorded for it or any entity merged into it, whatever the filters.
    /// - Parameters: members: the entity and every entity merged into it.
    static func safeguardingEntity(members: [Int64], id: Int64, _ db: Database) throws -> NetworkEntity {
        let row = try Row.fetchOne(db, sql: "SELECT kind, label FROM entity WHERE id = ?", arguments: [id])
        let kind: String = row.flatMap { $0[0] as String? } ?? ""
        let label: String = row.flatMap { $0[1] as String? } ?? ""
        let list = members.map(String.init).joined(separator: ",")
        var records: [Dated<Role>] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT r.role, \(citationColumns) FROM role r JOIN item i ON i.id = r.item_id
            WHERE r.entity_id IN (\(list)) ORDER BY i.recorded, i.id
            """) {
            if let role = Role(rawValue: row[0]) { records.append(Dated(role, source: citation(row, from: 1))) }
        }
        var births: [Dated<BirthDateText>] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT CASE WHEN r.dob_approx THEN '~' ELSE '' END || r.dob_text, \(citationColumns)
            FROM entity_record r JOIN item i ON i.id = r.item_id
            WHERE r.entity_id IN (\(list)) AND r.dob_text IS NOT NULL ORDER BY i.recorded, i.id
            """) {
            let dob: String = row[0]
            if !births.contains(where: { $0.value.text == dob }) { births.append(Dated(BirthDateText(dob), source: citation(row, from: 1))) }
        }
        return NetworkEntity(id: EntityID(id), kind: EntityKind(rawValue: kind) ?? .person, label: label,
                             roles: Set(records.map(\.value)).sorted { $0.rawValue < $1.rawValue }, roleRecords: records, birthDates: births)
    }
}
