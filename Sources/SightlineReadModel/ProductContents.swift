import SightlineModel

/// What the products (disruption lists, notice candidates, missing briefs) read beyond the network:
/// dates of birth, place details, missing episodes, care periods, notices and non-consents, every one
/// with the item behind it and folded onto surviving entities.
public struct ProductContents: Sendable {
    public var entities: [NetworkEntity]
    public var links: [NetworkLink]
    /// Per entity: its dates of birth and place details, from every record.
    public var facts: [EntityID: EntityFacts]
    public var episodes: [MissingEpisode]
    public var carePeriods: [CarePeriod]
    public var notices: [IssuedNotice]
    public var nonConsents: [NonConsent]
    /// The day each item was first ingested (``IngestedDays``).
    public var ingested: IngestedDays

    public init(entities: [NetworkEntity], links: [NetworkLink], facts: [EntityID: EntityFacts], episodes: [MissingEpisode],
                carePeriods: [CarePeriod], notices: [IssuedNotice], nonConsents: [NonConsent], ingested: IngestedDays) {
        self.entities = entities; self.links = links; self.facts = facts; self.episodes = episodes
        self.carePeriods = carePeriods; self.notices = notices; self.nonConsents = nonConsents; self.ingested = ingested
    }
}

/// An entity's dates of birth and, for places, the details lists filter and explain by.
public struct EntityFacts: Sendable, Codable, Equatable {
    /// Every date of birth recorded, with its item (several when agencies disagree).
    public var birthDates: [Dated<BirthDateText>] = []
    /// Place details from the most recent record that gives each: category, postcode, address, nte.
    public var category: String?
    public var postcode: String?
    public var address: String?
    /// Whether the place is in the night-time economy (recorded, or defaulted from the category).
    public var nightTimeEconomy: Bool?

    public init() {}
}

/// A date of birth as recorded (`1989-05-12`, `2010-07`, `~2009`).
public struct BirthDateText: Sendable, Codable, Equatable, Hashable {
    public var text: String
    public init(_ text: String) { self.text = text }
    /// The parsed date (nil only for text the ingest rules would have refused).
    public var value: BirthDate? { try? BirthDate(parsing: text) }
}

/// A value with the item that records it.
public struct Dated<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    public var value: Value
    public var source: Citation
    public init(_ value: Value, source: Citation) { self.value = value; self.source = source }
}

public struct MissingEpisode: Sendable, Codable, Equatable {
    public var id: Int64
    public var child: EntityID
    /// When the child went missing and was found: moments, as ingest reads them (a date alone is
    /// its midnight) and the store keeps them. Encoded as the store's text, `2023-01-07T22:30:00`.
    public var start: Timestamp
    public var end: Timestamp?
    public var missingFrom: EntityID?
    public var foundAt: EntityID?
    public var foundWith: [EntityID]
    public var source: Citation

    public init(id: Int64, child: EntityID, start: Timestamp, end: Timestamp?, missingFrom: EntityID?, foundAt: EntityID?,
                foundWith: [EntityID], source: Citation) {
        self.id = id; self.child = child; self.start = start; self.end = end; self.missingFrom = missingFrom
        self.foundAt = foundAt; self.foundWith = foundWith; self.source = source
    }

    /// The day the episode started.
    public var startDay: Day { Day(start) }
    /// The day it ended, or (with no end recorded) started.
    public var lastDay: Day { Day(end ?? start) }

    /// Reads an episode's time as the store keeps it (`2023-01-07T22:30:00`), or any one moment or
    /// date ingest accepts; nil for an approximate time, a period or anything else.
    public static func time(_ text: String) -> Timestamp? {
        guard let t = try? TimeSpec(parsing: text), !t.isPeriod, !t.isApproximate else { return nil }
        return t.start
    }

    enum CodingKeys: String, CodingKey { case id, child, start, end, missingFrom, foundAt, foundWith, source }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func time(_ key: CodingKeys, _ text: String) throws -> Timestamp {
            guard let t = Self.time(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "expected a time like 2023-01-07T22:30:00 (got \"\(text)\")")
            }
            return t
        }
        id = try c.decode(Int64.self, forKey: .id)
        child = try c.decode(EntityID.self, forKey: .child)
        start = try time(.start, try c.decode(String.self, forKey: .start))
        end = try c.decodeIfPresent(String.self, forKey: .end).map { try time(.end, $0) }
        missingFrom = try c.decodeIfPresent(EntityID.self, forKey: .missingFrom)
        foundAt = try c.decodeIfPresent(EntityID.self, forKey: .foundAt)
        foundWith = try c.decode([EntityID].self, forKey: .foundWith)
        source = try c.decode(Citation.self, forKey: .source)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(child, forKey: .child)
        try c.encode(start.isoText, forKey: .start)
        try c.encodeIfPresent(end?.isoText, forKey: .end)
        try c.encodeIfPresent(missingFrom, forKey: .missingFrom)
        try c.encodeIfPresent(foundAt, forKey: .foundAt)
        try c.encode(foundWith, forKey: .foundWith)
        try c.encode(source, forKey: .source)
    }
}

public struct CarePeriod: Sendable, Codable, Equatable {
    public var child: EntityID
    /// The first and last day; `end` nil while the period runs. Encoded `YYYY-MM-DD`.
    public var start: Day
    public var end: Day?
    public var authority: String?
    public var source: Citation

    public init(child: EntityID, start: Day, end: Day?, authority: String?, source: Citation) {
        self.child = child; self.start = start; self.end = end; self.authority = authority; self.source = source
    }
}

public struct IssuedNotice: Sendable, Codable, Equatable {
    public var type: NoticeType
    public var subject: EntityID
    public var child: EntityID?
    public var premises: EntityID?
    /// The day issued and the day it expires. Encoded `YYYY-MM-DD`.
    public var issued: Day
    public var expires: Day?
    public var officer: String?
    public var source: Citation

    public init(type: NoticeType, subject: EntityID, child: EntityID?, premises: EntityID?, issued: Day, expires: Day?,
                officer: String?, source: Citation) {
        self.type = type; self.subject = subject; self.child = child; self.premises = premises
        self.issued = issued; self.expires = expires; self.officer = officer; self.source = source
    }
}

public struct NonConsent: Sendable, Codable, Equatable {
    public var child: EntityID
    /// nil: any adult without parental responsibility.
    public var adult: EntityID?
    public var by: ConsentAuthority
    public var source: Citation

    public init(child: EntityID, adult: EntityID?, by: ConsentAuthority, source: Citation) {
        self.child = child; self.adult = adult; self.by = by; self.source = source
    }
}
