import Foundation
import SightlineModel
import SightlineReadModel

/// Patterns in one child's missing episodes, for a panel to read beside the chronology: when the
/// child goes missing (weekday, time of day), which places and adults recur across the episodes,
/// and whether episodes are becoming more frequent. Each count cites its items. They describe what
/// happens around the child and who is there; nothing here scores or ranks the child.
public struct ChronologyPatterns: Sendable, Encodable, Equatable {
    /// A count with the items behind it (`police/MP-24-0019`).
    public struct Count: Sendable, Encodable, Equatable {
        public var label: String
        public var count: Int
        public var items: [String]
    }

    /// A place or adult in two or more of the child's episodes.
    public struct Recurring: Sendable, Encodable, Equatable {
        /// `E12`.
        public var entity: String
        public var name: String
        /// `place` or `adult`.
        public var kind: String
        public var episodes: Int
        /// How it figured: `missing from`, `found at`, `found with`.
        public var how: [String]
        public var items: [String]
    }

    /// Episodes started, and adults first linked with the child, in one calendar month.
    public struct Month: Sendable, Encodable, Equatable {
        /// `2024-03`.
        public var month: String
        public var episodes: Int
        public var newAdults: Int
    }

    /// An adult first linked with the child within ``recentDays`` of the reference date.
    public struct NewAdult: Sendable, Encodable, Equatable {
        public var entity: String
        public var name: String
        /// The first link's date as recorded.
        public var firstLinked: String
        public var items: [String]
    }

    /// A stretch after one agency recorded something about the child during which no other agency
    /// recorded anything, longer than ``gapDays``.
    public struct Gap: Sendable, Encodable, Equatable {
        public var agency: String
        /// The item that began it.
        public var item: String
        /// The day that item was recorded.
        public var from: String
        /// The day another agency next recorded something (nil: none yet, to the reference date).
        public var until: String?
        public var days: Int
    }

    /// Monday first, every weekday listed (0 where none).
    public var byWeekday: [Count]
    /// By the hour the child went missing: night (00-06), morning (06-12), afternoon (12-18), evening (18-24).
    public var byTimeOfDay: [Count]
    /// Places and adults in two or more episodes: most episodes first, then by name.
    public var recurring: [Recurring]
    /// Every month from the first episode to the reference date.
    public var months: [Month]
    /// `rising`, `falling`, `steady` or `too few to tell`, by ``trendRule``: of the episodes.
    public var trend: String
    /// The same, of the adults first linked with the child.
    public var newAdultsTrend: String
    public static let trendRule = "the last 3 months against the 3 months before them (rising: more; falling: fewer); told only from 3 in those 6 months"
    /// Adults first linked with the child in the last this many days to the reference date.
    public static let recentDays = 90
    public var newAdults: [NewAdult]
    /// Longer than ``gapDays`` with nothing from any other agency, in the chronology's lines.
    public var gaps: [Gap]
    public static let gapDays = 28

    public static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    public static let times = ["night (00-06)", "morning (06-12)", "afternoon (12-18)", "evening (18-24)"]

    /// The patterns of `child`'s episodes and links in `data` (those the filters keep), and the gaps
    /// in the chronology's `lines`, up to `reference` (the data's reference date when nil).
    /// - Complexity: O(e log e + l + m + g) for e episodes, l links, m months and g (``gaps(_:reference:)``).
    public init(child: EntityID, in data: ProductData, lines: [ChronologyReport.Line] = [], reference: Timestamp? = nil) {
        let episodes = (data.episodesOf[child] ?? []).sorted { $0.start.secondsSinceEpoch < $1.start.secondsSinceEpoch }
        func ref(_ e: MissingEpisode) -> String { e.source.ref.description }
        var weekday = Array(repeating: [String](), count: 7), time = Array(repeating: [String](), count: 4)
        for e in episodes {
            // Day 0 of the day numbers (1970-01-01) was a Thursday: index 3 with Monday as 0.
            weekday[((e.start.dayNumber % 7) + 7 + 3) % 7].append(ref(e))
            time[min(e.start.hour / 6, 3)].append(ref(e))
        }
        byWeekday = zip(Self.weekdays, weekday).map { Count(label: $0, count: $1.count, items: $1) }
        byTimeOfDay = zip(Self.times, time).map { Count(label: $0, count: $1.count, items: $1) }

        // Who and what recur: each episode counts once per entity, however it figured.
        var seen: [EntityID: (episodes: Set<Int64>, how: Set<String>, items: [String])] = [:]
        func note(_ id: EntityID?, _ how: String, _ e: MissingEpisode) {
            guard let id, id != child else { return }
            var s = seen[id] ?? ([], [], [])
            s.episodes.insert(e.id); s.how.insert(how)
            if !s.items.contains(ref(e)) { s.items.append(ref(e)) }
            seen[id] = s
        }
        for e in episodes {
            note(e.missingFrom, "missing from", e)
            note(e.foundAt, "found at", e)
            for w in e.foundWith { note(w, "found with", e) }
        }
        recurring = seen.compactMap { id, s -> Recurring? in
            guard s.episodes.count >= 2, let entity = data.entity(id) else { return nil }
            // Children found with the child are never listed: only places and adults.
            if entity.kind == .person && !data.mayBeRanked(id) { return nil }
            return Recurring(entity: id.description, name: data.name(id), kind: entity.kind == .person ? "adult" : "place",
                             episodes: s.episodes.count, how: s.how.sorted(), items: s.items)
        }.sorted { ($1.episodes, $0.name, $0.entity) < ($0.episodes, $1.name, $1.entity) }

        // Adults linked with the child: when first (the earliest dated link, else the earliest item).
        let end = reference ?? data.reference
        var first: [EntityID: (day: Int, date: String, items: [String])] = [:]
        for l in data.linksOf[child] ?? [] {
            let other = ProductData.other(l, from: child)
            guard let e = data.entity(other), e.kind == .person, data.mayBeRanked(other), let c = l.evidence.first else { continue }
            let spec = l.time.flatMap { try? TimeSpec(parsing: $0) }
            let day = spec?.start.dayNumber ?? c.recorded.dayNumber
            let date = l.time ?? c.recorded.text
            if let f = first[other] {
                if day < f.day { first[other] = (day, date, [c.ref.description]) }
                else if day == f.day && !f.items.contains(c.ref.description) { first[other]!.items.append(c.ref.description) }
            } else {
                first[other] = (day, date, [c.ref.description])
            }
        }
        newAdults = first.filter { end.dayNumber - $0.value.day < Self.recentDays && $0.value.day <= end.dayNumber }
            .map { NewAdult(entity: $0.key.description, name: data.name($0.key), firstLinked: $0.value.date, items: $0.value.items) }
            .sorted { ($0.firstLinked, $0.entity) < ($1.firstLinked, $1.entity) }

        // Month by month, from the first episode or first link to the reference date.
        var months: [Month] = []
        let starts = episodes.map(\.start) + first.values.map { Timestamp(dayNumber: $0.day) }
        var episodesIn: [Int: Int] = [:], adultsIn: [Int: Int] = [:]   // by year * 12 + month - 1
        for e in episodes { episodesIn[e.start.year * 12 + e.start.month - 1, default: 0] += 1 }
        for f in first.values { let t = Timestamp(dayNumber: f.day); adultsIn[t.year * 12 + t.month - 1, default: 0] += 1 }
        if let start = starts.min(by: { $0.dayNumber < $1.dayNumber }) {
            for k in stride(from: start.year * 12 + start.month - 1, through: end.year * 12 + end.month - 1, by: 1) {
                months.append(Month(month: String(format: "%04d-%02d", k / 12, k % 12 + 1), episodes: episodesIn[k] ?? 0, newAdults: adultsIn[k] ?? 0))
            }
        }
        self.months = months
        func direction(_ count: (Month) -> Int) -> String {
            let last = months.suffix(3).reduce(0) { $0 + count($1) }
            let before = months.dropLast(3).suffix(3).reduce(0) { $0 + count($1) }
            return last + before < 3 ? "too few to tell" : last > before ? "rising" : last < before ? "falling" : "steady"
        }
        trend = direction(\.episodes)
        newAdultsTrend = direction(\.newAdults)
        gaps = Self.gaps(lines, reference: end)
    }

    /// The gaps in `lines` (a chronology's, by the day each item was recorded): after an agency
    /// recorded something, more than ``gapDays`` before any other agency recorded anything (or to
    /// `reference`). Each silence is listed once, from the first item that began it.
    /// - Complexity: O(n²) for n lines at worst (a chronology has hundreds).
    static func gaps(_ lines: [ChronologyReport.Line], reference: Timestamp) -> [Gap] {
        let items = lines.map { (agency: $0.agency, item: "\($0.agency)/\($0.reference)", day: $0.source.recorded) }
            .sorted { ($0.day.dayNumber, $0.item) < ($1.day.dayNumber, $1.item) }
        var out: [Gap] = []
        var listed = Set<String>()
        for (k, x) in items.enumerated() {
            let next = items[(k + 1)...].first { $0.agency != x.agency && $0.day.dayNumber > x.day.dayNumber }
            let days = (next?.day.dayNumber ?? reference.dayNumber) - x.day.dayNumber
            guard days > gapDays else { continue }
            let key = x.agency + "|" + (next?.day.text ?? "")
            guard listed.insert(key).inserted else { continue }
            out.append(Gap(agency: x.agency, item: x.item, from: x.day.text, until: next?.day.text, days: days))
        }
        return out
    }
}
