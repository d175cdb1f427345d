/// When something happened, as precisely as the intelligence says: an instant, a period, possibly
/// approximate.
///
/// Written `2024-03-02T21:40`, `2024-03-02`, `2024-03`, `2024`, `START/END`, with a leading `~`
/// for approximate. A date without a time, a month or a year stands for the whole of that period:
/// `2024-03` covers 2024-03-01T00:00:00 to 2024-03-31T23:59:59. The canonical text drops zero
/// seconds (`21:40:00` is written `21:40`), so the same moment always has the same text.
public struct TimeSpec: Hashable, Sendable, CustomStringConvertible {
    /// Earliest moment covered.
    public var start: Timestamp
    /// Latest moment covered (inclusive).
    public var end: Timestamp
    /// Whether the source said the time is approximate.
    public var isApproximate: Bool
    /// The canonical text form, as parsed (without the `~`).
    public var text: String

    public init(start: Timestamp, end: Timestamp, isApproximate: Bool, text: String) {
        self.start = start; self.end = end; self.isApproximate = isApproximate; self.text = text
    }

    /// A single moment.
    public init(instant: Timestamp) {
        self.init(start: instant, end: instant, isApproximate: false, text: instant.second == 0 ? instant.minuteText : instant.isoText)
    }

    public var description: String { (isApproximate ? "~" : "") + text }

    /// Whether the time was written as a period `START/END` (rather than one point).
    public var isPeriod: Bool { text.utf8.contains(0x2F) }

    /// Whether the time was written to the day or more coarsely (no time of day).
    public var isDateOnly: Bool { !text.utf8.contains(0x54) }

    /// Why a time could not be read.
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case malformed
        case notACalendarDate
        case endBeforeStart

        public var description: String {
            switch self {
            case .malformed: "expected a time like 2024-03-02, 2024-03-02T21:40, 2024-03 or 2024, or a period START/END; a leading ~ marks it approximate"
            case .notACalendarDate: "not a real calendar date or time"
            case .endBeforeStart: "the period ends before it starts"
            }
        }
    }

    /// Parses the canonical text forms.
    /// - Complexity: O(n) in the length of the text.
    public init(parsing raw: String) throws(ParseError) {
        var text = Substring(raw.trimmedWhitespace())
        var approx = false
        if text.first == "~" { approx = true; text = text.dropFirst() }
        guard let slash = text.utf8.firstIndex(of: 0x2F) else {
            let (s, e, canon) = try Self.parsePoint(text)
            self.init(start: s, end: e, isApproximate: approx, text: canon)
            return
        }
        let first = text[..<slash], second = text[text.index(after: slash)...]
        guard !second.utf8.contains(0x2F) else { throw .malformed }
        let (s, _, c1) = try Self.parsePoint(first)
        let (_, e, c2) = try Self.parsePoint(second)
        guard s <= e else { throw .endBeforeStart }
        self.init(start: s, end: e, isApproximate: approx, text: c1 + "/" + c2)
    }

    /// Parses one point (`YYYY[-MM[-DD[THH:MM[:SS]]]]`) into the period it covers.
    static func parsePoint(_ p: Substring) throws(ParseError) -> (Timestamp, Timestamp, String) {
        let bytes = Array(p.utf8)
        func num(_ from: Int, _ len: Int) throws(ParseError) -> Int {
            guard from + len <= bytes.count else { throw .malformed }
            var v = 0
            for i in from..<(from + len) {
                let b = bytes[i]
                guard b >= 48 && b <= 57 else { throw .malformed }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        func expect(_ i: Int, _ c: UInt8) throws(ParseError) {
            guard i < bytes.count, bytes[i] == c else { throw .malformed }
        }
        let y = try num(0, 4)
        if bytes.count == 4 {
            guard let s = Timestamp(year: y, month: 1, day: 1),
                  let e = Timestamp(year: y, month: 12, day: 31, hour: 23, minute: 59, second: 59) else { throw .notACalendarDate }
            return (s, e, pad(y, 4))
        }
        try expect(4, 45) // -
        let m = try num(5, 2)
        if bytes.count == 7 {
            guard (1...12).contains(m), let s = Timestamp(year: y, month: m, day: 1),
                  let e = Timestamp(year: y, month: m, day: Timestamp.daysIn(month: m, year: y), hour: 23, minute: 59, second: 59)
            else { throw .notACalendarDate }
            return (s, e, pad(y, 4) + "-" + pad(m, 2))
        }
        try expect(7, 45)
        let d = try num(8, 2)
        if bytes.count == 10 {
            guard let s = Timestamp(year: y, month: m, day: d),
                  let e = Timestamp(year: y, month: m, day: d, hour: 23, minute: 59, second: 59) else { throw .notACalendarDate }
            return (s, e, s.dateText)
        }
        guard bytes.count > 10, bytes[10] == 84 || bytes[10] == 32 else { throw .malformed } // 'T' or ' '
        let hh = try num(11, 2)
        try expect(13, 58) // :
        let mm = try num(14, 2)
        var ss = 0
        if bytes.count == 16 {
        } else if bytes.count == 19 {
            try expect(16, 58)
            ss = try num(17, 2)
        } else {
            throw .malformed
        }
        guard let t = Timestamp(year: y, month: m, day: d, hour: hh, minute: mm, second: ss) else { throw .notACalendarDate }
        return (t, t, (bytes.count == 16 || ss == 0) ? t.minuteText : t.isoText)
    }
}

/// A date of birth, which may be exact, known only to the month or year, approximate, or unknown.
public struct BirthDate: Hashable, Sendable, CustomStringConvertible {
    /// The period the date of birth lies in (one day when exact).
    public var earliest: Timestamp
    public var latest: Timestamp
    public var isApproximate: Bool
    public var text: String

    /// True when the source gave one exact day without `~`.
    public var isExact: Bool { !isApproximate && earliest.dayNumber == latest.dayNumber }

    public var description: String { (isApproximate ? "~" : "") + text }

    /// Parses `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, optionally prefixed with `~`.
    public init(parsing raw: String) throws(TimeSpec.ParseError) {
        let spec = try TimeSpec(parsing: raw)
        guard spec.isDateOnly, !spec.isPeriod else { throw .malformed }
        earliest = spec.start; latest = spec.end; isApproximate = spec.isApproximate; text = spec.text
    }

    /// The age in whole years at a moment, when the date of birth fixes it; otherwise nil.
    ///
    /// With a date of birth known only to the month or year, or approximate, the age is given only
    /// when every possible birthday in the range gives the same age; the caller flags the rest.
    public func age(at t: Timestamp) -> Int? {
        let a = earliest.wholeYears(until: t)
        let b = latest.wholeYears(until: t)
        if isApproximate { return nil }
        return a == b ? a : nil
    }

    /// The range of possible ages at a moment (widened by one year either side when approximate).
    public func ageRange(at t: Timestamp) -> ClosedRange<Int> {
        let a = latest.wholeYears(until: t)
        let b = earliest.wholeYears(until: t)
        return isApproximate ? (a - 1)...(b + 1) : a...b
    }
}
