/// The canonical records Sightline ingests, validated and normalised. Every record but an item
/// cites the intelligence item(s) behind it.
public enum IntelRecord: Sendable, Equatable {
    case item(IntelItem)
    case entity(EntityRecord)
    case link(LinkRecord)
    case lookedAfter(LookedAfterRecord)
    case missing(MissingEpisodeRecord)
    case notice(NoticeRecord)
    case nonConsent(NonConsentRecord)

    /// The items this record cites (the item's own citation for an item).
    public var citations: [IntelRef] {
        switch self {
        case let .item(i): [i.ref]
        case let .entity(e): [e.item]
        case let .link(l): l.items
        case let .lookedAfter(r): [r.item]
        case let .missing(r): [r.item]
        case let .notice(r): [r.item]
        case let .nonConsent(r): [r.item]
        }
    }
}

/// An intelligence item: who recorded what, when, and how it is graded.
public struct IntelItem: Sendable, Equatable {
    public var ref: IntelRef
    public var recorded: Timestamp
    public var observed: TimeSpec?
    public var grade: Grade
    public var summary: String?

    public init(ref: IntelRef, recorded: Timestamp, observed: TimeSpec?, grade: Grade, summary: String?) {
        self.ref = ref; self.recorded = recorded; self.observed = observed; self.grade = grade; self.summary = summary
    }
}

/// What one item says about one entity: its identifiers and details.
public struct EntityRecord: Sendable, Equatable {
    public var kind: EntityKind
    /// The identifier the record is filed under, then any more it gives (`ids`, a phone's `imei`).
    public var identifiers: [StrongIdentifier]
    public var item: IntelRef
    /// Display name: a person's name, a location's or organisation's name, an account's display name.
    public var name: String?
    public var aliases: [String]
    public var dob: BirthDate?
    public var roles: [Role]
    /// Other details, by canonical field name (make, model, colour, address, postcode, category, lat, lon, nte, orgType).
    public var details: [String: String]

    public init(kind: EntityKind, identifiers: [StrongIdentifier], item: IntelRef, name: String? = nil,
                aliases: [String] = [], dob: BirthDate? = nil, roles: [Role] = [], details: [String: String] = [:]) {
        self.kind = kind; self.identifiers = identifiers; self.item = item; self.name = name
        self.aliases = aliases; self.dob = dob; self.roles = roles; self.details = details
    }

    public var primary: StrongIdentifier { identifiers[0] }
}

/// A link asserted by intelligence between two entities.
public struct LinkRecord: Sendable, Equatable {
    public var type: LinkType
    public var from: StrongIdentifier
    public var to: StrongIdentifier
    public var time: TimeSpec?
    public var items: [IntelRef]
    public var mode: ContactMode?
    public var durationSeconds: Int?
    public var substance: String?

    public init(type: LinkType, from: StrongIdentifier, to: StrongIdentifier, time: TimeSpec?, items: [IntelRef],
                mode: ContactMode? = nil, durationSeconds: Int? = nil, substance: String? = nil) {
        self.type = type; self.from = from; self.to = to; self.time = time; self.items = items
        self.mode = mode; self.durationSeconds = durationSeconds; self.substance = substance
    }
}

/// A period during which a child was looked after by a local authority.
public struct LookedAfterRecord: Sendable, Equatable {
    public var child: StrongIdentifier
    public var from: Timestamp
    public var to: Timestamp?
    public var authority: String?
    public var item: IntelRef

    public init(child: StrongIdentifier, from: Timestamp, to: Timestamp?, authority: String?, item: IntelRef) {
        self.child = child; self.from = from; self.to = to; self.authority = authority; self.item = item
    }
}

/// A missing episode: where the child was reported missing from, and where and with whom they were found.
public struct MissingEpisodeRecord: Sendable, Equatable {
    public var child: StrongIdentifier
    public var start: Timestamp
    public var end: Timestamp?
    public var missingFrom: StrongIdentifier?
    public var foundAt: StrongIdentifier?
    public var foundWith: [StrongIdentifier]
    public var item: IntelRef

    public init(child: StrongIdentifier, start: Timestamp, end: Timestamp?, missingFrom: StrongIdentifier?,
                foundAt: StrongIdentifier?, foundWith: [StrongIdentifier], item: IntelRef) {
        self.child = child; self.start = start; self.end = end; self.missingFrom = missingFrom
        self.foundAt = foundAt; self.foundWith = foundWith; self.item = item
    }
}

/// A notice issued to an adult or premises.
public struct NoticeRecord: Sendable, Equatable {
    public var type: NoticeType
    public var subject: StrongIdentifier
    public var child: StrongIdentifier?
    public var premises: StrongIdentifier?
    public var issued: Timestamp
    public var officer: String?
    public var expires: Timestamp?
    public var item: IntelRef

    public init(type: NoticeType, subject: StrongIdentifier, child: StrongIdentifier?, premises: StrongIdentifier?,
                issued: Timestamp, officer: String?, expires: Timestamp?, item: IntelRef) {
        self.type = type; self.subject = subject; self.child = child; self.premises = premises
        self.issued = issued; self.officer = officer; self.expires = expires; self.item = item
    }
}

/// A parent's, carer's or local authority's recorded non-consent to an adult's association with a
/// child (a legal term: what a Child Abduction Warning Notice rests on). Without `adult`, it covers
/// any adult without parental responsibility.
public struct NonConsentRecord: Sendable, Equatable {
    public var child: StrongIdentifier
    public var adult: StrongIdentifier?
    public var by: ConsentAuthority
    public var item: IntelRef

    public init(child: StrongIdentifier, adult: StrongIdentifier?, by: ConsentAuthority, item: IntelRef) {
        self.child = child; self.adult = adult; self.by = by; self.item = item
    }
}

extension EntityRecord {
    /// What people read for this entity: a person's or place's name, a registration with the
    /// vehicle's description, a number, a handle with its display name.
    public var displayLabel: String {
        switch kind {
        case .person, .organisation:
            return name ?? primary.displayLabel
        case .location:
            return name ?? details["address"] ?? primary.displayLabel
        case .vehicle:
            let description = ["colour", "make", "model"].compactMap { details[$0] }.joined(separator: " ")
            return description.isEmpty ? primary.value : "\(primary.value) (\(description))"
        case .account:
            return name.map { "\(primary.value) (\($0))" } ?? primary.value
        case .phone:
            return primary.value
        }
    }
}

extension StrongIdentifier {
    /// A label for an entity known only by this identifier: the value, without the scheme, except
    /// for source-system IDs, which keep it (`person:niche/PN-1001`).
    public var displayLabel: String {
        switch scheme {
        case .phone, .vehicle, .account: value
        case .imei: "IMEI " + value
        case .person, .location, .org: description
        }
    }
}
