import SightlineModel

/// One line of the entity list.
public struct EntitySummary: Sendable, Codable, Hashable {
    public var id: String
    public var kind: String
    public var label: String
    public var identifiers: [String]
    public var roles: [String]
    public var links: Int
    public var items: Int
}

/// Everything the store holds about one entity, each fact with the items behind it.
public struct EntityDetail: Sendable, Codable {
    public var id: String
    public var kind: String
    public var label: String
    /// Other entities merged into this one, with how and why.
    public var merged: [MergeInfo]
    public var identifiers: [String]
    public var records: [RecordInfo]
    public var roles: [RoleInfo]
    public var links: [LinkInfo]
    public var lookedAfter: [PeriodInfo]
    public var missingEpisodes: [EpisodeInfo]
    public var notices: [NoticeInfo]
    /// The summaries of the items cited above, when asked for (`show --summaries`) and the audience
    /// may see them; nil otherwise.
    public var summaries: [ItemSummary]? = nil

    /// An item's summary: the agency's own words.
    public struct ItemSummary: Sendable, Codable {
        public var item: Citation
        public var summary: String
        public init(item: Citation, summary: String) { self.item = item; self.summary = summary }
    }

    /// Every item the detail cites, once each, oldest first.
    public var citations: [Citation] {
        var seen = Set<IntelRef>(), out: [Citation] = []
        let all = records.map(\.source) + roles.map(\.source) + links.flatMap(\.evidence) + lookedAfter.map(\.source)
            + missingEpisodes.map(\.source) + notices.map(\.source)
        for c in all where seen.insert(c.ref).inserted { out.append(c) }
        return out.sorted { ($0.recorded, $0.ref.description) < ($1.recorded, $1.ref.description) }
    }

    public struct MergeInfo: Sendable, Codable {
        public var entity: String
        public var kind: String
        public var actor: String
        public var at: String
        public var reason: String
    }
    public struct RecordInfo: Sendable, Codable {
        public var identifier: String
        public var name: String?
        public var aliases: [String]
        public var dob: String?
        public var details: [String: String]
        public var source: Citation
    }
    public struct RoleInfo: Sendable, Codable {
        public var role: String
        public var source: Citation
    }
    public struct LinkInfo: Sendable, Codable {
        public var id: Int64
        public var type: String
        /// `out` when this entity is the link's `from` end, `in` when it is the `to` end, `both` for undirected links.
        public var direction: String
        public var other: String
        public var otherKind: String
        public var otherLabel: String
        public var time: String?
        public var origin: String
        public var detail: String?
        public var evidence: [Citation]
        /// The link in words, an adult always the actor of an act upon a child
        /// (``Safeguarding/sentence(_:from:to:)``): "Darren Quillfeather gave gifts to Zoë Marblewood".
        public var reads: String
    }
    public struct PeriodInfo: Sendable, Codable {
        public var from: String
        public var to: String?
        public var authority: String?
        public var source: Citation
    }
    public struct EpisodeInfo: Sendable, Codable {
        public var start: String
        public var end: String?
        public var missingFrom: String?
        public var foundAt: String?
        public var foundWith: [String]
        public var source: Citation
    }
    public struct NoticeInfo: Sendable, Codable {
        public var type: String
        public var subject: String
        public var child: String?
        public var premises: String?
        public var issued: String
        public var officer: String?
        public var expires: String?
        public var source: Citation
    }
}

/// Counts of what the store holds.
public struct StoreStats: Sendable, Codable {
    public var items: Int
    public var itemsByAgency: [String: Int]
    public var itemsByGradeSystem: [String: Int]
    public var entities: Int
    public var entitiesByKind: [String: Int]
    public var mergedAway: Int
    public var links: Int
    public var linksByType: [String: Int]
    public var missingEpisodes: Int
    public var notices: Int
    public var lookedAfterPeriods: Int
    public var merges: Int
    public var ingestRuns: Int
    /// People with the child-at-risk role in at least one item.
    public var childrenAtRisk: Int
}

extension EntityDetail {
    /// The entity as seen through a filter: records, roles, periods, episodes and notices whose item
    /// it refuses are left out; a link keeps only the items it accepts, and goes when none is left or
    /// its type is not wanted.
    /// - Complexity: O(facts + links + evidence).
    public func keeping(_ accepts: (Citation) -> Bool, linkTypes: Set<String>? = nil) -> EntityDetail {
        var d = self
        d.records = records.filter { accepts($0.source) }
        d.roles = roles.filter { accepts($0.source) }
        d.lookedAfter = lookedAfter.filter { accepts($0.source) }
        d.missingEpisodes = missingEpisodes.filter { accepts($0.source) }
        d.notices = notices.filter { accepts($0.source) }
        d.links = links.compactMap { l in
            if let linkTypes, !linkTypes.contains(l.type) { return nil }
            var kept = l
            kept.evidence = l.evidence.filter(accepts)
            return kept.evidence.isEmpty ? nil : kept
        }
        return d
    }
}
