import SightlineModel

/// What `sightline missing brief` reads about one child at risk: the child's own records, missing
/// episodes, care periods and links; the people linked to the child (with the links that say where
/// they live, what they drive, which phones they use and where they are seen); and the details of
/// every place mentioned. Everything is folded onto surviving entities and carries its item.
public struct MissingBriefContents: Sendable {
    /// The child (surviving entity), with the roles recorded for them.
    public var child: NetworkEntity
    /// The child's identifiers (`person:lccs/C-2201`), sorted.
    public var identifiers: [String]
    public var birthDates: [Dated<BirthDateText>]
    public var episodes: [MissingEpisode]
    public var carePeriods: [CarePeriod]
    /// Every link touching the child.
    public var childLinks: [NetworkLink]
    /// For each person linked to the child (or found with them) who is not a child at risk: their
    /// links of the kinds a search uses (``SightlineStore/adultLinkTypes``).
    public var adultLinks: [EntityID: [NetworkLink]]
    /// Every entity mentioned above, with its roles.
    public var entities: [EntityID: NetworkEntity]
    /// Place details (category, postcode, address) of every location mentioned.
    public var facts: [EntityID: EntityFacts]

    public init(child: NetworkEntity, identifiers: [String], birthDates: [Dated<BirthDateText>], episodes: [MissingEpisode],
                carePeriods: [CarePeriod], childLinks: [NetworkLink], adultLinks: [EntityID: [NetworkLink]],
                entities: [EntityID: NetworkEntity], facts: [EntityID: EntityFacts]) {
        self.child = child; self.identifiers = identifiers; self.birthDates = birthDates; self.episodes = episodes
        self.carePeriods = carePeriods; self.childLinks = childLinks; self.adultLinks = adultLinks
        self.entities = entities; self.facts = facts
    }
}
