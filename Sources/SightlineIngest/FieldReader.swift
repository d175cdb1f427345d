import SightlineModel

/// Typed access to the fields of one record, producing errors that name the field and value.
///
/// This is the one place where the rules of docs/formats.md on JSON types ("JSON types"), on
/// invisible characters ("Invisible characters") and on dates after the run's day ("Dates") are
/// applied: every field of every record is read through it.
struct FieldReader {
    let members: [(key: String, value: JSONValue)]
    let location: SourceLocation
    let columns: [String: String]
    /// The run's day (days since 1970-01-01); nil: dates are not checked against it.
    let today: Int?

    init(members: [(key: String, value: JSONValue)], location: SourceLocation, columns: [String: String], today: Int? = nil) {
        self.members = members; self.location = location; self.columns = columns; self.today = today
    }

    // MARK: JSON types: strict, no coercion

    /// A field of the wrong JSON type: names the field, the type expected and the type found.
    func wrongType(_ field: String, _ v: JSONValue, expected: String) -> IngestError {
        .badField(location, field: name(field), value: v.jsonText, reason: "expected \(expected), found \(v.typeName)")
    }

    /// The field name as errors give it (the CSV column, if any, is added to the reason by
    /// ``RecordDecoder/decode(_:at:columns:)``).
    func name(_ field: String) -> String { field }

    func value(_ field: String) -> JSONValue? {
        for m in members where m.key == field {
            if case .null = m.value { return nil }
            return m.value
        }
        return nil
    }

    func checkKnown(_ allowed: [String]) throws(IngestError) {
        for m in members where !allowed.contains(m.key) {
            throw .unknownField(location, field: m.key, expected: allowed)
        }
    }

    func optionalString(_ field: String) throws(IngestError) -> String? {
        guard let v = value(field) else { return nil }
        guard case let .string(s) = v else { throw wrongType(field, v, expected: "text (a JSON string)") }
        let t = s.trimmedWhitespace()
        return t.isEmpty ? nil : t
    }

    func requiredString(_ field: String) throws(IngestError) -> String {
        guard let s = try optionalString(field) else {
            throw .missingField(location, field: name(field), reason: "this record type requires it")
        }
        return s
    }

    /// Free text: length-limited, no control characters (line breaks only where allowed).
    func optionalText(_ field: String, max: Int = RecordDecoder.maxShortText, allowLineBreaks: Bool = false) throws(IngestError) -> String? {
        guard let s = try optionalString(field) else { return nil }
        try checkText(s, field: field, max: max, allowLineBreaks: allowLineBreaks)
        return s
    }

    func checkText(_ s: String, field: String, max: Int, allowLineBreaks: Bool) throws(IngestError) {
        if s.utf8.count > max * 4 || s.count > max {
            throw .badField(location, field: name(field), value: s, reason: "is longer than the \(max) characters allowed")
        }
        for u in s.unicodeScalars where u.value < 0x20 || u.value == 0x7F {
            if allowLineBreaks && (u == "\n" || u == "\r" || u == "\t") { continue }
            throw .badField(location, field: name(field), value: s, reason: "contains a control character (U+\(String(u.value, radix: 16, uppercase: true))); text fields take printable characters only")
        }
        // Short texts (names, aliases, addresses) are matched and compared; free text is only read.
        try checkInvisible(s, field: field, rule: max <= RecordDecoder.maxShortText ? .name : .freeText)
    }

    // MARK: Invisible characters

    /// Refuses a value holding a character its kind of field may not hold (docs/formats.md,
    /// "Invisible characters"), naming the character's code point.
    func checkInvisible(_ s: String, field: String, rule: InvisibleCharacters.Rule) throws(IngestError) {
        guard let u = InvisibleCharacters.first(in: s, rule: rule) else { return }
        throw .badField(location, field: name(field), value: s, reason: "contains \(InvisibleCharacters.describe(u)); \(rule.explanation)")
    }

    func requiredText(_ field: String, max: Int = RecordDecoder.maxShortText) throws(IngestError) -> String {
        guard let s = try optionalText(field, max: max) else {
            throw .missingField(location, field: name(field), reason: "this record type requires it")
        }
        return s
    }

    func list(_ field: String) throws(IngestError) -> [JSONValue] {
        guard let v = value(field) else { return [] }
        guard case let .array(a) = v else {
            throw .badField(location, field: name(field), value: v.jsonText, reason: "expected a list [...], found \(v.typeName)")
        }
        guard a.count <= 1000 else { throw .badField(location, field: name(field), value: nil, reason: "a list of more than 1000 entries") }
        return a
    }

    func stringList(_ field: String) throws(IngestError) -> [String] {
        var out: [String] = []
        for v in try list(field) {
            guard case let .string(s) = v else {
                throw .badField(location, field: name(field), value: v.jsonText, reason: "expected a list of text (JSON strings), found \(v.typeName) in it")
            }
            let t = s.trimmedWhitespace()
            if !t.isEmpty { out.append(t) }
        }
        return out
    }

    func textList(_ field: String) throws(IngestError) -> [String] {
        let l = try stringList(field)
        for s in l { try checkText(s, field: field, max: RecordDecoder.maxShortText, allowLineBreaks: false) }
        return l
    }

    func optionalNumber(_ field: String) throws(IngestError) -> Double? {
        guard let v = value(field) else { return nil }
        guard case let .number(text) = v else { throw wrongType(field, v, expected: "a JSON number") }
        guard let d = Double(text), d.isFinite else { throw .badField(location, field: name(field), value: text, reason: "expected a number") }
        return d
    }

    func optionalBool(_ field: String) throws(IngestError) -> Bool? {
        guard let v = value(field) else { return nil }
        guard case let .bool(b) = v else { throw wrongType(field, v, expected: "true or false (a JSON boolean)") }
        return b
    }

    // MARK: Identifiers and citations

    func identifier(_ text: String, field: String, kinds: Set<EntityKind>, context: String?) throws(IngestError) -> StrongIdentifier {
        try checkInvisible(text, field: field, rule: .identifier)
        let id: StrongIdentifier
        do { id = try StrongIdentifier(parsing: text) } catch {
            throw .badField(location, field: name(field), value: text, reason: error.description)
        }
        guard kinds.contains(id.kind) else {
            let allowed = kinds.map(\.rawValue).sorted().joined(separator: " or ")
            func article(_ word: String) -> String { "aeiou".contains(word.first ?? "x") ? "an \(word)" : "a \(word)" }
            throw .badField(location, field: name(field), value: text,
                            reason: "\(context ?? "this field") must be \(article(allowed)), not \(article(id.kind.rawValue))")
        }
        return id
    }

    func optionalIdentifier(_ field: String, kinds: Set<EntityKind>, context: String? = nil) throws(IngestError) -> StrongIdentifier? {
        guard let s = try optionalString(field) else { return nil }
        return try identifier(s, field: field, kinds: kinds, context: context)
    }

    func requiredIdentifier(_ field: String, kinds: Set<EntityKind>, context: String? = nil) throws(IngestError) -> StrongIdentifier {
        guard let id = try optionalIdentifier(field, kinds: kinds, context: context) else {
            throw .missingField(location, field: name(field), reason: "expected an entity reference such as \(Self.example(kinds))")
        }
        return id
    }

    static func example(_ kinds: Set<EntityKind>) -> String {
        if kinds.contains(.person) { return "person:niche/PN-1001" }
        if kinds.contains(.location) { return "location:lic/PREM-0042" }
        if kinds.contains(.vehicle) { return "vehicle:WX19 KQP" }
        if kinds.contains(.phone) { return "phone:07700 900123" }
        return "KIND:VALUE"
    }

    func identifierList(_ field: String, kinds: Set<EntityKind>) throws(IngestError) -> [StrongIdentifier] {
        var out: [StrongIdentifier] = []
        for s in try stringList(field) {
            let id = try identifier(s, field: field, kinds: kinds, context: nil)
            if !out.contains(id) { out.append(id) }
        }
        return out
    }

    func citation(_ text: String, field: String) throws(IngestError) -> IntelRef {
        try checkInvisible(text, field: field, rule: .identifier)
        guard let ref = IntelRef(parsing: text) else {
            throw .badField(location, field: name(field), value: text,
                            reason: "expected AGENCY/REFERENCE citing an intelligence item, such as police/WX-24-000123, where AGENCY is one of \(Agency.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return ref
    }

    func optionalItem(_ field: String) throws(IngestError) -> IntelRef? {
        guard let s = try optionalString(field) else { return nil }
        return try citation(s, field: field)
    }

    func requiredItem(_ field: String) throws(IngestError) -> IntelRef {
        guard let ref = try optionalItem(field) else {
            throw .missingField(location, field: name(field), reason: "every fact cites the intelligence item behind it, as AGENCY/REFERENCE")
        }
        return ref
    }

    func itemList(_ field: String) throws(IngestError) -> [IntelRef] {
        var out: [IntelRef] = []
        for s in try stringList(field) { out.append(try citation(s, field: field)) }
        return out
    }

    // MARK: Times

    func optionalTime(_ field: String) throws(IngestError) -> TimeSpec? {
        guard let s = try optionalString(field) else { return nil }
        let t: TimeSpec
        do { t = try TimeSpec(parsing: s) } catch {
            throw .badField(location, field: name(field), value: s, reason: error.description)
        }
        try checkNotAfterToday(t, text: s, field: field)
        return t
    }

    // MARK: Dates after the run's day

    /// Refuses a time any point of which begins after the run's day: `2024-07` is refused before
    /// July 2024 and accepted from 1 July; a period `START/END` needs both points to have begun.
    func checkNotAfterToday(_ t: TimeSpec, text: String, field: String) throws(IngestError) {
        guard let today else { return }
        var firstDays = [t.start.dayNumber]
        if t.isPeriod, let slash = t.text.firstIndex(of: "/"), let second = try? TimeSpec(parsing: String(t.text[t.text.index(after: slash)...])) {
            firstDays.append(second.start.dayNumber)
        }
        if firstDays.contains(where: { $0 > today }) { throw afterToday(field, text) }
    }

    /// The error for a date after the run's day.
    func afterToday(_ field: String, _ text: String) -> IngestError {
        .badField(location, field: name(field), value: text,
                  reason: "is after today (\(Timestamp(dayNumber: today ?? 0).dateText)): intelligence records what has happened, so its dates cannot be in the future (a mistyped year, or day and month the wrong way round?)")
    }

    func optionalTimestamp(_ field: String) throws(IngestError) -> Timestamp? {
        guard let t = try optionalTime(field) else { return nil }
        guard !t.isPeriod else {
            throw .badField(location, field: name(field), value: t.text, reason: "expected one moment, not a period")
        }
        return t.start
    }

    func requiredTimestamp(_ field: String) throws(IngestError) -> Timestamp {
        guard let t = try optionalTimestamp(field) else { throw .missingField(location, field: name(field), reason: "expected a date or date and time such as 2024-03-02T21:40") }
        return t
    }

    /// A calendar date `YYYY-MM-DD`; after the run's day only where `mayBeFuture` (an expiry).
    func optionalDate(_ field: String, mayBeFuture: Bool = false) throws(IngestError) -> Timestamp? {
        guard let s = try optionalString(field) else { return nil }
        let t: TimeSpec
        do { t = try TimeSpec(parsing: s) } catch {
            throw .badField(location, field: name(field), value: s, reason: "expected a date YYYY-MM-DD" + (error == .notACalendarDate ? " (not a real calendar date)" : ""))
        }
        guard !t.isPeriod, !t.isApproximate, t.isDateOnly, t.text.utf8.count == 10 else {
            throw .badField(location, field: name(field), value: s, reason: "expected a date YYYY-MM-DD")
        }
        if !mayBeFuture, let today, t.start.dayNumber > today { throw afterToday(field, s) }
        return Timestamp(dayNumber: t.start.dayNumber)
    }

    func requiredDate(_ field: String) throws(IngestError) -> Timestamp {
        guard let t = try optionalDate(field) else { throw .missingField(location, field: name(field), reason: "expected a date YYYY-MM-DD") }
        return t
    }
}
