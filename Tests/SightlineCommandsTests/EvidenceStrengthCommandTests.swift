import Foundation
import SightlineTestSupport
import Testing

/// Issue 12 on the samples, as a hostile informant would try it: one anonymous item graded 3EP
/// placing 12 children and 6 suspects at a community library late at night, and two anonymous 3EP
/// items inventing a neighbour as a suspect seen with 8 children and found with 3 of them on two
/// missing episodes. Unweighted (the lists as they were) both are ranked; weighted, neither is.
@Suite("evidence strength on the samples", .serialized)
struct EvidenceStrengthCommandTests {
    let store: SampleStore
    var db: String { store.db }
    static let today = ["SIGHTLINE_TODAY": "2025-07-01"]
    static let library = "location:uprn/900000000999"
    static let neighbour = "person:niche/PN-9101"

    static let children = (1...12).map { "person:lccs/C-22\(String(format: "%02d", $0))" }
    static let suspects = ["PN-1002", "PN-1004", "PN-1006", "PN-1012", "PN-1013", "PN-1022"].map { "person:niche/\($0)" }

    static var extra: String {
        var lines = [
            #"{"type":"item","agency":"other","ref":"ANON-LIB-1","recorded":"2025-06-10","grade":"3EP","summary":"Fictional anonymous report."}"#,
            #"{"type":"location","id":"\#(library)","name":"Saltmarsh Community Library","postcode":"WX1 9LB","category":"other","item":"other/ANON-LIB-1"}"#,
        ]
        for c in children + suspects {
            lines.append(#"{"type":"link","link":"at_location","from":"\#(c)","to":"\#(library)","at":"2025-06-08T22:40","item":"other/ANON-LIB-1"}"#)
        }
        lines += [
            #"{"type":"item","agency":"other","ref":"ANON-NB-1","recorded":"2025-06-11","grade":"3EP","summary":"Fictional anonymous report."}"#,
            #"{"type":"item","agency":"other","ref":"ANON-NB-2","recorded":"2025-06-12","grade":"3EP","summary":"Fictional anonymous report."}"#,
            #"{"type":"person","id":"\#(neighbour)","name":"Neville QUARRENDON","dob":"1975-02-02","roles":["suspect"],"item":"other/ANON-NB-1"}"#,
        ]
        for c in children.prefix(8) {
            lines.append(#"{"type":"link","link":"seen_with","from":"\#(neighbour)","to":"\#(c)","at":"2025-06-05","item":"other/ANON-NB-1"}"#)
        }
        for (k, c) in children.prefix(3).enumerated() {
            lines.append(#"{"type":"missing","child":"\#(c)","start":"2025-05-0\#(k + 1)T21:00","end":"2025-05-0\#(k + 2)T03:00","foundWith":["\#(neighbour)"],"item":"other/ANON-NB-2"}"#)
            lines.append(#"{"type":"missing","child":"\#(c)","start":"2025-06-0\#(k + 1)T21:00","end":"2025-06-0\#(k + 2)T03:00","foundWith":["\#(neighbour)"],"item":"other/ANON-NB-1"}"#)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    init() throws { store = try SampleStore("evidence", extra: Self.extra) }

    func json(_ args: [String]) throws -> [String: Any] {
        let r = try runSightline(args + ["--db", db, "--format", "json", "--limit", "0"], environment: Self.today)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    }

    func ids(_ doc: [String: Any], _ key: String, field: String = "entity") -> [String] {
        (doc[key] as? [[String: Any]] ?? []).compactMap { $0[field] as? String }
    }

    /// The entity ID the store gave an identifier.
    func entity(_ identifier: String) throws -> String {
        let r = try runSightline(["show", identifier, "--db", db, "--format", "json"], environment: Self.today)
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        return doc["id"] as! String
    }

    @Test("the library is not ranked: it is listed apart as needing corroboration; unweighted it is among the first five")
    func library() throws {
        let lib = try entity(Self.library)
        let weighted = try json(["disrupt", "locations"])
        #expect(!ids(weighted, "ranked").contains(lib))
        #expect(ids(weighted, "needsCorroboration").contains(lib))
        let row = (weighted["needsCorroboration"] as! [[String: Any]]).first { $0["entity"] as? String == lib }!
        #expect(row["rank"] == nil || row["rank"] is NSNull)
        #expect((row["needsCorroboration"] as? String)?.contains("from an agency other than other") == true)
        // The planted hotspots still lead.
        let planted = try Set([("location:uprn/900000000017"), "location:uprn/900000000042", "location:uprn/900000000078",
                               "location:uprn/900000000127"].map(entity))
        #expect(Set(ids(weighted, "ranked").prefix(4)) == planted)
        // Unweighted: the library is ranked among the top five, as the issue saw it.
        let plain = try json(["disrupt", "locations", "--unweighted"])
        let rank = ids(plain, "ranked").firstIndex(of: lib)
        #expect(rank != nil && rank! < 5, "unweighted rank \(String(describing: rank))")
        #expect(ids(plain, "needsCorroboration").isEmpty)
    }

    @Test("the invented neighbour is not among the ranked people and has no warning-notice candidate row")
    func neighbour() throws {
        let n = try entity(Self.neighbour)
        let people = try json(["disrupt", "people"])
        #expect(!ids(people, "ranked").contains(n))
        #expect(ids(people, "needsCorroboration").contains(n))
        // Group members and brokers still lead.
        let leaders = try Set(["PN-1001", "PN-1002", "PN-1011", "PN-1021"].map { try entity("person:niche/\($0)") })
        #expect(!leaders.isDisjoint(with: ids(people, "ranked").prefix(5)))
        let plain = try json(["disrupt", "people", "--unweighted"])
        #expect(ids(plain, "ranked").contains(n))

        let notices = try json(["notices", "candidates"])
        #expect(!ids(notices, "candidates", field: "adultID").contains(n))
        #expect(ids(notices, "needsCorroboration", field: "adultID").contains(n))
        let plainNotices = try json(["notices", "candidates", "--unweighted"])
        #expect(ids(plainNotices, "candidates", field: "adultID").filter { $0 == n }.count >= 3)
    }

    @Test("vehicles and phones: the planted group vehicles and phones still lead; table and CSV mark rows apart")
    func otherListsAndFormats() throws {
        let vehicles = try json(["disrupt", "vehicles"])
        let planted = try Set(["vehicle:WX19KPQ", "vehicle:WX68RTZ", "vehicle:WX70SPZ", "vehicle:WX21MDQ", "vehicle:WX17HLZ",
                               "vehicle:WU20BVQ", "vehicle:WF16NXZ", "vehicle:WU71BCZ", "vehicle:WX15CJZ"].map(entity))
        #expect(!Set(ids(vehicles, "ranked").prefix(3)).isDisjoint(with: planted))
        #expect(planted.isSuperset(of: ids(vehicles, "ranked").prefix(3)))
        let phones = try json(["disrupt", "phones"])
        let groupPhones = try Set(["phone:+447700900123", "phone:+447700900456", "phone:+447700900552", "phone:+447700900828",
                                   "phone:+447700900650", "phone:+447700900600"].map(entity))
        let topPhones = ids(phones, "ranked").prefix(3)
        #expect(topPhones.first.map(groupPhones.contains) == true && groupPhones.intersection(topPhones).count >= 2, "\(topPhones)")

        let lib = try entity(Self.library)
        let table = try runSightline(["disrupt", "locations", "--db", db, "--limit", "0"], environment: Self.today)
        #expect(table.stdout.contains("Needs corroboration, not ranked"))
        let csv = try runSightline(["disrupt", "locations", "--db", db, "--limit", "0", "--format", "csv"], environment: Self.today)
        let libLine = csv.stdout.split(whereSeparator: \.isNewline).first { $0.contains("(\(lib))") }
        #expect(libLine?.hasPrefix(",") == true && libLine?.contains("graded 2C or better") == true, "\(String(describing: libLine?.prefix(300)))")
    }

    @Test("--explain prints a row's derivation: each element with the items behind it, their grades and strengths")
    func explain() throws {
        let lib = try entity(Self.library)
        let r = try runSightline(["disrupt", "locations", "--db", db, "--explain", lib], environment: Self.today)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("not ranked, needs corroboration"))
        #expect(r.stdout.contains("other/ANON-LIB-1 2025-06-10 3EP: grade factor 0.03"))
        #expect(r.stdout.contains("children: 0.3") || r.stdout.contains("children: 0.36"), "\(r.stdout.prefix(600))")
        let top = try runSightline(["disrupt", "locations", "--db", db, "--explain", "The Anchorage Hotel", "--format", "json"], environment: Self.today)
        let doc = try JSONSerialization.jsonObject(with: Data(top.stdout.utf8)) as! [String: Any]
        #expect((1...4).contains(doc["rank"] as? Int ?? 0))
        let parts = doc["parts"] as! [[String: Any]]
        let children = parts.first { $0["part"] as? String == "children" }!
        #expect((children["elements"] as? [[String: Any]])?.count == children["count"] as? Int)
        let bad = try runSightline(["disrupt", "locations", "--db", db, "--explain", "E99999"], environment: Self.today)
        #expect(bad.status == 4)
    }
}
