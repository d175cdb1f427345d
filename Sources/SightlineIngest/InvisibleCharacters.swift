/// Characters that cannot be seen, or that change how the text around them is shown: the rule of
/// docs/formats.md, "Invisible characters".
///
/// `AUD-1` and `AUD\u{200B}-1` look the same but are two strings, so they would be two people;
/// a right-to-left override (U+202E) makes "Kai \u{202E}LATOT" show as "Kai TOTAL". So:
///
/// - identifiers (entity references, item references and citations) refuse every format (Cf) and
///   default-ignorable character, line and paragraph separators, and spaces other than U+0020;
/// - names and other short texts refuse the same, except the zero-width joiner and non-joiner and
///   the variation selectors, which scripts such as Persian and emoji sequences need;
/// - free text (summaries) refuses only the text-direction controls.
///
/// Nothing is cleaned silently: a value is stored as written or refused with the code point.
public enum InvisibleCharacters {
    /// Which characters a kind of field refuses.
    public enum Rule: Sendable {
        case identifier, name, freeText

        /// Why the field refuses them, for error messages.
        public var explanation: String {
            switch self {
            case .identifier: "identifiers may not contain invisible, formatting or unusual space characters: two identifiers that look the same would name two entities"
            case .name: "names and short texts may not contain invisible or text-direction characters, which hide or disguise what is written"
            case .freeText: "text may not contain text-direction controls, which can disguise what is written"
            }
        }
    }

    /// The text-direction (bidi) controls: ALM, LRM, RLM, LRE..RLO, LRI..PDI.
    public static func isBidiControl(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether a character is invisible or formatting: Cf, default-ignorable, a line or paragraph
    /// separator, or a space other than U+0020.
    public static func isInvisible(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return false }
        let p = u.properties
        switch p.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .spaceSeparator: return true
        default: return p.isDefaultIgnorableCodePoint || isBidiControl(u)
        }
    }

    /// The first character the rule refuses, if any.
    /// - Complexity: O(n) in the text's length; a pure-ASCII text is passed over at once.
    public static func first(in s: String, rule: Rule) -> Unicode.Scalar? {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return nil }
        for u in s.unicodeScalars where u.value >= 0x80 {
            switch rule {
            case .freeText: if isBidiControl(u) { return u }
            case .identifier: if isInvisible(u) { return u }
            case .name:
                if u.value == 0x200C || u.value == 0x200D || (0xFE00...0xFE0F).contains(u.value) { continue }
                if isInvisible(u) { return u }
            }
        }
        return nil
    }

    /// `an invisible character U+200B (ZERO WIDTH SPACE)`.
    public static func describe(_ u: Unicode.Scalar) -> String {
        let kind = isBidiControl(u) ? "a text-direction control" : "an invisible character"
        return "\(kind) \(codePoint(u))" + (u.properties.name.map { " (\($0))" } ?? "")
    }

    /// `U+200B`.
    public static func codePoint(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
