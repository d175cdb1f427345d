import SightlineModel
import SightlineNetwork
import SightlineStore
import Testing

/// Co-presence, worked by hand.
struct CoPresenceTests {
    // People 1-4 (4 a child), hotel 10, car 11, phone 12, a residential address 13.
    let entities: [NetworkEntity] = [
        NetworkEntity(id: EntityID(1), kind: .person, label: "Ada Fictional", roles: [.suspect]),
        NetworkEntity(id: EntityID(2), kind: .person, label: "Bo Fictional", roles: [.suspect]),
        NetworkEntity(id: EntityID(3), kind: .person, label: "Cy Fictional", roles: [.associate]),
        NetworkEntity(id: EntityID(4), kind: .person, label: "Di Fictional", roles: [.childAtRisk]),
        NetworkEntity(id: EntityID(10), kind: .location, label: "Hotel", roles: []),
        NetworkEntity(id: EntityID(11), kind: .vehicle, label: "Car", roles: []),
        NetworkEntity(id: EntityID(12), kind: .phone, label: "Phone", roles: []),
    ]
    var nextID: Int64 = 0
    func link(_ id: Int64, _ type: LinkType, _ a: Int64, _ b: Int64, _ time: String?) -> NetworkLink {
        NetworkLink(id: id, type: type, source: EntityID(a), target: EntityID(b), time: time, origin: .asserted,
                    evidence: [Citation(agency: .police, reference: "R\(id)", recorded: Day((time ?? "2024-01-01").prefix(10))!, grade: try! Grade(parsing: "1AP"))])
    }
    var links: [NetworkLink] {
        [
            link(1, .atLocation, 1, 10, "2024-03-01T21:00"),
            link(2, .atLocation, 4, 10, "2024-03-01T22:30"),   // 1.5 h after person 1
            link(3, .atLocation, 2, 10, "2024-03-02T02:00"),   // 5 h after person 1, 3.5 h after the child
            link(4, .atLocation, 3, 10, "2024-03-09"),         // a date alone: the whole day
            link(5, .atLocation, 1, 10, "2024-03-09T23:30"),   // person 1 again, within that day
            link(6, .atLocation, 2, 10, nil),                  // untimed: never an occasion
            link(7, .travelledIn, 4, 11, "2024-04-01T10:00"),
            link(8, .driverOf, 2, 11, "2024-04-01T09:00/2024-04-01T11:00"), // a period covering it
            link(9, .usesPhone, 1, 12, "2024-05-01"),
            link(10, .usesPhone, 3, 12, "2024-05-03"),         // two days later
            link(11, .seenWith, 1, 2, "2024-03-01T21:00"),     // not a presence at a hub
        ]
    }
    func pairs(_ hours: Int, hubs: Set<EntityKind> = [.location, .vehicle, .phone]) -> [String: Int] {
        var out: [String: Int] = [:]
        for c in CoPresence.find(entities: entities, links: links, windowSeconds: hours * 3600, hubKinds: hubs) {
            out["\(c.hub):\(c.people[0])-\(c.people[1])"] = c.count
        }
        return out
    }

    @Test func aTwoHourWindow() {
        #expect(pairs(2) == ["E10:E1-E4": 1, "E10:E1-E3": 1, "E11:E2-E4": 1])
    }

    @Test func widerWindowsFindMore() {
        // 4 hours: the child and person 2 (3.5 h apart); 5 hours: persons 1 and 2 too.
        #expect(pairs(4)["E10:E2-E4"] == 1 && pairs(4)["E10:E1-E2"] == nil)
        #expect(pairs(5)["E10:E1-E2"] == 1)
        // Two days apart on the phone: dates cover whole days, so the gap is one day and a second.
        #expect(pairs(25)["E12:E1-E3"] == 1 && pairs(24)["E12:E1-E3"] == nil)
        // Overlap only.
        #expect(pairs(0) == ["E10:E1-E3": 1, "E11:E2-E4": 1])
    }

    @Test func hubKindsAndEvidence() {
        #expect(pairs(2, hubs: [.vehicle]) == ["E11:E2-E4": 1])
        let c = CoPresence.find(entities: entities, links: links, windowSeconds: 7200).first { $0.hub == EntityID(10) && $0.people == [EntityID(1), EntityID(4)] }!
        #expect(c.occasions[0].evidence.map(\.reference) == ["R1", "R2"])
        #expect(c.occasions[0].types == [.atLocation, .atLocation] && c.occasions[0].times == ["2024-03-01T21:00", "2024-03-01T22:30"])
        #expect(c.firstDate == "2024-03-01")
    }

    /// With a window wider than the data, co-presence is the bipartite projection: every pair of
    /// people with a timed presence at the same hub, counted once per pair of presences.
    @Test func anUnboundedWindowIsTheProjection() {
        var presences: [EntityID: [EntityID]] = [:]
        for l in links where l.time != nil && l.type != .seenWith { presences[l.target, default: []].append(l.source) }
        var expected: [String: Int] = [:]
        for (hub, people) in presences {
            for i in people.indices { for j in people.indices where i < j && people[i] != people[j] {
                let (a, b) = people[i] < people[j] ? (people[i], people[j]) : (people[j], people[i])
                expected["\(hub):\(a)-\(b)", default: 0] += 1
            } }
        }
        #expect(pairs(24 * 366) == expected)
    }
}
