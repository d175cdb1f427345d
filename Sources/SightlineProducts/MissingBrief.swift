import SightlineModel
import SightlineReadModel
import SightlineSafeguarding

/// The one-page brief for officers looking for a child at risk who has been reported missing:
/// where to look and whom to see, each line with the intelligence behind it. The child is the
/// subject and is named; nothing about the child is scored: only places and adults are ordered.
public struct MissingBrief: Sendable, Codable, Equatable {
    public var child: Child
    /// The day the brief is as of: `--as-of`, or the newest item it draws on.
    public var asOf: String
    /// How every section is ordered, in words.
    public var ordering: Ordering
    public var placesToLook: [Place]
    public var areas: [Area]
    public var adults: [Adult]
    public var placesLinkedToAdults: [Place]
    public var phonesAndAccounts: [Handle]
    /// The child's missing episodes, newest first.
    public var episodes: [Episode]
    /// The summaries of the items it cites, when asked for and the audience may see them.
    public var summaries: [CitedSummary]? = nil

    public struct Ordering: Sendable, Codable, Equatable {
        public var placesToLook: String
        public var areas: String
        public var adults: String
        public var placesLinkedToAdults: String
        public var phonesAndAccounts: String
    }

    public struct Child: Sendable, Codable, Equatable {
        public var entity: String
        public var name: String
        public var identifiers: [String]
        /// Every date of birth recorded (several when agencies disagree).
        public var datesOfBirth: [String]
        /// `15`, `14 or 15 (date of birth not exact)`, or `not known`.
        public var age: String
        /// `looked after by ... since ...`, when a care period runs on the brief's date.
        public var lookedAfter: String?
        /// Where the child was reported missing from, with how many episodes (`Harbourview House (5)`).
        public var usuallyMissingFrom: [String]
        public var episodeCount: Int
        public var latestEpisode: String?
    }

    public struct Place: Sendable, Codable, Equatable {
        public var rank: Int
        public var entity: String
        public var name: String
        public var category: String?
        public var address: String?
        public var postcode: String?
        /// Episodes in which the child was found there.
        public var foundThere: Int
        public var lastFoundThere: String?
        /// Other items placing the child there (seen there, frequents), outside the episodes.
        public var otherRecords: Int
        /// Listed adults linked to the place, with how (`Darren Quillfeather: resides at`).
        public var adultsLinked: [String]
        /// For places linked to adults: the episodes in which those adults feature (found with the
        /// child, or the child found at their address), summed over the adults.
        public var adultsEpisodes: Int
        /// The newest date anything above was recorded or happened.
        public var latest: String
        public var evidence: [Citation]
    }

    public struct Area: Sendable, Codable, Equatable {
        public var rank: Int
        /// The postcode district (the outward code: `WX1`).
        public var district: String
        public var foundThere: Int
        public var lastFoundThere: String?
        public var otherRecords: Int
        public var places: [String]
    }

    public struct Adult: Sendable, Codable, Equatable {
        public var rank: Int
        public var entity: String
        public var name: String
        public var roles: [String]
        /// Episodes in which the child was found with them.
        public var foundWith: Int
        /// Episodes in which the child was found at a place they are recorded as living at.
        public var foundAtTheirAddress: Int
        /// The start of the newest episode they feature in.
        public var lastEpisode: String?
        /// Their other recorded links with the child, counted by type (`seen with (5)`).
        public var linksWithChild: [String]
        /// Items behind those links, outside the episodes' own items.
        public var otherRecords: Int
        public var addresses: [String]
        public var vehicles: [String]
        public var phones: [String]
        public var latest: String
        public var evidence: [Citation]
    }

    public struct Handle: Sendable, Codable, Equatable {
        public var entity: String
        public var kind: String
        public var label: String
        public var how: String
        public var latest: String
        public var evidence: [Citation]
    }

    public struct Episode: Sendable, Codable, Equatable {
        public var start: String
        public var end: String?
        public var missingFrom: String?
        public var foundAt: String?
        public var foundWith: [String]
        public var source: Citation
    }
}

/// Why there is no brief: exit 1 with this message.
public enum MissingBriefRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case notAChildAtRisk(String)
    case noHistory(String)

    public var description: String {
        switch self {
        case let .notAChildAtRisk(who):
            "\(who) is not recorded as a child at risk: a missing brief is written for a child at risk who has been reported missing"
        case let .noHistory(who):
            "no missing episodes, places, people, phones or accounts are recorded for \(who): there is nothing to brief on"
        }
    }
}

/// The newest date a link happened or was recorded: its time's start day, or its newest item.
func latestDay(_ l: NetworkLink) -> String {
    let recorded = l.evidence.map(\.recorded).max()?.text ?? ""
    guard let t = l.time, let spec = try? TimeSpec(parsing: t) else { return recorded }
    return spec.start.dateText
}

/// A link type in words for the brief (`seen at` rather than `at`).
func phrase(_ t: LinkType) -> String {
    switch t {
    case .atLocation: "seen at"
    case .foundWith: "found with during a missing episode"
    case .foundAt: "found at during a missing episode"
    default: t.phrase
    }
}

/// `WX1` from `WX1 4QR` (the outward code), nil for a missing or malformed postcode.
public func postcodeDistrict(_ postcode: String?) -> String? {
    guard let p = postcode?.uppercased().split(separator: " ").first, !p.isEmpty else { return nil }
    return String(p)
}

/// Builds the brief for the child in `contents` (from ``SightlineStore/missingBriefContents(for:recordedBy:)``).
///
/// Ordering (stated in the brief): places where the child was found by the number of episodes they
/// were found there, then the most recent such episode, then other records placing the child
/// there, then the newest record, then entity number. Areas (postcode districts) the same way over
/// their places. Adults by the number of episodes they feature in (found with the child, or the
/// child found at their address), then the most recent, then other records linking them to the
/// child, then the newest, then entity number. Places linked to those adults (and not already
/// listed) by the episodes their adults feature in, then the number of adults, then the newest
/// record. The child's phones and accounts by the newest record. Nothing is weighted or hidden:
/// every count is shown.
///
/// - Parameters:
///   - asOf: only items recorded on or before this day count (nil: all).
///   - maxRows: at most this many rows in each section (0: all).
///   - today: the run day: the child's age and care are given on `asOf`, else on this day (never on
///     the newest item's day, which may be months old).
///   - accepts: which items count (the network filters: grade, agencies, handling codes); who is a
///     child is still judged on every record.
/// - Throws: ``MissingBriefRefusal`` when the entity is not a child or nothing is recorded.
/// - Complexity: O((E + L) log (E + L)) for E episodes and L links read.
public func missingBrief(_ input: MissingBriefContents, asOf: String? = nil, maxRows: Int = 0,
                         today: Timestamp = RunDay.todayOrClock(),
                         accepts: (Citation) -> Bool = { _ in true }) throws(MissingBriefRefusal) -> MissingBrief {
    let c = restricted(input, recordedBy: asOf.flatMap { Day($0) }, accepts: accepts)
    let child = c.child.id
    let childName = c.child.label.isEmpty ? child.description : c.child.label
    let reference = asOf ?? today.dateText
    var everyone = Array(c.entities.values)
    everyone.append(c.child)
    let rules = Safeguarding(everyone, on: (try? TimeSpec(parsing: reference))?.start ?? today)
    guard c.child.kind == .person, rules.isChild(child) else { throw .notAChildAtRisk("\(child) \(childName)") }
    guard !c.episodes.isEmpty || !c.childLinks.isEmpty else { throw .noHistory("\(child) \(childName)") }
    func name(_ id: EntityID) -> String {
        guard let e = c.entities[id], !e.label.isEmpty else { return id.description }
        return e.label
    }
    func isAdult(_ id: EntityID) -> Bool {
        guard let e = c.entities[id] else { return false }
        return e.kind == .person && !rules.isChild(id) && id != child
    }
    func cap<T>(_ rows: [T]) -> [T] { maxRows > 0 ? Array(rows.prefix(maxRows)) : rows }

    // Who lives where, among the adults' links.
    var residentsOf: [EntityID: Set<EntityID>] = [:]
    for (adult, links) in c.adultLinks where isAdult(adult) {
        for l in links where l.type == .residesAt && l.source == adult { residentsOf[l.target, default: []].insert(adult) }
    }
    let episodeItems = Set(c.episodes.map(\.source.ref))

    // Adults: how they feature in the episodes.
    struct AdultTally { var episodes = Set<Int64>(); var foundWith = 0; var atAddress = 0; var last: Timestamp?; var evidence: [Citation] = [] }
    var tallies: [EntityID: AdultTally] = [:]
    for e in c.episodes {
        var featured = Set<EntityID>()
        for p in e.foundWith where isAdult(p) {
            tallies[p, default: AdultTally()].foundWith += 1
            featured.insert(p)
        }
        if let at = e.foundAt {
            for p in residentsOf[at] ?? [] where isAdult(p) {
                tallies[p, default: AdultTally()].atAddress += 1
                featured.insert(p)
            }
        }
        for p in featured {
            tallies[p]?.episodes.insert(e.id)
            let lastCurrent = tallies[p]?.last ?? e.start
            tallies[p]?.last = max(lastCurrent, e.start)
            tallies[p]?.evidence.append(e.source)
        }
    }
    var linksWith: [EntityID: [NetworkLink]] = [:]
    for l in c.childLinks {
        let other = l.source == child ? l.target : l.source
        if isAdult(other) { linksWith[other, default: []].append(l) }
    }
    let adultIDs = Set(tallies.keys).union(linksWith.keys).union(c.adultLinks.keys.filter(isAdult))
    func placeText(_ id: EntityID) -> String {
        let f = c.facts[id]
        let extra = [f?.address, f?.postcode].compactMap { $0 }.filter { !$0.isEmpty && $0 != name(id) }
        return extra.isEmpty ? name(id) : "\(name(id)) (\(extra.joined(separator: ", ")))"
    }
    var adults: [MissingBrief.Adult] = adultIDs.map { a in
        let t = tallies[a] ?? AdultTally()
        let direct = linksWith[a] ?? []
        var byType: [String: Int] = [:]
        for l in direct { byType[phrase(l.type), default: 0] += 1 }
        let otherItems = Set(direct.flatMap { $0.evidence.map(\.ref) }).subtracting(episodeItems)
        let own = (c.adultLinks[a] ?? []).filter { $0.source == a }
        func listed(_ types: [LinkType], _ text: (NetworkLink) -> String) -> [String] {
            var seen = Set<String>()
            return own.filter { types.contains($0.type) }
                .sorted { (latestDay($0), -$0.target.rawValue) > (latestDay($1), -$1.target.rawValue) }
                .map(text).filter { seen.insert($0).inserted }
        }
        let addresses = listed([.residesAt]) { placeText($0.target) }
        var vehicleOrder: [EntityID] = []
        var vehicleHow: [EntityID: Set<String>] = [:]
        for l in own.filter({ [.driverOf, .keeperOf, .travelledIn].contains($0.type) })
            .sorted(by: { (latestDay($0), -$0.target.rawValue) > (latestDay($1), -$1.target.rawValue) }) {
            if vehicleHow[l.target] == nil { vehicleOrder.append(l.target) }
            vehicleHow[l.target, default: []].insert(phrase(l.type))
        }
        let vehicles = vehicleOrder.map { "\(name($0)): \((vehicleHow[$0] ?? []).sorted().joined(separator: ", "))" }
        let phones = listed([.usesPhone]) { name($0.target) }
        let supporting = own.filter { [.residesAt, .driverOf, .keeperOf, .travelledIn, .usesPhone].contains($0.type) }
        let latest = ([t.last.map { Day($0).text } ?? ""] + direct.map(latestDay)).max() ?? ""
        return MissingBrief.Adult(
            rank: 0, entity: a.description, name: name(a), roles: c.entities[a]?.roles.map(\.title) ?? [],
            foundWith: t.foundWith, foundAtTheirAddress: t.atAddress, lastEpisode: t.last?.isoText,
            linksWithChild: byType.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) (\($0.value))" },
            otherRecords: otherItems.count, addresses: addresses, vehicles: vehicles, phones: phones, latest: latest,
            evidence: distinctEvidence(t.evidence + direct.flatMap(\.evidence) + supporting.flatMap(\.evidence)))
    }
    adults.sort { a, b in
        let ea = tallies[EntityID(parsing: a.entity) ?? EntityID(0)]?.episodes.count ?? 0
        let eb = tallies[EntityID(parsing: b.entity) ?? EntityID(0)]?.episodes.count ?? 0
        return (ea, a.lastEpisode ?? "", a.otherRecords, a.latest, -(EntityID(parsing: a.entity)?.rawValue ?? 0))
            > (eb, b.lastEpisode ?? "", b.otherRecords, b.latest, -(EntityID(parsing: b.entity)?.rawValue ?? 0))
    }
    adults = cap(adults)
    for i in adults.indices { adults[i].rank = i + 1 }
    let listedAdults = Set(adults.compactMap { EntityID(parsing: $0.entity) })
    func adultEpisodes(_ id: EntityID) -> Int { tallies[id]?.episodes.count ?? 0 }

    // Which listed adults are linked to each place, and how.
    var adultsAt: [EntityID: [(EntityID, NetworkLink)]] = [:]
    for a in listedAdults.sorted(by: { $0.rawValue < $1.rawValue }) {
        for l in c.adultLinks[a] ?? [] where l.source == a && c.entities[l.target]?.kind == .location {
            adultsAt[l.target, default: []].append((a, l))
        }
    }
    func adultsText(_ place: EntityID) -> [String] {
        var by: [EntityID: Set<String>] = [:]
        for (a, l) in adultsAt[place] ?? [] { by[a, default: []].insert(phrase(l.type)) }
        return by.sorted { (adultEpisodes($0.key), -$0.key.rawValue) > (adultEpisodes($1.key), -$1.key.rawValue) }
            .map { "\(name($0.key)): \($0.value.sorted().joined(separator: ", "))" }
    }

    // Places the child was found at or recorded at, apart from home.
    let homes = Set(c.childLinks.filter { $0.type == .residesAt && $0.source == child }.map(\.target))
    struct PlaceTally { var found = Set<Int64>(); var lastFound: Timestamp?; var items = Set<IntelRef>(); var latest = ""; var evidence: [Citation] = [] }
    var places: [EntityID: PlaceTally] = [:]
    for e in c.episodes {
        guard let at = e.foundAt else { continue }
        places[at, default: PlaceTally()].found.insert(e.id)
        let lastFoundCurrent = places[at]?.lastFound ?? e.start
        places[at]?.lastFound = max(lastFoundCurrent, e.start)
        let latestCurrent = places[at]?.latest ?? ""
        places[at]?.latest = max(latestCurrent, e.startDay.text)
        places[at]?.evidence.append(e.source)
    }
    for l in c.childLinks where l.source == child && [.atLocation, .frequents, .foundAt].contains(l.type) {
        guard c.entities[l.target]?.kind == .location else { continue }
        let items = l.evidence.map(\.ref).filter { !episodeItems.contains($0) }
        // A found_at link repeats an episode; its other items (a return interview) still count.
        places[l.target, default: PlaceTally()].items.formUnion(items)
        let latestCurrent = places[l.target]?.latest ?? ""
        places[l.target]?.latest = max(latestCurrent, latestDay(l))
        places[l.target]?.evidence += l.evidence
    }
    for h in homes where places[h]?.found.isEmpty ?? false { places[h] = nil }
    func placeRow(_ id: EntityID, _ t: PlaceTally, adultsEpisodes: Int, extra: [Citation]) -> MissingBrief.Place {
        let f = c.facts[id]
        return MissingBrief.Place(
            rank: 0, entity: id.description, name: name(id),
            category: f?.category.map { LocationCategory(rawValue: $0)?.title ?? $0 }, address: f?.address, postcode: f?.postcode,
            foundThere: t.found.count, lastFoundThere: t.lastFound?.isoText, otherRecords: t.items.count,
            adultsLinked: adultsText(id), adultsEpisodes: adultsEpisodes, latest: t.latest,
            evidence: distinctEvidence(t.evidence + extra))
    }
    var toLook = places.sorted { a, b in
        // A place never found at (no time) sorts below every time.
        (a.value.found.count, a.value.lastFound?.secondsSinceEpoch ?? .min, a.value.items.count, a.value.latest, -a.key.rawValue)
            > (b.value.found.count, b.value.lastFound?.secondsSinceEpoch ?? .min, b.value.items.count, b.value.latest, -b.key.rawValue)
    }.map { placeRow($0.key, $0.value, adultsEpisodes: 0, extra: []) }

    // Areas: postcode districts over the places above.
    struct AreaTally { var found = 0; var last = ""; var other = 0; var places: [String] = [] }
    var areas: [String: AreaTally] = [:]
    for p in toLook {
        guard let d = postcodeDistrict(p.postcode) else { continue }
        areas[d, default: AreaTally()].found += p.foundThere
        let lastCurrent = areas[d]?.last ?? ""
        areas[d]?.last = max(lastCurrent, p.lastFoundThere ?? "")
        areas[d]?.other += p.otherRecords
        areas[d]?.places.append(p.name)
    }
    var areaRows = areas.sorted { a, b in
        (a.value.found, a.value.last, a.value.other, b.key) > (b.value.found, b.value.last, b.value.other, a.key)
    }.map { MissingBrief.Area(rank: 0, district: $0.key, foundThere: $0.value.found, lastFoundThere: $0.value.last.isEmpty ? nil : $0.value.last,
                              otherRecords: $0.value.other, places: $0.value.places) }
    toLook = cap(toLook)
    for i in toLook.indices { toLook[i].rank = i + 1 }
    areaRows = cap(areaRows)
    for i in areaRows.indices { areaRows[i].rank = i + 1 }

    // Places linked to the adults, not already listed, and not the child's home.
    let shown = Set(places.keys).union(homes)
    var adultPlaces: [(EntityID, Int, Int, String, [Citation])] = adultsAt.compactMap { place, links in
        guard !shown.contains(place) else { return nil }
        let who = Set(links.map(\.0))
        return (place, who.map(adultEpisodes).reduce(0, +), who.count, links.map { latestDay($0.1) }.max() ?? "", links.flatMap(\.1.evidence))
    }
    adultPlaces.sort { a, b in (a.1, a.2, a.3, -a.0.rawValue) > (b.1, b.2, b.3, -b.0.rawValue) }
    var linkedPlaces = cap(adultPlaces).map { p in
        var t = PlaceTally(); t.latest = p.3
        return placeRow(p.0, t, adultsEpisodes: p.1, extra: p.4)
    }
    for i in linkedPlaces.indices { linkedPlaces[i].rank = i + 1 }

    // The child's phones and accounts.
    var handles: [EntityID: (how: Set<String>, links: [NetworkLink])] = [:]
    for l in c.childLinks where l.source == child && [.usesPhone, .usesAccount].contains(l.type) {
        handles[l.target, default: ([], [])].how.insert(phrase(l.type))
        handles[l.target]?.links.append(l)
    }
    let phonesAndAccounts = handles.map { id, h in
        MissingBrief.Handle(entity: id.description, kind: c.entities[id]?.kind.rawValue ?? "", label: name(id),
                            how: h.how.sorted().joined(separator: ", "), latest: h.links.map(latestDay).max() ?? "",
                            evidence: distinctEvidence(h.links.flatMap(\.evidence)))
    }.sorted { ($0.latest, $1.entity) > ($1.latest, $0.entity) }

    // The header.
    var from: [EntityID: (Int, Timestamp)] = [:]
    for e in c.episodes { if let f = e.missingFrom { from[f] = ((from[f]?.0 ?? 0) + 1, max(from[f]?.1 ?? e.start, e.start)) } }
    let refDay = (try? TimeSpec(parsing: reference))?.end
    let dobs = c.birthDates.compactMap(\.value.value)
    let age: String = {
        guard let refDay, !dobs.isEmpty else { return "not known" }
        let ranges = dobs.map { $0.ageRange(at: refDay) }
        if dobs.count == 1, let a = dobs[0].age(at: refDay) { return "\(a)" }
        let lo = ranges.map(\.lowerBound).min() ?? 0, hi = ranges.map(\.upperBound).max() ?? 0
        if lo == hi, dobs.allSatisfy({ $0.age(at: refDay) == lo }) { return "\(lo)" }
        return "\(lo) to \(hi) (date of birth not exact, or recorded differently by agencies)"
    }()
    // `reference` is a day (`--as-of` is read as one); other text is taken at the day it starts.
    let referenceDay = Day(reference) ?? (try? TimeSpec(parsing: reference)).map { Day($0.start) } ?? Day(today)
    let care = c.carePeriods.last { $0.start <= referenceDay && ($0.end.map { $0 >= referenceDay } ?? true) }
    let header = MissingBrief.Child(
        entity: child.description, name: childName, identifiers: c.identifiers, datesOfBirth: c.birthDates.map(\.value.text),
        age: age,
        lookedAfter: care.map { "looked after by \($0.authority ?? "the local authority") since \($0.start) (\($0.source))" },
        usuallyMissingFrom: from.sorted { ($0.value.0, $0.value.1, -$0.key.rawValue) > ($1.value.0, $1.value.1, -$1.key.rawValue) }
            .map { "\(placeText($0.key)) (\($0.value.0))" },
        episodeCount: c.episodes.count, latestEpisode: c.episodes.map(\.start).max()?.isoText)
    let episodes = c.episodes.sorted { ($0.start, $0.id) > ($1.start, $1.id) }.map { e in
        MissingBrief.Episode(start: e.start.isoText, end: e.end?.isoText, missingFrom: e.missingFrom.map(name), foundAt: e.foundAt.map(name),
                             foundWith: e.foundWith.filter { $0 != child }.map { isAdult($0) ? name($0) : "another child at risk" },
                             source: e.source)
    }
    return MissingBrief(
        child: header, asOf: reference,
        ordering: MissingBrief.Ordering(
            placesToLook: "episodes in which the child was found there, then the most recent of them, then other records placing the child there, then the newest record",
            areas: "the same counts over the places in each postcode district",
            adults: "episodes they feature in (found with the child, or the child found at their address), then the most recent, then other records linking them to the child, then the newest record",
            placesLinkedToAdults: "episodes their adults feature in, then the number of adults, then the newest record",
            phonesAndAccounts: "the newest record first"),
        placesToLook: toLook, areas: areaRows, adults: adults, placesLinkedToAdults: linkedPlaces,
        phonesAndAccounts: cap(phonesAndAccounts), episodes: episodes)
}

/// The contents with only items recorded on or before `day` (links keep only such evidence, and
/// are dropped without any).
func restricted(_ c: MissingBriefContents, recordedBy day: Day?, accepts: (Citation) -> Bool = { _ in true }) -> MissingBriefContents {
    func keep(_ x: Citation) -> Bool { (day.map { x.recorded <= $0 } ?? true) && accepts(x) }
    func links(_ ls: [NetworkLink]) -> [NetworkLink] {
        ls.compactMap { l in
            var k = l
            k.evidence = l.evidence.filter(keep)
            return k.evidence.isEmpty ? nil : k
        }
    }
    var r = c
    r.birthDates = c.birthDates.filter { keep($0.source) }
    r.episodes = c.episodes.filter { keep($0.source) }
    r.carePeriods = c.carePeriods.filter { keep($0.source) }
    r.childLinks = links(c.childLinks)
    r.adultLinks = c.adultLinks.mapValues(links)
    return r
}
