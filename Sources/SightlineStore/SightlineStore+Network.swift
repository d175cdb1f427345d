import GRDB
import SightlineModel

/// An entity as the network sees it: its surviving ID, kind, label and roles.
public struct NetworkEntity: Sendable, Codable, Hashable {
    public var id: EntityID
    public var kind: EntityKind
    public var label: String
    /// Roles recorded for the entity by any item (a person can hold several).
    public var roles: [Role]

    public init(id: EntityID, kind: EntityKind, label: String, roles: [Role]) {
        self.id = id; self.kind = kind; self.label = label; self.roles = roles
    }

    /// Whether any item records this person as a child at risk.
    public var isChildAtRisk: Bool { roles.contains(.childAtRisk) }
}

/// A link between two surviving entities, with the intelligence behind it.
public struct NetworkLink: Sendable, Codable {
    public var id: Int64
    public var type: LinkType
    public var source: EntityID
    public var target: EntityID
    public var time: String?
    public var origin: LinkOrigin
    public var evidence: [Citation]

    public init(id: Int64, type: LinkType, source: EntityID, target: EntityID, time: String?, origin: LinkOrigin, evidence: [Citation]) {
        self.id = id; self.type = type; self.source = source; self.target = target
        self.time = time; self.origin = origin; self.evidence = evidence
    }
}

extension SightlineStore {
    /// Every entity and every link, with merged entities folded into their survivors, for building
    /// a network snapshot. Links whose two ends have been merged into one entity are left out.
    /// - Complexity: O(entities + links + evidence).
    public func networkContents() throws(StoreError) -> (entities: [NetworkEntity], links: [NetworkLink]) {
        try read { db in
            let m = try Self.mergeMap(db)
            // Millions of rows at scale: read through SQLite's C API rather than GRDB's rows.
            var roles: [Int64: Set<String>] = [:]
            try FastStatement(db, "SELECT DISTINCT entity_id, role FROM role").forEachRow { row in
                roles[Self.canonical(row.int64(0), m), default: []].insert(row.text(1))
            }
            var entities: [NetworkEntity] = []
            try FastStatement(db, "SELECT id, kind, label FROM entity WHERE merged_into IS NULL ORDER BY id").forEachRow { row in
                let id = row.int64(0)
                entities.append(NetworkEntity(id: EntityID(id), kind: EntityKind(rawValue: row.text(1)) ?? .person, label: row.text(2),
                                              roles: (roles[id] ?? []).compactMap(Role.init(rawValue:)).sorted { $0.rawValue < $1.rawValue }))
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
}
