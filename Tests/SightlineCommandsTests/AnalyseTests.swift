import Foundation
@testable import SightlineCommands
import SightlineModel
import SightlineTestSupport
import Testing

/// `sightline analyse` on the samples, against Samples/truth.json.
@Suite("analyse", .serialized)
struct AnalyseTests {
    let dir = TemporaryDirectory("analyse")
    let report: [String: Any]
    let truth: [String: Any]
    let ids: [String: String] // identifier -> entity ID

    init() throws {
        let db = dir.file("s.sqlite")
        let r = try runSightline(["ingest", PackagePaths.samples, "--db", db])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
        let a = try runSightline(["analyse", "--db", db, "--top", "15", "--format", "json"])
        guard a.status == 0 else { throw TestSupportError(a.stderr) }
        report = try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as! [String: Any]
        truth = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: PackagePaths.samples + "/truth.json"))) as! [String: Any]
        let people = try runSightline(["entities", "--db", db, "--format", "json"])
        var map: [String: String] = [:]
        for e in try JSONSerialization.jsonObject(with: Data(people.stdout.utf8)) as! [[String: Any]] {
            for i in e["identifiers"] as! [String] { map[i] = e["id"] as? String }
        }
        ids = map
    }

    @Test("no child is ever ranked, and every ranked actor cites the items behind it")
    func childrenNeverRanked() throws {
        let actors = report["centralActors"] as! [[String: Any]]
        #expect(actors.count == 15)
        let children = Set((truth["childrenAtRisk"] as! [[String: Any]]).flatMap { ($0["allIds"] as! [String]).compactMap { ids[$0] } })
        #expect(!children.isEmpty)
        for a in actors {
            #expect(!children.contains(a["entity"] as! String), "a child was ranked: \(a["label"] ?? "")")
            #expect(!(a["roles"] as! [String]).contains("child at risk"))
            #expect(!(a["evidence"] as! [String]).isEmpty && (a["items"] as! Int) > 0)
        }
        // Exposure lists the planted children, and the unmerged duplicate records of them that
        // another agency filed (they carry the child-at-risk role too, and stay apart until merged).
        let duplicates = ((truth["duplicates"] as! [String: Any])["nameOnly"] as! [[String: Any]]).compactMap { ids[$0["b"] as! String] }
        let exposure = report["childrenExposure"] as! [[String: Any]]
        #expect(Set(exposure.map { $0["child"] as! String }).isSubset(of: children.union(duplicates)))
        #expect(exposure.count >= 25)
    }

    @Test("nothing analyse composes uses a protective-language phrase")
    func protectiveLanguage() throws {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: report), as: UTF8.self)
        #expect(ProtectiveLanguage.matches(in: text) == [])
        let table = try runSightline(["analyse", "--db", dir.file("s.sqlite")])
        #expect(try ProtectiveLanguage.matches(in: table.stdout + helpTexts()) == [])
    }

    func helpTexts() throws -> String { try runSightline(["analyse", "--help"]).stdout + runSightline(["impact", "--help"]).stdout }

    @Test("the planted groups fall into clusters, and the planted hotspots lead the places")
    func plantedStructure() throws {
        let clusters = report["clusters"] as! [[String: Any]]
        var clusterOf: [String: Int] = [:]
        for c in clusters { for m in c["adultsOfConcern"] as! [String] { clusterOf[String(m.split(separator: " ")[0])] = c["cluster"] as? Int } }
        for group in truth["offendingGroups"] as! [[String: Any]] {
            let members = (group["members"] as! [[String: Any]]).compactMap { ids[$0["id"] as! String] }
            let assigned = members.compactMap { clusterOf[$0] }
            let counts = Dictionary(grouping: assigned, by: { $0 }).mapValues(\.count)
            let share = Double(counts.values.max() ?? 0) / Double(members.count)
            #expect(share >= 0.7, "\(group["name"] ?? ""): \(share) of its members in one cluster")
        }
        let actors = report["centralActors"] as! [[String: Any]]
        let places = actors.filter { $0["kind"] as? String == "location" }.map { $0["entity"] as! String }
        let planted = ((truth["hotspots"] as! [String: Any])["planted"] as! [String]).compactMap { ids[$0] }
        #expect(Set(places.prefix(3)).isSubset(of: Set(planted)), "top places \(places.prefix(3)) vs planted \(planted)")
    }

    @Test("impact --greedy 3 names the planted brokers, never a child, each row with its evidence")
    func greedyNamesTheBrokers() throws {
        let r = try runSightline(["impact", "--db", dir.file("s.sqlite"), "--greedy", "3", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        #expect(rows.count == 3)
        let brokers = (truth["brokers"] as! [[String: Any]]).compactMap { ids[($0["person"] as! [String: Any])["id"] as! String] }
        #expect(brokers.count == 2)
        let named = rows.map { $0["entity"] as! String }
        #expect(Set(brokers).isSubset(of: Set(named)), "greedy named \(named), planted brokers \(brokers)")
        let children = Set((truth["childrenAtRisk"] as! [[String: Any]]).flatMap { ($0["allIds"] as! [String]).compactMap { ids[$0] } })
        for row in rows {
            #expect(!children.contains(row["entity"] as! String))
            #expect(!(row["evidence"] as! [String]).isEmpty)
            #expect((row["closePairsBefore"] as! Int) > (row["closePairsAfter"] as! Int))
        }
        // Wider candidates bring places in; children stay out whatever is asked.
        let wide = try runSightline(["impact", "--db", dir.file("s.sqlite"), "--greedy", "5", "--kinds", "person,location,vehicle,phone", "--format", "json"])
        let wideRows = try JSONSerialization.jsonObject(with: Data(wide.stdout.utf8)) as! [[String: Any]]
        #expect(wideRows.contains { $0["kind"] as? String == "location" })
        #expect(!wideRows.contains { children.contains($0["entity"] as! String) })
        #expect(try ProtectiveLanguage.matches(in: r.stdout + wide.stdout + runSightline(["impact", "--db", dir.file("s.sqlite"), "--greedy", "3"]).stdout) == [])
    }
}

/// `analyse --score-against` on a generated network.
@Suite("analyse against planted groups")
struct AnalyseScoreTests {
    @Test("every planted group of a generated network falls into one cluster")
    func generated() throws {
        let dir = TemporaryDirectory("score")
        _ = try runSightline(["generate", "--people", "2000", "--seed", "4", "--out", dir.file("g")])
        _ = try runSightline(["ingest", dir.file("g/network.jsonl"), "--db", dir.file("s.sqlite")])
        let r = try runSightline(["analyse", "--db", dir.file("s.sqlite"), "--score-against", dir.file("g/truth.json")])
        #expect(r.status == 0, "\(r.stderr)")
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("groups recovered") })
        // "groups recovered (share >= 0.8):    22 of 22"
        let numbers = line.split(separator: ":")[1].split(separator: " ").compactMap { Int($0) }
        #expect(numbers.count == 2 && numbers[0] == numbers[1] && numbers[1] > 10, "\(line)")
    }
}
