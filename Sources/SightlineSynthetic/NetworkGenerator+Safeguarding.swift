import SightlineIngest
import SightlineModel

extension NetworkGenerator {
    /// What ``plantSafeguardingCases(groups:children:homes:start:span:)`` plants, for the tests that
    /// check the safeguarding rules hold on any network.
    public struct SafeguardingTruth: Sendable {
        /// People under 18 on the run day the cases are planted for, recorded only as suspects and
        /// linked to a group as heavily as its key adult: children, never to be ranked.
        public var youngSuspects: [String] = []
        /// Schools and children's homes where a group's adults gather at night.
        public var protectivePlaces: [String] = []
        /// Adults of concern recorded as a child at risk by one anonymous weak item.
        public var conflictingChildRoles: [String] = []
    }

    /// Plants, after the rest of the network (so that everything before is unchanged): a young
    /// suspect per group (born so as to be 15 or 16 at the end of 2025, recorded only as a suspect
    /// on C-handled police items, associating with every member of the group and seen with the
    /// group's children); a children's home or a school per group where three of its adults are
    /// recorded at night and where two of its children live; and, for every third group, an
    /// anonymous 3EP item from `other` recording its key adult as a child at risk.
    mutating func plantSafeguardingCases(groups: [[Person]], childrenOf: [[Person]], start: Timestamp, span: Int) {
        var planted = SafeguardingTruth()
        for (g, members) in groups.enumerated() {
            // The young suspect: born 2009-06-01 to 2010-12-31.
            let born = Timestamp(dayNumber: Timestamp(year: 2009, month: 6, day: 1)!.dayNumber + rng.int(0...578))
            itemCounter += 1
            let ref = "WX-G\(options.seed)-Y\(itemCounter)"
            let day = Timestamp(year: 2025, month: 3, day: 1)!
            write([("type", .string("item")), ("agency", .string("police")), ("ref", .string(ref)), ("recorded", .string(day.dateText)),
                   ("grade", .string("2BC")), ("conditions", .string("Share only within the MACE panel")),
                   ("summary", .string("Young person seen with adults of group \(g + 1); recorded by the reporting officer as a suspect."))])
            let it = "police/\(ref)"
            let young = Person(id: "person:niche/Y\(g + 1)", forename: rng.pick(FictionalNames.forenames),
                               surname: rng.pick(FictionalNames.surnameHeads) + rng.pick(FictionalNames.surnameTails),
                               dob: born, phone: newPhone(), home: members[0].home)
            personRecord(young, name: "\(young.forename) \(young.surname.uppercased())", dob: born.dateText, roles: ["suspect"], item: it)
            for m in members { link(.associatesWith, young.id, m.id, at: at(day, evening: true), item: it) }
            for c in childrenOf[g].prefix(4) { link(.seenWith, young.id, c.id, at: at(day, evening: true), item: it) }
            planted.youngSuspects.append(young.id)

            // A protective place where three of the group's adults gather at night.
            let category = g % 2 == 0 ? "childrens_home" : "school"
            let placeItem = item(.socialCare, on: randomDay(from: start, days: span), summary: "Staff report adults waiting outside at night.")
            let place = newLocation(category: category, name: category == "school" ? "Gen Academy \(g + 1)" : "Gen House \(g + 1)", item: placeItem)
            for m in members.prefix(3) { link(.atLocation, m.id, place, at: at(randomDay(from: start, days: span), evening: true), item: placeItem) }
            if category == "childrens_home" {
                for c in childrenOf[g].prefix(2) { link(.residesAt, c.id, place, at: nil, item: placeItem) }
            }
            planted.protectivePlaces.append(place)

            // An anonymous weak report calling the key adult a child at risk.
            if g % 3 == 0 {
                itemCounter += 1
                let anon = "OTH-G\(options.seed)-A\(itemCounter)"
                write([("type", .string("item")), ("agency", .string("other")), ("ref", .string(anon)),
                       ("recorded", .string(randomDay(from: start, days: span).dateText)), ("grade", .string("3EP")),
                       ("summary", .string("Anonymous report."))])
                write([("type", .string("person")), ("id", .string(members[0].id)), ("roles", .array([.string("child_at_risk")])),
                       ("item", .string("other/\(anon)"))])
                planted.conflictingChildRoles.append(members[0].id)
            }
        }
        safeguardingTruth = planted
    }
}
