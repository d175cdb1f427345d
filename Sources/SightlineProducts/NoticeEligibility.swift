import SightlineModel
import SightlineReadModel
import SightlineSafeguarding

/// Whether an association between an adult and a child can support a warning notice, judged on the
/// association's own date from the recorded dates of birth and care periods.
///
/// Rules (each applied over the whole period the association's time covers, so `2024-03` is judged
/// on 1 and on 31 March):
/// - the adult is 18 or over;
/// - the child is under 16, or under 18 and looked after (a care period covers the date; a period's
///   `end` is the last day in care);
/// - ages come from every recorded date of birth together: the possible ages are the union of each
///   date of birth's range (a month- or year-only date covers every day in it; an approximate `~`
///   date is widened by a year either way). The verdict is certain only when every possible age is
///   on the same side of the boundary; otherwise the association is "age not certain" and never
///   counted. No date of birth at all is "age not certain".
public enum NoticeEligibility: String, Codable, Sendable, Comparable {
    case eligible
    case ageNotCertain = "age not certain"
    case notEligible = "not eligible"
    case undated = "undated, not counted"

    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
    var order: Int {
        switch self {
        case .eligible: 0
        case .ageNotCertain: 1
        case .notEligible: 2
        case .undated: 3
        }
    }
}

/// A verdict with its reason and the facts behind it.
public struct EligibilityVerdict: Sendable, Equatable {
    public var eligibility: NoticeEligibility
    /// Why it is not eligible or not certain (nil when eligible).
    public var reason: String?
    /// The possible ages, as text (`13`, `15-16`, `unknown`).
    public var adultAge: String
    public var childAge: String
    /// The child was certainly under 16 throughout (a parent's or carer's non-consent then fits).
    public var under16: Bool
    /// A care period covered the whole association (the local authority's non-consent then fits).
    public var lookedAfter: Bool
}

/// Whether some care period covers every day from `first` to `last` (inclusive).
/// - Complexity: O(periods).
public func inCare(_ periods: [CarePeriod], from first: Day, to last: Day) -> Bool {
    periods.contains { $0.start <= first && ($0.end.map { $0 >= last } ?? true) }
}

/// The verdict for one association over `start...end`.
/// - Parameters:
///   - adultBirths, childBirths: every recorded date of birth of each (conflicting ones included).
///   - care: the child's care periods.
/// - Complexity: O(dates of birth + care periods).
public func noticeEligibility(adultBirths: [BirthDate], childBirths: [BirthDate], care: [CarePeriod],
                              start: Timestamp, end: Timestamp) -> EligibilityVerdict {
    let adult = Safeguarding.possibleAges(adultBirths, from: start, to: end)
    let child = Safeguarding.possibleAges(childBirths, from: start, to: end)
    let looked = !care.isEmpty && inCare(care, from: Day(start), to: Day(end))
    func text(_ r: ClosedRange<Int>?) -> String {
        guard let r else { return "unknown" }
        return r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)-\(r.upperBound)"
    }
    var on: String { start.dayNumber == end.dayNumber ? "on \(start.dateText)" : "from \(start.dateText) to \(end.dateText)" }
    var verdict = EligibilityVerdict(eligibility: .eligible, reason: nil, adultAge: text(adult), childAge: text(child),
                                     under16: (child?.upperBound ?? 99) < 16, lookedAfter: looked)

    // Certainly not eligible: either side settles it whatever the other says.
    if let adult, adult.upperBound < 18 {
        verdict.eligibility = .notEligible; verdict.reason = "the adult was under 18 \(on)"; return verdict
    }
    if let child {
        if child.lowerBound >= 18 {
            verdict.eligibility = .notEligible; verdict.reason = "the child was 18 or over \(on)"; return verdict
        }
        if child.lowerBound >= 16 && !looked {
            verdict.eligibility = .notEligible; verdict.reason = "the child was 16 or over \(on) and not looked after"; return verdict
        }
    }
    var doubts: [String] = []
    if let adult {
        if adult.lowerBound < 18 { doubts.append("the adult was \(text(adult)) \(on)") }
    } else {
        doubts.append("the adult's date of birth is unknown")
    }
    if let child {
        let certain = child.upperBound < 16 || (child.upperBound < 18 && looked)
        if !certain { doubts.append("the child was \(text(child)) \(on)" + (looked ? "" : ", not looked after")) }
    } else {
        doubts.append("the child's date of birth is unknown")
    }
    if !doubts.isEmpty {
        verdict.eligibility = .ageNotCertain
        verdict.reason = doubts.joined(separator: "; ")
    }
    return verdict
}

/// What a reviewer should know about a person's recorded dates of birth (nil when there is one exact
/// date): unknown, known only to the month or year, approximate, or recorded differently by agencies.
/// - Complexity: O(dates of birth).
public func birthDateCheck(_ who: String, _ births: [Dated<BirthDateText>]) -> String? {
    let parsed = births.compactMap { b in b.value.value.map { (b, $0) } }
    if parsed.isEmpty { return "\(who)'s date of birth unknown" }
    if parsed.count > 1 {
        return "agencies recorded different dates of birth for the \(who): "
            + parsed.map { "\($0.1) (\($0.0.source.ref))" }.joined(separator: ", ")
    }
    let d = parsed[0].1
    if d.isApproximate { return "\(who)'s date of birth approximate (\(d))" }
    if !d.isExact { return "\(who)'s date of birth known only to the \(d.text.count == 4 ? "year" : "month") (\(d))" }
    return nil
}
