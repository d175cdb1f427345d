import SightlineModel
import SightlineNetwork
import SightlineReadModel

/// The warning notices a candidate list can propose.
public enum CandidateNotice: String, Codable, Sendable, CaseIterable, Comparable {
    /// Child Abduction Warning Notice, per (adult, child).
    case cawn
    /// Harbourer warning, per (adult, address).
    case harbourerWarning = "harbourer_warning"

    public static func < (a: Self, b: Self) -> Bool { a == .cawn && b != .cawn }

    public var title: String {
        switch self {
        case .cawn: "Child Abduction Warning Notice"
        case .harbourerWarning: "harbourer warning"
        }
    }
    var noticeType: NoticeType {
        switch self {
        case .cawn: .cawn
        case .harbourerWarning: .harbourerWarning
        }
    }
}

/// The kinds of association a notice can cite.
public enum AssociationKind: String, Codable, Sendable, CaseIterable, Comparable {
    case foundWithWhileMissing = "found_with_while_missing"
    case atAdultsAddress = "at_adults_address"
    case harboured
    case inAdultsVehicle = "in_adults_vehicle"
    case inAdultsCompany = "in_adults_company"

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Words for the schedule, describing where the adult had the child.
    public var phrase: String {
        switch self {
        case .foundWithWhileMissing: "found with the adult during a missing episode"
        case .atAdultsAddress: "at the adult's address"
        case .harboured: "harboured by the adult"
        case .inAdultsVehicle: "in the adult's vehicle"
        case .inAdultsCompany: "in the adult's company"
        }
    }
}

/// How a list of warning-notice candidates is drawn up.
public struct NoticeCandidateRules: Sendable, Codable, Equatable {
    /// Which notices to propose.
    public var notices: [CandidateNotice] = CandidateNotice.allCases
    /// At least this many eligible associations (on different days) ...
    public var minimumAssociations: Int = 2
    /// ... no more than this many days apart (first to last).
    public var windowDays: Int = 365
    /// A pair whose eligible associations miss the window by at most this many days is listed in
    /// `excluded` with how far it missed, for a person to look at again (a pair further out is not).
    public var nearMissDays: Int = 90
    /// Only this child's pairs (CAWN) and addresses where this child was counted (harbourer).
    public var child: EntityID?
    /// Only this adult's rows.
    public var adult: EntityID?

    public init() {}

    /// The rules in words, for the JSON output.
    public var statements: [String] {
        [
            "associations a notice can cite: found with the adult during a missing episode (dated at the episode's start); at the adult's address (the child found at, or at, a place the adult resides at, or harboured by the adult); in the adult's vehicle (the child travelled in a vehicle the adult keeps or drives); in the adult's company (seen_with, found_with or associates_with between the two)",
            "each association is judged on its own date: the adult 18 or over; the child under 16, or under 18 and looked after (a care period covers the date; its end is the last day in care)",
            "ages come from every recorded date of birth: when they do not fix the age on the date (unknown, month or year only across a birthday, approximate (taken as a year either way), or agencies disagreeing across a birthday), the association is 'age not certain', listed apart and never counted",
            "undated associations cannot be checked against ages: shown as 'undated, not counted'",
            "a candidate needs at least \(minimumAssociations) eligible associations on different days, the first and last at most \(windowDays) days apart",
            "a recorded parent_of, carer_of, relative_of or sibling_of link between the two excludes the pair",
            "a pair with enough eligible associations whose closest \(minimumAssociations) are more than \(windowDays) days apart, by at most \(nearMissDays) days, is listed in 'excluded' with how far it missed the window",
            "a notice already issued (CAWN for the pair; harbourer warning for the adult, and the child if it names one) excludes the row unless an eligible association is dated after the issue date and on or before its expiry: then the row is 'breached'",
            "non-consent: a parent's or carer's (child under 16) or the local authority's (looked-after child) recorded non-consent for the child, for this adult or any adult; otherwise flagged 'non-consent still to be recorded'",
            "a person recorded as a child at risk in any item is never the adult of a row",
            "rows: most eligible associations counted, then the most recent, then adult ID, then child (or address) ID",
        ]
    }
}

/// One dated association in a draft evidence schedule.
public struct ScheduleEntry: Sendable, Codable, Equatable {
    /// The time as recorded (`2024-03-02T21:40`, `~2024-09`), nil when undated.
    public var time: String?
    /// The first day the time covers, `YYYY-MM-DD`.
    public var day: String?
    public var kind: AssociationKind
    /// The kind in words, with the link type behind it (`in the adult's company (seen_with)`).
    public var description: String
    /// The place or vehicle, when there is one.
    public var placeID: String?
    public var place: String?
    /// The child, on harbourer-warning rows (as the disclosure gate names them).
    public var childID: String?
    public var child: String?
    public var eligibility: NoticeEligibility
    /// Why it is not counted (age not certain, not eligible).
    public var reason: String?
    public var adultAge: String?
    public var childAge: String?
    /// Dated after a notice already issued for the row, while it was in force.
    public var afterNotice: Bool
    /// The intelligence items behind it: agency, reference, date recorded, grade.
    public var evidence: [Citation]

    /// One line: `2024-02-17 found with the adult during a missing episode, The Anchorage Hotel: police/MP-24-0017 2024-02-18 2BP`.
    public var line: String {
        var s = (day ?? "undated") + " " + description
        if let child { s += ", " + child }
        if let place { s += ", " + place }
        if eligibility != .eligible { s += " [" + eligibility.rawValue + (reason.map { ": " + $0 } ?? "") + "]" }
        if afterNotice { s += " [after the notice]" }
        return s + ": " + evidence.map(\.description).joined(separator: "; ")
    }
}

/// A row of the warning-notice candidate list: an adult, and a child (CAWN) or an address
/// (harbourer warning), with the draft evidence schedule behind it.
public struct NoticeCandidate: Sendable, Codable, EvidencedRow {
    public var notice: CandidateNotice
    public var adultID: String
    public var adult: String
    /// CAWN rows: the child (as the disclosure gate names them).
    public var childID: String?
    public var child: String?
    /// Harbourer-warning rows: the address, and the children counted there.
    public var addressID: String?
    public var address: String?
    public var children: [String]
    /// `new`, `breached` (an eligible association after a notice already issued), or `age not
    /// certain` (only in the separate list of rows the ages could not settle).
    public var status: String
    /// Eligible associations counted (distinct days): in the best window for a new row, after the
    /// notice for a breached one.
    public var associations: Int
    /// Every eligible association (distinct days), and those the ages could not settle or that have no date.
    public var eligibleTotal: Int
    public var ageNotCertain: Int
    public var undated: Int
    public var notEligible: Int
    /// The counted associations' first and last days.
    public var firstAssociation: String?
    public var lastAssociation: String?
    /// The notice already issued, and what happened since (`notice issued 2024-04-02 (police/WX-24-000871); 1 association since: breached`).
    public var issuedNotice: String?
    /// CAWN rows: the non-consent found, or that it is still to be recorded.
    public var nonConsent: String?
    public var nonConsentRecorded: Bool?
    /// Points a reviewer must check (dates of birth, non-consent, uncounted associations).
    public var checks: [String]
    /// Every association: eligible ones first by date, then the rest.
    public var schedule: [ScheduleEntry]
    public var evidence: [Citation]
    /// On a row that meets the rule only with associations resting on weak intelligence
    /// (``EvidenceStrength``): what would corroborate them. Such rows are never candidates.
    public var needsCorroboration: String?

    /// Internal sort keys.
    var adultKey: EntityID
    var otherKey: EntityID

    enum CodingKeys: String, CodingKey {
        case notice, adultID, adult, childID, child, addressID, address, children, status, associations, eligibleTotal,
             ageNotCertain, undated, notEligible, firstAssociation, lastAssociation, issuedNotice, nonConsent,
             nonConsentRecorded, checks, schedule, evidence, needsCorroboration
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        notice = try c.decode(CandidateNotice.self, forKey: .notice)
        adultID = try c.decode(String.self, forKey: .adultID)
        adult = try c.decode(String.self, forKey: .adult)
        childID = try c.decodeIfPresent(String.self, forKey: .childID)
        child = try c.decodeIfPresent(String.self, forKey: .child)
        addressID = try c.decodeIfPresent(String.self, forKey: .addressID)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        children = try c.decode([String].self, forKey: .children)
        status = try c.decode(String.self, forKey: .status)
        associations = try c.decode(Int.self, forKey: .associations)
        eligibleTotal = try c.decode(Int.self, forKey: .eligibleTotal)
        ageNotCertain = try c.decode(Int.self, forKey: .ageNotCertain)
        undated = try c.decode(Int.self, forKey: .undated)
        notEligible = try c.decode(Int.self, forKey: .notEligible)
        firstAssociation = try c.decodeIfPresent(String.self, forKey: .firstAssociation)
        lastAssociation = try c.decodeIfPresent(String.self, forKey: .lastAssociation)
        issuedNotice = try c.decodeIfPresent(String.self, forKey: .issuedNotice)
        nonConsent = try c.decodeIfPresent(String.self, forKey: .nonConsent)
        nonConsentRecorded = try c.decodeIfPresent(Bool.self, forKey: .nonConsentRecorded)
        checks = try c.decode([String].self, forKey: .checks)
        schedule = try c.decode([ScheduleEntry].self, forKey: .schedule)
        evidence = try c.decode([Citation].self, forKey: .evidence)
        needsCorroboration = try c.decodeIfPresent(String.self, forKey: .needsCorroboration)
        adultKey = EntityID(parsing: adultID) ?? EntityID(0)
        otherKey = (childID ?? addressID).flatMap(EntityID.init(parsing:)) ?? EntityID(0)
    }

    init(notice: CandidateNotice, adultKey: EntityID, otherKey: EntityID) {
        self.notice = notice; self.adultKey = adultKey; self.otherKey = otherKey
        adultID = adultKey.description; adult = ""; children = []; status = "new"
        associations = 0; eligibleTotal = 0; ageNotCertain = 0; undated = 0; notEligible = 0
        checks = []; schedule = []; evidence = []
    }

    /// The list order: most associations counted, then the most recent last one, then adult, then
    /// child or address (CAWN rows before harbourer-warning rows).
    static func before(_ a: Self, _ b: Self) -> Bool {
        if a.notice != b.notice { return a.notice < b.notice }
        if a.associations != b.associations { return a.associations > b.associations }
        if a.lastAssociation != b.lastAssociation { return (a.lastAssociation ?? "") > (b.lastAssociation ?? "") }
        if a.adultKey != b.adultKey { return a.adultKey < b.adultKey }
        return a.otherKey < b.otherKey
    }
}

/// A pair (or adult and address) left out, with why: a recorded relationship, or a notice already
/// issued with nothing since.
public struct ExcludedNoticePair: Sendable, Codable, Equatable {
    public var notice: CandidateNotice
    public var adultID: String
    public var adult: String
    public var childID: String?
    public var child: String?
    public var addressID: String?
    public var address: String?
    public var reason: String
    public var evidence: [Citation]
}

/// The list: candidates, the rows the ages could not settle, and the pairs excluded.
public struct NoticeCandidateList: Sendable, Codable {
    public var rules: [String]
    public var candidates: [NoticeCandidate]
    /// Rows that would reach the minimum only with associations whose ages are not certain: for a
    /// person to check the dates of birth; never candidates.
    public var ageNotCertain: [NoticeCandidate]
    /// Rows that would meet the rule only with associations resting on weak intelligence (no item
    /// graded firm, ``EvidenceStrength``): for a person to corroborate; never candidates.
    public var needsCorroboration: [NoticeCandidate]
    public var excluded: [ExcludedNoticePair]
}

// MARK: - Associations

/// One association found in the data, before it is judged.
struct Association {
    var adult: EntityID
    var child: EntityID
    var kind: AssociationKind
    /// The link type or record behind it, for the schedule (`seen_with`, `missing episode`).
    var via: String
    var time: TimeSpec?
    var place: EntityID?
    /// The adult's address it happened at (at-address associations only).
    var address: EntityID?
    var evidence: [Citation]
}

extension ProductData {
    /// Whether a person can be the adult of a warning-notice row: a person who may be ranked (not a
    /// child, not held for review; ``Safeguarding``).
    func canBeNoticeAdult(_ id: EntityID) -> Bool {
        guard let e = entity(id) else { return false }
        return e.kind == .person && mayBeRanked(id)
    }

    /// Whether a dated thing falls within a link's recorded period (links with no time, or a
    /// single time, are taken as standing).
    static func holds(_ l: NetworkLink, at t: TimeSpec?) -> Bool {
        guard let t, let text = l.time, let span = try? TimeSpec(parsing: text), span.isPeriod else { return true }
        return span.start.dateText <= t.start.dateText && t.start.dateText <= span.end.dateText
    }

    /// Every association of one child with any adult, and the child's recorded family and caring
    /// relationships (by adult).
    /// - Complexity: O(the child's episodes and links, times the residents of each place and the
    ///   keepers and drivers of each vehicle the child is linked to).
    func noticeAssociations(of child: EntityID, _ index: NoticeIndex) -> (associations: [Association], relations: [EntityID: [NetworkLink]]) {
        func residents(of place: EntityID, at t: TimeSpec?) -> [EntityID] {
            (index.residents[place] ?? []).filter { Self.holds($0, at: t) }.map(\.source)
        }
        var out: [Association] = []
        var relations: [EntityID: [NetworkLink]] = [:]
        let ownHomes = Set((linksOf[child] ?? []).filter { $0.type == .residesAt && $0.source == child }.map(\.target))
        var episodeItems = Set<IntelRef>()
        func key(_ c: Citation) -> IntelRef { c.ref }

        for ep in episodesOf[child] ?? [] {
            episodeItems.insert(key(ep.source))
            let t = TimeSpec(instant: ep.start)
            for p in ep.foundWith where p != child && canBeNoticeAdult(p) {
                out.append(Association(adult: p, child: child, kind: .foundWithWhileMissing, via: "missing episode", time: t,
                                       place: ep.foundAt, evidence: [ep.source]))
            }
            if let at = ep.foundAt, !ownHomes.contains(at) {
                for r in residents(of: at, at: t) where r != child {
                    out.append(Association(adult: r, child: child, kind: .atAdultsAddress, via: "found at during a missing episode",
                                           time: t, place: at, address: at, evidence: [ep.source]))
                }
            }
        }
        for l in linksOf[child] ?? [] {
            let other = Self.other(l, from: child)
            let t = l.time.flatMap { try? TimeSpec(parsing: $0) }
            if (l.type == .foundWith || l.type == .foundAt) && l.evidence.contains(where: { episodeItems.contains(key($0)) }) {
                // The missing episode's own link: counted from the episode, which takes any other
                // items behind the link (a return-home interview) as corroboration.
                let extra = l.evidence.filter { !episodeItems.contains(key($0)) }
                guard !extra.isEmpty else { continue }
                let items = Set(l.evidence.map(key))
                for i in out.indices where out[i].evidence.contains(where: { items.contains(key($0)) })
                    && (l.type == .foundWith ? out[i].kind == .foundWithWhileMissing && out[i].adult == other
                                             : out[i].kind == .atAdultsAddress && out[i].place == other) {
                    out[i].evidence += extra
                }
                continue
            }
            switch l.type {
            case .seenWith, .associatesWith, .foundWith:
                if canBeNoticeAdult(other) {
                    out.append(Association(adult: other, child: child, kind: .inAdultsCompany, via: l.type.rawValue, time: t,
                                           place: nil, evidence: l.evidence))
                }
            case .foundAt, .atLocation:
                guard l.source == child, !ownHomes.contains(other) else { continue }
                for r in residents(of: other, at: t) {
                    out.append(Association(adult: r, child: child, kind: .atAdultsAddress, via: l.type.rawValue, time: t,
                                           place: other, address: other, evidence: l.evidence))
                }
            case .travelledIn:
                guard l.source == child else { continue }
                var roles: [EntityID: Set<String>] = [:]
                for v in index.keepersAndDrivers[other] ?? [] where Self.holds(v, at: t) { roles[v.source, default: []].insert(v.type.rawValue) }
                for adult in roles.keys.sorted() {
                    out.append(Association(adult: adult, child: child, kind: .inAdultsVehicle,
                                           via: "travelled_in; " + (roles[adult] ?? []).sorted().joined(separator: ", "),
                                           time: t, place: other, evidence: l.evidence))
                }
            case .harbours:
                guard l.target == child, canBeNoticeAdult(l.source) else { continue }
                out.append(Association(adult: l.source, child: child, kind: .harboured, via: "harbours", time: t, place: nil,
                                       evidence: l.evidence))
            case .parentOf, .carerOf, .relativeOf, .siblingOf:
                relations[other, default: []].append(l)
            default:
                continue
            }
        }
        return (out, relations)
    }
}

/// Who resides where and who keeps or drives which vehicle, built once per list so that a busy
/// place or vehicle is not scanned again for every child linked to it.
struct NoticeIndex {
    /// `resides_at` links by place, from people who can be the adult of a row.
    var residents: [EntityID: [NetworkLink]] = [:]
    /// `resides_at` links by person.
    var homes: [EntityID: [NetworkLink]] = [:]
    /// `keeper_of` and `driver_of` links by vehicle, from people who can be the adult of a row.
    var keepersAndDrivers: [EntityID: [NetworkLink]] = [:]

    /// - Complexity: O(links).
    init(_ data: ProductData) {
        for l in data.contents.links {
            switch l.type {
            case .residesAt:
                homes[l.source, default: []].append(l)
                if data.canBeNoticeAdult(l.source) { residents[l.target, default: []].append(l) }
            case .keeperOf, .driverOf:
                if data.canBeNoticeAdult(l.source) { keepersAndDrivers[l.target, default: []].append(l) }
            default: break
            }
        }
    }

    /// The places a person resides at, at a time.
    func addresses(of person: EntityID, at t: TimeSpec?) -> [EntityID] {
        (homes[person] ?? []).filter { ProductData.holds($0, at: t) }.map(\.target)
    }
}

// MARK: - The list

/// Warning-notice candidates: adults for whom a Child Abduction Warning Notice should be considered
/// for a named child, and adults for whom a harbourer warning should be considered for an address.
/// Nothing here decides: every row is for a person to review, with a draft evidence schedule.
///
/// See ``NoticeCandidateRules/statements`` for the rules, and ``noticeEligibility`` for ages.
/// - Complexity: O(children × their episodes and links × residents, keepers and drivers of the
///   places and vehicles they are linked to) plus sorting; each child's pairs are judged in
///   O(associations log associations).
public func noticeCandidates(_ data: ProductData, rules: NoticeCandidateRules = NoticeCandidateRules()) -> NoticeCandidateList {
    var candidates: [NoticeCandidate] = []
    var uncertain: [NoticeCandidate] = []
    var weak: [NoticeCandidate] = []
    var excluded: [ExcludedNoticePair] = []
    let children = data.contents.entities.filter { $0.kind == .person && data.isChild($0.id) }.map(\.id)
        .filter { rules.child == nil || rules.child == $0 }
    var atAddress: [AddressKey: [Association]] = [:]
    var relationsOf: [EntityID: [EntityID: [NetworkLink]]] = [:]
    let judge = Judge(data: data, rules: rules)
    let index = NoticeIndex(data)

    for child in children {
        let (associations, relations) = data.noticeAssociations(of: child, index)
        relationsOf[child] = relations
        var byAdult: [EntityID: [Association]] = [:]
        for a in associations where rules.adult == nil || rules.adult == a.adult { byAdult[a.adult, default: []].append(a) }
        for adult in byAdult.keys.sorted() {
            let list = byAdult[adult] ?? []
            // Harbourer warnings: at-address associations at that address; harbouring at each address of the adult's.
            for a in list {
                switch a.kind {
                case .atAdultsAddress: atAddress[AddressKey(adult: adult, address: a.address), default: []].append(a)
                case .harboured:
                    let homes = index.addresses(of: adult, at: a.time)
                    if homes.isEmpty { atAddress[AddressKey(adult: adult, address: nil), default: []].append(a) }
                    for h in homes { var b = a; b.address = h; b.place = h; atAddress[AddressKey(adult: adult, address: h), default: []].append(b) }
                default: break
                }
            }
            guard rules.notices.contains(.cawn) else { continue }
            if let rel = relations[adult] {
                excluded.append(judge.excludedForRelationship(.cawn, adult: adult, child: child, address: nil, rel))
                continue
            }
            switch judge.row(.cawn, adult: adult, child: child, address: nil, list) {
            case .candidate(let r): candidates.append(r)
            case .uncertain(let r): uncertain.append(r)
            case .needsCorroboration(let r): weak.append(r)
            case .excluded(let e): excluded.append(e)
            case .nothing: break
            }
        }
    }

    if rules.notices.contains(.harbourerWarning) {
        for key in atAddress.keys.sorted() {
            var list = atAddress[key] ?? []
            // Children the adult is related to are lawfully at the adult's address: reported, not counted.
            let related = Set(list.map(\.child)).filter { relationsOf[$0]?[key.adult] != nil }.sorted()
            for c in related {
                excluded.append(judge.excludedForRelationship(.harbourerWarning, adult: key.adult, child: c, address: key.address,
                                                              relationsOf[c]?[key.adult] ?? []))
            }
            list.removeAll { related.contains($0.child) }
            guard !list.isEmpty else { continue }
            switch judge.row(.harbourerWarning, adult: key.adult, child: nil, address: key.address, list) {
            case .candidate(let r): candidates.append(r)
            case .uncertain(let r): uncertain.append(r)
            case .needsCorroboration(let r): weak.append(r)
            case .excluded(let e): excluded.append(e)
            case .nothing: break
            }
        }
    }
    excluded.sort { ($0.notice, $0.adultID.count, $0.adultID, $0.childID ?? $0.addressID ?? "", $0.reason)
        < ($1.notice, $1.adultID.count, $1.adultID, $1.childID ?? $1.addressID ?? "", $1.reason) }
    return NoticeCandidateList(rules: rules.statements, candidates: candidates.sorted(by: NoticeCandidate.before),
                               ageNotCertain: uncertain.sorted(by: NoticeCandidate.before),
                               needsCorroboration: weak.sorted(by: NoticeCandidate.before), excluded: excluded)
}

struct AddressKey: Hashable, Comparable {
    var adult: EntityID
    var address: EntityID?
    static func < (a: Self, b: Self) -> Bool {
        (a.adult, a.address?.rawValue ?? -1) < (b.adult, b.address?.rawValue ?? -1)
    }
}

enum RowOutcome {
    case candidate(NoticeCandidate)
    case uncertain(NoticeCandidate)
    case needsCorroboration(NoticeCandidate)
    case excluded(ExcludedNoticePair)
    case nothing
}

/// Judges the associations behind one row.
struct Judge {
    let data: ProductData
    let rules: NoticeCandidateRules

    func name(_ id: EntityID) -> String { data.name(id) }
    func births(_ id: EntityID) -> [Dated<BirthDateText>] { data.contents.facts[id]?.birthDates ?? [] }

    func excludedForRelationship(_ notice: CandidateNotice, adult: EntityID, child: EntityID, address: EntityID?,
                                 _ links: [NetworkLink]) -> ExcludedNoticePair {
        let types = Set(links.map(\.type.rawValue)).sorted().joined(separator: ", ")
        let evidence = distinctEvidence(links.flatMap(\.evidence))
        return ExcludedNoticePair(notice: notice, adultID: adult.description, adult: name(adult), childID: child.description, child: name(child),
                                  addressID: address?.description, address: address.map(name),
                                  reason: "recorded relationship between the two (\(types)): " + evidence.map(\.description).joined(separator: "; "),
                                  evidence: evidence)
    }

    /// The notices already issued that cover an association with `child` (at `address`).
    func notices(_ notice: CandidateNotice, adult: EntityID, child: EntityID, address: EntityID?) -> [IssuedNotice] {
        (data.noticesNaming[adult] ?? []).filter { n in
            guard n.type == notice.noticeType, n.subject == adult else { return false }
            switch notice {
            case .cawn: return n.child == child
            case .harbourerWarning:
                return (n.child == nil || n.child == child) && (n.premises == nil || address == nil || n.premises == address)
            }
        }
    }

    struct Judged {
        var association: Association
        var verdict: EligibilityVerdict?
        var day: String?
        var dayNumber: Int?
        /// The notice in force when it happened (issued before it, not expired).
        var breaches: IssuedNotice?
        /// A notice issued on or after it: already acted on.
        var dealtWith: IssuedNotice?
        var eligibility: NoticeEligibility { verdict?.eligibility ?? .undated }
    }

    /// Judges a row on the associations that rest on firm intelligence (``EvidenceStrength``);
    /// when those do not meet the rule but all of them would, the row needs corroboration.
    func row(_ notice: CandidateNotice, adult: EntityID, child: EntityID?, address: EntityID?, _ associations: [Association]) -> RowOutcome {
        let strength = data.strength
        let firm = associations.filter { !strength.needsCorroboration($0.evidence) }
        guard firm.count < associations.count else { return judge(notice, adult: adult, child: child, address: address, associations) }
        let weakCount = associations.count - firm.count
        let note = "\(weakCount) association\(weakCount == 1 ? "" : "s") resting only on items graded below \(strength.firmGrade), not counted"
        var outcome = firm.isEmpty ? .nothing : judge(notice, adult: adult, child: child, address: address, firm)
        switch outcome {
        case .candidate(var r): r.checks.append(note); outcome = .candidate(r)
        case .uncertain(var r): r.checks.append(note); outcome = .uncertain(r)
        case .needsCorroboration: break
        case .excluded, .nothing:
            // Firm associations alone do not make a candidate (or only miss the window): when all of
            // them would, the row needs corroboration, which says more than a near miss.
            if case .candidate(var r) = judge(notice, adult: adult, child: child, address: address, associations) {
                let weakItems = associations.filter { strength.needsCorroboration($0.evidence) }.flatMap(\.evidence)
                r.status = "needs corroboration"
                r.needsCorroboration = "meets the rule only with associations resting on weak intelligence: "
                    + strength.whatWouldCorroborate(weakItems)
                r.checks.append(note.replacingOccurrences(of: "not counted", with: "needed to meet the rule"))
                outcome = .needsCorroboration(r)
            }
        }
        return outcome
    }

    func judge(_ notice: CandidateNotice, adult: EntityID, child: EntityID?, address: EntityID?, _ associations: [Association]) -> RowOutcome {
        let adultBirths = births(adult).compactMap(\.value.value)
        var judged: [Judged] = []
        var seen = Set<String>()
        var childBirths: [EntityID: [BirthDate]] = [:]
        for a in associations {
            let k = "\(a.kind.rawValue)|\(a.via)|\(a.child)|\(a.time?.description ?? "")|\(a.place?.rawValue ?? 0)|" + a.evidence.map(\.ref.description).joined(separator: ",")
            guard seen.insert(k).inserted else { continue }
            var j = Judged(association: a)
            if let t = a.time {
                let cb = childBirths[a.child] ?? births(a.child).compactMap(\.value.value)
                childBirths[a.child] = cb
                j.verdict = noticeEligibility(adultBirths: adultBirths, childBirths: cb,
                                              care: data.carePeriodsOf[a.child] ?? [], start: t.start, end: t.end)
                let day = Day(t.start)
                j.day = day.text
                j.dayNumber = day.dayNumber
                let covering = notices(notice, adult: adult, child: a.child, address: address)
                j.breaches = covering.filter { $0.issued < day && ($0.expires.map { day <= $0 } ?? true) }.max { $0.issued < $1.issued }
                if j.breaches == nil { j.dealtWith = covering.filter { $0.issued >= day }.min { $0.issued < $1.issued } }
            }
            judged.append(j)
        }
        let eligible = judged.filter { $0.eligibility == .eligible }
        let breaches = eligible.filter { $0.breaches != nil }
        let open = eligible.filter { $0.breaches == nil && $0.dealtWith == nil }
        let uncertainOpen = judged.filter { $0.eligibility == .ageNotCertain && $0.dealtWith == nil }
        let allNotices = child.map { notices(notice, adult: adult, child: $0, address: address) }
            ?? Set(associations.map(\.child)).sorted().flatMap { notices(notice, adult: adult, child: $0, address: address) }

        var row = NoticeCandidate(notice: notice, adultKey: adult, otherKey: child ?? address ?? EntityID(0))
        let counted: [Judged]
        if !breaches.isEmpty {
            row.status = "breached"
            counted = breaches
        } else if let w = bestWindow(open), days(w) >= rules.minimumAssociations {
            counted = w
        } else if !allNotices.isEmpty {
            guard let latest = allNotices.max(by: { ($0.issued, $0.source.reference) < ($1.issued, $1.source.reference) }) else { return .nothing }
            return .excluded(ExcludedNoticePair(
                notice: notice, adultID: adult.description, adult: name(adult), childID: child?.description, child: child.map(name),
                addressID: address?.description, address: address.map(name),
                reason: "\(notice.title) issued \(latest.issued) (\(latest.source.ref)); no eligible association since",
                evidence: distinctEvidence(allNotices.map(\.source) + eligible.flatMap(\.association.evidence))))
        } else if let w = bestWindow(open + uncertainOpen), days(w) >= rules.minimumAssociations, !uncertainOpen.isEmpty {
            row.status = "age not certain"
            counted = w
        } else if let miss = nearMiss(open) {
            return .excluded(ExcludedNoticePair(
                notice: notice, adultID: adult.description, adult: name(adult), childID: child?.description, child: child.map(name),
                addressID: address?.description, address: address.map(name),
                reason: "\(days(open)) eligible associations on different days, but the closest \(rules.minimumAssociations) (\(miss.first) to \(miss.last)) "
                    + "are \(miss.span) days apart: \(miss.span - rules.windowDays) days outside the \(rules.windowDays)-day window",
                evidence: distinctEvidence(open.flatMap(\.association.evidence))))
        } else {
            return .nothing
        }

        row.adult = name(adult)
        if let child { row.childID = child.description; row.child = name(child) }
        if notice == .harbourerWarning {
            row.addressID = address?.description
            row.address = address.map(name) ?? "no address recorded for the adult"
            row.children = Set(counted.map(\.association.child)).sorted().map(name)
        }
        let countedDays = Set(counted.compactMap(\.dayNumber))
        row.associations = countedDays.count
        row.eligibleTotal = Set(eligible.compactMap(\.dayNumber)).count
        row.ageNotCertain = judged.filter { $0.eligibility == .ageNotCertain }.count
        row.undated = judged.filter { $0.eligibility == .undated }.count
        row.notEligible = judged.filter { $0.eligibility == .notEligible }.count
        row.firstAssociation = counted.compactMap(\.day).min()
        row.lastAssociation = counted.compactMap(\.day).max()

        if let n = breaches.compactMap(\.breaches).max(by: { $0.issued < $1.issued }) {
            let since = Set(breaches.compactMap(\.dayNumber)).count
            row.issuedNotice = "notice issued \(n.issued) (\(n.source.ref)); \(since) association\(since == 1 ? "" : "s") since: breached"
        } else if let n = allNotices.max(by: { $0.issued < $1.issued }) {
            let today = Day(data.reference)
            row.issuedNotice = "notice issued \(n.issued) (\(n.source.ref))"
                + (n.expires.map { $0 < today ? ", expired \($0)" : ", expires \($0)" } ?? "")
                + (notice == .harbourerWarning && n.child != nil ? ", naming \(n.child.map(name) ?? "")" : "")
        }

        var checks: [String] = []
        if row.status == "age not certain" {
            checks.append("reaches \(rules.minimumAssociations) only with associations whose ages are not certain: check the dates of birth")
        }
        var nonConsentEvidence: [Citation] = []
        if notice == .cawn, let child {
            let (text, recorded, cites) = nonConsent(adult: adult, child: child, counted: counted)
            row.nonConsent = text; row.nonConsentRecorded = recorded; nonConsentEvidence = cites
            if !recorded { checks.append(text) }
        }
        if let c = birthDateCheck("adult", births(adult)) { checks.append(c) }
        for c in Set(judged.map(\.association.child)).sorted() {
            if let note = birthDateCheck("child", births(c)) {
                checks.append(notice == .cawn ? note : note.replacingOccurrences(of: "child", with: name(c)))
            }
        }
        if row.ageNotCertain > 0 { checks.append("\(row.ageNotCertain) association\(row.ageNotCertain == 1 ? "" : "s") with age not certain, not counted") }
        if row.undated > 0 { checks.append("\(row.undated) undated association\(row.undated == 1 ? "" : "s"), not counted") }
        row.checks = checks

        row.schedule = judged.map { entry($0, notice: notice) }.sorted(by: scheduleOrder)
        var dobEvidence = births(adult).map(\.source)
        for c in Set(judged.map(\.association.child)).sorted() { dobEvidence += births(c).map(\.source) }
        row.evidence = distinctEvidence(judged.flatMap(\.association.evidence) + allNotices.map(\.source) + nonConsentEvidence + dobEvidence)
        return row.status == "age not certain" ? .uncertain(row) : .candidate(row)
    }

    /// Distinct days among associations: what is counted.
    func days(_ items: [Judged]) -> Int { Set(items.compactMap(\.dayNumber)).count }

    /// The largest set of associations on days at most `windowDays` apart (the latest such window
    /// when several tie); nil when there are none.
    /// - Complexity: O(n log n).
    func bestWindow(_ items: [Judged]) -> [Judged]? {
        let days = Set(items.compactMap(\.dayNumber)).sorted()
        guard !days.isEmpty else { return nil }
        var best = (count: 0, first: 0, last: 0)
        var i = 0
        for j in days.indices {
            while days[j] - days[i] > rules.windowDays { i += 1 }
            if j - i + 1 >= best.count { best = (j - i + 1, days[i], days[j]) }
        }
        return items.filter { ($0.dayNumber ?? -1) >= best.first && ($0.dayNumber ?? Int.max) <= best.last }
    }

    /// When `items` hold at least the minimum number of association days but no window holds them,
    /// the tightest span of the minimum number of days, if it exceeds the window by at most
    /// ``NoticeCandidateRules/nearMissDays``; nil otherwise.
    /// - Complexity: O(n log n).
    func nearMiss(_ items: [Judged]) -> (first: String, last: String, span: Int)? {
        let k = rules.minimumAssociations
        let days = Set(items.compactMap(\.dayNumber)).sorted()
        guard k >= 2, days.count >= k else { return nil }
        var best = (span: Int.max, first: 0, last: 0)
        for i in 0...(days.count - k) where days[i + k - 1] - days[i] < best.span {
            best = (days[i + k - 1] - days[i], days[i], days[i + k - 1])
        }
        guard best.span > rules.windowDays, best.span - rules.windowDays <= rules.nearMissDays else { return nil }
        let text = { (n: Int) in items.first { $0.dayNumber == n }?.day ?? "" }
        return (text(best.first), text(best.last), best.span)
    }

    /// The non-consent recorded for the child (for this adult or any adult) that fits the basis of
    /// the counted associations: a parent's or carer's while the child was under 16, the local
    /// authority's while looked after.
    func nonConsent(adult: EntityID, child: EntityID, counted: [Judged]) -> (String, Bool, [Citation]) {
        let records = (data.nonConsentsFor[child] ?? []).filter { $0.adult == nil || $0.adult == adult }
        let under16 = counted.contains { $0.verdict?.under16 ?? false }
        let looked = counted.contains { $0.verdict?.lookedAfter ?? false }
        func who(_ n: NonConsent) -> String {
            switch n.by {
            case .parent: "a parent"
            case .carer: "a carer"
            case .localAuthority: "the local authority"
            }
        }
        let fits = records.filter { ($0.by == .localAuthority && looked) || ($0.by != .localAuthority && under16) }
        if !fits.isEmpty {
            return ("recorded by " + fits.map { "\(who($0)) (\($0.source.ref) \($0.source.recorded))" + ($0.adult == nil ? " for any adult" : "") }
                .joined(separator: "; "), true, fits.map(\.source))
        }
        if !records.isEmpty {
            let needed = looked ? "the local authority's" : "a parent's or carer's"
            return ("non-consent still to be recorded: \(needed) is needed; recorded only by " + records.map { "\(who($0)) (\($0.source.ref))" }
                .joined(separator: "; "), false, records.map(\.source))
        }
        return ("non-consent still to be recorded", false, [])
    }

    func entry(_ j: Judged, notice: CandidateNotice) -> ScheduleEntry {
        let a = j.association
        let via: String
        switch a.kind {
        case .foundWithWhileMissing: via = ""
        default: via = " (\(a.via))"
        }
        return ScheduleEntry(time: a.time?.description, day: j.day, kind: a.kind, description: a.kind.phrase + via,
                             placeID: a.place?.description, place: a.place.map(name),
                             childID: notice == .harbourerWarning ? a.child.description : nil,
                             child: notice == .harbourerWarning ? name(a.child) : nil,
                             eligibility: j.eligibility, reason: j.verdict?.reason,
                             adultAge: j.verdict?.adultAge, childAge: j.verdict?.childAge,
                             afterNotice: j.breaches != nil, evidence: distinctEvidence(a.evidence))
    }

    func scheduleOrder(_ x: ScheduleEntry, _ y: ScheduleEntry) -> Bool {
        func key(_ e: ScheduleEntry) -> (Int, String, String, AssociationKind, String, String) {
            (e.eligibility.order, e.day ?? "9999", e.time ?? "", e.kind, e.place ?? "", e.evidence.map(\.description).joined())
        }
        let (a, b) = (key(x), key(y))
        if a.0 != b.0 { return a.0 < b.0 }
        if a.1 != b.1 { return a.1 < b.1 }
        if a.2 != b.2 { return a.2 < b.2 }
        if a.3 != b.3 { return a.3 < b.3 }
        if a.4 != b.4 { return a.4 < b.4 }
        return a.5 < b.5
    }
}
