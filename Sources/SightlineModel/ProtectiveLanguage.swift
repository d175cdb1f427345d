// The one file of the model that imports Foundation: NSRegularExpression (ICU) scans text about 30
// times faster than Swift's Regex on Linux, and the tests scan every output Sightline writes.
import Foundation

/// The phrases Sightline must never compose about a child, with what to say instead.
///
/// Exploitation is done to a child by adults. Language that describes a child as choosing,
/// consenting to or causing their own abuse moves responsibility from the adults to the child, and
/// public reviews of cases where children were failed show such words in the records (a 12-year-old
/// "putting herself at risk", missing children logged as "absconding"). Everything Sightline writes
/// itself (list rows, pack text, picture labels, legends, help and error text) is checked against
/// this list by the tests; recorded intelligence quoted from an agency is evidence and is never
/// rewritten, so the list applies to what Sightline composes, not to what it quotes.
///
/// Each phrase is a case-insensitive regular expression in the subset that ICU (Foundation's
/// `NSRegularExpression`) and Python's `re` read alike, so `scripts/make-samples.py --check` reads
/// the same list out of this file. "Non-consent" (a parent's or an authority's recorded refusal of
/// consent, which a Child Abduction Warning Notice needs) is a legal term and is not flagged.
public enum ProtectiveLanguage {
    /// One phrase to avoid.
    public struct Phrase: Sendable, Hashable {
        /// A short name for the phrase, as a person would say it.
        public let name: String
        /// The case-insensitive regular expression that finds it.
        public let pattern: String
        /// What to write instead.
        public let sayInstead: String

        init(_ name: String, _ pattern: String, instead: String) {
            self.name = name
            self.pattern = pattern
            self.sayInstead = instead
        }
    }

    /// One place where a text uses a phrase to avoid.
    public struct Match: Sendable, Hashable, CustomStringConvertible {
        /// The phrase's short name.
        public let phrase: String
        /// The text that matched, as written.
        public let matched: String
        /// What to write instead.
        public let sayInstead: String

        public var description: String { "\"\(matched)\" (\(phrase)): say instead: \(sayInstead)" }
    }

    /// Sightline's list, in the project's own words.
    public static let phrases: [Phrase] = [
        Phrase("putting themselves at risk",
               #"\b(put|puts|putting)\s+(him|her|them)sel(f|ves)\s+(at\s+risk|in\s+danger)"#,
               instead: "say what adults did: the child is at risk of harm from adults who exploit them"),
        Phrase("making choices",
               #"\b(make|makes|making|made)\s+(a\s+|an\s+|bad\s+|poor\s+|their\s+own\s+|his\s+own\s+|her\s+own\s+|lifestyle\s+)?choices?\b"#,
               instead: "the child may be groomed, coerced or controlled; name the adults and what they did"),
        Phrase("lifestyle choice",
               #"\blifestyle\s+choices?\b"#,
               instead: "the child is being exploited"),
        Phrase("promiscuous",
               #"\bpromiscu(ous|ity)\b"#,
               instead: "the child may be being sexually exploited"),
        Phrase("sexually active",
               #"\bsexually\s+active\b"#,
               instead: "the child may have been sexually abused or exploited"),
        Phrase("consenting",
               #"(?<!non-)\b(consensual|consenting|consented)\b"#,
               instead: "a child cannot consent to their own abuse; describe what the adult did"),
        Phrase("child prostitution",
               #"\bchild\s+prostitut\w*|\bprostituting\b|\bprostitutes?\s+(him|her|them)sel(f|ves)"#,
               instead: "child sexual exploitation; the child is being sexually exploited"),
        Phrase("child sex worker",
               #"\b(child|underage|under-age)\s+sex\s+workers?\b"#,
               instead: "a child who is being sexually exploited"),
        Phrase("older boyfriend or girlfriend",
               #"\bolder\s+(boy|girl)friends?\b"#,
               instead: "an adult who is exploiting the child"),
        Phrase("in a relationship with",
               #"\bin\s+a\s+relationship\s+with\b"#,
               instead: "an adult who is exploiting the child"),
        Phrase("streetwise",
               #"\bstreet[- ]?wise\b"#,
               instead: "the child is vulnerable to exploitation"),
        Phrase("risk-taking behaviour",
               #"\brisk[- ]?taking\s+behaviou?rs?\b|\brisky\s+behaviou?rs?\b"#,
               instead: "the child is at risk of harm; name what adults are doing"),
        Phrase("engaging in sexual activity",
               #"\b(engage|engages|engaged|engaging)\s+in\s+sex(ual\s+activity)?\b"#,
               instead: "the child has been sexually abused"),
        Phrase("exchanging sex",
               #"\b(exchange|exchanges|exchanged|exchanging|swap|swaps|swapped|swapping|trade|trades|traded|trading)\s+sex\b"#,
               instead: "the child is being sexually exploited"),
        Phrase("child pornography",
               #"\bchild\s+porn(ography)?\b"#,
               instead: "child sexual abuse material (CSAM)"),
        Phrase("drug runner",
               #"\bdrugs?\s+runners?\b|\b(run|runs|ran|running)\s+drugs\b"#,
               instead: "the child is being criminally exploited"),
        Phrase("recruiting others",
               #"\b(recruit|recruits|recruited|recruiting)\s+(others|other\s+children|friends|peers)\b"#,
               instead: "the child may be being exploited to draw other children in"),
        Phrase("absconding",
               #"\babscond\w*"#,
               instead: "missing"),
        Phrase("unauthorised absence",
               #"\bunauthori[sz]ed\s+absences?\b"#,
               instead: "missing"),
    ]

    /// The phrases compiled once, in list order.
    private static let compiled: [(phrase: Phrase, regex: NSRegularExpression)] = phrases.map { p in
        // The patterns are constants of this file and a test compiles every one.
        (p, try! NSRegularExpression(pattern: p.pattern, options: [.caseInsensitive]))
    }

    /// Every place where a text uses a phrase to avoid.
    /// - Parameter text: anything Sightline composed.
    /// - Returns: the matches, by phrase in list order and then by position in the text; empty
    ///   when the text is clean.
    /// - Complexity: O(p × n) for p phrases and a text of n characters (each pattern is linear on
    ///   this list: no nested repetition).
    public static func matches(in text: String) -> [Match] {
        let range = NSRange(text.startIndex..., in: text)
        var out: [Match] = []
        for (phrase, regex) in compiled {
            for m in regex.matches(in: text, range: range) {
                guard let r = Range(m.range, in: text) else { continue }
                out.append(Match(phrase: phrase.name, matched: String(text[r]), sayInstead: phrase.sayInstead))
            }
        }
        return out
    }
}
