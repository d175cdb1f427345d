import SightlineModel
import SightlineReadModel
import SightlineSafeguarding

/// A suggested action for a row of a disruption list: proposed, or already done (a notice, visit or
/// marker recorded for it, cited). Nothing is decided automatically: a person reviews every tactic.
public struct Tactic: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// Action aimed at adults or at premises that adults use to exploit children.
        case disruption
        /// Action that protects children at a place that exists to keep them safe (school, children's home).
        case protection
    }
    public enum Status: String, Codable, Sendable {
        /// Not used yet: suggested.
        case proposed
        /// Used: a notice, visit or marker is recorded and still in force (or has no expiry).
        case done
        /// Used, but every notice recorded for it had expired by the list's reference date: to consider again.
        case expired
    }

    /// What to do, in words (`guest-information notice (ASBCPA 2014 s.116)`).
    public var action: String
    public var kind: Kind
    /// The type of recorded notice that shows this tactic has been used, if there is one.
    public var notice: NoticeType?
    public var status: Status
    /// The notices that show it done: `hotel notice (ASBCPA 2014 s.116) issued 2024-05-20 (police/WX-24-000311 2024-05-20 1AP)`.
    public var done: [String]

    /// `done: guest-information notice ... (hotel notice ... issued 2024-05-20 (police/...))`,
    /// `expired, consider again: ...` or `propose: ...`.
    public var text: String {
        switch status {
        case .proposed: "propose: \(action)"
        case .done: "done: \(action) (\(done.joined(separator: "; ")))"
        case .expired: "expired, consider again: \(action) (\(done.joined(separator: "; ")))"
        }
    }
}

/// The tactics suggested for a place of each category, and for vehicles and phones.
///
/// Places that exist to protect children (schools, children's homes) are never given a disruptive
/// tactic: the work there is a safeguarding partnership with the staff, patrols around the site, and
/// staff awareness of the adults and vehicles seen nearby; never closure or disruption of the place.
public enum Tactics {
    /// A tactic before notices are checked.
    public struct Template: Sendable, Equatable {
        public var action: String
        public var kind: Tactic.Kind
        public var notice: NoticeType?
        public init(_ action: String, _ kind: Tactic.Kind, _ notice: NoticeType? = nil) {
            self.action = action; self.kind = kind; self.notice = notice
        }
    }

    static let visit = Template("preventative visit and staff awareness training", .disruption, .visit)

    /// The tactics for a place's category (`nil` or unknown: patrols and a preventative visit).
    /// - Complexity: O(1).
    public static func forPlace(_ category: LocationCategory?) -> [Template] {
        if let category, Safeguarding.protectiveCategories.contains(category) { return protective }
        return switch category {
        case .hotel, .bnb:
            [Template("guest-information notice (ASBCPA 2014 s.116)", .disruption, .hotelNotice), visit]
        case .licensedPremises:
            [Template("licensing review of the premises licence (Licensing Act 2003 s.51)", .disruption), visit]
        case .shishaLounge:
            [Template("licensing review with the licensing authority", .disruption), visit]
        case .taxiFirm, .taxiRank:
            [Template("referral to the licensing authority (taxi and private-hire licensing)", .disruption),
             Template("driver and operator awareness training", .disruption, .visit),
             Template("patrols at the times children are seen there", .disruption)]
        case .takeaway:
            [visit,
             Template("referral to the licensing authority (late-night refreshment licence)", .disruption),
             Template("patrols at the times children are seen there", .disruption)]
        case .residential:
            [Template("harbourer warning to the occupier", .disruption, .harbourerWarning),
             Template("closure order (ASBCPA 2014 s.80)", .disruption)]
        case .park, .shoppingCentre:
            [Template("patrols at the times children are seen there", .disruption),
             Template("guardian engagement: security staff, wardens and shop staff told what to look for", .disruption, .visit)]
        case .school, .childrensHome:
            protective
        case .other, nil:
            [Template("patrols at the times children are seen there", .disruption), visit]
        }
    }

    /// For a place that protects children (``Safeguarding/protectiveCategories``): protection with
    /// the staff and measures against the adults, never against the place.
    static let protective = [
        Template("safeguarding partnership: share the picture with the designated safeguarding lead or home manager", .protection),
        Template("patrols around the site at the times adults of concern are seen nearby", .protection),
        Template("staff awareness of the adults and vehicles seen nearby", .protection, .visit),
        Template("orders against the adults seen nearby, such as Sexual Risk Orders", .protection),
    ]

    /// A number-plate reader or police national computer marker, for vehicles and phones.
    public static let marker = Template("marker (number-plate readers, police national computer)", .disruption, .marker)

    /// The templates resolved against the notices recorded: a tactic whose notice type has been
    /// recorded is shown as done, citing the notices, and not proposed again; when every such
    /// notice had expired before the day `reference`, it is shown as expired, to
    /// consider again.
    /// - Complexity: O(templates × notices).
    public static func resolve(_ templates: [Template], notices: [IssuedNotice], reference: Day? = nil) -> [Tactic] {
        templates.map { t in
            let used = t.notice.map { type in notices.filter { $0.type == type } } ?? []
            let status: Tactic.Status = used.isEmpty ? .proposed
                : used.allSatisfy({ hasExpired($0, reference) }) ? .expired : .done
            return Tactic(action: t.action, kind: t.kind, notice: t.notice, status: status,
                          done: used.map { noticeText($0, reference: reference) })
        }
    }

    /// Whether a notice's expiry date is before the reference day.
    static func hasExpired(_ n: IssuedNotice, _ reference: Day?) -> Bool {
        guard let reference, let expires = n.expires else { return false }
        return expires < reference
    }

    /// `hotel notice (ASBCPA 2014 s.116) issued 2024-05-20, expired 2024-11-20 (police/WX-24-000311 2024-05-20 1AP)`.
    public static func noticeText(_ n: IssuedNotice, reference: Day? = nil) -> String {
        let expiry = n.expires.map { hasExpired(n, reference) ? ", expired \($0)" : ", expires \($0)" } ?? ""
        return "\(n.type.title) issued \(n.issued)\(expiry) (\(n.source))"
    }
}
