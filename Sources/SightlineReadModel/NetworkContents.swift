import SightlineModel

/// An entity as the network sees it: its surviving ID, kind, label and roles, and the facts the
/// safeguarding rules decide by (every recorded date of birth and every role with its item, and a
/// place's category), unfiltered, so that no filter can hide that someone is a child.
public struct NetworkEntity: Sendable, Codable, Hashable {
    public var id: EntityID
    public var kind: EntityKind
    public var label: String
    /// Roles recorded for the entity by any item (a person can hold several), for display. Who is a
    /// child, an adult of concern or held for review is decided by `Safeguarding`, never from this.
    public var roles: [Role]
    /// Every role with the item that records it, oldest first.
    public var roleRecords: [Dated<Role>]
    /// Every date of birth recorded, with its item (several when agencies disagree).
    public var birthDates: [Dated<BirthDateText>]
    /// A place's category, from the most recent record that gives one.
    public var category: String?

    public init(id: EntityID, kind: EntityKind, label: String, roles: [Role],
                roleRecords: [Dated<Role>] = [], birthDates: [Dated<BirthDateText>] = [], category: String? = nil) {
        self.id = id; self.kind = kind; self.label = label; self.roles = roles
        self.roleRecords = roleRecords; self.birthDates = birthDates; self.category = category
    }

    public static func == (a: Self, b: Self) -> Bool { a.id == b.id && a.kind == b.kind && a.label == b.label && a.roles == b.roles }
    public func hash(into h: inout Hasher) { h.combine(id) }
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
