import SightlineModel
import SightlineNetwork
import SightlineReadModel
import SightlineSafeguarding

/// What every list reads: the store's contents as known on the as-of date (and through the same
/// filters as the network: agencies, handling codes, minimum grade), the network built from them,
/// and indexes by entity. Built once per command; every list is a pure function of it.
public struct ProductData: Sendable {
    /// The contents, with facts whose items fail the filter left out.
    public let contents: ProductContents
    /// The network of the kept links, weighted as `analyse` weighs it.
    public let snapshot: NetworkSnapshot
    /// The date lists are computed for: the as-of date, or the newest item's date.
    public let reference: Timestamp
    public let filter: NetworkFilter
    /// Who is a child, an adult of concern or held for review on the date in question (`--as-of`, or
    /// the run day): the snapshot's rules, which every list asks.
    public var safeguarding: Safeguarding { snapshot.safeguarding }

    public let entityByID: [EntityID: NetworkEntity]
    /// The kept links touching each entity (both ends), in link ID order.
    public let linksOf: [EntityID: [NetworkLink]]
    public let episodesOf: [EntityID: [MissingEpisode]]
    public let carePeriodsOf: [EntityID: [CarePeriod]]
    /// Notices by each entity they name (subject, child or premises).
    public let noticesNaming: [EntityID: [IssuedNotice]]
    public let nonConsentsFor: [EntityID: [NonConsent]]
    /// How items weigh in every list's counts, and which rows rest on too little to be ranked
    /// (``EvidenceStrength``), measured to ``reference``.
    public var strength: EvidenceStrength

    /// - Parameters:
    ///   - contents: from ``SightlineStore/productContents()``.
    ///   - filter: which items count (its `asOf` also sets ``reference``).
    ///   - weighting: link strengths for the network, given ``reference`` (nil: grade, recency and
    ///     corroboration, as `analyse` uses by default, measured from it).
    ///   - day: the date in question for who is a child (nil: `filter.asOf`, else the run day).
    /// - Complexity: O(entities + links + evidence + facts).
    public init(_ contents: ProductContents, filter: NetworkFilter = NetworkFilter(),
                weighting: ((Timestamp) -> EvidenceWeighting)? = nil, on day: Timestamp? = nil) {
        let accepts = filter.accepts
        var c = contents
        if !filter.keepsEverything {
            c.episodes = contents.episodes.filter { accepts($0.source) }
            c.carePeriods = contents.carePeriods.filter { accepts($0.source) }
            c.notices = contents.notices.filter { accepts($0.source) }
            c.nonConsents = contents.nonConsents.filter { accepts($0.source) }
            for (id, f) in contents.facts where !f.birthDates.allSatisfy({ accepts($0.source) }) {
                var kept = f
                kept.birthDates = f.birthDates.filter { accepts($0.source) }
                c.facts[id] = kept
            }
            c.links = contents.links.compactMap(filter.apply)
        } else if contents.links.contains(where: { $0.evidence.isEmpty }) {
            // A link whose every item was withdrawn by a re-ingest rests on nothing.
            c.links = contents.links.filter { !$0.evidence.isEmpty }
        }
        self.filter = filter
        self.contents = c

        var newest: Day? = nil
        for l in contents.links { for e in l.evidence where newest.map({ e.recorded > $0 }) ?? true { newest = e.recorded } }
        reference = filter.asOf ?? newest?.timestamp ?? Timestamp(dayNumber: 0)
        // The snapshot gets the already-filtered links; its own filter has nothing left to drop.
        snapshot = NetworkSnapshot(entities: contents.entities, links: c.links,
                                   weighting: weighting?(reference) ?? EvidenceWeighting(reference: reference), on: day ?? filter.asOf)

        var byID: [EntityID: NetworkEntity] = [:]
        for e in contents.entities { byID[e.id] = e }
        entityByID = byID
        var linksOf: [EntityID: [NetworkLink]] = [:]
        for l in c.links {
            linksOf[l.source, default: []].append(l)
            if l.target != l.source { linksOf[l.target, default: []].append(l) }
        }
        self.linksOf = linksOf
        episodesOf = Dictionary(grouping: c.episodes, by: \.child)
        carePeriodsOf = Dictionary(grouping: c.carePeriods, by: \.child)
        var naming: [EntityID: [IssuedNotice]] = [:]
        for n in c.notices {
            for id in Set([n.subject] + [n.child, n.premises].compactMap { $0 }) { naming[id, default: []].append(n) }
        }
        noticesNaming = naming
        nonConsentsFor = Dictionary(grouping: c.nonConsents, by: \.child)
        strength = EvidenceStrength()
        strength.reference = reference
    }

    public func entity(_ id: EntityID) -> NetworkEntity? { entityByID[id] }

    /// Whether the person is a child (``Safeguarding``): never ranked, never a candidate and never a
    /// perpetrator, whatever else is recorded.
    public func isChild(_ id: EntityID) -> Bool { safeguarding.isChild(id) }

    /// An adult recorded as a suspect or harbourer while an adult (``Safeguarding/isAdultOfConcern(_:)``).
    public func isAdultOfConcern(_ id: EntityID) -> Bool {
        entityByID[id]?.kind == .person && safeguarding.isAdultOfConcern(id)
    }

    /// Whether the person was certainly an adult when a link was recorded as happening (its time, or
    /// when untimed the first item's recorded date): what a person did or was linked to while under
    /// 18 never counts toward ranking them as an adult.
    public func wasAdult(_ id: EntityID, during l: NetworkLink) -> Bool {
        safeguarding.wasAdult(id, at: l.time ?? l.evidence.map(\.recorded).min()?.text)
    }

    /// A child now, or a child when the link happened: on that link the person counts as a child.
    public func isChild(_ id: EntityID, during l: NetworkLink) -> Bool {
        isChild(id) || (entityByID[id]?.kind == .person && !wasAdult(id, during: l))
    }

    /// An adult of concern who was an adult when the link happened.
    public func isAdultOfConcern(_ id: EntityID, during l: NetworkLink) -> Bool {
        isAdultOfConcern(id) && wasAdult(id, during: l)
    }

    /// An adult of concern who was an adult on a missing episode's start.
    public func isAdultOfConcern(_ id: EntityID, during e: MissingEpisode) -> Bool {
        isAdultOfConcern(id) && safeguarding.wasAdult(id, on: e.start)
    }

    /// Whether the entity may be a row of a ranked list (not a child, not held for review).
    public func mayBeRanked(_ id: EntityID) -> Bool { safeguarding.mayBeRanked(id) }

    /// What the entity is called: its label as the disclosure gate left it (a child is `Child C-14`
    /// unless the request names them; the gate's ``Screen`` is the one place that decides).
    public func name(_ id: EntityID) -> String { entityByID[id]?.label ?? id.description }

    /// The other end of a link from `id`.
    public static func other(_ l: NetworkLink, from id: EntityID) -> EntityID { l.source == id ? l.target : l.source }
}

/// Citations without repeats, oldest first (then by agency and reference): the evidence column of
/// every row.
public func distinctEvidence(_ citations: some Sequence<Citation>) -> [Citation] {
    var seen = Set<IntelRef>()
    var out: [Citation] = []
    for c in citations where seen.insert(c.ref).inserted { out.append(c) }
    return out.sorted { ($0.recorded, $0.agency.rawValue, $0.reference) < ($1.recorded, $1.agency.rawValue, $1.reference) }
}

/// A row of a list: what `--since` and the evidence checks need of it.
public protocol EvidencedRow {
    /// Every item behind the row.
    var evidence: [Citation] { get }
}

extension Sequence where Element: EvidencedRow {
    /// Only rows that are new or changed since a day: some item behind them was recorded after it,
    /// or first ingested after it (`ingested`, by item).
    public func newOrChanged(since day: Day, ingested: IngestedDays) -> [Element] {
        let ingested = ingested.all
        return filter { row in
            row.evidence.contains { $0.recorded > day || ingested[$0.ref].map { $0 > day } ?? false }
        }
    }
}
