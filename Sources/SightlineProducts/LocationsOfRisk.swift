import SightlineModel
import SightlineNetwork
import SightlineReadModel
import SightlineSafeguarding

/// A person counted on a row of a disruption list, with how they are linked to the row's subject.
/// Children at risk appear only here (never as rows), and under a pseudonym unless names were asked for.
public struct LinkedPerson: Codable, Sendable, Equatable {
    /// `E12`.
    public var entity: String
    /// The label as the disclosure gate left it (`Child C-12` for a child the request does not name).
    public var name: String
    /// How the person is linked: `found there after a missing episode (2)`, `seen there`.
    public var how: [String]

    /// `Child C-12 (seen there; found there after a missing episode (2))`.
    public var text: String { how.isEmpty ? name : "\(name) (\(how.joined(separator: "; ")))" }
}

/// One row of `sightline disrupt locations`: a place, ranked by the exposure of children there.
public struct LocationOfRisk: RankableRow, Codable, Sendable, Equatable {
    /// 1 first; nil on a row that needs corroboration (never ranked).
    public var rank: Int?
    /// `E17`.
    public var entity: String
    public var name: String
    /// The place's category (`hotel`), as recorded; nil when none is.
    public var category: String?
    public var postcode: String?
    public var address: String?
    public var nightTimeEconomy: Bool
    /// The sum of ``parts``.
    public var score: Double
    public var parts: [ScorePart]
    /// Children at risk linked to the place (seen there, found there, taken there), in entity order.
    public var children: [LinkedPerson]
    /// Adults of concern (suspects, harbourers) linked to the place, in entity order.
    public var suspects: [LinkedPerson]
    /// Occasions when a child and an adult of concern were recorded there within the window, and how many fell in the night window.
    public var occasions: Int
    public var nightOccasions: Int
    /// The newest item's recorded date.
    public var latest: String
    public var agencies: [String]
    /// Notices already recorded for the premises (or for an organisation that operates it).
    public var notices: [String]
    public var tactics: [Tactic]
    public var evidence: [Citation]
    /// On a row that rests on weak intelligence only (``EvidenceStrength``): what would corroborate it.
    public var needsCorroboration: String?

    /// The entity, parsed back from ``entity``.
    public var id: EntityID { EntityID(parsing: entity) ?? EntityID(0) }
}

/// `sightline disrupt locations`: places ranked by the exposure of children there.
///
/// What counts, for a place P (a `location` entity):
/// - **children**: distinct children at risk with an `at_location` or `found_at` link to P, found at
///   P at the end of a missing episode, or *taken there*: the child `travelled_in` a vehicle that
///   was recorded at P (`at_location`, `frequents`) with the two times at most the window apart. A
///   child's own home (`resides_at`) is not exposure and does not count.
/// - **suspects**: distinct adults of concern (a suspect or harbourer role, never a child at risk)
///   with an `at_location`, `frequents`, `resides_at` or `works_at` link to P, or found at P with a
///   child on a missing episode.
/// - **occasions**: a child's timed presence at P (`at_location`, `found_at`) with an adult of
///   concern's presence there (`at_location`; not `frequents`, which says an adult is often there
///   over a period, not when) at most the window apart
///   (``CoPresence/find(entities:links:windowSeconds:hubKinds:)``), or a missing episode ending
///   with the child found at P with an adult of concern; one occasion per child and moment.
/// - **night occasions**: occasions whose child presence has a time of day inside the night
///   window (``NightWindow``); a presence recorded to the day only is never night-time.
/// - **recency**: 2^(-age / half-life) of the newest item behind the row, age measured to the
///   list's reference date (`--as-of`, or the newest item in the store).
/// - **grade**: the share of the row's items graded 1-2 and A-B (legacy grades through
///   ``NetworkFilter/evaluation(of:)``).
/// - **corroboration**: the number of distinct agencies among the row's items.
///
/// Score = Σ value × weight (``DisruptionWeights/Locations``). Only places with at least one child
/// counted are listed, except places that protect children (``Safeguarding/isProtectivePlace(_:)``:
/// schools, children's homes), listed only where at least one adult of concern is recorded; the children living
/// at such a place count as its children, and its tactics are protective only (``Tactics``). Order: score (highest first), then children, then entity ID.
public enum LocationsOfRisk {
    public struct Options: Sendable {
        public var weights = DisruptionWeights.Locations()
        /// Only these categories (nil: all).
        public var categories: Set<LocationCategory>?
        /// Only night-time-economy places (recorded `nte`, or defaulted from the category).
        public var nightTimeEconomyOnly = false
        /// Only postcodes starting with this (case and spaces ignored).
        public var area: String?
        public init() {}
    }

    /// The ranked rows only (``list(_:options:)``'s `ranked`).
    public static func rank(_ data: ProductData, options: Options = Options()) -> [LocationOfRisk] {
        list(data, options: options).ranked
    }

    /// The list: ranked rows, and rows that rest on weak intelligence only, apart and unranked.
    /// - Complexity: O(L + P log P + R) for L links, P timed presences at places and R presence pairs
    ///   within the window (``CoPresence``), plus O(rows log rows) to sort.
    public static func list(_ data: ProductData, options: Options = Options()) -> RankedList<LocationOfRisk> {
        let w = options.weights
        let window = Int(w.windowHours * 3600)
        let night = NightWindow(start: w.nightStart, end: w.nightEnd)
        var acc: [EntityID: Accumulator] = [:]
        let strength = data.strength
        func isPlace(_ id: EntityID) -> Bool { data.entity(id)?.kind == .location }

        // Vehicles recorded at places, for "taken there".
        var vehicleAt: [EntityID: [(place: EntityID, start: Int, end: Int, link: NetworkLink)]] = [:]
        for l in data.contents.links where (l.type == .atLocation || l.type == .frequents) && isPlace(l.target)
            && data.entity(l.source)?.kind == .vehicle {
            if let span = l.time.flatMap({ try? TimeSpec(parsing: $0) }) {
                vehicleAt[l.source, default: []].append((l.target, span.start.secondsSinceEpoch, span.end.secondsSinceEpoch, l))
            }
        }

        // The found_at links a missing record stores are told as the episode, not twice.
        var episodeItems = Set<String>()
        for ep in data.contents.episodes { if let p = ep.foundAt { episodeItems.insert("\(ep.child) \(p) \(ep.source.ref)") } }
        func fromEpisode(_ l: NetworkLink) -> Bool {
            l.type == .foundAt && l.evidence.allSatisfy { episodeItems.contains("\(l.source) \(l.target) \($0.ref)") }
        }

        for l in data.contents.links {
            let (from, to) = (l.source, l.target)
            switch l.type {
            case .atLocation, .foundAt:
                guard isPlace(to) else { continue }
                if data.isChild(from, during: l) {
                    if fromEpisode(l) { acc[to, default: Accumulator()].evidence += l.evidence; continue }
                    acc[to, default: Accumulator()].child(from, l.type == .foundAt ? "found there" : "seen there", l.evidence)
                } else if l.type == .atLocation && data.isAdultOfConcern(from, during: l) {
                    acc[to, default: Accumulator()].suspect(from, "seen there", l.evidence)
                }
            case .frequents, .residesAt, .worksAt:
                guard isPlace(to) else { continue }
                // The children living at a place that protects them (a children's home) are exposed
                // to the adults of concern who gather there.
                if l.type == .residesAt, data.isChild(from), Safeguarding.isProtectivePlace(data.entity(to)?.category) {
                    acc[to, default: Accumulator()].child(from, "lives there", l.evidence)
                    continue
                }
                guard data.isAdultOfConcern(from, during: l) else { continue }
                let how = l.type == .frequents ? "frequents" : l.type == .residesAt ? "lives there" : "works there"
                acc[to, default: Accumulator()].suspect(from, how, l.evidence)
            case .travelledIn:
                guard data.isChild(from, during: l), let span = l.time.flatMap({ try? TimeSpec(parsing: $0) }) else { continue }
                let (s, e) = (span.start.secondsSinceEpoch, span.end.secondsSinceEpoch)
                for v in vehicleAt[to] ?? [] where v.start <= e + window && s <= v.end + window {
                    let reg = data.entity(to)?.label ?? to.description
                    // Two facts in a chain (the child in the vehicle, the vehicle at the place): the
                    // weaker is weighed, the other shown as context.
                    let weaker = strength.support(l.evidence) <= strength.support(v.link.evidence)
                    acc[v.place, default: Accumulator()].child(from, "taken there in \(reg)", weaker ? l.evidence : v.link.evidence,
                                                               context: weaker ? v.link.evidence : l.evidence)
                }
            default: continue
            }
        }
        for ep in data.contents.episodes {
            guard let place = ep.foundAt, isPlace(place), data.isChild(ep.child) else { continue }
            acc[place, default: Accumulator()].child(ep.child, "found there after a missing episode", [ep.source])
            let adults = ep.foundWith.filter { data.isAdultOfConcern($0, during: ep) }
            for a in adults { acc[place, default: Accumulator()].suspect(a, "found there with a child", [ep.source]) }
            if !adults.isEmpty {
                acc[place, default: Accumulator()].occasion(child: ep.child, time: (ep.end ?? ep.start).isoText, evidence: [ep.source])
            }
        }
        // Co-presence of a child and an adult of concern at a place. `frequents` is left out: it
        // says an adult is often there over a period, not that they were there with the child.
        let presence = data.contents.links.filter { l in
            (l.type == .atLocation || l.type == .foundAt) && isPlace(l.target)
                && (data.isChild(l.source, during: l) || data.isAdultOfConcern(l.source, during: l))
        }
        for (hub, occasions) in childOccasions(data, links: presence, windowSeconds: window, hubKinds: [.location]) {
            for o in occasions { acc[hub, default: Accumulator()].occasion(child: o.child, time: o.time, evidence: o.evidence) }
        }

        let areaKey = options.area.map(normalisedPostcode)
        let weighting: EvidenceWeighting = {
            var x = EvidenceWeighting(reference: data.reference)
            x.useGrade = false; x.useCorroboration = false; x.halfLifeDays = w.recencyHalfLifeDays
            return x
        }()
        var rows: [LocationOfRisk] = []
        for (place, a) in acc {
            guard let entity = data.entity(place) else { continue }
            // A place that protects children is listed when adults of concern gather there (with
            // protective tactics only); any other place when a child is counted.
            guard Safeguarding.isProtectivePlace(entity.category) ? !a.suspects.isEmpty : !a.children.isEmpty else { continue }
            let facts = data.contents.facts[place]
            let category = facts?.category.flatMap(LocationCategory.init(rawValue:))
            let nte = facts?.nightTimeEconomy ?? category?.isNightTimeEconomy ?? false
            if let wanted = options.categories, !(category.map(wanted.contains) ?? false) { continue }
            if options.nightTimeEconomyOnly && !nte { continue }
            if let areaKey, !normalisedPostcode(facts?.postcode ?? "").hasPrefix(areaKey) { continue }

            let evidence = distinctEvidence(a.evidence)
            let latestDay = evidence.map(\.recorded).max()
            let latest = latestDay?.text ?? ""
            let newest = evidence.first { $0.recorded == latestDay }
            let agencies = Set(evidence.map(\.agency.rawValue)).sorted()
            let strong = evidence.filter(isStrongGrade).count
            let nightOccasions = a.occasions.filter { night?.contains(time: $0.key.time) ?? false }
            let nightCount = nightOccasions.count
            let parts = [
                ScorePart("children", counting: a.childItems, weight: w.children, strength),
                ScorePart("suspects", counting: a.suspectItems, weight: w.suspects, strength),
                ScorePart("occasions", counting: a.occasions, weight: w.occasions, strength),
                ScorePart("night occasions", counting: nightOccasions, weight: w.nightOccasions, strength),
                ScorePart("recency", value: rounded(newest.map(weighting.itemWeight) ?? 0), weight: w.recency),
                ScorePart("grade 1-2/A-B share", value: rounded(evidence.isEmpty ? 0 : Double(strong) / Double(evidence.count)), weight: w.grade),
                ScorePart("agencies", counting: Dictionary(grouping: evidence, by: \.agency.rawValue), weight: w.corroboration, strength),
            ]
            let notices = premisesNotices(place, data)
            rows.append(LocationOfRisk(
                rank: nil, entity: place.description, name: entity.label, category: facts?.category, postcode: facts?.postcode,
                address: facts?.address, nightTimeEconomy: nte, score: rounded(total(parts)), parts: parts,
                children: a.children.keys.sorted().map { linked($0, a.children[$0] ?? [:], data) },
                suspects: a.suspects.keys.sorted().map { linked($0, a.suspects[$0] ?? [:], data) },
                occasions: a.occasions.count, nightOccasions: nightCount, latest: latest, agencies: agencies,
                notices: notices.map { Tactics.noticeText($0, reference: Day(data.reference)) },
                tactics: Tactics.resolve(Tactics.forPlace(category), notices: notices, reference: Day(data.reference)), evidence: evidence,
                needsCorroboration: strength.corroboration(of: parts, evidence: evidence)))
        }
        return RankedList(rows, by: { ($1.score, $1.children.count, $0.id) < ($0.score, $0.children.count, $1.id) })
    }

    /// Notices recorded for premises: naming the place as premises or subject, or naming as
    /// subject an organisation with an `operates` link to the place. Oldest first.
    public static func premisesNotices(_ place: EntityID, _ data: ProductData) -> [IssuedNotice] {
        var out = (data.noticesNaming[place] ?? []).filter { $0.premises == place || $0.subject == place }
        for l in data.linksOf[place] ?? [] where l.type == .operates && l.target == place {
            out += (data.noticesNaming[l.source] ?? []).filter { $0.subject == l.source }
        }
        var seen = Set<String>()
        return out.filter { seen.insert("\($0.type.rawValue) \($0.subject) \($0.issued) \($0.source)").inserted }
            .sorted { ($0.issued, $0.source.description) < ($1.issued, $1.source.description) }
    }

    /// What a row gathers about one place.
    /// What a row gathers about one place: each person and occasion counted, with the items behind it.
    struct Accumulator {
        var children: [EntityID: [String: Int]] = [:]
        var childItems: [EntityID: [Citation]] = [:]
        var suspects: [EntityID: [String: Int]] = [:]
        var suspectItems: [EntityID: [Citation]] = [:]
        var occasions: [OccasionKey: [Citation]] = [:]
        var evidence: [Citation] = []

        mutating func child(_ id: EntityID, _ how: String, _ e: [Citation], context: [Citation] = []) {
            children[id, default: [:]][how, default: 0] += 1; childItems[id, default: []] += e; evidence += e + context
        }
        mutating func suspect(_ id: EntityID, _ how: String, _ e: [Citation]) {
            suspects[id, default: [:]][how, default: 0] += 1; suspectItems[id, default: []] += e; evidence += e
        }
        mutating func occasion(child: EntityID, time: String, evidence e: [Citation]) {
            occasions[OccasionKey(child: child, time: time), default: []] += e; evidence += e
        }
    }
}

/// One child's recorded presence (the child and the time as recorded).
struct OccasionKey: Hashable {
    var child: EntityID
    var time: String
}

/// An occasion at a hub: a child's timed presence with at least one adult of concern's presence
/// there within the window.
struct ChildOccasion {
    var child: EntityID
    var time: String
    var adults: [EntityID]
    var evidence: [Citation]
}

/// Occasions at each hub when a child at risk and an adult of concern were there within the window,
/// one per child presence (however many adults were there), from ``CoPresence``.
/// - Complexity: that of ``CoPresence/find(entities:links:windowSeconds:hubKinds:)`` on `links`.
func childOccasions(_ data: ProductData, links: [NetworkLink], windowSeconds: Int, hubKinds: Set<EntityKind>) -> [EntityID: [ChildOccasion]] {
    var byHub: [EntityID: [OccasionKey: ChildOccasion]] = [:]
    for cp in CoPresence.find(entities: data.contents.entities, links: links, windowSeconds: windowSeconds, hubKinds: hubKinds) {
        let (a, b) = (cp.people[0], cp.people[1])
        let childIndex: Int
        if data.isChild(a) && data.isAdultOfConcern(b) { childIndex = 0 } else if data.isChild(b) && data.isAdultOfConcern(a) { childIndex = 1 } else { continue }
        let child = cp.people[childIndex], adult = cp.people[1 - childIndex]
        for o in cp.occasions {
            let key = OccasionKey(child: child, time: o.times[childIndex])
            var entry = byHub[cp.hub, default: [:]][key] ?? ChildOccasion(child: child, time: key.time, adults: [], evidence: [])
            if !entry.adults.contains(adult) { entry.adults.append(adult) }
            entry.evidence += o.evidence
            byHub[cp.hub, default: [:]][key] = entry
        }
    }
    return byHub.mapValues { Array($0.values) }
}

/// A person counted on a row, with how they are linked ("found there (2)").
func linked(_ id: EntityID, _ how: [String: Int], _ data: ProductData) -> LinkedPerson {
    LinkedPerson(entity: id.description, name: data.name(id),
                 how: how.keys.sorted().map { key in
                     let n = how[key] ?? 0
                     return n > 1 ? "\(key) (\(n))" : key
                 })
}

/// A postcode or prefix for comparison: upper case, no spaces.
func normalisedPostcode(_ s: String) -> String { String(s.uppercased().filter { !$0.isWhitespace }) }

/// Graded 1-2 and A-B (3x5x2, or legacy through the filter's mapping).
func isStrongGrade(_ c: Citation) -> Bool {
    let (s, a) = NetworkFilter.evaluation(of: c)
    return s <= 2 && (a == "A" || a == "B")
}

/// Rounded to four decimals, so shown values and sums agree.
func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

extension NightWindow {
    /// Whether a recorded time text is (partly) in the window; unreadable or untimed text is not.
    func contains(time text: String) -> Bool {
        guard let t = try? TimeSpec(parsing: text) else { return false }
        return contains(t)
    }
}
