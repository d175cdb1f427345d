import SightlineModel

/// Turns one canonical record (a JSON object, from a JSON line or built from a CSV row by a
/// mapping) into a validated, normalised ``IntelRecord``.
///
/// The rules are the ones in docs/formats.md; every rejection names the field and the value.
public struct RecordDecoder: Sendable {
    /// Longest accepted summary, in characters; longer text is rejected rather than truncated.
    public static let maxSummary = 100_000
    /// Longest accepted name, alias, address or other short text.
    public static let maxShortText = 1_000

    /// The run's day: dates after it are refused (docs/formats.md, "Dates"). Nil: not checked.
    public let today: Timestamp?

    /// - Parameter today: the run's day, from the clock or `SIGHTLINE_TODAY` (read by the store's
    ///   `IngestEnvironment`, never here: the decoder reads no clock).
    public init(today: Timestamp? = nil) { self.today = today }

    /// The fields that take a JSON number, and those that take a JSON boolean; every other field
    /// takes text (a JSON string) or a list of text. No value is coerced from one type to another
    /// (docs/formats.md, "JSON types"); a CSV mapping turns a column's text into the type here.
    public static let numberFields: Set<String> = ["lat", "lon", "duration"]
    public static let booleanFields: Set<String> = ["nte"]

    /// The fields each record type accepts.
    public static let fields: [String: [String]] = [
        "item": ["type", "agency", "ref", "recorded", "observed", "grade", "conditions", "summary"],
        "person": ["type", "id", "item", "name", "aliases", "dob", "roles", "ids"],
        "vehicle": ["type", "id", "item", "make", "model", "colour", "ids"],
        "phone": ["type", "id", "item", "imei", "ids"],
        "account": ["type", "id", "item", "displayName", "ids"],
        "location": ["type", "id", "item", "name", "address", "postcode", "category", "lat", "lon", "nte", "ids"],
        "organisation": ["type", "id", "item", "name", "orgType", "ids"],
        "link": ["type", "link", "from", "to", "at", "item", "items", "mode", "duration", "substance"],
        "looked_after": ["type", "child", "from", "to", "authority", "item"],
        "missing": ["type", "child", "start", "end", "missingFrom", "foundAt", "foundWith", "item"],
        "notice": ["type", "notice", "subject", "child", "premises", "issued", "officer", "expires", "item"],
        "non_consent": ["type", "child", "adult", "by", "item"],
    ]

    /// Decodes one record.
    /// - Parameters:
    ///   - value: the record as a JSON object.
    ///   - location: where it came from, for errors.
    ///   - columns: for records built by a mapping, the CSV column behind each field (named in errors).
    /// - Throws: ``IngestError`` naming the location, field and value.
    /// - Complexity: O(n) in the size of the record.
    public func decode(_ value: JSONValue, at location: SourceLocation, columns: [String: String] = [:]) throws(IngestError) -> IntelRecord {
        do {
            return try decodeObject(value, at: location, columns: columns)
        } catch {
            throw columns.isEmpty ? error : error.naming(columns: columns)
        }
    }

    func decodeObject(_ value: JSONValue, at location: SourceLocation, columns: [String: String]) throws(IngestError) -> IntelRecord {
        guard case let .object(members) = value else {
            throw .badLine(location, reason: "expected a JSON object {...} per line, found \(value.typeName)")
        }
        var r = FieldReader(members: members, location: location, columns: columns, today: today?.dayNumber)
        let type = try r.requiredString("type")
        guard let allowed = Self.fields[type] else {
            throw .badField(location, field: "type", value: type,
                            reason: "expected one of: \(Self.fields.keys.sorted().joined(separator: ", "))")
        }
        try r.checkKnown(allowed)
        switch type {
        case "item": return .item(try item(&r))
        case "link": return .link(try link(&r))
        case "looked_after":
            let child = try r.requiredIdentifier("child", kinds: [.person])
            let from = try r.requiredDate("from")
            let to = try r.optionalDate("to")
            if let to, to < from { throw .badField(location, field: "to", value: to.dateText, reason: "is before 'from' (\(from.dateText))") }
            return .lookedAfter(LookedAfterRecord(child: child, from: from, to: to, authority: try r.optionalText("authority"),
                                                  item: try r.requiredItem("item")))
        case "missing":
            let child = try r.requiredIdentifier("child", kinds: [.person])
            let start = try r.requiredTimestamp("start")
            let end = try r.optionalTimestamp("end")
            if let end, end < start { throw .badField(location, field: "end", value: end.isoText, reason: "is before the episode's start (\(start.isoText))") }
            let foundWith = try r.identifierList("foundWith", kinds: [.person])
            if foundWith.contains(child) {
                throw .badField(location, field: "foundWith", value: child.description,
                                reason: "names the missing child; list the people the child was found with")
            }
            return .missing(MissingEpisodeRecord(
                child: child, start: start, end: end,
                missingFrom: try r.optionalIdentifier("missingFrom", kinds: [.location]),
                foundAt: try r.optionalIdentifier("foundAt", kinds: [.location]),
                foundWith: foundWith,
                item: try r.requiredItem("item")))
        case "notice":
            let typeText = try r.requiredString("notice")
            guard let nt = NoticeType(rawValue: typeText) else {
                throw .badField(location, field: "notice", value: typeText, reason: "expected one of: \(NoticeType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let issued = try r.requiredDate("issued")
            let expires = try r.optionalDate("expires", mayBeFuture: true) // a notice runs on after it is issued
            if let expires, expires < issued { throw .badField(location, field: "expires", value: expires.dateText, reason: "is before the notice was issued (\(issued.dateText))") }
            return .notice(NoticeRecord(
                type: nt, subject: try r.requiredIdentifier("subject", kinds: [.person, .location, .organisation, .vehicle, .phone]),
                child: try r.optionalIdentifier("child", kinds: [.person]),
                premises: try r.optionalIdentifier("premises", kinds: [.location]),
                issued: issued, officer: try r.optionalText("officer"), expires: expires, item: try r.requiredItem("item")))
        case "non_consent":
            let child = try r.requiredIdentifier("child", kinds: [.person])
            let adult = try r.optionalIdentifier("adult", kinds: [.person])
            let byText = try r.requiredString("by")
            guard let by = ConsentAuthority(rawValue: byText) else {
                throw .badField(location, field: "by", value: byText, reason: "expected one of: \(ConsentAuthority.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .nonConsent(NonConsentRecord(child: child, adult: adult, by: by, item: try r.requiredItem("item")))
        default:
            return .entity(try entity(type: type, &r))
        }
    }

    func item(_ r: inout FieldReader) throws(IngestError) -> IntelItem {
        let agencyText = try r.requiredString("agency")
        guard let agency = Agency(rawValue: agencyText.lowercased()) else {
            throw .badField(r.location, field: "agency", value: agencyText,
                            reason: "expected one of: \(Agency.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let ref = try r.requiredText("ref", max: 200)
        try r.checkInvisible(ref, field: "ref", rule: .identifier)
        guard !ref.contains(where: { $0.isNewline }) else { throw .badField(r.location, field: "ref", value: ref, reason: "a reference cannot contain line breaks") }
        let recorded = try r.requiredDate("recorded")
        let observed = try r.optionalTime("observed")
        let conditions = try r.optionalText("conditions")
        let gradeText = try r.requiredString("grade")
        let grade: Grade
        do { grade = try Grade(parsing: gradeText, conditions: conditions) } catch {
            throw .badField(r.location, field: error == .conditionsMissing ? "conditions" : "grade", value: gradeText, reason: error.description)
        }
        // Only a 3x5x2 grade with handling code C keeps conditions; anywhere else they would be lost.
        var keepsConditions = false
        if case .current(_, _, .conditions, _) = grade { keepsConditions = true }
        if conditions != nil, !keepsConditions {
            throw .badField(r.location, field: "conditions", value: conditions, reason: "conditions are recorded only with 3x5x2 handling code C")
        }
        let summary = try r.optionalText("summary", max: Self.maxSummary, allowLineBreaks: true)
        return IntelItem(ref: IntelRef(agency: agency, reference: ref), recorded: recorded, observed: observed, grade: grade, summary: summary)
    }

    func entity(type: String, _ r: inout FieldReader) throws(IngestError) -> EntityRecord {
        let kind: EntityKind = type == "organisation" ? .organisation : EntityKind(rawValue: type)!
        let kinds: Set<EntityKind> = [kind]
        var ids = [try r.requiredIdentifier("id", kinds: kinds)]
        for extra in try r.identifierList("ids", kinds: kinds) where !ids.contains(extra) { ids.append(extra) }
        var record = EntityRecord(kind: kind, identifiers: ids, item: try r.requiredItem("item"))
        switch kind {
        case .person:
            record.name = try r.optionalText("name")
            record.aliases = try r.textList("aliases")
            if let dobText = try r.optionalString("dob") {
                do { record.dob = try BirthDate(parsing: dobText) } catch {
                    throw .badField(r.location, field: "dob", value: dobText, reason: "expected YYYY-MM-DD, YYYY-MM or YYYY, optionally prefixed with ~ for approximate" + (error == .notACalendarDate ? " (not a real calendar date)" : ""))
                }
                if let today, let dob = record.dob, dob.earliest.dayNumber > today.dayNumber { throw r.afterToday("dob", dobText) }
            }
            for roleText in try r.stringList("roles") {
                guard let role = Role(rawValue: roleText) else {
                    throw .badField(r.location, field: "roles", value: roleText, reason: "expected one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                if !record.roles.contains(role) { record.roles.append(role) }
            }
        case .vehicle:
            for f in ["make", "model", "colour"] { if let v = try r.optionalText(f) { record.details[f] = v } }
        case .phone:
            if let imei = try r.optionalString("imei") {
                try r.checkInvisible(imei, field: "imei", rule: .identifier)
                do {
                    let id = try StrongIdentifier(scheme: .imei, raw: imei)
                    if !record.identifiers.contains(id) { record.identifiers.append(id) }
                } catch { throw .badField(r.location, field: "imei", value: imei, reason: error.description) }
            }
        case .account:
            record.name = try r.optionalText("displayName")
        case .location:
            record.name = try r.optionalText("name")
            if let a = try r.optionalText("address") { record.details["address"] = a }
            if let pc = try r.optionalString("postcode") {
                do { record.details["postcode"] = try Postcode.normalise(pc) } catch {
                    throw .badField(r.location, field: "postcode", value: pc, reason: error.description)
                }
            }
            var category = LocationCategory.other
            if let c = try r.optionalString("category") {
                guard let cat = LocationCategory(rawValue: c) else {
                    throw .badField(r.location, field: "category", value: c, reason: "expected one of: \(LocationCategory.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                category = cat
            }
            record.details["category"] = category.rawValue
            let lat = try r.optionalNumber("lat"), lon = try r.optionalNumber("lon")
            if (lat == nil) != (lon == nil) { throw .missingField(r.location, field: lat == nil ? "lat" : "lon", reason: "coordinates need both lat and lon") }
            if let lat, let lon {
                guard (-90...90).contains(lat) else { throw .badField(r.location, field: "lat", value: String(lat), reason: "latitude must be between -90 and 90") }
                guard (-180...180).contains(lon) else { throw .badField(r.location, field: "lon", value: String(lon), reason: "longitude must be between -180 and 180") }
                record.details["lat"] = String(lat); record.details["lon"] = String(lon)
            }
            record.details["nte"] = String(try r.optionalBool("nte") ?? category.isNightTimeEconomy)
        case .organisation:
            record.name = try r.optionalText("name")
            var t = OrganisationType.other
            if let o = try r.optionalString("orgType") {
                guard let ot = OrganisationType(rawValue: o) else {
                    throw .badField(r.location, field: "orgType", value: o, reason: "expected one of: \(OrganisationType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                t = ot
            }
            record.details["orgType"] = t.rawValue
        }
        return record
    }

    func link(_ r: inout FieldReader) throws(IngestError) -> LinkRecord {
        let typeText = try r.requiredString("link")
        guard let type = LinkType(rawValue: typeText) else {
            throw .badField(r.location, field: "link", value: typeText, reason: "expected one of: \(LinkType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let from = try r.requiredIdentifier("from", kinds: type.fromKinds, context: "the 'from' end of \(type.rawValue)")
        let to = try r.requiredIdentifier("to", kinds: type.toKinds, context: "the 'to' end of \(type.rawValue)")
        if type == .contacted, from.kind != to.kind {
            throw .badField(r.location, field: "to", value: to.description, reason: "both ends of 'contacted' must be the same kind (from is a \(from.kind.rawValue))")
        }
        if from == to { throw .badField(r.location, field: "to", value: to.description, reason: "a link must join two different entities") }
        var items: [IntelRef] = []
        if let one = try r.optionalItem("item") { items.append(one) }
        for ref in try r.itemList("items") where !items.contains(ref) { items.append(ref) }
        if items.isEmpty { throw .missingField(r.location, field: "item", reason: "every link cites the intelligence item(s) behind it ('item' or 'items')") }
        var record = LinkRecord(type: type, from: from, to: to, time: try r.optionalTime("at"), items: items)
        if let m = try r.optionalString("mode") {
            guard type == .contacted else { throw .badField(r.location, field: "mode", value: m, reason: "'mode' belongs only to 'contacted' links") }
            guard let mode = ContactMode(rawValue: m.lowercased()) else {
                throw .badField(r.location, field: "mode", value: m, reason: "expected one of: \(ContactMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            record.mode = mode
        }
        if let d = try r.optionalNumber("duration") {
            guard type == .contacted else { throw .badField(r.location, field: "duration", value: String(d), reason: "'duration' belongs only to 'contacted' links") }
            guard d >= 0, d <= 86_400 * 7, d == d.rounded() else {
                throw .badField(r.location, field: "duration", value: String(d), reason: "expected whole seconds between 0 and 604800")
            }
            record.durationSeconds = Int(d)
        }
        if let s = try r.optionalText("substance") {
            guard type == .supplies else { throw .badField(r.location, field: "substance", value: s, reason: "'substance' belongs only to 'supplies' links") }
            record.substance = s
        }
        return record
    }
}

extension IngestError {
    /// The same error with the CSV column behind its field named in the reason.
    func naming(columns: [String: String]) -> IngestError {
        func add(_ reason: String, _ field: String) -> String {
            guard let c = columns[field], !reason.hasSuffix("(column '\(c)')") else { return reason }
            return reason + " (column '\(c)')"
        }
        switch self {
        case let .badField(l, f, v, r): return .badField(l, field: f, value: v, reason: add(r, f))
        case let .missingField(l, f, r): return .missingField(l, field: f, reason: add(r, f))
        default: return self
        }
    }
}
