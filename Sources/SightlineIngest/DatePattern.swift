import SightlineModel

/// A date pattern as analysts write them in import specifications: `dd/MM/yyyy HH:mm:ss`.
///
/// Tokens: `dd` day, `MM` month, `yyyy` or `yy` year (`yy` is 2000+yy), `HH` hour, `mm` minute,
/// `ss` second; `d`, `M`, `H` accept one or two digits; anything else is a literal. A pattern names
/// the day, month and year. Several patterns may be given separated by `|`; the first that matches wins.
public struct DatePattern: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case field(Character, minDigits: Int, maxDigits: Int)
        case literal(Character)
    }

    let alternatives: [[Token]]
    public let text: String

    public init?(_ text: String) {
        var alts: [[Token]] = []
        for part in text.split(separator: "|") {
            var tokens: [Token] = []
            var chars = Array(part)
            var k = 0
            while k < chars.count {
                let c = chars[k]
                var n = 1
                while k + n < chars.count, chars[k + n] == c { n += 1 }
                switch c {
                case "d", "M", "H", "m", "s":
                    guard n <= 2 else { return nil }
                    tokens.append(.field(c, minDigits: (c == "m" || c == "s") ? 2 : n, maxDigits: 2))
                case "y":
                    guard n == 2 || n == 4 else { return nil }
                    tokens.append(.field("y", minDigits: n, maxDigits: n))
                default:
                    for _ in 0..<n { tokens.append(.literal(c)) }
                }
                k += n
            }
            chars = []
            // A pattern without a day, a month and a year could never give a calendar date.
            let fields = Set(tokens.compactMap { if case let .field(c, _, _) = $0 { c } else { nil } })
            guard fields.isSuperset(of: ["d", "M", "y"]) else { return nil }
            alts.append(tokens)
        }
        guard !alts.isEmpty else { return nil }
        alternatives = alts
        self.text = text
    }

    /// Outcome of reading a value.
    public enum Match: Equatable, Sendable {
        case time(String)
        case notACalendarDate
        case noMatch
    }

    /// Reads a value and returns the canonical time text (`2024-03-02T21:40:00` or `2024-03-02`).
    /// - Complexity: O(n) in the value's length; works on the UTF-8 bytes (an ingest hot path).
    public func read(_ value: String) -> Match {
        var value = value
        return value.withUTF8 { raw in
            var lo = 0, hi = raw.count
            while lo < hi, raw[lo] == 0x20 || raw[lo] == 0x09 { lo += 1 }
            while hi > lo, raw[hi - 1] == 0x20 || raw[hi - 1] == 0x09 || raw[hi - 1] == 0x0D { hi -= 1 }
            var sawShape = false
            for tokens in alternatives {
                var y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0
                var hasHour = false, shortYear = false
                var i = lo
                var ok = true
                for t in tokens {
                    switch t {
                    case let .literal(c):
                        // Literals are matched byte by byte (a non-ASCII literal is its UTF-8 bytes).
                        for b in String(c).utf8 {
                            if i < hi, raw[i] == b { i += 1 } else { ok = false; break }
                        }
                    case let .field(f, minDigits, maxDigits):
                        var v = 0, n = 0
                        while n < maxDigits, i < hi, raw[i] >= 0x30, raw[i] <= 0x39 { v = v * 10 + Int(raw[i] - 0x30); i += 1; n += 1 }
                        if n < minDigits { ok = false }
                        switch f {
                        case "y": y = v; shortYear = maxDigits == 2
                        case "M": mo = v
                        case "d": d = v
                        case "H": h = v; hasHour = true
                        case "m": mi = v
                        default: se = v
                        }
                    }
                    if !ok { break }
                }
                guard ok, i == hi else { continue }
                sawShape = true
                if shortYear { y += 2000 }
                guard let ts = Timestamp(year: y, month: mo, day: d, hour: h, minute: mi, second: se) else { continue }
                return .time(hasHour ? ts.isoText : ts.dateText)
            }
            return sawShape ? .notACalendarDate : .noMatch
        }
    }
}
