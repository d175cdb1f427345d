/// The agencies whose intelligence Sightline joins.
public enum Agency: String, CaseIterable, Sendable, Codable {
    case police, socialCare = "social_care", health, education, voluntary, licensing, housing, other

    /// A name for people to read.
    public var title: String {
        switch self {
        case .police: "Police"
        case .socialCare: "Children's social care"
        case .health: "Health"
        case .education: "Education"
        case .voluntary: "Voluntary sector"
        case .licensing: "Licensing"
        case .housing: "Housing"
        case .other: "Other"
        }
    }
}

/// The kinds of entity in the network.
public enum EntityKind: String, CaseIterable, Sendable, Codable {
    case person, vehicle, phone, account, location, organisation
}

/// A role a person holds according to one intelligence item. A person can hold several.
public enum Role: String, CaseIterable, Sendable, Codable {
    case suspect
    case childAtRisk = "child_at_risk"
    case harbourer
    case associate
    case parentOrCarer = "parent_or_carer"
    case witness
    case professional

    public var title: String {
        switch self {
        case .suspect: "suspect"
        case .childAtRisk: "child at risk"
        case .harbourer: "harbourer"
        case .associate: "associate"
        case .parentOrCarer: "parent or carer"
        case .witness: "witness"
        case .professional: "professional"
        }
    }
}

/// What kind of place a location is.
public enum LocationCategory: String, CaseIterable, Sendable, Codable {
    case hotel, bnb, takeaway
    case licensedPremises = "licensed_premises"
    case taxiFirm = "taxi_firm"
    case taxiRank = "taxi_rank"
    case shishaLounge = "shisha_lounge"
    case park
    case shoppingCentre = "shopping_centre"
    case school
    case childrensHome = "childrens_home"
    case residential, other

    /// Whether premises of this category belong to the night-time economy by default.
    public var isNightTimeEconomy: Bool {
        switch self {
        case .hotel, .bnb, .takeaway, .licensedPremises, .taxiFirm, .taxiRank, .shishaLounge: true
        default: false
        }
    }

    public var title: String {
        switch self {
        case .bnb: "B&B"
        case .licensedPremises: "licensed premises"
        case .taxiFirm: "taxi or private-hire firm"
        case .taxiRank: "taxi rank"
        case .shishaLounge: "shisha lounge"
        case .shoppingCentre: "shopping centre"
        case .childrensHome: "children's home"
        case .residential: "residential address"
        default: rawValue
        }
    }
}

/// What kind of organisation an organisation is.
public enum OrganisationType: String, CaseIterable, Sendable, Codable {
    case business
    case taxiFirm = "taxi_firm"
    case hotelGroup = "hotel_group"
    case other
}

/// The notices police and partners issue to disrupt exploitation.
public enum NoticeType: String, CaseIterable, Sendable, Codable {
    /// Child Abduction Warning Notice (Child Abduction Act 1984 s.2; Children Act 1989 s.49).
    case cawn
    case harbourerWarning = "harbourer_warning"
    /// Hotel guest-information notice, Anti-social Behaviour, Crime and Policing Act 2014 s.116.
    case hotelNotice = "hotel_notice"
    /// A preventative visit made to premises or an adult.
    case visit
    /// A marker set on a vehicle or phone (number-plate readers, the police national computer).
    case marker
    case other

    public var title: String {
        switch self {
        case .cawn: "Child Abduction Warning Notice"
        case .harbourerWarning: "harbourer warning"
        case .hotelNotice: "hotel notice (ASBCPA 2014 s.116)"
        case .visit: "preventative visit"
        case .marker: "marker"
        case .other: "other notice"
        }
    }
}

/// Who recorded that they do not consent to an adult's association with a child: what a Child
/// Abduction Warning Notice needs (a parent or carer for a child under 16; the local authority for a
/// looked-after child).
public enum ConsentAuthority: String, CaseIterable, Sendable, Codable {
    case parent
    case carer
    case localAuthority = "local_authority"

    /// In words, as a sentence's subject: `the parent`, `the local authority`.
    public var title: String {
        switch self {
        case .parent: "the parent"
        case .carer: "the carer"
        case .localAuthority: "the local authority"
        }
    }
}

/// How a `contacted` link was made.
public enum ContactMode: String, CaseIterable, Sendable, Codable {
    case call, sms, message, video, other
}

/// Whether a link was asserted by intelligence or inferred by Sightline. Inferred links are never
/// mixed with asserted ones: they are stored and drawn apart.
public enum LinkOrigin: String, Sendable, Codable {
    case asserted, inferred
}
