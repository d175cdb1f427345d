/// Phone numbers in E.164 form (`+447700900123`), from the spellings agencies write.
///
/// UK numbers are the default: `07700 900123`, `+44 (0)7700 900123`, `0044 7700 900123`,
/// `447700900123` and `7700900123` are one number. Numbers with another country code are kept
/// when written with `+` or `00`.
public enum PhoneNumber {
    /// Why a number could not be read.
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case noDigits
        case invalidCharacter(Character)
        case wrongLength(digits: Int)

        public var description: String {
            switch self {
            case .noDigits: "expected a phone number such as 07700 900123 or +44 7700 900123"
            case let .invalidCharacter(c): "a phone number cannot contain \"\(c)\""
            case let .wrongLength(n): "a UK number has 10 digits after the 0 or +44 (found \(n)); other countries need + and their code"
            }
        }
    }

    /// Normalises a phone number to E.164.
    /// - Complexity: O(n) in the length of the text.
    public static func normalise(_ raw: String) throws(ParseError) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        var plus = false
        var sawDigit = false
        let bytes = Array(raw.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x30...0x39:
                digits.append(b - 0x30); sawDigit = true
            case 0x2B where !sawDigit && !plus: // +
                plus = true
            case 0x28 where i + 2 < bytes.count && bytes[i + 1] == 0x30 && bytes[i + 2] == 0x29:
                // "(0)" after a country code is a trunk prefix written for domestic callers: drop it.
                i += 3
                continue
            case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x09, 0x2F: // space - . ( ) tab /
                break
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA0: // no-break space
                i += 1
            default:
                let c = String(decoding: bytes[i...].prefix(4), as: UTF8.self).first ?? "?"
                throw .invalidCharacter(c)
            }
            i += 1
        }
        guard !digits.isEmpty else { throw .noDigits }
        var international: [UInt8]
        if plus {
            international = digits.starts(with: [0, 0]) ? Array(digits.dropFirst(2)) : digits // "+0044" written for "+44"
        } else if digits.starts(with: [0, 0]) {
            international = Array(digits.dropFirst(2))
        } else if digits.first == 0 {
            international = [4, 4] + digits.dropFirst()
        } else if digits.starts(with: [4, 4]), digits.count == 12 || digits.count == 11 {
            international = digits
        } else if digits.count == 10 || digits.count == 9 {
            international = [4, 4] + digits
        } else {
            throw .wrongLength(digits: digits.count)
        }
        if international.starts(with: [4, 4]) {
            var national = Array(international.dropFirst(2))
            if national.first == 0 { national.removeFirst() } // +44 0 7700 ...
            guard national.count == 10 || national.count == 9 else { throw .wrongLength(digits: national.count) }
            international = [4, 4] + national
        } else {
            guard (8...15).contains(international.count), international.first != 0 else { throw .wrongLength(digits: international.count) }
        }
        return String(unsafeUninitializedCapacity: international.count + 1) { buf in
            buf[0] = 0x2B
            for (k, d) in international.enumerated() { buf[k + 1] = d + 0x30 }
            return international.count + 1
        }
    }
}

/// Handset identities (IMEI), canonical as the 14-digit type allocation code and serial number.
///
/// An IMEI is written with 15 digits (the last a Luhn check digit), 14 (without it) or 16 (an IMEISV,
/// whose last two digits are a software version). All three name the same handset by their first
/// 14 digits, so that is the canonical form; a 15-digit IMEI whose check digit is wrong is rejected.
public enum IMEI {
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case wrongLength(Int)
        case checkDigit
        case invalidCharacter(Character)
        public var description: String {
            switch self {
            case let .wrongLength(n): "an IMEI has 14, 15 or 16 digits (found \(n))"
            case .checkDigit: "the IMEI's check digit (the 15th) does not match the first 14 digits"
            case let .invalidCharacter(c): "an IMEI cannot contain \"\(c)\""
            }
        }
    }

    /// - Complexity: O(n).
    public static func normalise(_ raw: String) throws(ParseError) -> String {
        var d: [Int] = []
        for c in raw {
            if let v = c.wholeNumberValue, c.isASCII { d.append(v) }
            else if c == " " || c == "-" || c == "/" || c == "." { continue }
            else { throw .invalidCharacter(c) }
        }
        guard (14...16).contains(d.count) else { throw .wrongLength(d.count) }
        if d.count == 15, luhnCheckDigit(d.prefix(14)) != d[14] { throw .checkDigit }
        return d.prefix(14).map(String.init).joined()
    }

    /// The Luhn check digit of the given digits.
    public static func luhnCheckDigit(_ digits: some Collection<Int>) -> Int {
        var sum = 0
        for (i, v) in digits.reversed().enumerated() {
            if i % 2 == 0 { let x = v * 2; sum += x > 9 ? x - 9 : x } else { sum += v }
        }
        return (10 - sum % 10) % 10
    }
}
