/// The type of a link between two entities, with the kinds each end may be.
public enum LinkType: String, CaseIterable, Sendable, Codable {
    case associatesWith = "associates_with"
    case seenWith = "seen_with"
    case foundWith = "found_with"
    case travelledIn = "travelled_in"
    case driverOf = "driver_of"
    case keeperOf = "keeper_of"
    case usesPhone = "uses_phone"
    case contacted
    case gavePhoneTo = "gave_phone_to"
    case gaveGiftsTo = "gave_gifts_to"
    case atLocation = "at_location"
    case foundAt = "found_at"
    case frequents
    case residesAt = "resides_at"
    case worksAt = "works_at"
    case harbours
    case onlineContact = "online_contact"
    case supplies
    case usesAccount = "uses_account"
    case operates
    case parentOf = "parent_of"
    case carerOf = "carer_of"
    case siblingOf = "sibling_of"
    case relativeOf = "relative_of"

    /// Whether the link reads one way (`driver_of`) or both ways (`associates_with`).
    public var isDirected: Bool {
        switch self {
        case .associatesWith, .seenWith, .foundWith, .onlineContact, .siblingOf, .relativeOf: false
        default: true
        }
    }

    /// Whether the link records a family or caring relationship (which can make an association lawful).
    public var isFamily: Bool {
        switch self {
        case .parentOf, .carerOf, .siblingOf, .relativeOf: true
        default: false
        }
    }

    /// The entity kinds allowed at the `from` end.
    public var fromKinds: Set<EntityKind> {
        switch self {
        case .keeperOf: [.person, .organisation]
        case .contacted: [.phone, .account, .person]
        case .atLocation: Set(EntityKind.allCases)
        case .frequents: [.person, .vehicle]
        case .onlineContact: [.person, .account]
        case .operates: [.organisation]
        default: [.person]
        }
    }

    /// The entity kinds allowed at the `to` end.
    public var toKinds: Set<EntityKind> {
        switch self {
        case .travelledIn, .driverOf, .keeperOf: [.vehicle]
        case .usesPhone: [.phone]
        case .contacted: [.phone, .account, .person]
        case .gavePhoneTo: [.person, .phone]
        case .atLocation, .foundAt, .frequents, .residesAt: [.location]
        case .worksAt: [.location, .organisation]
        case .onlineContact: [.person, .account]
        case .usesAccount: [.account]
        case .operates: [.location, .vehicle]
        default: [.person]
        }
    }

    /// Words for people: "travelled in", "found during a missing episode with".
    public var phrase: String {
        switch self {
        case .foundWith: "found during a missing episode with"
        case .foundAt: "found during a missing episode at"
        case .contacted: "contacted"
        case .supplies: "supplied drugs or alcohol to"
        case .gavePhoneTo: "gave a phone to"
        case .gaveGiftsTo: "gave gifts to"
        case .atLocation: "at"
        default: rawValue.replacingUnderscores()
        }
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
