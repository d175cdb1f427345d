import SightlineModel
import SightlineReadModel

/// Co-presence: two people linked because they were at the same place, in the same vehicle or on the
/// same phone within a time window of each other. An inference, not a fact anyone recorded, so it is
/// kept apart from the asserted links: it never enters ``NetworkSnapshot/graph`` or the store, and
/// every occasion cites the two recorded links (and their items) it was drawn from.
///
/// This is the one-mode projection of the bipartite person–hub network (Breiger, "The Duality of
/// Persons and Groups", 1974; Newman, "Scientific collaboration networks", 2001), restricted to pairs
/// of presences close in time.
public struct CoPresence: Sendable, Codable, Equatable {
    /// The two people (lower entity ID first) and the place, vehicle or phone they shared.
    public var people: [EntityID]
    public var hub: EntityID
    /// Each occasion: one recorded presence of each person at the hub within the window.
    public var occasions: [Occasion]

    public struct Occasion: Sendable, Codable, Equatable {
        /// The time of each person's presence, in the order of ``CoPresence/people``.
        public var times: [String]
        /// The link types recorded (at, found at, travelled in, uses phone...), in the same order.
        public var types: [LinkType]
        /// The items behind both presences.
        public var evidence: [Citation]
        /// The date of the earlier presence (YYYY-MM-DD), for sorting and display.
        public var date: String
    }

    /// The kinds of link that place a person at a hub, by the hub's kind.
    public static let presenceTypes: [EntityKind: Set<LinkType>] = [
        .location: [.atLocation, .foundAt, .frequents],
        .vehicle: [.travelledIn, .driverOf],
        .phone: [.usesPhone],
    ]

    /// Finds every co-presence in a set of links.
    /// - Parameters:
    ///   - entities: the network's entities (only people count as people; children included: a
    ///     child seen with a suspect is exactly what an analyst needs to see).
    ///   - links: the links, already filtered (grade, time window, agencies...).
    ///   - windowSeconds: the largest gap between two presences' time intervals for them to count as
    ///     one occasion (0: the intervals must overlap). A date without a time is the whole day; a
    ///     period is its whole span. Untimed presences are left out: they cannot show two people
    ///     there together.
    ///   - hubKinds: which kinds of hub to consider.
    /// - Returns: pairs ordered by hub, then by the date of their first occasion, then by the people;
    ///   occasions in date order. Never by count: the list is not a ranking.
    /// - Complexity: O(P log P + R) for P timed presences and R presence pairs within the window.
    public static func find(entities: [NetworkEntity], links: [NetworkLink], windowSeconds: Int,
                            hubKinds: Set<EntityKind> = [.location, .vehicle, .phone]) -> [CoPresence] {
        var kindOf: [EntityID: EntityKind] = [:]
        for e in entities { kindOf[e.id] = e.kind }
        struct Presence { var person: EntityID; var start: Int; var end: Int; var link: NetworkLink }
        var byHub: [EntityID: [Presence]] = [:]
        for l in links {
            guard let time = l.time, let span = try? TimeSpec(parsing: time) else { continue }
            for (person, hub) in [(l.source, l.target), (l.target, l.source)] {
                guard kindOf[person] == .person, let hk = kindOf[hub], hubKinds.contains(hk),
                      Self.presenceTypes[hk]?.contains(l.type) == true else { continue }
                // A date alone already spans its whole day (00:00:00 to 23:59:59).
                byHub[hub, default: []].append(Presence(person: person, start: span.start.secondsSinceEpoch,
                                                        end: span.end.secondsSinceEpoch, link: l))
            }
        }
        var pairs: [PairKey: [Occasion]] = [:]
        for (hub, presences) in byHub {
            let sorted = presences.sorted { ($0.start, $0.end, $0.link.id) < ($1.start, $1.end, $1.link.id) }
            for i in sorted.indices {
                let a = sorted[i]
                var j = i + 1
                // Later presences start no earlier; stop once one starts beyond a's end plus the window.
                while j < sorted.count && sorted[j].start <= a.end + windowSeconds {
                    let b = sorted[j]
                    j += 1
                    guard a.person != b.person else { continue }
                    let (x, y) = a.person < b.person ? (a, b) : (b, a)
                    var seen = Set<String>()
                    let evidence = (x.link.evidence + y.link.evidence).filter { seen.insert($0.description).inserted }
                    let date = Timestamp(secondsSinceEpoch: min(a.start, b.start)).dateText
                    pairs[PairKey(a: x.person, b: y.person, hub: hub), default: []].append(
                        Occasion(times: [x.link.time ?? "", y.link.time ?? ""], types: [x.link.type, y.link.type],
                                 evidence: evidence, date: date))
                }
            }
        }
        return pairs.map { key, occasions in
            CoPresence(people: [key.a, key.b], hub: key.hub,
                       occasions: occasions.sorted { ($0.date, $0.times[0], $0.times[1]) < ($1.date, $1.times[0], $1.times[1]) })
        }.sorted { ($0.hub, $0.firstDate, $0.people[0], $0.people[1]) < ($1.hub, $1.firstDate, $1.people[0], $1.people[1]) }
    }

    struct PairKey: Hashable { var a: EntityID, b: EntityID, hub: EntityID }

    /// The number of occasions.
    public var count: Int { occasions.count }
    /// The dates of the first and last occasions.
    public var firstDate: String { occasions.first?.date ?? "" }
    public var lastDate: String { occasions.last?.date ?? "" }
}
