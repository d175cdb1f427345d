import SightlineModel
import SightlineReadModel

extension Safeguarding {
    /// Why two people must not be merged without an explicit, recorded override (nil: they may be).
    ///
    /// A merge that would join a child and an adult (on the date in question) hides the child inside
    /// an adult's record or the adult inside a child's: either way the child's protection or the
    /// adult's scrutiny is lost. Two people whose dates of birth are more than
    /// ``birthDateMargin`` days apart are very likely two people. Both need an analyst's override
    /// with a reason, which the merge records.
    /// - Complexity: O(roles + dates of birth of the two).
    public static func mergeProblem(_ a: NetworkEntity, _ b: NetworkEntity, on day: Timestamp) -> String? {
        guard a.kind == .person, b.kind == .person else { return nil }
        let rules = Safeguarding([a, b], on: day)
        func who(_ e: NetworkEntity) -> String { "\(e.id) \(e.label)" }
        if rules.isChild(a.id) != rules.isChild(b.id) {
            let (child, adult) = rules.isChild(a.id) ? (a, b) : (b, a)
            return "\(who(child)) is a child on \(day.dateText) and \(who(adult)) is not: merging them would join a child and an adult"
        }
        let births = (a.birthDates + b.birthDates).compactMap { $0.value.value }
        let aDays = a.birthDates.compactMap { $0.value.value }, bDays = b.birthDates.compactMap { $0.value.value }
        if !aDays.isEmpty, !bDays.isEmpty, births.count > 1 {
            let gap = max(bDays.map(\.earliest.dayNumber).min()! - aDays.map(\.latest.dayNumber).max()!,
                          aDays.map(\.earliest.dayNumber).min()! - bDays.map(\.latest.dayNumber).max()!)
            if gap > birthDateMargin {
                return "\(who(a)) (born \(a.birthDates.map(\.value.text).joined(separator: ", "))) and \(who(b)) (born \(b.birthDates.map(\.value.text).joined(separator: ", "))) have dates of birth more than \(birthDateMargin) days apart"
            }
        }
        return nil
    }
}
