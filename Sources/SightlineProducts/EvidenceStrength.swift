import SightlineModel
import SightlineNetwork
import SightlineReadModel

/// How strongly the intelligence behind a list's counts supports them: the one place where every
/// list (`disrupt locations|people|vehicles|phones`, `notices candidates`) turns items into weights
/// and decides which rows rest on too little to be ranked (docs/algorithms.md, "Evidence strength").
///
/// - An item's **strength** r is its grade times its recency, as the network weighs links: source
///   1/2/3 as 1.0/0.6/0.3, assessment A-E as 1.0/0.8/0.6/0.4/0.1 (legacy 5x5x5 grades through the
///   filter's mapping, ``NetworkFilter/evaluation(of:)``), times 2^(-age / half-life), the age from
///   the item's recorded date to the list's reference date.
/// - One counted element (a child seen at a place, an occasion, an association) is **supported**
///   by its items: items from one agency are not independent of each other, so each agency gives
///   its strongest item; agencies corroborate each other as 1 - Π(1 - r) over agencies.
/// - An item is **firm** when graded at least as well as ``firmSource`` and ``firmAssessment``
///   (2C by default: source 1-2 and assessment A-C). A row none of whose items is firm, and an
///   association none of whose items is firm, rests on weak intelligence: such rows are listed
///   apart, unranked, as needing corroboration, and such associations never count toward a notice.
///
/// With ``weighted`` false (`--unweighted`) every element counts 1 and no row is set apart: the
/// lists as they were before evidence strength governed them, for comparison.
public struct EvidenceStrength: Sendable, Equatable {
    /// Whether counts are weighted by evidence and weak rows set apart.
    public var weighted = true
    public var recencyHalfLifeDays = 365.0
    /// The weakest grade still firm: source at most this, and ...
    public var firmSource = 2
    /// ... assessment at most this (A-E).
    public var firmAssessment: Character = "C"
    /// The date ages are measured to: the list's reference date (`--as-of`, or the newest item).
    public var reference = Timestamp(dayNumber: 0)

    public init() {}

    /// The firm grade in the compact form: `2C`.
    public var firmGrade: String { "\(firmSource)\(firmAssessment)" }

    /// The network's item weight (``EvidenceWeighting/itemWeight(_:)``): one formula for links and lists.
    var weighting: EvidenceWeighting {
        var w = EvidenceWeighting(reference: reference)
        w.halfLifeDays = recencyHalfLifeDays
        return w
    }

    /// The item's grade factor, source × assessment, without recency.
    public func gradeFactor(_ c: Citation) -> Double {
        var w = weighting
        w.useRecency = false
        return w.itemWeight(c)
    }

    /// An item's strength r in (0, 1]: grade × recency (1 when unweighted).
    public func strength(_ c: Citation) -> Double {
        weighted ? weighting.itemWeight(c) : 1
    }

    /// Whether the item is graded at least as well as the firm grade.
    public func isFirm(_ c: Citation) -> Bool {
        let (s, a) = NetworkFilter.evaluation(of: c)
        return s <= firmSource && a <= firmAssessment
    }

    /// How strongly one counted element is supported by its items: per agency the strongest item,
    /// combined across agencies as 1 - Π(1 - r); 1 when unweighted, 0 with no items.
    /// - Complexity: O(k) for k items.
    public func support(_ items: [Citation]) -> Double {
        guard !items.isEmpty else { return 0 }
        guard weighted else { return 1 }
        let w = weighting
        if items.count == 1 { return w.itemWeight(items[0]) }
        // Each agency's strongest item, in a fixed slot per agency (no dictionary: this runs for every
        // element of every row).
        var best = SIMD8<Double>(repeating: 0)
        for c in items {
            let k = c.agency.slot
            best[k] = max(best[k], w.itemWeight(c))
        }
        var none = 1.0
        for k in 0..<8 { none *= 1 - best[k] }
        return 1 - none
    }

    /// Whether a row or an association with these items rests on weak intelligence: weighted, and
    /// none of its items firm.
    public func needsCorroboration(_ items: [Citation]) -> Bool {
        weighted && !items.contains(where: isFirm)
    }

    /// Whether a row rests on weak intelligence, judged on the items behind its counted parts (the
    /// claims the row's score rests on: not the context around them, such as a child's use of their
    /// own phone behind a contact, nor the `agencies` part, which groups every item); a row with no
    /// counted element is judged on all its `evidence`. Returns what would corroborate it, or nil.
    public func corroboration(of parts: [ScorePart], evidence: [Citation]) -> String? {
        var weighed = parts.filter { $0.part != "agencies" }.flatMap { $0.elements ?? [] }.flatMap(\.items)
        if weighed.isEmpty { weighed = evidence }
        return needsCorroboration(weighed) ? whatWouldCorroborate(weighed) : nil
    }

    /// What would corroborate a row resting on `items`: the firm grade it lacks and its best item.
    public func whatWouldCorroborate(_ items: [Citation]) -> String {
        let agencies = Set(items.map(\.agency.rawValue)).sorted()
        let best = items.max { (gradeFactor($0), $1.ref.description) < (gradeFactor($1), $0.ref.description) }
        return "an item graded \(firmGrade) or better (source 1-\(firmSource), assessment A-\(firmAssessment)) confirming it"
            + (agencies.count == 1 ? ", from an agency other than \(agencies[0])" : "")
            + (best.map { "; the best item now is \($0.ref) graded \($0.grade.code)" } ?? "")
    }

    /// The derivation of one element's support, for `--explain`: each agency's strongest item with
    /// its strength, the other items, and the combination.
    public func derivation(_ items: [Citation]) -> SupportDerivation {
        var byAgency: [String: [Citation]] = [:]
        for c in items { byAgency[c.agency.rawValue, default: []].append(c) }
        let agencies = byAgency.keys.sorted().map { agency -> SupportDerivation.Agency in
            let list = byAgency[agency] ?? []
            let scored = list.map { (c: $0, r: strength($0)) }.sorted { ($0.r, $1.c.reference) > ($1.r, $0.c.reference) }
            return SupportDerivation.Agency(agency: agency, items: scored.map {
                SupportDerivation.Item(item: $0.c.description, grade: $0.c.grade.code, gradeFactor: rounded(gradeFactor($0.c)),
                                       strength: rounded($0.r), firm: isFirm($0.c))
            }, counted: rounded(scored.first?.r ?? 0))
        }
        return SupportDerivation(agencies: agencies, support: rounded(support(items)))
    }
}

extension Agency {
    /// A slot 0-7 for each agency, for fixed-size tables.
    var slot: Int {
        switch self {
        case .police: 0
        case .socialCare: 1
        case .health: 2
        case .education: 3
        case .voluntary: 4
        case .licensing: 5
        case .housing: 6
        case .other: 7
        }
    }
}

/// How one element's support was reached (``EvidenceStrength/derivation(_:)``).
public struct SupportDerivation: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        /// `police/WX-24-000123 2024-03-04 2BP`.
        public var item: String
        public var grade: String
        /// Source × assessment.
        public var gradeFactor: Double
        /// Grade × recency: r.
        public var strength: Double
        public var firm: Bool
    }
    public struct Agency: Codable, Sendable, Equatable {
        public var agency: String
        /// Strongest first; only the first counts (one agency's items are not independent).
        public var items: [Item]
        public var counted: Double
    }
    public var agencies: [Agency]
    /// 1 - Π(1 - counted) over agencies.
    public var support: Double

    /// `0.94 = 1 - (1 - 0.8 police)(1 - 0.7 social_care)`.
    public var text: String {
        let factors = agencies.map { "(1 - \(ScorePart.number($0.counted)) \($0.agency))" }.joined()
        return agencies.count <= 1 ? ScorePart.number(support) : "\(ScorePart.number(support)) = 1 - \(factors)"
    }
}

/// A ranked row with a score of parts: what `--explain` derives.
public protocol ScoredRow: RankableRow, Codable, Sendable {
    var entity: String { get }
    var name: String { get }
    var score: Double { get }
    var parts: [ScorePart] { get }
}

extension LocationOfRisk: ScoredRow {}
extension VehicleOfInterest: ScoredRow {}
extension PhoneOfInterest: ScoredRow {}
extension KeyPerson: ScoredRow {}

/// The full derivation of one row's score (`--explain ROW`): each part's value, weight and points;
/// for a counted part, every element with its support worked out from its items (each agency's
/// strongest item, with grade factor and strength, combined across agencies).
public struct ScoreExplanation: Codable, Sendable, Equatable {
    public struct Element: Codable, Sendable, Equatable {
        public var element: String
        public var derivation: SupportDerivation
    }
    public struct Part: Codable, Sendable, Equatable {
        public var part: String
        public var value: Double
        public var count: Int?
        public var weight: Double
        public var points: Double
        public var elements: [Element]?
    }
    public var entity: String
    public var name: String
    /// nil when the row needs corroboration.
    public var rank: Int?
    public var score: Double
    public var parts: [Part]
    public var needsCorroboration: String?
    /// How items weigh, in words.
    public var rules: [String]

    public init<Row: ScoredRow>(_ row: Row, strength: EvidenceStrength) {
        entity = row.entity; name = row.name; rank = row.rank; score = row.score
        needsCorroboration = row.needsCorroboration
        parts = row.parts.map { p in
            Part(part: p.part, value: p.value, count: p.count, weight: p.weight, points: p.points,
                 elements: p.elements?.map { Element(element: $0.element, derivation: strength.derivation($0.items)) })
        }
        rules = strength.rules
    }

    /// The derivation as lines of text.
    public var lines: [String] {
        var out = ["\(name) (\(entity)): " + (rank.map { "rank \($0)" } ?? "not ranked, needs corroboration") + ", score \(ScorePart.number(score))"]
        if let needsCorroboration { out.append("  needs corroboration: \(needsCorroboration)") }
        for p in parts {
            let counted = p.count.map { " (\($0) counted)" } ?? ""
            out.append("\(p.part): \(ScorePart.number(p.value))\(counted) × \(ScorePart.number(p.weight)) = \(ScorePart.number(p.points))")
            for e in p.elements ?? [] {
                out.append("  \(e.element): \(e.derivation.text)")
                for a in e.derivation.agencies {
                    for (k, i) in a.items.enumerated() {
                        out.append("      \(i.item): grade factor \(ScorePart.number(i.gradeFactor)), strength \(ScorePart.number(i.strength))"
                                   + (i.firm ? ", firm" : "") + (k == 0 ? (a.items.count > 1 ? " (counted for \(a.agency))" : "") : " (same agency, not counted again)"))
                    }
                }
            }
        }
        out.append("how items weigh:")
        out += rules.map { "  " + $0 }
        return out
    }
}

extension EvidenceStrength {
    /// How items weigh, in words (for `--explain` and the JSON of every explanation).
    public var rules: [String] {
        guard weighted else { return ["unweighted: every element counts 1 and no row is set apart (--unweighted)"] }
        return [
            "an item's strength = source (1/2/3 as 1.0/0.6/0.3) × assessment (A-E as 1.0/0.8/0.6/0.4/0.1) × 2^(-age / \(ScorePart.number(recencyHalfLifeDays)) days), its age measured to \(reference.dateText)",
            "an element counts by its support: each agency's strongest item (one agency's items are not independent), combined across agencies as 1 - Π(1 - strength)",
            "an item is firm when graded \(firmGrade) or better (source 1-\(firmSource), assessment A-\(firmAssessment)); a row with no firm item is listed apart as needing corroboration, never ranked",
        ]
    }
}
