import SightlineModel

/// An intelligence item as cited in reports: agency, reference, date recorded, grade.
public struct Citation: Sendable, Codable, Hashable, CustomStringConvertible {
    public var agency: String
    public var reference: String
    public var recorded: String
    public var grade: String
    public var gradeSystem: String
    /// Handling conditions for C-handled items.
    public var conditions: String?

    /// `police/WX-24-000123 2024-03-04 2BP`
    public var description: String { "\(agency)/\(reference) \(recorded) \(grade)" }

    public init(agency: String, reference: String, recorded: String, grade: String, gradeSystem: String, conditions: String?) {
        self.agency = agency; self.reference = reference; self.recorded = recorded
        self.grade = grade; self.gradeSystem = gradeSystem; self.conditions = conditions
    }
}
