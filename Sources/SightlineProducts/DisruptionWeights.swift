import SightlineModel
import SightlineReadModel

/// The weights of the disruption lists (`sightline disrupt locations|vehicles|phones|people`), with
/// their defaults in code. A weights file (YAML, `--weights FILE`; the defaults are shipped as
/// `docs/disruption-weights.yaml`) may give any subset of the keys; the rest keep their defaults.
///
/// Every score is a plain sum of parts, each part a measured value times its weight, and every row
/// shows each part, so a reader can check the arithmetic and see what moved a row up the list.
public struct DisruptionWeights: Codable, Sendable, Equatable {
    public var locations = Locations()
    public var vehicles = Vehicles()
    public var phones = Phones()
    public var people = People()
    public var evidence = Evidence()

    public init() {}

    /// How items weigh in every list's counts (``EvidenceStrength``).
    public struct Evidence: Codable, Sendable, Equatable {
        /// An item's recency factor halves every this many days.
        public var recencyHalfLifeDays = 365.0
        /// The weakest grade that is firm, `2C`: a source evaluation 1-3 and an assessment A-E. A row
        /// with no firm item is listed apart as needing corroboration.
        public var firmGrade = "2C"
        public init() {}

        /// Applied to a list's strength.
        public func apply(to strength: inout EvidenceStrength) {
            strength.recencyHalfLifeDays = recencyHalfLifeDays
            if let (s, a) = Self.parse(firmGrade) { strength.firmSource = s; strength.firmAssessment = a }
        }

        /// `2C` as source 2, assessment C; nil unless a source 1-3 and an assessment A-E.
        static func parse(_ text: String) -> (Int, Character)? {
            let c = Array(text.uppercased())
            guard c.count == 2, let s = c[0].wholeNumberValue, (1...3).contains(s), ("A"..."E").contains(c[1]) else { return nil }
            return (s, c[1])
        }
    }

    /// `sightline disrupt locations`: the exposure of children at a place.
    public struct Locations: Codable, Sendable, Equatable {
        /// Points per distinct child at risk linked to the place (seen there, found there, taken there).
        public var children = 3.0
        /// Points per distinct adult of concern linked to the place (seen there, frequents, lives or works there, found there with a child).
        public var suspects = 2.0
        /// Points per occasion: a child's recorded presence with an adult of concern there within the window.
        public var occasions = 1.0
        /// Extra points per occasion that fell in the night window.
        public var nightOccasions = 1.0
        /// Points times 2^(-age / half-life) of the newest item behind the row (so at most this many).
        public var recency = 5.0
        public var recencyHalfLifeDays = 365.0
        /// Points times the share of the row's items graded 1-2 and A-B (so at most this many).
        public var grade = 3.0
        /// Points per distinct agency among the row's items.
        public var corroboration = 1.0
        /// The co-presence window: a child's and an adult's presences at most this many hours apart are one occasion.
        public var windowHours = 3.0
        /// The night window, local wall-clock `HH:MM`; it may wrap past midnight (18:00 to 06:00).
        /// The start is inside the window, the end is not.
        public var nightStart = "18:00"
        public var nightEnd = "06:00"
        public init() {}
    }

    /// `sightline disrupt vehicles`: number-plate reader marker candidates.
    public struct Vehicles: Codable, Sendable, Equatable {
        /// Points per distinct child at risk who travelled in the vehicle.
        public var children = 3.0
        /// Points per distinct adult of concern who drove, kept or travelled in it.
        public var suspects = 2.0
        /// Points per occasion: a child in the vehicle with an adult of concern within the window.
        public var occasions = 1.0
        /// Points per top location of risk the vehicle was recorded at (at_location, frequents).
        public var topLocations = 2.0
        /// How many of the top rows of the locations list count as top locations.
        public var topLocationCount = 10.0
        public var windowHours = 3.0
        public init() {}
    }

    /// `sightline disrupt phones`.
    public struct Phones: Codable, Sendable, Equatable {
        /// Points per distinct child at risk whose phone this phone contacted (either way).
        public var childrenContacted = 3.0
        /// Points per recorded contact with a child's phone.
        public var contacts = 0.5
        /// Points per distinct child the phone was given to by an adult.
        public var givenToChildren = 4.0
        /// Points per distinct adult of concern using the phone.
        public var suspectsUsing = 2.0
        public init() {}
    }

    /// `sightline disrupt people`: adults ranked by the harm they are linked to.
    public struct People: Codable, Sendable, Equatable {
        /// Points per distinct child at risk linked to the adult (directly, or found with on a missing episode).
        public var children = 3.0
        /// Points per missing episode on which a child was found with the adult.
        public var episodes = 2.0
        /// Points per distinct adult of concern the adult is directly linked to.
        public var suspects = 1.0
        /// Points times betweenness as a share of the highest in the network (so at most this many).
        public var betweenness = 10.0
        /// Points per close child–adult-of-concern pair (at most 2 links apart) that removing the adult breaks.
        public var impact = 0.5
        public init() {}
    }

    /// The largest weight a file may give.
    public static let maximumWeight = 1000.0

    /// Problems with the values, each naming its key (`locations.night_start`); empty when valid.
    public func problems() -> [String] {
        var out: [String] = []
        // Bounds (docs/disruption-weights.yaml): a weight from 0 to 1000, a window up to a leap
        // year of hours, a count up to 1000; finite, so that no score is infinite or NaN and no
        // conversion to whole seconds or a count can trap.
        func text(_ v: Double) -> String { v.isFinite && v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)" }
        func bounded(_ section: String, _ pairs: [(String, Double)], _ range: ClosedRange<Double>) {
            for (k, v) in pairs where !(v.isFinite && range.contains(v)) {
                out.append("'\(section).\(k)' must be between \(text(range.lowerBound)) and \(text(range.upperBound)) (got \(text(v)))")
            }
        }
        func nonNegative(_ section: String, _ pairs: [(String, Double)]) {
            bounded(section, pairs.filter { !$0.0.hasSuffix("window_hours") && $0.0 != "top_location_count" }, 0...Self.maximumWeight)
            bounded(section, pairs.filter { $0.0.hasSuffix("window_hours") }, 0...8784)
            bounded(section, pairs.filter { $0.0 == "top_location_count" }, 0...1000)
        }
        let l = locations, v = vehicles, p = phones, q = people
        nonNegative("locations", [("children", l.children), ("suspects", l.suspects), ("occasions", l.occasions),
                                  ("night_occasions", l.nightOccasions), ("recency", l.recency), ("grade", l.grade),
                                  ("corroboration", l.corroboration), ("window_hours", l.windowHours)])
        bounded("locations", [("recency_half_life_days", l.recencyHalfLifeDays)], 1...36_600)
        for (k, t) in [("night_start", l.nightStart), ("night_end", l.nightEnd)] where NightWindow.minutes(t) == nil {
            out.append("'locations.\(k)' must be a time HH:MM (got \"\(t)\")")
        }
        if let a = NightWindow.minutes(l.nightStart), let b = NightWindow.minutes(l.nightEnd), a == b {
            out.append("'locations.night_start' and 'locations.night_end' must differ")
        }
        nonNegative("vehicles", [("children", v.children), ("suspects", v.suspects), ("occasions", v.occasions),
                                 ("top_locations", v.topLocations), ("top_location_count", v.topLocationCount), ("window_hours", v.windowHours)])
        if v.topLocationCount != v.topLocationCount.rounded() { out.append("'vehicles.top_location_count' must be a whole number (got \(v.topLocationCount))") }
        nonNegative("phones", [("children_contacted", p.childrenContacted), ("contacts", p.contacts),
                               ("given_to_children", p.givenToChildren), ("suspects_using", p.suspectsUsing)])
        nonNegative("people", [("children", q.children), ("episodes", q.episodes), ("suspects", q.suspects),
                               ("betweenness", q.betweenness), ("impact", q.impact)])
        bounded("evidence", [("recency_half_life_days", evidence.recencyHalfLifeDays)], 1...36_600)
        if Evidence.parse(evidence.firmGrade) == nil {
            out.append("'evidence.firm_grade' must be a source 1-3 and an assessment A-E, like 2C (got \"\(evidence.firmGrade)\")")
        }
        return out
    }

    /// Every key a weights file may hold, by section: what the command checks a file against, so
    /// that a misspelt key is an error rather than a weight silently left at its default.
    public static let keys: [String: [String]] = [
        "locations": Locations.CodingKeys.allCases.map(\.rawValue),
        "vehicles": Vehicles.CodingKeys.allCases.map(\.rawValue),
        "phones": Phones.CodingKeys.allCases.map(\.rawValue),
        "people": People.CodingKeys.allCases.map(\.rawValue),
        "evidence": Evidence.CodingKeys.allCases.map(\.rawValue),
    ]
}

// Decoding: every key optional (defaults fill the rest), keys in snake_case.
extension DisruptionWeights {
    enum CodingKeys: String, CodingKey, CaseIterable { case locations, vehicles, phones, people, evidence }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        locations = try c.decodeIfPresent(Locations.self, forKey: .locations) ?? Locations()
        vehicles = try c.decodeIfPresent(Vehicles.self, forKey: .vehicles) ?? Vehicles()
        phones = try c.decodeIfPresent(Phones.self, forKey: .phones) ?? Phones()
        people = try c.decodeIfPresent(People.self, forKey: .people) ?? People()
        evidence = try c.decodeIfPresent(Evidence.self, forKey: .evidence) ?? Evidence()
    }
}

extension DisruptionWeights.Evidence {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case recencyHalfLifeDays = "recency_half_life_days"
        case firmGrade = "firm_grade"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        recencyHalfLifeDays = try c.decodeIfPresent(Double.self, forKey: .recencyHalfLifeDays) ?? d.recencyHalfLifeDays
        firmGrade = try c.decodeIfPresent(String.self, forKey: .firmGrade) ?? d.firmGrade
    }
}

extension DisruptionWeights.Locations {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case children, suspects, occasions
        case nightOccasions = "night_occasions"
        case recency
        case recencyHalfLifeDays = "recency_half_life_days"
        case grade, corroboration
        case windowHours = "window_hours"
        case nightStart = "night_start"
        case nightEnd = "night_end"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        children = try c.decodeIfPresent(Double.self, forKey: .children) ?? d.children
        suspects = try c.decodeIfPresent(Double.self, forKey: .suspects) ?? d.suspects
        occasions = try c.decodeIfPresent(Double.self, forKey: .occasions) ?? d.occasions
        nightOccasions = try c.decodeIfPresent(Double.self, forKey: .nightOccasions) ?? d.nightOccasions
        recency = try c.decodeIfPresent(Double.self, forKey: .recency) ?? d.recency
        recencyHalfLifeDays = try c.decodeIfPresent(Double.self, forKey: .recencyHalfLifeDays) ?? d.recencyHalfLifeDays
        grade = try c.decodeIfPresent(Double.self, forKey: .grade) ?? d.grade
        corroboration = try c.decodeIfPresent(Double.self, forKey: .corroboration) ?? d.corroboration
        windowHours = try c.decodeIfPresent(Double.self, forKey: .windowHours) ?? d.windowHours
        nightStart = try c.decodeIfPresent(String.self, forKey: .nightStart) ?? d.nightStart
        nightEnd = try c.decodeIfPresent(String.self, forKey: .nightEnd) ?? d.nightEnd
    }
}

extension DisruptionWeights.Vehicles {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case children, suspects, occasions
        case topLocations = "top_locations"
        case topLocationCount = "top_location_count"
        case windowHours = "window_hours"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        children = try c.decodeIfPresent(Double.self, forKey: .children) ?? d.children
        suspects = try c.decodeIfPresent(Double.self, forKey: .suspects) ?? d.suspects
        occasions = try c.decodeIfPresent(Double.self, forKey: .occasions) ?? d.occasions
        topLocations = try c.decodeIfPresent(Double.self, forKey: .topLocations) ?? d.topLocations
        topLocationCount = try c.decodeIfPresent(Double.self, forKey: .topLocationCount) ?? d.topLocationCount
        windowHours = try c.decodeIfPresent(Double.self, forKey: .windowHours) ?? d.windowHours
    }
}

extension DisruptionWeights.Phones {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case childrenContacted = "children_contacted"
        case contacts
        case givenToChildren = "given_to_children"
        case suspectsUsing = "suspects_using"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        childrenContacted = try c.decodeIfPresent(Double.self, forKey: .childrenContacted) ?? d.childrenContacted
        contacts = try c.decodeIfPresent(Double.self, forKey: .contacts) ?? d.contacts
        givenToChildren = try c.decodeIfPresent(Double.self, forKey: .givenToChildren) ?? d.givenToChildren
        suspectsUsing = try c.decodeIfPresent(Double.self, forKey: .suspectsUsing) ?? d.suspectsUsing
    }
}

extension DisruptionWeights.People {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case children, episodes, suspects, betweenness, impact
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        children = try c.decodeIfPresent(Double.self, forKey: .children) ?? d.children
        episodes = try c.decodeIfPresent(Double.self, forKey: .episodes) ?? d.episodes
        suspects = try c.decodeIfPresent(Double.self, forKey: .suspects) ?? d.suspects
        betweenness = try c.decodeIfPresent(Double.self, forKey: .betweenness) ?? d.betweenness
        impact = try c.decodeIfPresent(Double.self, forKey: .impact) ?? d.impact
    }
}

/// One part of a score: what was measured, its weight, and the points it gives (value × weight).
public struct ScorePart: Codable, Sendable, Equatable {
    /// Short name (`children`, `night occasions`).
    public var part: String
    /// The measured value: for a counted part, each element weighted by the strength of its items
    /// (``EvidenceStrength/support(_:)``); 1 each when unweighted.
    public var value: Double
    public var weight: Double
    public var points: Double
    /// For a counted part: how many elements were counted (children, occasions ...), before weighting.
    public var count: Int?
    /// For a counted part: each element with its support and the items behind it, strongest first.
    public var elements: [CountedElement]?

    public init(_ part: String, value: Double, weight: Double) {
        self.part = part; self.value = value; self.weight = weight; points = rounded(value * weight)
    }

    /// A counted part: each element (a child, an adult, an occasion) counts by the strength of the
    /// items behind it (``EvidenceStrength/support(_:)``), not 1.
    /// - Complexity: O(items) plus O(e log e) to order the e elements.
    public init<Key: CountedKey>(_ part: String, counting elements: [Key: [Citation]], weight: Double, _ strength: EvidenceStrength) {
        var counted = elements.map { key, items in
            CountedElement(element: key.elementText, support: rounded(strength.support(items)), items: uniqueItems(items))
        }
        counted.sort { ($0.support, $1.element) > ($1.support, $0.element) }
        self.init(part, value: rounded(counted.reduce(0) { $0 + $1.support }), weight: weight)
        count = counted.count
        self.elements = counted
    }

    /// `children 16×3 = 48`; a weighted count shows how many it counts: `children 4.2 (of 6)×3 = 12.6`.
    public var text: String {
        let shown = count.map { Double($0) != value ? "\(Self.number(value)) (of \($0))" : Self.number(value) } ?? Self.number(value)
        return "\(part) \(shown)×\(Self.number(weight)) = \(Self.number(points))"
    }

    /// A number with at most two decimals and no trailing zeros.
    public static func number(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        var s = String(format2: r)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}

extension String {
    /// Two decimals without Foundation.
    init(format2 x: Double) {
        let negative = x < 0
        let cents = Int((abs(x) * 100).rounded())
        let frac = cents % 100
        self = (negative ? "-" : "") + "\(cents / 100)." + (frac < 10 ? "0" : "") + "\(frac)"
    }
}

/// One element a part counts, with its support and the items behind it.
public struct CountedElement: Codable, Sendable, Equatable {
    /// `E12` (a person or thing), `E12 2024-03-02T21:40` (an occasion), `police` (an agency).
    public var element: String
    /// In [0, 1]: how strongly its items support it (1 each when unweighted).
    public var support: Double
    public var items: [Citation]
}

/// Items without repeats, in the order given (cheaper than ``distinctEvidence(_:)``'s sort, for the
/// many elements of a list).
func uniqueItems(_ items: [Citation]) -> [Citation] {
    guard items.count > 1 else { return items }
    if items.count == 2 { return items[0].ref == items[1].ref ? [items[0]] : items }
    var seen = Set<IntelRef>(minimumCapacity: items.count)
    return items.filter { seen.insert($0.ref).inserted }
}

/// What a counted part's elements are keyed by: how each is named in ``CountedElement``.
public protocol CountedKey: Hashable {
    var elementText: String { get }
}

extension EntityID: CountedKey { public var elementText: String { description } }
extension String: CountedKey { public var elementText: String { self } }
extension OccasionKey: CountedKey { public var elementText: String { "\(child) \(time)" } }

/// A list's rows: those ranked, in order, and those resting on weak intelligence only
/// (``EvidenceStrength/needsCorroboration(_:)``), apart and never ranked.
public struct RankedList<Row: Codable & Sendable & EvidencedRow>: Codable, Sendable {
    public var ranked: [Row]
    public var needsCorroboration: [Row]

    public init(ranked: [Row], needsCorroboration: [Row]) {
        self.ranked = ranked; self.needsCorroboration = needsCorroboration
    }
}

/// A row that may be ranked or set apart: what ``RankedList`` needs of it.
public protocol RankableRow: EvidencedRow {
    var rank: Int? { get set }
    /// What would corroborate the row, when it rests on weak intelligence only; nil otherwise.
    var needsCorroboration: String? { get }
}

extension RankedList where Row: RankableRow {
    /// Splits `rows`: those needing corroboration apart (in the same order, unranked), the rest
    /// sorted by `before` and ranked 1, 2, ...
    init(_ rows: [Row], by before: (Row, Row) -> Bool) {
        var ranked = rows.filter { $0.needsCorroboration == nil }.sorted(by: before)
        for i in ranked.indices { ranked[i].rank = i + 1 }
        var apart = rows.filter { $0.needsCorroboration != nil }.sorted(by: before)
        for i in apart.indices { apart[i].rank = nil }
        self.init(ranked: ranked, needsCorroboration: apart)
    }
}

/// A score as the sum of its parts.
func total(_ parts: [ScorePart]) -> Double { parts.reduce(0) { $0 + $1.points } }

/// The night window: local wall-clock times from `start` (inside) to `end` (outside), wrapping past
/// midnight when `start` is later than `end` (18:00 to 06:00).
public struct NightWindow: Sendable, Equatable {
    /// Minutes after midnight.
    public var start: Int, end: Int

    public init?(start: String, end: String) {
        guard let a = Self.minutes(start), let b = Self.minutes(end), a != b else { return nil }
        self.start = a; self.end = b
    }

    /// `HH:MM` (00:00 to 23:59) as minutes after midnight.
    public static func minutes(_ text: String) -> Int? {
        let p = text.split(separator: ":", omittingEmptySubsequences: false)
        guard p.count == 2, p[0].count == 2, p[1].count == 2, let h = Int(p[0]), let m = Int(p[1]),
              (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    /// Whether a second of the day (0 to 86,399) lies in the window.
    func contains(secondOfDay s: Int) -> Bool {
        let a = start * 60, b = end * 60
        return a < b ? (s >= a && s < b) : (s >= a || s < b)
    }

    /// Whether a recorded time falls (at least partly) in the window. A time without a time of day
    /// (a date, a month, `~2024-03`, or a period of such) is never night-time: it cannot say when
    /// in the day it was. A timed period counts when any moment of it is in the window.
    /// - Complexity: O(1).
    public func contains(_ time: TimeSpec) -> Bool {
        guard !time.isDateOnly else { return false }
        let s = time.start.secondsSinceEpoch, e = time.end.secondsSinceEpoch
        if e - s >= 86_400 { return true }
        if contains(secondOfDay: s - time.start.dayNumber * 86_400) { return true }
        // Otherwise the period overlaps the window only if it contains the window's start on its first or next day.
        for day in [time.start.dayNumber, time.start.dayNumber + 1] {
            let opening = day * 86_400 + start * 60
            if opening > s && opening <= e { return true }
        }
        return false
    }
}
