import ArgumentParser
import SightlineModel

/// A calendar day, `YYYY-MM-DD`: the one type of every date option (`--as-of`, `--from`,
/// `--until`, `--since`, `missing brief --as-of`), with one error message. The model's ``Day`` is
/// the value; this is the option's reading of it.
struct DayArgument: Sendable, CustomStringConvertible {
    /// The day as given, `YYYY-MM-DD`.
    let text: String
    let spec: TimeSpec
    /// The first and last instants of the day.
    var start: Timestamp { spec.start }
    var end: Timestamp { spec.end }
    /// The day itself.
    var day: Day { Day(spec.start) }
    var description: String { text }

    /// - Throws: a usage error naming the option, what was given and the form expected.
    init(_ value: String, option: String) throws {
        guard value.utf8.count == 10, let spec = try? TimeSpec(parsing: value), spec.isDateOnly, !spec.isApproximate else {
            throw ValidationError("\(option) must be a date YYYY-MM-DD, a real calendar day (got \"\(value)\")")
        }
        self.text = value
        self.spec = spec
    }
}

/// A grade threshold on the 3x5x2 scale, source and assessment (`2B`: sources 1 to 2, assessments
/// A to B): the one type of `--min-grade`.
struct GradeThreshold: Sendable {
    let source: Int
    let assessment: Character

    init(_ value: String, option: String = "--min-grade") throws {
        let c = Array(value.uppercased())
        guard c.count == 2, let s = c[0].wholeNumberValue, (1...3).contains(s), ("A"..."E").contains(c[1]) else {
            throw ValidationError("\(option) is a 3x5x2 source and assessment such as 2B: a source 1 to 3, then an assessment A to E (got \"\(value)\")")
        }
        source = s
        assessment = c[1]
    }
}

/// A comma-separated list of words from a vocabulary (`--agencies police,social_care`): the one
/// type of every list option, each word checked and the vocabulary named when one is unknown.
struct CommaList<Word: RawRepresentable & CaseIterable & Hashable & Sendable>: Sendable where Word.RawValue == String {
    let words: [Word]
    var set: Set<Word> { Set(words) }

    /// - Parameter what: the vocabulary's name for the message ("link type(s)").
    init(_ value: String, option: String, what: String, allowed: [Word] = Array(Word.allCases)) throws {
        let parts = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let unknown = parts.filter { p in !allowed.contains { $0.rawValue == p } }
        guard !parts.isEmpty, unknown.isEmpty else {
            throw ValidationError("\(option): unknown \(what) \(unknown.isEmpty ? "(none given)" : unknown.joined(separator: ", ")); "
                                  + "choose from \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
        words = parts.compactMap(Word.init(rawValue:))
    }
}

/// Handling codes as a vocabulary (P: may be shared; C: conditions apply).
enum HandlingCode: String, CaseIterable, Sendable {
    case P, C
}

/// An intelligence item's reference as typed, `AGENCY/REF` (`police/WX-24-000123`): the agency
/// before the first `/`, the agency's own reference after it (which may hold `/` itself), read as
/// the ingest reads an item named by a record (``IntelRef/init(parsing:)``).
struct ItemReference: Sendable {
    let ref: IntelRef

    /// - Throws: a usage error: no `/`, an unknown agency (the agencies are listed), no reference.
    init(_ value: String) throws {
        if let ref = IntelRef(parsing: value) { self.ref = ref; return }
        let agencies = Agency.allCases.map(\.rawValue).joined(separator: ", ")
        guard let slash = value.firstIndex(of: "/") else {
            throw ValidationError("an item is AGENCY/REF, its agency, '/' and the agency's reference, such as police/WX-24-000123 "
                                  + "(got \"\(value)\"); the agencies are: \(agencies)")
        }
        let agency = value[..<slash]
        guard Agency(rawValue: agency.lowercased()) != nil else {
            throw ValidationError("unknown agency '\(agency)' in \"\(value)\"; the agencies are: \(agencies)")
        }
        throw ValidationError("no reference after '\(agency)/' in \"\(value)\": give the agency's reference, such as police/WX-24-000123")
    }
}
