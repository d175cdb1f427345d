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
    public func read(_ value: String) -> Match {
        let chars = Array(value.trimmedWhitespace())
        var sawShape = false
        for tokens in alternatives {
            var fields: [Character: Int] = [:]
            var i = 0
            var ok = true
            for t in tokens {
                switch t {
                case let .literal(c):
                    if i < chars.count, chars[i] == c { i += 1 } else { ok = false }
                case let .field(f, lo, hi):
                    var v = 0, n = 0
                    while n < hi, i < chars.count, let d = chars[i].wholeNumberValue, chars[i].isASCII { v = v * 10 + d; i += 1; n += 1 }
                    if n < lo { ok = false }
                    fields[f] = v
                }
                if !ok { break }
            }
            guard ok, i == chars.count else { continue }
            sawShape = true
            var year = fields["y"] ?? 0
            if tokens.contains(.field("y", minDigits: 2, maxDigits: 2)) { year += 2000 }
            guard let ts = Timestamp(year: year, month: fields["M"] ?? 0, day: fields["d"] ?? 0,
                                     hour: fields["H"] ?? 0, minute: fields["m"] ?? 0, second: fields["s"] ?? 0) else { continue }
            return .time(fields["H"] == nil ? ts.dateText : ts.isoText)
        }
        return sawShape ? .notACalendarDate : .noMatch
    }
}
