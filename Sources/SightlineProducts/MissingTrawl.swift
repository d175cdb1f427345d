import Foundation
import SightlineModel
import SightlineNetwork
import SightlineReadModel

/// A period of whole days, both ends included (encoded `YYYY-MM-DD`).
public struct DayPeriod: Sendable, Codable, Equatable {
    public var from: Day
    public var until: Day

    public init(from: Day, until: Day) { self.from = from; self.until = until }

    /// The `days` days ending on `until` (28 days: the four weeks up to and including it).
    public static func days(_ days: Int, endingOn until: Timestamp) -> DayPeriod {
        DayPeriod(from: Day(dayNumber: until.dayNumber - max(days, 1) + 1), until: Day(until))
    }

    /// Whether a missing episode overlaps the period: it started on or before the last day and
    /// ended (or, with no end recorded, started) on or after the first.
    public func overlaps(_ e: MissingEpisode) -> Bool {
        e.startDay <= until && e.lastDay >= from
    }
}

/// One missing episode as a trawl row cites it.
public struct TrawlEpisode: Sendable, Codable, Equatable {
    /// The child, as the disclosure gate names them (`Child C-37` unless the request names children).
    public var child: String
    public var start: String
    public var end: String?
    /// How the row's adult or place features in it: `found with`, `found at their address`,
    /// `found there`, `reported missing from there (not recorded as the child's home)`.
    public var how: String
    /// Where the child was found (when recorded).
    public var foundAt: String?
    public var source: Citation
}

/// An adult or place that recurs across the missing episodes of different children.
public struct RecurringRow: EvidencedRow, Sendable, Codable, Equatable {
    public var rank: Int
    /// `adult` or `place`.
    public var kind: String
    public var entity: String
    public var label: String
    /// Roles of an adult; the category of a place.
    public var detail: String
    /// Distinct children whose episodes the row features in.
    public var children: [String]
    /// How it features, counted: `found with: 3 episodes`, `found there: 2 episodes`.
    public var reasons: [String]
    public var episodes: [TrawlEpisode]
    /// The start of the most recent episode.
    public var latest: String
    public var evidence: [Citation]
}

/// A child reported missing in the period, with the places and adults linked to their episodes.
/// Listed so the meeting can plan help for the child, in name order: nothing about the child is
/// scored, ranked or numbered.
public struct FrequentMissingRow: EvidencedRow, Sendable, Codable, Equatable {
    public var child: String
    public var episodeCount: Int
    /// The start of the most recent episode in the period.
    public var latest: String
    /// Places found at, with how many of the episodes (`The Anchorage Hotel (2)`).
    public var foundAt: [String]
    /// Adults found with, with how many of the episodes.
    public var foundWith: [String]
    public var episodes: [TrawlEpisode]
    public var evidence: [Citation]
}

/// The weekly missing meeting's trawl.
public struct MissingTrawl: Sendable, Codable, Equatable {
    public var period: DayPeriod
    /// How many different children an adult or place must feature with to be listed.
    public var minimumChildren: Int
    public var episodesInPeriod: Int
    public var recurringAdults: [RecurringRow]
    public var recurringPlaces: [RecurringRow]
    /// In name order (the pseudonyms' order when children are pseudonymised), never ranked.
    public var childrenReportedMissing: [FrequentMissingRow]
}

/// Adults and places that recur across the missing episodes of different children in a period,
/// and the children reported missing most often in it.
///
/// Rules:
/// - An episode counts when it overlaps the period (``DayPeriod/overlaps(_:)``) and its item passes
///   the data's filter (as-of, agencies, grade: already applied by ``ProductData``).
/// - An adult (a person never recorded as a child at risk) features in an episode when the child
///   was found with them, or found at a place they are recorded as living at (`resides_at`).
/// - A place features when the child was found there, or was reported missing from there and it is
///   not the child's home. A place is the child's home when the child is recorded as living there
///   (`resides_at`) or it is a children's home; going missing from home says nothing about the
///   place, so it is never counted (the episode still counts for the child in the second list).
/// - Adults and places are listed when they feature with at least `minimumChildren` different
///   children: one child's repeated episodes with the same adult do not make the adult recur across
///   children. Order: distinct children, then episodes, then the most recent episode (newest
///   first), then entity number.
/// - Children reported missing in the period are listed in name order with the number of their
///   episodes in it: never ranked or numbered (``Safeguarding``: children are never ranked). Names are
///   the entities' labels as the disclosure gate left them.
///
/// - Complexity: O(E log E + L) for E episodes and L links (resides_at links are indexed once).
public func missingTrawl(_ data: ProductData, period: DayPeriod, minimumChildren: Int = 2) -> MissingTrawl {
    let episodes = data.contents.episodes.filter(period.overlaps)
        .sorted { ($0.start, $0.child.rawValue, $0.id) < ($1.start, $1.child.rawValue, $1.id) }
    func name(_ id: EntityID) -> String { data.name(id) }

    // Residents of each place, and each child's recorded homes.
    var residents: [EntityID: [(EntityID, [Citation])]] = [:]
    var homes: [EntityID: Set<EntityID>] = [:]
    for l in data.contents.links where l.type == .residesAt {
        residents[l.target, default: []].append((l.source, l.evidence))
        homes[l.source, default: []].insert(l.target)
    }
    func isHome(_ place: EntityID, of child: EntityID) -> Bool {
        homes[child]?.contains(place) == true || data.contents.facts[place]?.category == LocationCategory.childrensHome.rawValue
    }

    struct Tally {
        var children = Set<EntityID>()
        var reasons: [String: Int] = [:]
        var episodes: [TrawlEpisode] = []
        var evidence: [Citation] = []
        var latest: Timestamp?
    }
    var adults: [EntityID: Tally] = [:], places: [EntityID: Tally] = [:]
    func note(_ t: inout Tally, _ e: MissingEpisode, how: String, extra: [Citation] = []) {
        t.children.insert(e.child)
        t.reasons[how, default: 0] += 1
        t.episodes.append(TrawlEpisode(child: name(e.child), start: e.start.isoText, end: e.end?.isoText, how: how,
                                       foundAt: e.foundAt.map { data.name($0) }, source: e.source))
        t.evidence += [e.source] + extra
        t.latest = max(t.latest ?? e.start, e.start)
    }
    for e in episodes {
        var noted = Set<EntityID>()
        for p in e.foundWith where data.mayBeRanked(p) && p != e.child && noted.insert(p).inserted {
            note(&adults[p, default: Tally()], e, how: "found with")
        }
        if let at = e.foundAt {
            note(&places[at, default: Tally()], e, how: "found there")
            for (p, ev) in residents[at] ?? [] where data.mayBeRanked(p) && p != e.child && data.entity(p)?.kind == .person && noted.insert(p).inserted {
                note(&adults[p, default: Tally()], e, how: "found at their address", extra: ev)
            }
        }
        if let from = e.missingFrom, from != e.foundAt, !isHome(from, of: e.child) {
            note(&places[from, default: Tally()], e, how: "reported missing from there (not recorded as the child's home)")
        }
    }

    func rows(_ tallies: [EntityID: Tally], kind: String) -> [RecurringRow] {
        let kept = tallies.filter { $0.value.children.count >= minimumChildren }
            .sorted { a, b in
                // Every kept tally has an episode, so a time.
                (a.value.children.count, a.value.episodes.count, a.value.latest?.secondsSinceEpoch ?? .min, -a.key.rawValue)
                    > (b.value.children.count, b.value.episodes.count, b.value.latest?.secondsSinceEpoch ?? .min, -b.key.rawValue)
            }
        return kept.enumerated().map { i, kv in
            let (id, t) = kv
            let e = data.entity(id)
            let detail = kind == "adult" ? (e?.roles.map(\.title).joined(separator: ", ") ?? "")
                : (data.contents.facts[id]?.category.flatMap { LocationCategory(rawValue: $0)?.title ?? $0 } ?? "")
            return RecurringRow(
                rank: i + 1, kind: kind, entity: id.description, label: name(id), detail: detail,
                children: t.children.sorted { $0.rawValue < $1.rawValue }.map(name),
                reasons: t.reasons.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value) episode\($0.value == 1 ? "" : "s")" },
                episodes: t.episodes, latest: t.latest?.isoText ?? "", evidence: distinctEvidence(t.evidence))
        }
    }

    // Children reported missing in the period.
    let byChild = Dictionary(grouping: episodes, by: \.child)
    // Name order, numbers in names compared as numbers ("Child C-3" before "Child C-10").
    let children = byChild.map { (name($0.key), $0.key, $0.value) }.sorted {
        let order = $0.0.compare($1.0, options: [.numeric, .caseInsensitive])
        return order == .orderedSame ? $0.1.rawValue < $1.1.rawValue : order == .orderedAscending
    }
    func counted(_ ids: [EntityID]) -> [String] {
        var n: [EntityID: Int] = [:]
        for id in ids { n[id, default: 0] += 1 }
        return n.sorted { ($0.value, -$0.key.rawValue) > ($1.value, -$1.key.rawValue) }.map { "\(name($0.key)) (\($0.value))" }
    }
    let frequent = children.map { shown, child, eps in
        FrequentMissingRow(
            child: shown, episodeCount: eps.count, latest: eps.map(\.start).max()?.isoText ?? "",
            foundAt: counted(eps.compactMap(\.foundAt)),
            foundWith: counted(eps.flatMap { $0.foundWith.filter { !data.isChild($0) } }),
            episodes: eps.map { e in
                TrawlEpisode(child: name(child), start: e.start.isoText, end: e.end?.isoText, how: "reported missing",
                             foundAt: e.foundAt.map { data.name($0) }, source: e.source)
            },
            evidence: distinctEvidence(eps.map(\.source)))
    }
    return MissingTrawl(period: period, minimumChildren: minimumChildren, episodesInPeriod: episodes.count,
                        recurringAdults: rows(adults, kind: "adult"), recurringPlaces: rows(places, kind: "place"),
                        childrenReportedMissing: frequent)
}
