import SightlineModel

/// An intelligence item as cited in reports: the item's reference (agency and the agency's own
/// reference), the day it was recorded and its grade (whose handling conditions it carries).
///
/// Encoded as it always was, every field as text: `agency`, `reference`, `recorded` (`YYYY-MM-DD`),
/// `grade` (`2BP`, `B24`), `gradeSystem` (`3x5x2`, `5x5x5`) and `conditions` (C-handled items).
public struct Citation: Sendable, Hashable, CustomStringConvertible {
    public var ref: IntelRef
    public var recorded: Day
    public var grade: Grade

    public var agency: Agency { ref.agency }
    public var reference: String { ref.reference }
    /// `3x5x2` or `5x5x5`.
    public var gradeSystem: String { grade.system }
    /// Handling conditions for C-handled items.
    public var conditions: String? { grade.conditions }

    /// `police/WX-24-000123 2024-03-04 2BP`
    public var description: String { "\(ref) \(recorded) \(grade.code)" }

    public init(ref: IntelRef, recorded: Day, grade: Grade) {
        self.ref = ref; self.recorded = recorded; self.grade = grade
    }

    public init(agency: Agency, reference: String, recorded: Day, grade: Grade) {
        self.init(ref: IntelRef(agency: agency, reference: reference), recorded: recorded, grade: grade)
    }
}

extension Citation: Codable {
    enum CodingKeys: String, CodingKey {
        case agency, reference, recorded, grade, gradeSystem, conditions
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let agencyText = try c.decode(String.self, forKey: .agency)
        guard let agency = Agency(rawValue: agencyText) else {
            throw DecodingError.dataCorruptedError(forKey: .agency, in: c, debugDescription: "unknown agency \"\(agencyText)\"")
        }
        let code = try c.decode(String.self, forKey: .grade)
        let system = try c.decode(String.self, forKey: .gradeSystem)
        let conditions = try c.decodeIfPresent(String.self, forKey: .conditions)
        guard let grade = try? Grade(parsing: code, conditions: conditions), grade.system == system else {
            throw DecodingError.dataCorruptedError(forKey: .grade, in: c, debugDescription: "not a \(system) grade: \"\(code)\"")
        }
        self.init(ref: IntelRef(agency: agency, reference: try c.decode(String.self, forKey: .reference)),
                  recorded: try c.decode(Day.self, forKey: .recorded), grade: grade)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(agency.rawValue, forKey: .agency)
        try c.encode(reference, forKey: .reference)
        try c.encode(recorded.text, forKey: .recorded)
        try c.encode(grade.code, forKey: .grade)
        try c.encode(gradeSystem, forKey: .gradeSystem)
        try c.encodeIfPresent(conditions, forKey: .conditions)
    }
}

/// An item's summary (the agency's own words), by its reference (`police/WX-1`): what `show`,
/// `path` and `missing brief` add with `--summaries` for audiences that may see source details.
public struct CitedSummary: Sendable, Codable, Equatable {
    public var item: String
    public var summary: String
    public init(item: String, summary: String) { self.item = item; self.summary = summary }
}

/// How what cites these items is to be handled: every handling code among them, every condition
/// of a C-handled one (which travels with it), and one line for the recipient (an export's
/// manifest, every printed page of a pack or chronology).
public struct HandlingMarking: Codable, Sendable, Equatable {
    /// One line: the strictest handling the items call for.
    public var marking: String
    /// Every handling code among the items (`P`, `C`, 5x5x5 `1`-`5`).
    public var codes: [String]
    /// Every condition of a C-handled item among them.
    public var conditions: [String]

    public init(of items: some Sequence<Citation>) {
        var codes = Set<String>(), conditions = Set<String>()
        for c in items {
            codes.insert(c.grade.handlingCode)
            if let k = c.conditions { conditions.insert(k) }
        }
        self.codes = codes.sorted()
        self.conditions = conditions.sorted()
        let list = self.codes.isEmpty ? "P" : self.codes.joined(separator: ", ")
        marking = conditions.isEmpty
            ? "Handling \(list): share only as the handling codes allow"
            : "Handling \(list): contains items handled C: share only as their conditions allow"
    }
}
