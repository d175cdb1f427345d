import SightlineModel
import SightlineNetwork
import SightlineReadModel
import SightlineSafeguarding

/// Whether disruption worked (the Bradford review's R15: seek assurance that preventative activity
/// is effective, around hot-spots and locations of risk): for every action recorded with `notices
/// record` (warning notices, hotel notices, visits, markers), the exposure it was meant to reduce,
/// counted over equal windows before and after it, with a plain verdict and the items behind both
/// sides.
///
/// Rules (docs/algorithms.md, "Did disruption work"):
/// - **Windows.** The action's day is left out of both. After: the days from the day after it, for
///   as many days as have passed to the panel date, at most ``longestWindowDays``; before: as many
///   days ending the day before it. An action fewer than ``shortestWindowDays`` days before the panel
///   date is listed as too recent to judge.
/// - **A place** (the notice's premises, a place it was issued to, or the places an organisation it
///   was issued to operates): the times a child was recorded there (seen there, found there, or found
///   there at the end of a missing episode), counted once per child and moment; beside it the
///   different children, the different adults of concern seen there, and the night-time occasions
///   (a child's time there in the night window with an adult of concern there within the co-presence
///   window, as `disrupt locations` counts them).
/// - **An adult** (a warning notice): the associations between the adult and the child it protects
///   (with any child when it names none): every dated link between them and every missing episode
///   in which the child was found with the adult, once per child and moment.
/// - **A vehicle or phone** (a marker): its dated links with children, once per child and moment.
/// - **Evidence strength.** A moment whose items are all weak (``EvidenceStrength/needsCorroboration(_:)``)
///   is not counted: it is listed as such beside the count, so one weak report never turns a verdict.
/// - **Verdict.** `fewer`, `same` or `more`: the after count against the before count.
///
/// Children are never the measure's subject: a child is counted only as exposed, never scored.
public struct DisruptionOutcome: Sendable, Encodable, Equatable {
    /// One window's count.
    public struct Side: Sendable, Encodable, Equatable {
        public var from: String
        public var until: String
        /// Moments counted (the measure).
        public var count: Int
        /// Different children among them.
        public var children: Int
        /// Different adults of concern at the place (places only).
        public var adults: Int?
        /// Night-time occasions with an adult of concern (places only).
        public var nightOccasions: Int?
        /// Moments left out as resting on weak items only.
        public var weakNotCounted: Int
        /// The items behind the counted moments.
        public var items: [Citation]
    }

    /// `hotel_notice`.
    public var notice: String
    /// `hotel notice (ASBCPA 2014 s.116)`.
    public var action: String
    /// The entity it was issued to or set on (`E12`) and its name as the gate left it.
    public var subject: String
    public var subjectName: String
    /// The child it protects, by name as the gate left it.
    public var child: String?
    public var premises: String?
    public var issued: String
    public var expires: String?
    /// The action's own item.
    public var item: Citation
    /// What is counted, in words.
    public var measure: String
    /// The length of each window in days (nil when too recent to judge).
    public var windowDays: Int?
    public var before: Side?
    public var after: Side?
    /// `fewer`, `same`, `more`, or `too recent to judge`.
    public var verdict: String

    /// Windows shorter than this say nothing: the action is too recent to judge.
    public static let shortestWindowDays = 28
    /// The longest window: half a year either side.
    public static let longestWindowDays = 182

    /// Every action recorded in `data` up to `panel`, oldest first, with its outcome.
    /// - Parameters:
    ///   - panel: the day the windows run to (the panel date).
    ///   - windowHours, night: the co-presence window and night window of `disrupt locations`.
    /// - Complexity: O(a × (d + e)) for a actions, d links of the entities concerned and e episodes.
    public static func all(_ data: ProductData, panel: Day, windowHours: Double = 3, night: NightWindow? = NightWindow(start: "18:00", end: "06:00")) -> [DisruptionOutcome] {
        let episodesFoundAt = Dictionary(grouping: data.contents.episodes.filter { $0.foundAt != nil }, by: { $0.foundAt! })
        var episodesWith: [EntityID: [MissingEpisode]] = [:]
        for e in data.contents.episodes { for w in Set(e.foundWith) { episodesWith[w, default: []].append(e) } }
        return data.contents.notices
            .filter { $0.issued <= panel }
            .sorted { ($0.issued, $0.source.ref.description) < ($1.issued, $1.source.ref.description) }
            .map { outcome(of: $0, data, panel: panel, windowHours: windowHours, night: night, episodesFoundAt: episodesFoundAt, episodesWith: episodesWith) }
    }

    static func outcome(of n: IssuedNotice, _ data: ProductData, panel: Day, windowHours: Double, night: NightWindow?,
                        episodesFoundAt: [EntityID: [MissingEpisode]], episodesWith: [EntityID: [MissingEpisode]]) -> DisruptionOutcome {
        // The places it concerns.
        var places: [EntityID] = []
        if let p = n.premises { places.append(p) }
        let subjectKind = data.entity(n.subject)?.kind
        if subjectKind == .location { places.append(n.subject) }
        if subjectKind == .organisation {
            for l in data.linksOf[n.subject] ?? [] where l.type == .operates && l.source == n.subject && data.entity(l.target)?.kind == .location {
                places.append(l.target)
            }
        }
        places = Array(Set(places)).sorted()
        let measure: String
        if !places.isEmpty {
            measure = "times a child was recorded at " + places.map(data.name).joined(separator: ", ")
        } else if let c = n.child {
            measure = "associations between \(data.name(n.subject)) and \(data.name(c))"
        } else {
            measure = "associations between \(data.name(n.subject)) and any child"
        }
        var out = DisruptionOutcome(notice: n.type.rawValue, action: n.type.title, subject: n.subject.description, subjectName: data.name(n.subject),
                                    child: n.child.map(data.name), premises: n.premises.map(data.name), issued: n.issued.text,
                                    expires: n.expires?.text, item: n.source, measure: measure, windowDays: nil, before: nil, after: nil,
                                    verdict: "too recent to judge")
        let elapsed = panel.dayNumber - n.issued.dayNumber
        guard elapsed >= shortestWindowDays else { return out }
        let length = min(elapsed, longestWindowDays)
        let before = (n.issued.dayNumber - length)...(n.issued.dayNumber - 1)
        let after = (n.issued.dayNumber + 1)...(n.issued.dayNumber + length)
        func side(_ days: ClosedRange<Int>) -> Side {
            places.isEmpty
                ? associations(of: n.subject, with: n.child, in: days, data, episodesWith: episodesWith[n.subject] ?? [])
                : exposure(at: places, in: days, data, windowSeconds: Int(windowHours * 3600), night: night, episodesFoundAt: episodesFoundAt)
        }
        out.windowDays = length
        out.before = side(before)
        out.after = side(after)
        let (b, a) = (out.before!.count, out.after!.count)
        out.verdict = a < b ? "fewer" : a == b ? "same" : "more"
        return out
    }

    /// A moment counted: who, and when (the span the recorded time stands for, so that a link at
    /// `2024-03-13T00:45` and the episode that found the child at `2024-03-13T00:45:00` are one).
    struct Moment: Hashable {
        var person: EntityID
        var start: Int
        var end: Int
    }

    /// Gathers moments (each with the time first recorded for it, and its items), weak ones apart.
    struct Tally {
        var moments: [Moment: (time: String, items: [Citation])] = [:]
        mutating func add(_ who: EntityID, _ span: TimeSpec, _ time: String, _ items: [Citation]) {
            let m = Moment(person: who, start: span.start.secondsSinceEpoch, end: span.end.secondsSinceEpoch)
            if let k = moments.index(forKey: m) { moments.values[k].items += items } else { moments[m] = (time, items) }
        }
        func split(_ strength: EvidenceStrength) -> (counted: [Moment: (time: String, items: [Citation])], weak: Int) {
            var counted: [Moment: (time: String, items: [Citation])] = [:], weak = 0
            for (m, v) in moments { if strength.needsCorroboration(v.items) { weak += 1 } else { counted[m] = v } }
            return (counted, weak)
        }
    }

    /// A recorded time and the span it stands for, when it falls on a day in `days`.
    static func dated(_ time: String?, in days: ClosedRange<Int>) -> (time: String, span: TimeSpec)? {
        guard let time, let span = try? TimeSpec(parsing: time), days.contains(span.start.dayNumber) else { return nil }
        return (time, span)
    }

    static func window(_ days: ClosedRange<Int>) -> (String, String) {
        (Day(dayNumber: days.lowerBound).text, Day(dayNumber: days.upperBound).text)
    }

    /// Children at the places in the window, and the adults of concern and night-time occasions beside them.
    static func exposure(at places: [EntityID], in days: ClosedRange<Int>, _ data: ProductData, windowSeconds: Int, night: NightWindow?,
                         episodesFoundAt: [EntityID: [MissingEpisode]]) -> Side {
        var children = Tally()
        // The adults of concern at the places, and when (in seconds) each was there.
        var adults = Set<EntityID>()
        var adultTimes: [(start: Int, end: Int)] = []
        for p in places {
            for l in data.linksOf[p] ?? [] where l.target == p && (l.type == .atLocation || l.type == .foundAt) {
                guard let (t, span) = dated(l.time, in: days), data.entity(l.source)?.kind == .person else { continue }
                if data.isChild(l.source, during: l) {
                    children.add(l.source, span, t, l.evidence)
                } else if l.type == .atLocation && data.isAdultOfConcern(l.source, during: l) && !data.strength.needsCorroboration(l.evidence) {
                    adults.insert(l.source)
                    adultTimes.append((span.start.secondsSinceEpoch, span.end.secondsSinceEpoch))
                }
            }
            for e in episodesFoundAt[p] ?? [] {
                guard let (t, span) = dated((e.end ?? e.start).isoText, in: days), data.isChild(e.child) else { continue }
                children.add(e.child, span, t, [e.source])
                for a in e.foundWith where data.isAdultOfConcern(a, during: e) {
                    adults.insert(a)
                    adultTimes.append((span.start.secondsSinceEpoch, span.end.secondsSinceEpoch))
                }
            }
        }
        let (counted, weak) = children.split(data.strength)
        // A night-time occasion: a counted moment in the night window with an adult of concern at one
        // of the places within the co-presence window.
        let nightCount = counted.filter { m, v in
            guard night?.contains(time: v.time) ?? false else { return false }
            return adultTimes.contains { $0.start <= m.end + windowSeconds && m.start <= $0.end + windowSeconds }
        }.count
        let (from, until) = window(days)
        return Side(from: from, until: until, count: counted.count, children: Set(counted.keys.map(\.person)).count,
                    adults: adults.count, nightOccasions: nightCount, weakNotCounted: weak,
                    items: distinctEvidence(counted.values.flatMap(\.items)))
    }

    /// The adult's associations with the child (any child when nil) in the window.
    static func associations(of adult: EntityID, with child: EntityID?, in days: ClosedRange<Int>, _ data: ProductData,
                             episodesWith: [MissingEpisode]) -> Side {
        var tally = Tally()
        for l in data.linksOf[adult] ?? [] {
            let other = ProductData.other(l, from: adult)
            guard other != adult, child.map({ $0 == other }) ?? (data.entity(other)?.kind == .person && data.isChild(other, during: l)),
                  let (t, span) = dated(l.time, in: days) else { continue }
            tally.add(other, span, t, l.evidence)
        }
        for e in episodesWith where child.map({ $0 == e.child }) ?? data.isChild(e.child) {
            guard let (t, span) = dated((e.end ?? e.start).isoText, in: days) else { continue }
            tally.add(e.child, span, t, [e.source])
        }
        let (counted, weak) = tally.split(data.strength)
        let (from, until) = window(days)
        return Side(from: from, until: until, count: counted.count, children: Set(counted.keys.map(\.person)).count,
                    adults: nil, nightOccasions: nil, weakNotCounted: weak, items: distinctEvidence(counted.values.flatMap(\.items)))
    }
}
