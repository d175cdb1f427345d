import Foundation
import SightlineExport
import SightlineModel
import SightlineReadModel
import SightlineTestSupport
import Testing

/// A small fictional network worked out by hand: five adults (two whose names differ only in case,
/// one with a name full of markup characters, one with a control character), one child, a
/// vehicle, a phone, an account, two places and an organisation; links with P- and C-handled items,
/// one legacy 5x5x5 grade, an item cited twice on one link, an item shared by two links, two
/// links between the same pair, a link with no items and a link to an entity that was not
/// disclosed.
enum ExportFixture {
    static let hostile = "Darren O'QUILL <&\"'> Jnr"
    static let accented = "Zoë FICTIONAL-ÉCLAIR"
    static let withControl = "Kaz\u{07}WEX"
    /// The child's date of birth, which no output may carry in any form.
    static let childBirth = "2011-08-23"
    static let adultBirth = "1989-05-12"
    static let exportedAt = Day("2024-09-01")!

    static let child = EntityID(2)

    static func cite(_ ref: String, _ recorded: String, _ grade: String, _ conditions: String? = nil, agency: Agency = .police) -> Citation {
        Citation(agency: agency, reference: ref, recorded: Day(recorded)!, grade: try! Grade(parsing: grade, conditions: conditions))
    }

    static let shared = cite("WX-24-000123", "2024-03-04", "2BP")
    static let macePanel = "Share only within the MACE panel; not with the family"
    static let licence = "Not for disclosure to the premises' licence holder <&>"

    static var entities: [NetworkEntity] {
        var darren = NetworkEntity(id: EntityID(1), kind: .person, label: hostile, roles: [.suspect],
                                   roleRecords: [Dated(.suspect, source: shared)])
        darren.birthDates = [Dated(BirthDateText(adultBirth), source: shared)]
        let zoe = NetworkEntity(id: child, kind: .person, label: accented, roles: [.childAtRisk],
                                roleRecords: [Dated(.childAtRisk, source: cite("LCS-88120", "2024-03-05", "1AC", macePanel, agency: .socialCare))],
                                birthDates: [Dated(BirthDateText(childBirth), source: cite("LCS-88120", "2024-03-05", "1AC", macePanel, agency: .socialCare))])
        return [
            NetworkEntity(id: EntityID(30), kind: .organisation, label: "=SUM(A1) Private Hire", roles: []),
            zoe,
            NetworkEntity(id: EntityID(3), kind: .person, label: withControl, roles: [.harbourer, .associate]),
            darren,
            NetworkEntity(id: EntityID(5), kind: .person, label: "Jo Fictional", roles: [.associate]),
            NetworkEntity(id: EntityID(6), kind: .person, label: "JO FICTIONAL", roles: [.witness]),
            NetworkEntity(id: EntityID(10), kind: .vehicle, label: "WX09 ABQ", roles: []),
            NetworkEntity(id: EntityID(11), kind: .phone, label: "+44 7700 900123", roles: []),
            NetworkEntity(id: EntityID(12), kind: .account, label: "@kaz_wex99", roles: []),
            NetworkEntity(id: EntityID(20), kind: .location, label: "The Anchorage Hotel", roles: [], category: "hotel"),
            NetworkEntity(id: EntityID(21), kind: .location, label: "Driftwood House", roles: [], category: "childrens_home"),
        ]
    }

    static var links: [NetworkLink] {
        [
            NetworkLink(id: 9, type: .seenWith, source: EntityID(1), target: EntityID(3), time: "2024-06-09T23:10", origin: .asserted,
                        evidence: [cite("WX-24-000500", "2024-06-10", "2CP")]),
            NetworkLink(id: 1, type: .supplies, source: EntityID(1), target: child, time: "~2024-03", origin: .asserted,
                        evidence: [cite("LCS-88120", "2024-03-05", "1AC", macePanel, agency: .socialCare), shared]),
            NetworkLink(id: 2, type: .contacted, source: child, target: EntityID(1), time: "2024-04-09T20:13", origin: .asserted,
                        evidence: [cite("WX-24-000201", "2024-04-10", "3CP"), cite("WX-24-000200", "2024-03-04", "2BP")]),
            NetworkLink(id: 3, type: .associatesWith, source: EntityID(1), target: EntityID(3), time: nil, origin: .asserted,
                        evidence: [cite("OLD-2009-0771", "2009-06-01", "B24"), shared]),
            NetworkLink(id: 4, type: .driverOf, source: EntityID(1), target: EntityID(10), time: "2024-05-01", origin: .asserted,
                        evidence: [cite("WX-24-000300", "2024-05-01", "1AP"), cite("WX-24-000300", "2024-05-01", "1AP")]),
            NetworkLink(id: 5, type: .usesPhone, source: EntityID(1), target: EntityID(11), time: nil, origin: .asserted,
                        evidence: [cite("WX-24-000301", "2024-05-01", "2BP")]),
            NetworkLink(id: 6, type: .usesAccount, source: EntityID(3), target: EntityID(12), time: nil, origin: .inferred, evidence: []),
            NetworkLink(id: 7, type: .frequents, source: EntityID(1), target: EntityID(20), time: "2024-06", origin: .asserted,
                        evidence: [cite("WX-24-000400", "2024-06-02", "2BC", licence)]),
            NetworkLink(id: 8, type: .foundAt, source: child, target: EntityID(20), time: "2024-06-03T02:00", origin: .asserted,
                        evidence: [cite("LCS-88200", "2024-06-03", "1AP", agency: .socialCare)]),
            NetworkLink(id: 10, type: .associatesWith, source: EntityID(5), target: EntityID(6), time: nil, origin: .asserted,
                        evidence: [cite("WX-24-000600", "2024-07-01", "2BP")]),
            NetworkLink(id: 11, type: .operates, source: EntityID(30), target: EntityID(20), time: nil, origin: .asserted,
                        evidence: [cite("LIC-77", "2024-02-01", "1AP", agency: .licensing)]),
            // To an entity the gate did not disclose: left out of every format.
            NetworkLink(id: 12, type: .seenWith, source: EntityID(1), target: EntityID(99), time: nil, origin: .asserted,
                        evidence: [cite("WX-24-000999", "2024-08-01", "2BP")]),
        ]
    }

    static var facts: [EntityID: EntityFacts] {
        var hotel = EntityFacts()
        hotel.category = "hotel"; hotel.postcode = "WX1 4QR"; hotel.address = "14 Quayside Row,\nWexcombe"
        hotel.nightTimeEconomy = true
        var home = EntityFacts()
        home.category = "childrens_home"; home.nightTimeEconomy = false
        var zoe = EntityFacts()
        zoe.birthDates = [Dated(BirthDateText(childBirth), source: cite("LCS-88120", "2024-03-05", "1AC", macePanel, agency: .socialCare))]
        var darren = EntityFacts()
        darren.birthDates = [Dated(BirthDateText(adultBirth), source: shared)]
        return [EntityID(20): hotel, EntityID(21): home, child: zoe, EntityID(1): darren]
    }

    static var graph: ExportGraph {
        ExportGraph(entities: entities, links: links, facts: facts, children: [child], exportedAt: exportedAt)
    }

    // Worked out by hand from the fixture.
    static let nodeCount = 11
    /// Links 1-11 (12 ends at an entity that is not there).
    static let edgeCount = 11
    /// Entities with at least one dated item behind their links: all but the account (its only link
    /// has no items) and the children's home (no links).
    static let nodeSpells = 9
    /// Distinct recorded days per link: 2 + 2 + 2 + 1 + 1 + 0 + 1 + 1 + 1 + 1 + 1.
    static let edgeSpells = 13
}

// MARK: Tools the tests run


let installHint = exportToolsHint

/// xmllint, or a recorded failure saying how to get it.
func xmllint() -> String? {
    guard let x = onPath("xmllint") else {
        Issue.record("xmllint is not installed: \(installHint)")
        return nil
    }
    return x
}

/// A schema in .build/schemas, or a recorded failure saying how to get it.
func schema(_ name: String) -> String? {
    let p = PackagePaths.root + "/.build/schemas/" + name
    guard FileManager.default.fileExists(atPath: p) else {
        Issue.record(".build/schemas/\(name) is missing: \(installHint)")
        return nil
    }
    return p
}

/// The export venv's Python, or a recorded failure saying how to get it.
func exportPython() -> String? {
    let p = PackagePaths.root + "/.build/venv-export/bin/python"
    guard FileManager.default.isExecutableFile(atPath: p) else {
        Issue.record(".build/venv-export is missing: \(installHint)")
        return nil
    }
    return p
}

// MARK: A small RFC 4180 reader


/// A CSV table as dictionaries by header.
func records(_ text: String) -> (header: [String], rows: [[String: String]]) {
    let all = readCSV(text)
    guard let header = all.first else { return ([], []) }
    return (header, all.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
}
