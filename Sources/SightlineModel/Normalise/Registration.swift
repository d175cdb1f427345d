/// Vehicle registration marks, canonical as upper-case letters and digits with no spaces
/// (`ab12 cde` -> `AB12CDE`).
public enum Registration {
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case invalidCharacter(Character)
        case tooLong(Int)
        public var description: String {
            switch self {
            case .empty: "expected a registration mark such as WX19 KQP"
            case let .invalidCharacter(c): "a registration mark has only letters and digits (found \"\(c)\")"
            case let .tooLong(n): "a registration mark has at most 8 letters and digits (found \(n))"
            }
        }
    }

    /// - Complexity: O(n).
    public static func normalise(_ raw: String) throws(ParseError) -> String {
        var out = ""
        for c in raw {
            if c == " " || c == "-" || c == "\t" { continue }
            guard c.isASCII, c.isLetter || c.isNumber else { throw .invalidCharacter(c) }
            out.append(Character(c.uppercased()))
        }
        guard !out.isEmpty else { throw .empty }
        guard out.count <= 8 else { throw .tooLong(out.count) }
        return out
    }
}

/// UK postcodes, canonical as upper case with one space before the inward code (`wx14qr` -> `WX1 4QR`).
public enum Postcode {
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case malformed
        public var description: String { "expected a UK postcode such as WX1 4QR (outward code, space, digit and two letters)" }
    }

    /// - Complexity: O(n).
    public static func normalise(_ raw: String) throws(ParseError) -> String {
        let s = Array(raw.uppercased().filter { $0 != " " && $0 != "\t" && $0 != "\u{00A0}" })
        guard (5...7).contains(s.count), s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { throw .malformed }
        let inward = s.suffix(3), outward = s.prefix(s.count - 3)
        let i = Array(inward)
        guard i[0].isNumber, i[1].isLetter, i[2].isLetter else { throw .malformed }
        // Outward: A9, A99, AA9, AA99, A9A, AA9A.
        let o = Array(outward)
        let shape = String(o.map { $0.isLetter ? "A" : "9" })
        guard ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape) else { throw .malformed }
        return String(o) + " " + String(i)
    }
}
