import SightlineModel
import SightlineReadModel

extension Safeguarding {
    /// A notice's party, as a refusal names it (the record's field and `notices record`'s option).
    public enum NoticeParty: String, Sendable {
        case subject, child, premises
    }

    /// Why a notice cannot name these parties (nil: it can), judged on the day it was issued.
    ///
    /// The rules are ``noticeRefusal(_:subject:child:premises:issued:)``'s, which also says which
    /// party is wrong.
    public static func noticeProblem(_ type: NoticeType, subject: NetworkEntity, child: NetworkEntity?, premises: NetworkEntity?,
                                     issued day: Timestamp) -> String? {
        noticeRefusal(type, subject: subject, child: child, premises: premises, issued: day)?.reason
    }

    /// Which party a notice cannot name, and why (nil: it can name them all), judged on the day it
    /// was issued.
    ///
    /// - A warning notice (Child Abduction Warning Notice, harbourer warning) is served on an adult
    ///   person, never on a child or a place; a CAWN's `child` is a child on the day it is issued.
    /// - A hotel notice's subject is a place or an organisation.
    /// - A visit is made to a place, an organisation or an adult; a marker is set on a vehicle or a
    ///   phone; no notice of any type is ever served on a child. A person held for review (adult by
    ///   every date of birth, with a conflicting child-at-risk role) may be a notice's subject.
    /// - `premises`, when given, is a place or an organisation.
    /// - Complexity: O(roles + dates of birth of the parties).
    public static func noticeRefusal(_ type: NoticeType, subject: NetworkEntity, child: NetworkEntity?, premises: NetworkEntity?,
                                     issued day: Timestamp) -> (party: NoticeParty, reason: String)? {
        let rules = Safeguarding([subject] + [child].compactMap { $0 }, on: day)
        func who(_ e: NetworkEntity) -> String { "\(e.id) \(e.label.isEmpty ? e.kind.rawValue : e.label) (a \(e.kind.rawValue))" }
        // A person held for review (a child-at-risk role recorded only when every date of birth made
        // them an adult) is certainly an adult: a notice served on them is a fact to keep, and one
        // anonymous report must not be able to refuse a force's record of it.
        if subject.kind == .person && rules.isChild(subject.id) {
            return (.subject, "\(who(subject)) is a child on \(day.dateText): no notice is ever served on a child")
        }
        let place: Set<EntityKind> = [.location, .organisation]
        switch type {
        case .cawn, .harbourerWarning:
            guard subject.kind == .person else { return (.subject, "a \(type.title) is served on an adult person, and \(who(subject)) is not one") }
        case .hotelNotice:
            guard place.contains(subject.kind) else { return (.subject, "a \(type.title) is served on a place or an organisation, and \(who(subject)) is not one") }
        case .visit:
            guard place.contains(subject.kind) || subject.kind == .person else { return (.subject, "a \(type.title) is made to a place, an organisation or an adult, and \(who(subject)) is none") }
        case .marker:
            guard subject.kind == .vehicle || subject.kind == .phone else { return (.subject, "a \(type.title) is set on a vehicle or a phone, and \(who(subject)) is neither") }
        case .other:
            break
        }
        if let child {
            guard child.kind == .person, rules.isChild(child.id) else {
                return (.child, "the notice's child, \(who(child)), is not a child on \(day.dateText)")
            }
        } else if type == .cawn {
            return (.child, "a \(type.title) names the child it protects (child)")
        }
        if let premises, !place.contains(premises.kind) {
            return (.premises, "the notice's premises, \(who(premises)), is not a place or an organisation")
        }
        return nil
    }
}
