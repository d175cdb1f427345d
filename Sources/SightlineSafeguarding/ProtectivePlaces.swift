import SightlineModel
import SightlineReadModel

extension Safeguarding {
    /// Place categories that protect children: schools and children's homes. Such a place is never
    /// a removal or disruption candidate anywhere; when adults of concern gather there it appears among
    /// the locations of risk with protective tactics only (patrols, guardianship, staff awareness,
    /// orders against the adults), never measures against the place.
    public static let protectiveCategories: Set<LocationCategory> = [.school, .childrensHome]

    /// Whether a place of this category (the stored text, as recorded) protects children.
    public static func isProtectivePlace(_ category: String?) -> Bool {
        guard let category, let c = LocationCategory(rawValue: category) else { return false }
        return protectiveCategories.contains(c)
    }

    /// Whether the entity may be proposed for removal or disruption: adults who may be ranked, and
    /// places, vehicles, phones and accounts, but never a child, a person held for review or a
    /// protective place.
    public func mayBeDisrupted(_ e: NetworkEntity) -> Bool {
        if e.kind == .location && Self.isProtectivePlace(e.category) { return false }
        return mayBeRanked(e.id)
    }
}
