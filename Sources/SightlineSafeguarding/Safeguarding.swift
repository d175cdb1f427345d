import SightlineModel
import SightlineReadModel

/// Who is a child, who is an adult of concern and who is held back for review, on one date: the
/// one place every analysis, list, picture and command asks.
///
/// The rules, for a person on the date in question (the run day, or `--as-of`):
/// - **A child** is anyone under 18 on that date, and anyone recorded as a child at risk. Ages come
///   from every recorded date of birth together (``possibleAges(_:from:to:)``): when any of them
///   allows an age under 18 (an approximate `~2009`, a year-only `2008`, two agencies disagreeing),
///   the person is treated as under 18. A child is never ranked, scored, sized, proposed for
///   disruption or made a notice's subject.
/// - **Held for review** is a person whose records conflict in a way that must not be settled
///   silently: recorded as a child at risk only on items dated when every date of birth makes them
///   18 or over. They are neither ranked nor dropped: every list says how many it held back and
///   `sightline review` shows the items on each side.
/// - **An adult of concern** is an adult (neither of the above) recorded as a suspect or harbourer
///   on an item dated when they were certainly 18 or over (or with no date of birth recorded).
///   What a person did or was linked to while under 18 never makes them an adult of concern.
/// - Recorded conflicts are surfaced as ``Concern``s whatever the status: a young person recorded
///   as a suspect or harbourer (a child to safeguard: criminal exploitation and National Referral
///   Mechanism consideration), dates of birth more than ``birthDateMargin`` days apart, and the
///   child-at-risk conflict above.
///
/// Roles recorded without an item (a hand-built entity) count as recorded on an unknown date: they
/// can make someone a child, never an adult of concern on their own date.
public struct Safeguarding: Sendable {
    /// The date in question.
    public let day: Timestamp
    /// Dates of birth further apart than this many days are a conflict for review, and a merge of two
    /// people whose dates of birth are this far apart needs an override.
    public static let birthDateMargin = 366

    /// Why a person is treated as a child.
    public enum ChildReason: String, Sendable, Codable {
        case under18 = "under 18"
        case possiblyUnder18 = "possibly under 18"
        case recordedChildAtRisk = "recorded as a child at risk"
    }

    public enum Status: Sendable, Equatable {
        case adult
        case child(ChildReason)
        case heldForReview
    }

    /// A conflict in a person's records, with the items on each side.
    public struct Concern: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable {
            /// A child-at-risk role recorded on an item dated when the person was 18 or over.
            case childAtRiskRecordedOnAnAdult = "child at risk recorded on an adult"
            /// A person under 18 (now or when the role was recorded) recorded as a suspect or harbourer.
            case youngPersonRecordedAsSuspect = "young person recorded as a suspect or harbourer"
            /// Dates of birth more than the margin apart.
            case birthDatesDisagree = "dates of birth disagree"
        }
        public var entity: EntityID
        public var label: String
        public var kind: Kind
        /// In words: what conflicts, and what follows.
        public var detail: String
        public var evidence: [Citation]
    }

    private var status: [EntityID: Status] = [:]
    /// Every person classified (anything else is a place or a thing).
    private var people: Set<EntityID> = []
    private var concernRole: Set<EntityID> = []
    private var adultFrom: [EntityID: Timestamp] = [:]
    /// Every conflict found, in entity order.
    public private(set) var concerns: [Concern] = []

    /// Decides every person's status on `day`.
    /// - Complexity: O(entities + role records + dates of birth).
    public init(_ entities: some Sequence<NetworkEntity>, on day: Timestamp) {
        self.day = day
        for e in entities where e.kind == .person {
            people.insert(e.id)
            classify(e)
        }
        concerns.sort { ($0.entity.rawValue, $0.kind.rawValue) < ($1.entity.rawValue, $1.kind.rawValue) }
    }

    // MARK: Questions every output asks

    /// The person's status (anything that is not a person is `.adult`: places are examined).
    public func status(of id: EntityID) -> Status { status[id] ?? .adult }

    /// Whether the person is a child on the date in question: never ranked, scored, sized or proposed.
    public func isChild(_ id: EntityID) -> Bool {
        if case .child = status(of: id) { return true }
        return false
    }

    /// Whether the entity is a person who is not a child (an adult, or held for review).
    public func isAdultPerson(_ id: EntityID) -> Bool { people.contains(id) && !isChild(id) }

    /// Whether the person's records conflict so that they are held back from every ranking.
    public func isHeldForReview(_ id: EntityID) -> Bool { status(of: id) == .heldForReview }

    /// Whether the entity may be ranked, scored, sized or proposed at all: adults who are not held for
    /// review, and everything that is not a person. (Protective places are a separate rule:
    /// ``isProtectivePlace(_:)``.)
    public func mayBeRanked(_ id: EntityID) -> Bool { status(of: id) == .adult }

    /// An adult recorded as a suspect or harbourer on an item dated when they were an adult.
    public func isAdultOfConcern(_ id: EntityID) -> Bool { mayBeRanked(id) && concernRole.contains(id) }

    /// Whether the person was certainly 18 or over throughout a day (true with no date of birth
    /// recorded): what they did or were linked to on a day when this is false never counts toward
    /// ranking them as an adult.
    public func wasAdult(_ id: EntityID, on date: Timestamp) -> Bool {
        guard let from = adultFrom[id] else { return status[id] == nil || status[id] == .adult }
        return date.dayNumber >= from.dayNumber
    }

    /// Like ``wasAdult(_:on:)`` for a stored time (`2024-03-04`, `2024-03`, `~2024`, a period):
    /// judged on the last day the time may mean, so a link in a month during which the person turned
    /// 18 does not count. Untimed (nil) is judged on the run's date.
    public func wasAdult(_ id: EntityID, at time: String?) -> Bool {
        guard adultFrom[id] != nil else { return wasAdult(id, on: day) }
        guard let time, let spec = try? TimeSpec(parsing: time) else { return wasAdult(id, on: day) }
        return wasAdult(id, on: spec.start) && wasAdult(id, on: spec.end)
    }

    /// The children to safeguard among people recorded as suspects or harbourers, with their items.
    public var youngPeopleRecordedAsSuspects: [Concern] { concerns.filter { $0.kind == .youngPersonRecordedAsSuspect } }

    /// How many of `entities` a ranked list held back, and why, in words (nil when none): children
    /// recorded as suspects or harbourers, and people held for review.
    public func heldBackNote(among entities: some Sequence<NetworkEntity>) -> String? {
        var children = 0, review = 0
        var seen = Set<EntityID>()
        for e in entities where e.kind == .person && seen.insert(e.id).inserted {
            switch status(of: e.id) {
            case .adult: break
            case .child: if e.roles.contains(.suspect) || e.roles.contains(.harbourer) { children += 1 }
            case .heldForReview: review += 1
            }
        }
        guard children + review > 0 else { return nil }
        var parts: [String] = []
        if children > 0 { parts.append("\(children) recorded as a suspect or harbourer but a child on \(day.dateText) (safeguard as a child: criminal exploitation, National Referral Mechanism consideration)") }
        if review > 0 { parts.append("\(review) whose records conflict (a child-at-risk role recorded when they were an adult)") }
        return "Held back, not ranked: " + parts.joined(separator: "; ") + ". See 'sightline review'."
    }

    // MARK: Ages

    /// The possible ages of a person over a period, from all their recorded dates of birth together.
    /// - Returns: nil when no date of birth is recorded (or none can be read).
    /// - Complexity: O(dates of birth).
    public static func possibleAges(_ births: [BirthDate], from start: Timestamp, to end: Timestamp) -> ClosedRange<Int>? {
        guard !births.isEmpty else { return nil }
        var lo = Int.max, hi = Int.min
        for b in births {
            lo = min(lo, b.ageRange(at: start).lowerBound)
            hi = max(hi, b.ageRange(at: end).upperBound)
        }
        return lo...hi
    }

    /// The first day on which every recorded date of birth makes the person 18 (nil: none recorded).
    static func certainlyAdultFrom(_ births: [BirthDate]) -> Timestamp? {
        guard !births.isEmpty else { return nil }
        var day = Int.min
        for b in births {
            // The latest possible birthday (a year later again when approximate), plus 18 years.
            var latest = b.latest
            if b.isApproximate { latest.year += 1 }
            latest.year += 18
            if latest.month == 2 && latest.day == 29 && !Timestamp.isLeap(latest.year) { latest.month = 3; latest.day = 1 }
            day = max(day, latest.dayNumber)
        }
        return Timestamp(dayNumber: day)
    }

    // MARK: Classification

    /// The stand-in item of a role recorded without one (on an unknown date): an empty reference,
    /// which no date judgement uses and no list cites.
    static let unknownItem = Citation(ref: IntelRef(agency: .other, reference: ""), recorded: Day(dayNumber: 0),
                                      grade: .current(source: 3, assessment: "E", handling: .permitted, conditions: nil))

    /// A person's role records, with a role recorded without an item standing on ``unknownItem``.
    static func roleRecords(of e: NetworkEntity) -> [Dated<Role>] {
        var records = e.roleRecords
        for r in e.roles where !records.contains(where: { $0.value == r }) {
            records.append(Dated(r, source: Self.unknownItem))
        }
        return records
    }

    /// Whether an item was recorded when the person was certainly an adult (nil: not known).
    static func adult(onRecorded c: Citation, adultFrom adultDay: Timestamp?) -> Bool? {
        guard let adultDay, !c.reference.isEmpty else { return nil }
        return c.recorded.dayNumber >= adultDay.dayNumber
    }

    /// The status rule itself: a child when any date of birth allows an age under 18 on the day;
    /// otherwise a recorded child at risk, unless every such item is dated when the person was
    /// certainly an adult (held for review). Returns the child-at-risk items dated on an adult too.
    static func decide(ages: ClosedRange<Int>?, childRecords: [Dated<Role>], adultFrom adultDay: Timestamp?) -> (Status, onAnAdult: [Dated<Role>]) {
        if let ages, ages.lowerBound < 18 { return (.child(ages.upperBound < 18 ? .under18 : .possiblyUnder18), []) }
        guard !childRecords.isEmpty else { return (.adult, []) }
        let onAnAdult = childRecords.filter { adult(onRecorded: $0.source, adultFrom: adultDay) == true }
        return (onAnAdult.count == childRecords.count ? .heldForReview : .child(.recordedChildAtRisk), onAnAdult)
    }

    /// One person's status on `day`, decided from their own records as ``status(of:)`` decides it,
    /// without classifying anyone else (for a screen that only asks who is a child).
    public static func status(of e: NetworkEntity, on day: Timestamp) -> Status {
        guard e.kind == .person else { return .adult }
        // Neither a date of birth nor a child-at-risk role: an adult (the usual case, decided without allocating).
        if e.birthDates.isEmpty && !e.roles.contains(.childAtRisk) && !e.roleRecords.contains(where: { $0.value == .childAtRisk }) { return .adult }
        let births = e.birthDates.compactMap { $0.value.value }
        let childRecords = roleRecords(of: e).filter { $0.value == .childAtRisk }
        return decide(ages: possibleAges(births, from: day, to: day), childRecords: childRecords, adultFrom: certainlyAdultFrom(births)).0
    }

    /// Whether one person is a child on `day` (``isChild(_:)`` for that person alone).
    public static func isChild(_ e: NetworkEntity, on day: Timestamp) -> Bool {
        if case .child = status(of: e, on: day) { return true }
        return false
    }

    private mutating func classify(_ e: NetworkEntity) {
        let births = e.birthDates.compactMap { $0.value.value }
        let records = Self.roleRecords(of: e)
        let adultDay = Self.certainlyAdultFrom(births)
        if let adultDay { adultFrom[e.id] = adultDay }
        func adult(onRecorded c: Citation) -> Bool? { Self.adult(onRecorded: c, adultFrom: adultDay) }

        let ages = Self.possibleAges(births, from: day, to: day)
        let childRecords = records.filter { $0.value == .childAtRisk }
        let concernRecords = records.filter { $0.value == .suspect || $0.value == .harbourer }
        func ageText(_ r: ClosedRange<Int>) -> String { r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)-\(r.upperBound)" }

        let (s, onAnAdult) = Self.decide(ages: ages, childRecords: childRecords, adultFrom: adultDay)
        if !onAnAdult.isEmpty {
            concerns.append(Concern(entity: e.id, label: e.label, kind: .childAtRiskRecordedOnAnAdult,
                                    detail: "recorded as a child at risk on \(onAnAdult.map(\.source.recorded.text).joined(separator: ", ")), when every recorded date of birth (\(e.birthDates.map(\.value.text).joined(separator: ", "))) makes them 18 or over"
                                        + (s == .heldForReview ? "; held back from every list until the records are corrected" : "; still protected as a child by other items"),
                                    evidence: onAnAdult.map(\.source) + e.birthDates.map(\.source)))
        }
        status[e.id] = s == .adult ? nil : s

        // Suspect or harbourer roles recorded while the person was (possibly) under 18.
        let childNow: Bool = { if case .child = s { return true } else { return false } }()
        let young = concernRecords.filter { childNow || adult(onRecorded: $0.source) == false }
        if !young.isEmpty {
            let now = ages.map { "age \(ageText($0)) on \(day.dateText)" } ?? "recorded as a child at risk"
            concerns.append(Concern(entity: e.id, label: e.label, kind: .youngPersonRecordedAsSuspect,
                                    detail: (childNow ? "a child (\(now))" : "under 18 when")
                                        + " recorded as \(Set(young.map(\.value.title)).sorted().joined(separator: " and ")): safeguard as a child at risk of criminal exploitation and consider a National Referral Mechanism referral; what they did while under 18 never counts toward ranking them",
                                    evidence: young.map(\.source).filter { !$0.reference.isEmpty } + e.birthDates.map(\.source)))
        }
        if s == .adult, concernRecords.contains(where: { adult(onRecorded: $0.source) != false }) {
            concernRole.insert(e.id)
        }

        // Dates of birth further apart than the margin.
        if births.count > 1 {
            let earliest = births.map(\.earliest.dayNumber).min()!, latest = births.map(\.latest.dayNumber).max()!
            if latest - earliest > Self.birthDateMargin {
                concerns.append(Concern(entity: e.id, label: e.label, kind: .birthDatesDisagree,
                                        detail: "dates of birth recorded \((latest - earliest) / 365) or more years apart: \(e.birthDates.map { "\($0.value.text) (\($0.source.ref))" }.joined(separator: ", ")); treated as under 18 while any of them allows it",
                                        evidence: e.birthDates.map(\.source)))
            }
        }
    }
}

extension Safeguarding {
    /// One line of `sightline review`: a conflict in a person's records, the status it leaves them
    /// in, and the items on each side.
    public struct ReviewRow: Sendable, Codable, Equatable {
        public var entity: String
        public var label: String
        /// `child`, `held for review` or `adult`.
        public var status: String
        public var kind: String
        public var detail: String
        public var evidence: [Citation]
    }

    /// Every conflict, in entity order, for an analyst to settle at source.
    public var review: [ReviewRow] {
        concerns.map { c in
            let status: String = switch status(of: c.entity) {
            case .adult: "adult"
            case .child(let why): "child (\(why.rawValue))"
            case .heldForReview: "held for review"
            }
            return ReviewRow(entity: c.entity.description, label: c.label, status: status, kind: c.kind.rawValue, detail: c.detail,
                             evidence: c.evidence.filter { !$0.reference.isEmpty })
        }
    }
}
