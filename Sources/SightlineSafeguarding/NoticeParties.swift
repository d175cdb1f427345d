import SightlineModel
import SightlineReadModel

extension Safeguarding {
    /// Why a notice cannot name these parties (nil: it can), judged on the day it was issued.
    ///
    /// - A warning notice (Child Abduction Warning Notice, harbourer warning) is served on an adult
    ///   person, never on a child or a place; a CAWN's `child` is a child on the day it is issued.
    /// - A hotel notice's subject is a place or an organisation.
    /// - A visit is made to a place, an organisation or an adult; a marker is set on a vehicle or a
    ///   phone; no notice of any type is ever served on a child.
    /// - `premises`, when given, is a place or an organisation.
    /// - Complexity: O(roles + dates of birth of the parties).
    public static func noticeProblem(_ type: NoticeType, subject: NetworkEntity, child: NetworkEntity?, premises: NetworkEntity?,
                                     issued day: Timestamp) -> String? {
        let rules = Safeguarding([subject] + [child].compactMap { $0 }, on: day)
        func who(_ e: NetworkEntity) -> String { "\(e.id) \(e.label.isEmpty ? e.kind.rawValue : e.label) (a \(e.kind.rawValue))" }
        if subject.kind == .person && !rules.mayBeRanked(subject.id) {
            return "\(who(subject)) is a child on \(day.dateText) (or their records conflict: see 'sightline review'): no notice is ever served on a child"
        }
        let place: Set<EntityKind> = [.location, .organisation]
        switch type {
        case .cawn, .harbourerWarning:
            guard subject.kind == .person else { return "a \(type.title) is served on an adult person, and \(who(subject)) is not one" }
        case .hotelNotice:
            guard place.contains(subject.kind) else { return "a \(type.title) is served on a place or an organisation, and \(who(subject)) is not one" }
        case .visit:
            guard place.contains(subject.kind) || subject.kind == .person else { return "a \(type.title) is made to a place, an organisation or an adult, and \(who(subject)) is none" }
        case .marker:
            guard subject.kind == .vehicle || subject.kind == .phone else { return "a \(type.title) is set on a vehicle or a phone, and \(who(subject)) is neither" }
        case .other:
            break
        }
        if let child {
            guard child.kind == .person, rules.isChild(child.id) else {
                return "the notice's child, \(who(child)), is not a child on \(day.dateText)"
            }
        } else if type == .cawn {
            return "a \(type.title) names the child it protects (child)"
        }
        if let premises, !place.contains(premises.kind) {
            return "the notice's premises, \(who(premises)), is not a place or an organisation"
        }
        return nil
    }
}
