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
            var roles: [Int64: Set<String>] = [:]
            let roleRows = try Row.fetchCursor(db, sql: "SELECT DISTINCT entity_id, role FROM role")
            while let row = try roleRows.next() {
                roles[Self.canonical(row[0], m), default: []].insert(row[1])
            }
            let entities = try Array(Row.fetchCursor(db, sql: "SELECT id, kind, label FROM entity WHERE merged_into IS NULL ORDER BY id").map { row in
                let id: Int64 = row[0]
                return NetworkEntity(id: EntityID(id), kind: EntityKind(rawValue: row[1]) ?? .person, label: row[2] ?? "",
                                     roles: (roles[id] ?? []).compactMap(Role.init(rawValue:)).sorted { $0.rawValue < $1.rawValue })
            })
            // Links and their evidence, both in link order, merged as they stream (no table of
            // every link's evidence in memory).
            let evidenceRows = try Row.fetchCursor(db, sql: """
                SELECT le.link_id, \(Self.citationColumns) FROM link_evidence le JOIN item i ON i.id = le.item_id
                ORDER BY le.link_id, i.recorded, i.id
                """)
            var pending: (link: Int64, citation: Citation)? = try evidenceRows.next().map { ($0[0], Self.citation($0, from: 1)) }
            var links: [NetworkLink] = []
            let linkRows = try Row.fetchCursor(db, sql: "SELECT id, type, source, target, time_text, origin FROM link ORDER BY id")
            while let row = try linkRows.next() {
                let id: Int64 = row[0]
                var evidence: [Citation] = []
                while let p = pending, p.link <= id {
                    if p.link == id { evidence.append(p.citation) }
                    pending = try evidenceRows.next().map { ($0[0], Self.citation($0, from: 1)) }
                }
                let (a, b) = (Self.canonical(row[2], m), Self.canonical(row[3], m))
                guard a != b, let type = LinkType(rawValue: row[1]) else { continue }
                let time: String = row[4]
                links.append(NetworkLink(id: id, type: type, source: EntityID(a), target: EntityID(b),
                                         time: time.isEmpty ? nil : time, origin: LinkOrigin(rawValue: row[5]) ?? .asserted,
                                         evidence: evidence))
            }
            return (entities, links)
        }
    }
}
