/// Folding of personal names for matching: never for identity (people are never merged on a name).
///
/// `  O'Brien-SMITH, Zoë ` folds to the tokens `["zoe", "obrien", "smith"]`: accents removed,
/// lower case, apostrophes dropped, hyphens and other punctuation splitting tokens, and
/// "SURNAME, Forename" turned round.
public enum NameFolding {
    /// The folded tokens of a name, in reading order (forenames first).
    /// - Complexity: O(n) in the length of the name.
    public static func tokens(_ name: String) -> [String] {
        var text = name
        if let comma = text.firstIndex(of: ",") { // "SMITH, John" -> "John SMITH"
            text = String(text[text.index(after: comma)...]) + " " + String(text[..<comma])
        }
        var tokens: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if let folded = fold(scalar) {
                if folded.isEmpty { continue } // apostrophes
                current += folded
            } else if !current.isEmpty {
                tokens.append(current); current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// The folded name as one string: tokens joined by spaces.
    public static func fold(_ name: String) -> String { tokens(name).joined(separator: " ") }

    /// The folded tokens sorted, so that swapped name order compares equal.
    public static func key(_ name: String) -> String { tokens(name).sorted().joined(separator: " ") }

    /// Lower-case ASCII for a letter or digit (accents removed), "" for apostrophes and combining accents,
    /// nil for a separator.
    static func fold(_ u: Unicode.Scalar) -> String? {
        switch u.value {
        case 0x41...0x5A: return String(Character(Unicode.Scalar(u.value + 32)!))
        case 0x61...0x7A, 0x30...0x39: return String(Character(u))
        case 0x27, 0x2019, 0x2018, 0x60, 0xB4: return ""
        default: break
        }
        if let mapped = latin[u.value] { return mapped }
        if u.properties.isAlphabetic { return String(Character(u)).lowercased() }
        // A combining accent (decomposed text, "e" + U+0301): dropped, like a precomposed letter's accent.
        if u.properties.generalCategory == .nonspacingMark { return "" }
        return nil
    }

    /// Latin letters with diacritics and ligatures, to ASCII.
    static let latin: [UInt32: String] = {
        var m: [UInt32: String] = [:]
        let table: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđ", "d"), ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"),
            ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"), ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"), ("Ĵĵ", "j"), ("Ķķ", "k"),
            ("ĹĺĻļĽľĿŀŁł", "l"), ("ÑñŃńŅņŇň", "n"), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("ŔŕŖŗŘř", "r"),
            ("ŚśŜŝŞşŠš", "s"), ("ŢţŤťŦŧ", "t"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"), ("Ŵŵ", "w"),
            ("ÝýÿŶŷŸ", "y"), ("ŹźŻżŽž", "z"), ("Ææ", "ae"), ("Œœ", "oe"), ("ß", "ss"), ("Þþ", "th"), ("Ðð", "d"),
        ]
        for (chars, ascii) in table { for u in chars.unicodeScalars { m[u.value] = ascii } }
        return m
    }()
}
