import SightlineModel
import SightlineNetwork
import SightlineReadModel

/// One row of `sightline disrupt vehicles`: a vehicle to consider for a number-plate reader marker.
public struct VehicleOfInterest: RankableRow, Codable, Sendable, Equatable {
    /// 1 first; nil on a row that needs corroboration (never ranked).
    public var rank: Int?
    /// `E40`.
    public var entity: String
    /// The registration as labelled in the store.
    public var name: String
    public var score: Double
    public var parts: [ScorePart]
    /// Children at risk who travelled in the vehicle.
    public var children: [LinkedPerson]
    /// Adults of concern who drove, kept or travelled in it.
    public var suspects: [LinkedPerson]
    /// Occasions when a child travelled in it with an adult of concern in it within the window.
    public var occasions: Int
    /// Top locations of risk it was recorded at: `The Anchorage Hotel (E17, rank 1)`.
    public var topLocations: [String]
    /// Markers already recorded on the vehicle.
    public var markers: [String]
    public var tactics: [Tactic]
    public var evidence: [Citation]
    /// On a row that rests on weak intelligence only (``EvidenceStrength``): what would corroborate it.
    public var needsCorroboration: String?

    public var id: EntityID { EntityID(parsing: entity) ?? EntityID(0) }
}

/// One row of `sightline disrupt phones`.
public struct PhoneOfInterest: RankableRow, Codable, Sendable, Equatable {
    /// 1 first; nil on a row that needs corroboration (never ranked).
    public var rank: Int?
    public var entity: String
    /// The number (or handset) as labelled in the store.
    public var name: String
    public var score: Double
    public var parts: [ScorePart]
    /// Children at risk whose phones this phone contacted or was contacted by, with how many contacts.
    public var childrenContacted: [LinkedPerson]
    public var contacts: Int
    /// Children at risk using the phone after an adult gave it (`gave_phone_to` the phone).
    public var givenToChildren: [LinkedPerson]
    /// The adults recorded giving it.
    public var givenBy: [LinkedPerson]
    /// Adults of concern using the phone.
    public var suspectsUsing: [LinkedPerson]
    public var markers: [String]
    public var tactics: [Tactic]
    public var evidence: [Citation]
    /// On a row that rests on weak intelligence only (``EvidenceStrength``): what would corroborate it.
    public var needsCorroboration: String?

    public var id: EntityID { EntityID(parsing: entity) ?? EntityID(0) }
}

/// Vehicles and phones of interest.
public enum ThingsOfInterest {
    /// Vehicles linked to several children or adults of concern, or recorded at a top location of risk.
    ///
    /// For a vehicle V:
    /// - **children**: distinct children at risk with a `travelled_in` link to V;
    /// - **suspects**: distinct adults of concern with a `driver_of`, `keeper_of` or `travelled_in` link to V;
    /// - **occasions**: a child's timed `travelled_in` with an adult of concern's `travelled_in` or
    ///   `driver_of` at most the window apart (``CoPresence``), one per child and moment;
    /// - **top locations**: places among the first `top_location_count` rows of
    ///   ``LocationsOfRisk/rank(_:options:)`` (default options) with an `at_location` or
    ///   `frequents` link from V.
    ///
    /// Listed when children + suspects ≥ 2, or at least one top location. Score = Σ value × weight
    /// (``DisruptionWeights/Vehicles``). A marker already recorded (a `marker` notice with V as
    /// subject) is shown as done and not proposed again. Order: score, then children, then entity ID.
    /// - Complexity: that of the locations list, plus O(L + P log P + R) over the links.
    public static func vehicles(_ data: ProductData, weights: DisruptionWeights = DisruptionWeights()) -> [VehicleOfInterest] {
        vehicleList(data, weights: weights).ranked
    }

    /// ``vehicles(_:weights:)`` with the rows that need corroboration, apart.
    public static func vehicleList(_ data: ProductData, weights: DisruptionWeights = DisruptionWeights()) -> RankedList<VehicleOfInterest> {
        let w = weights.vehicles
        var locationOptions = LocationsOfRisk.Options()
        locationOptions.weights = weights.locations
        let top = LocationsOfRisk.rank(data, options: locationOptions).prefix(Int(w.topLocationCount))
        let topRank = Dictionary(uniqueKeysWithValues: top.map { ($0.id, $0) })

        struct Acc {
            var children: [EntityID: [String: Int]] = [:], suspects: [EntityID: [String: Int]] = [:]
            var childItems: [EntityID: [Citation]] = [:], suspectItems: [EntityID: [Citation]] = [:]
            var places: [EntityID: [Citation]] = [:], evidence: [Citation] = []
        }
        var acc: [EntityID: Acc] = [:]
        var presence: [NetworkLink] = []
        for l in data.contents.links {
            guard data.entity(l.target)?.kind == .vehicle || data.entity(l.source)?.kind == .vehicle else { continue }
            switch l.type {
            case .travelledIn, .driverOf, .keeperOf:
                let (p, v) = (l.source, l.target)
                if data.isChild(p, during: l) && l.type == .travelledIn {
                    acc[v, default: Acc()].children[p, default: [:]]["travelled in it", default: 0] += 1
                    acc[v, default: Acc()].childItems[p, default: []] += l.evidence
                    acc[v, default: Acc()].evidence += l.evidence
                    presence.append(l)
                } else if data.isAdultOfConcern(p, during: l) {
                    let how = l.type == .driverOf ? "drove it" : l.type == .keeperOf ? "keeper" : "travelled in it"
                    acc[v, default: Acc()].suspects[p, default: [:]][how, default: 0] += 1
                    acc[v, default: Acc()].suspectItems[p, default: []] += l.evidence
                    acc[v, default: Acc()].evidence += l.evidence
                    if l.type != .keeperOf { presence.append(l) }
                }
            case .atLocation, .frequents:
                guard topRank[l.target] != nil else { continue }
                acc[l.source, default: Acc()].places[l.target, default: []] += l.evidence
                acc[l.source, default: Acc()].evidence += l.evidence
            default: continue
            }
        }
        let occasions = childOccasions(data, links: presence, windowSeconds: Int(w.windowHours * 3600), hubKinds: [.vehicle])
        var rows: [VehicleOfInterest] = []
        let strength = data.strength
        for (v, a) in acc where a.children.count + a.suspects.count >= 2 || !a.places.isEmpty {
            guard let e = data.entity(v), e.kind == .vehicle else { continue }
            let found = occasions[v] ?? []
            var occasionItems: [OccasionKey: [Citation]] = [:]
            for o in found { occasionItems[OccasionKey(child: o.child, time: o.time), default: []] += o.evidence }
            let parts = [
                ScorePart("children", counting: a.childItems, weight: w.children, strength),
                ScorePart("suspects", counting: a.suspectItems, weight: w.suspects, strength),
                ScorePart("occasions", counting: occasionItems, weight: w.occasions, strength),
                ScorePart("top locations", counting: a.places, weight: w.topLocations, strength),
            ]
            let evidence = distinctEvidence(a.evidence + found.flatMap(\.evidence))
            let markers = (data.noticesNaming[v] ?? []).filter { $0.type == .marker && $0.subject == v }
            rows.append(VehicleOfInterest(
                rank: nil, entity: v.description, name: e.label, score: rounded(total(parts)), parts: parts,
                children: a.children.keys.sorted().map { linked($0, a.children[$0] ?? [:], data) },
                suspects: a.suspects.keys.sorted().map { linked($0, a.suspects[$0] ?? [:], data) },
                occasions: found.count,
                topLocations: a.places.keys.compactMap { topRank[$0] }.sorted { ($0.rank ?? 0) < ($1.rank ?? 0) }.map { "\($0.name) (\($0.entity), rank \($0.rank ?? 0))" },
                markers: markers.map { Tactics.noticeText($0, reference: Day(data.reference)) },
                tactics: Tactics.resolve([Tactics.marker], notices: markers, reference: Day(data.reference)),
                evidence: evidence,
                needsCorroboration: strength.corroboration(of: parts, evidence: evidence)))
        }
        return RankedList(rows, by: { ($1.score, $1.children.count, $0.id) < ($0.score, $0.children.count, $1.id) })
    }

    /// Phones in contact with several children, given to a child, or shared by adults of concern.
    ///
    /// For a phone P (a `phone` entity):
    /// - **children contacted**: distinct children at risk using (`uses_phone`) a phone that P
    ///   `contacted` or was contacted by, other than P's own users; **contacts** counts those links;
    /// - **given to children**: distinct children at risk using P, where an adult (never a child at
    ///   risk) has a `gave_phone_to` link to P;
    /// - **suspects using**: distinct adults of concern with a `uses_phone` link to P.
    ///
    /// Listed when children contacted ≥ 2, given to a child, or suspects using ≥ 2. A phone used by a
    /// child at risk is listed only when an adult gave it or an adult of concern uses it: a child's own
    /// phone is never put on the list for the child's own contacts. Score = Σ value × weight
    /// (``DisruptionWeights/Phones``); markers already recorded are shown as done. Order: score,
    /// then children contacted, then entity ID.
    /// - Complexity: O(L + rows log rows) for L links.
    public static func phones(_ data: ProductData, weights: DisruptionWeights = DisruptionWeights()) -> [PhoneOfInterest] {
        phoneList(data, weights: weights).ranked
    }

    /// ``phones(_:weights:)`` with the rows that need corroboration, apart.
    public static func phoneList(_ data: ProductData, weights: DisruptionWeights = DisruptionWeights()) -> RankedList<PhoneOfInterest> {
        let w = weights.phones
        func isPhone(_ id: EntityID) -> Bool { data.entity(id)?.kind == .phone }
        var users: [EntityID: [(person: EntityID, link: NetworkLink)]] = [:]
        var givers: [EntityID: [(person: EntityID, link: NetworkLink)]] = [:]
        var contacts: [EntityID: [(other: EntityID, link: NetworkLink)]] = [:]
        for l in data.contents.links {
            switch l.type {
            case .usesPhone where isPhone(l.target): users[l.target, default: []].append((l.source, l))
            case .gavePhoneTo where isPhone(l.target) && !data.isChild(l.source): givers[l.target, default: []].append((l.source, l))
            case .contacted where isPhone(l.source) && isPhone(l.target):
                contacts[l.source, default: []].append((l.target, l))
                contacts[l.target, default: []].append((l.source, l))
            default: continue
            }
        }
        func childUsers(_ p: EntityID) -> [(person: EntityID, link: NetworkLink)] { (users[p] ?? []).filter { data.isChild($0.person) } }

        var rows: [PhoneOfInterest] = []
        let strength = data.strength
        let phones = Set(users.keys).union(givers.keys).union(contacts.keys)
        for p in phones {
            guard let e = data.entity(p) else { continue }
            let own = Set((users[p] ?? []).map(\.person))
            var contacted: [EntityID: [String: Int]] = [:]
            var contactedItems: [EntityID: [Citation]] = [:]
            var contactItems: [String: [Citation]] = [:]
            var contactEvidence: [Citation] = []
            var contactCount = 0
            for (q, l) in contacts[p] ?? [] {
                let children = Set(childUsers(q).map(\.person)).subtracting(own)
                guard !children.isEmpty else { continue }
                contactCount += 1
                contactEvidence += l.evidence
                contactItems["\(l.source) to \(l.target) (link \(l.id))"] = l.evidence
                for c in children {
                    contacted[c, default: [:]]["contacts", default: 0] += 1
                    // The contact is the claim weighed; the child's use of the other phone is its
                    // context (shown in the evidence, not weighed: a firm record of a child's own
                    // phone must not lend strength to a weak report of a contact with it).
                    contactedItems[c, default: []] += l.evidence
                }
                contactEvidence += childUsers(q).filter { children.contains($0.person) }.flatMap(\.link.evidence)
            }
            let gave = givers[p] ?? []
            let given = gave.isEmpty ? [] : childUsers(p)
            let suspects = (users[p] ?? []).filter { data.isAdultOfConcern($0.person) }
            let suspectIDs = Set(suspects.map(\.person))
            let usedByChild = !childUsers(p).isEmpty
            guard contacted.count >= 2 || !given.isEmpty || suspectIDs.count >= 2 else { continue }
            guard !usedByChild || !given.isEmpty || !suspectIDs.isEmpty else { continue }

            func group(_ pairs: [(person: EntityID, link: NetworkLink)], _ how: String) -> [LinkedPerson] {
                var m: [EntityID: [String: Int]] = [:]
                for (x, _) in pairs { m[x, default: [:]][how, default: 0] += 1 }
                return m.keys.sorted().map { linked($0, m[$0] ?? [:], data) }
            }
            var givenItems: [EntityID: [Citation]] = [:]
            for (c, l) in given { givenItems[c, default: []] += l.evidence + gave.flatMap(\.link.evidence) }
            var suspectItems: [EntityID: [Citation]] = [:]
            for (x, l) in suspects { suspectItems[x, default: []] += l.evidence }
            let parts = [
                ScorePart("children contacted", counting: contactedItems, weight: w.childrenContacted, strength),
                ScorePart("contacts", counting: contactItems, weight: w.contacts, strength),
                ScorePart("given to children", counting: givenItems, weight: w.givenToChildren, strength),
                ScorePart("suspects using", counting: suspectItems, weight: w.suspectsUsing, strength),
            ]
            let markers = (data.noticesNaming[p] ?? []).filter { $0.type == .marker && $0.subject == p }
            let evidence = distinctEvidence(contactEvidence + given.flatMap(\.link.evidence) + gave.flatMap(\.link.evidence) + suspects.flatMap(\.link.evidence))
            rows.append(PhoneOfInterest(
                rank: nil, entity: p.description, name: e.label, score: rounded(total(parts)), parts: parts,
                childrenContacted: contacted.keys.sorted().map { linked($0, contacted[$0] ?? [:], data) },
                contacts: contactCount, givenToChildren: group(given, "uses the phone given"), givenBy: group(gave, "gave the phone"),
                suspectsUsing: group(suspects, "uses it"), markers: markers.map { Tactics.noticeText($0, reference: Day(data.reference)) },
                tactics: Tactics.resolve([Tactics.marker], notices: markers, reference: Day(data.reference)), evidence: evidence,
                needsCorroboration: strength.corroboration(of: parts, evidence: evidence)))
        }
        return RankedList(rows, by: { ($1.score, $1.childrenContacted.count, $0.id) < ($0.score, $0.childrenContacted.count, $1.id) })
    }
}
