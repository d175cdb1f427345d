import Foundation
import SightlineTestSupport
import Testing

/// `sightline notices record` on the samples.
@Suite("notices record", .serialized)
struct NoticesRecordTests {
    let dir = TemporaryDirectory("notices-record")
    var db: String { dir.file("s.sqlite") }

    init() throws {
        let r = try runSightline(["ingest", PackagePaths.samples, "--db", dir.file("s.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    func notices() throws -> Int {
        let stats = try runSightline(["stats", "--db", db, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as! [String: Any]
        return json["notices"] as! Int
    }

    @Test("a notice, a visit and a marker are stored as items with their records; recording one again changes nothing")
    func records() throws {
        let before = try notices()
        let cawn = try runSightline(["notices", "record", "cawn", "--subject", "Kasim Wrenhurst", "--child", "person:lccs/C-2214",
                                     "--issued", "2025-06-02", "--expires", "2027-06-02", "--officer", "PC 0001", "--db", db])
        #expect(cawn.status == 0, "\(cawn.stderr)")
        #expect(cawn.stderr.contains("recorded Child Abduction Warning Notice for") && cawn.stderr.contains("police/SL-CAWN-"))
        let marker = try runSightline(["notices", "record", "marker", "--subject", "vehicle:WX15CJZ", "--issued", "2025-06-03", "--db", db])
        #expect(marker.status == 0, "\(marker.stderr)")
        let visit = try runSightline(["notices", "record", "visit", "--subject", "The Anchorage Hotel", "--premises", "The Anchorage Hotel",
                                      "--issued", "2025-06-04", "--agency", "licensing", "--reference", "LIC-VISIT-1", "--db", db])
        #expect(visit.status == 0, "\(visit.stderr)")
        #expect(try notices() == before + 3)
        // The same action again is the same item: updated, not added.
        _ = try runSightline(["notices", "record", "marker", "--subject", "vehicle:WX15CJZ", "--issued", "2025-06-03", "--db", db])
        #expect(try notices() == before + 3)
        // The child's and the adult's records show the notice, with its item.
        let show = try runSightline(["show", "Kasim Wrenhurst", "--db", db, "--format", "json"])
        #expect(show.stdout.contains("\"issued\" : \"2025-06-02\"") && show.stdout.contains("SL-CAWN-"))
        let place = try runSightline(["show", "The Anchorage Hotel", "--db", db])
        #expect(place.stdout.contains("preventative visit") || place.stdout.contains("visit"))
        #expect(place.stdout.contains("licensing/LIC-VISIT-1"))
    }

    @Test("bad input is refused with the reason and leaves the store untouched")
    func refused() throws {
        let before = try runSightline(["stats", "--db", db]).stdout
        let badType = try runSightline(["notices", "record", "asbo", "--subject", "Kasim Wrenhurst", "--issued", "2025-06-02", "--db", db])
        #expect(badType.status == 2 && badType.stderr.contains("TYPE must be one of cawn, harbourer_warning, hotel_notice, visit, marker, other"))
        let badDate = try runSightline(["notices", "record", "visit", "--subject", "Kasim Wrenhurst", "--issued", "2025-13-40", "--db", db])
        #expect(badDate.status == 2 && badDate.stderr.contains("--issued must be a date YYYY-MM-DD"))
        let nobody = try runSightline(["notices", "record", "visit", "--subject", "Nobody Fictional", "--issued", "2025-06-02", "--db", db])
        #expect(nobody.status == 4 && nobody.stderr.contains("--subject: no entity matches 'Nobody Fictional'"))
        let lapsed = try runSightline(["notices", "record", "cawn", "--subject", "Kasim Wrenhurst", "--issued", "2025-06-02", "--expires", "2025-01-01", "--db", db])
        #expect(lapsed.status == 1 && lapsed.stderr.contains("'expires'") && lapsed.stderr.contains("Nothing from this run was stored"))
        let account = try runSightline(["notices", "record", "marker", "--subject", "account:snapchat/calm_85", "--issued", "2025-06-02", "--db", db])
        #expect(account.status == 1 && account.stderr.contains("not an account"))
        let noGradeConditions = try runSightline(["notices", "record", "visit", "--subject", "Kasim Wrenhurst", "--issued", "2025-06-02", "--grade", "1AC", "--db", db])
        #expect(noGradeConditions.status == 1 && noGradeConditions.stderr.contains("conditions"))
        #expect(try runSightline(["stats", "--db", db]).stdout == before)
    }
}
