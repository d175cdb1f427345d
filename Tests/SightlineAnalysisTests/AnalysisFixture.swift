import SightlineModel
import SightlineNetwork
import SightlineReadModel

/// A small network worked by hand, on 2025-06-01:
///
///     E5 B ── E1 A ── E3 S (15, recorded as a suspect: a child)
///              │  ╲
///            E2 C ─ E4 L (a place)
///
/// A is an adult suspect (the only adult of concern), C a child at risk (13), S a 15-year-old
/// recorded as a suspect (a child, so never a suspect here), B an adult associate, L a place.
enum AnalysisFixture {
    static let day = try! TimeSpec(parsing: "2025-06-01").start

    static func cite(_ ref: String, _ recorded: String = "2025-01-01") -> Citation {
        Citation(agency: .police, reference: ref, recorded: Day(recorded)!, grade: try! Grade(parsing: "1AP"))
    }

    static func person(_ id: Int64, _ label: String, dob: String, roles: [Role]) -> NetworkEntity {
        NetworkEntity(id: EntityID(id), kind: .person, label: label, roles: roles,
                      roleRecords: roles.map { Dated($0, source: cite("R\(id)", "2025-05-01")) },
                      birthDates: [Dated(BirthDateText(dob), source: cite("DOB\(id)", "2020-01-01"))])
    }

    static let entities = [
        person(1, "A", dob: "1980-01-01", roles: [.suspect]),
        person(2, "C", dob: "2012-01-01", roles: [.childAtRisk]),
        person(3, "S", dob: "2010-01-01", roles: [.suspect]),
        NetworkEntity(id: EntityID(4), kind: .location, label: "L", roles: []),
        person(5, "B", dob: "1985-01-01", roles: [.associate]),
    ]

    static func link(_ id: Int64, _ a: Int64, _ b: Int64, _ recorded: String) -> NetworkLink {
        NetworkLink(id: id, type: .associatesWith, source: EntityID(a), target: EntityID(b), time: nil, origin: .asserted,
                    evidence: [cite("X-\(id)", recorded)])
    }

    static let links = [
        link(1, 1, 2, "2025-01-01"), link(2, 1, 4, "2025-02-01"), link(3, 2, 4, "2025-03-01"),
        link(4, 5, 1, "2025-04-01"), link(5, 3, 1, "2025-05-01"),
    ]

    static var snapshot: NetworkSnapshot { NetworkSnapshot(entities: entities, links: links, on: day) }
}
