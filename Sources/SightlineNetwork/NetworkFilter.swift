#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SightlineModel
import SightlineReadModel

/// Which intelligence a network snapshot is built from. A link is kept when at least one of the
/// items behind it passes every condition; items that fail are left out of its evidence too.
public struct NetworkFilter: Sendable {
    /// Only items recorded on or before this date: the network as it was known then.
    public var asOf: Timestamp?
    /// Only links whose time overlaps this window (links without a recorded time are kept).
    public var from: Timestamp?
    public var until: Timestamp?
    /// The weakest grade accepted, as a 3x5x2 source and assessment (`2B` keeps 1A-2B).
    public var minimumSource: Int?
    public var minimumAssessment: Character?
    public var agencies: Set<Agency>?
    public var linkTypes: Set<LinkType>?
    /// Handling codes accepted (`P`, `C`); legacy 5x5x5 handling codes pass when `P` is accepted.
    public var handling: Set<Grade.Handling>?

    public init() {}

    /// Whether the filter keeps everything (so applying it can be skipped).
    public var keepsEverything: Bool {
        asOf == nil && from == nil && until == nil && minimumSource == nil && agencies == nil && linkTypes == nil && handling == nil
    }

    /// A 3x5x2 evaluation for any stored grade. Legacy 5x5x5 grades are compared through this
    /// mapping, for filtering only (they stay stored as graded): source A-B as 1, C as 2, D-E as 3;
    /// intelligence 1-5 as A-E.
    public static func evaluation(of c: Citation) -> (source: Int, assessment: Character) {
        switch c.grade {
        case let .current(source, assessment, _, _):
            return (source, assessment)
        case let .legacy(source, intelligence, _):
            let s: Int = switch source { case "A", "B": 1; case "C": 2; default: 3 }
            return (s, Character(Unicode.Scalar(UInt8(64 + intelligence))))
        }
    }

    /// Whether an item counts.
    public func accepts(_ c: Citation) -> Bool {
        if let asOf, c.recorded > Day(asOf) { return false }
        if let agencies, !agencies.contains(c.agency) { return false }
        if let handling {
            let code: Grade.Handling = if case let .current(_, _, h, _) = c.grade { h } else { .permitted }
            if !handling.contains(code) { return false }
        }
        if let minimumSource {
            let (s, a) = Self.evaluation(of: c)
            if s > minimumSource || a > (minimumAssessment ?? "E") { return false }
        }
        return true
    }

    /// The link with only the evidence that counts, or nil when none does or the link is out of scope.
    public func apply(_ l: NetworkLink) -> NetworkLink? {
        if let linkTypes, !linkTypes.contains(l.type) { return nil }
        if let time = l.time, from != nil || until != nil, let spec = try? TimeSpec(parsing: time) {
            if let from, spec.end < from { return nil }
            if let until, spec.start > until { return nil }
        }
        var kept = l
        kept.evidence = l.evidence.filter(accepts)
        return kept.evidence.isEmpty ? nil : kept
    }
}

/// How strongly the intelligence supports a link, in (0, 1]: the weight analysis uses.
///
/// Each item counts r = source × assessment × recency, with source 1/2/3 = 1.0/0.6/0.3, assessment
/// A..E = 1.0/0.8/0.6/0.4/0.1 (legacy grades through ``NetworkFilter/evaluation(of:)``), and
/// recency = 2^(-age / half-life) from the item's recorded date to the snapshot date. Items
/// corroborate each other: strength = 1 - Π(1 - r) over the items. Each factor can be switched
/// off; with all off every link has strength 1 (the plain graph).
public struct EvidenceWeighting: Sendable {
    public var useGrade = true
    public var useRecency = true
    public var useCorroboration = true
    public var halfLifeDays = 365.0
    /// The date recency is measured from (the as-of date, or the newest item).
    public var reference: Timestamp

    public init(reference: Timestamp) { self.reference = reference }

    /// The plain graph: every link strength 1.
    public static func unweighted() -> EvidenceWeighting {
        var w = EvidenceWeighting(reference: Timestamp(dayNumber: 0))
        w.useGrade = false; w.useRecency = false; w.useCorroboration = false
        return w
    }

    public func itemWeight(_ c: Citation) -> Double {
        var r = 1.0
        if useGrade {
            let (s, a) = NetworkFilter.evaluation(of: c)
            let source: Double = switch s { case 1: 1.0; case 2: 0.6; default: 0.3 }
            let assessment: Double = switch a { case "A": 1.0; case "B": 0.8; case "C": 0.6; case "D": 0.4; default: 0.1 }
            r *= source * assessment
        }
        if useRecency {
            let age = Double(max(0, reference.dayNumber - c.recorded.dayNumber))
            r *= pow2(-age / halfLifeDays)
        }
        return r
    }

    public func strength(_ evidence: [Citation]) -> Double {
        guard !evidence.isEmpty else { return 0 }
        if !useGrade && !useRecency && !useCorroboration { return 1 }
        let weights = evidence.map(itemWeight)
        if !useCorroboration { return weights.max() ?? 0 }
        return 1 - weights.reduce(1) { $0 * (1 - $1) }
    }
}

/// 2^x, from the C library (not Foundation).
@inline(__always) func pow2(_ x: Double) -> Double { exp2(x) }
