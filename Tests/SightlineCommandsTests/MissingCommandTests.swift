import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SightlineModel
import SightlineTestSupport
import Testing

/// `sightline trawl missing` and `sightline missing brief`, end to end.
@Suite("missing commands", .serialized)
struct MissingCommandTests {
    let dir = TemporaryDirectory("missing")
    var db: String { dir.file("s.sqlite") }
    var hostileDB: String { dir.file("h.sqlite") }

    /// Names that would run or break a page if written unescaped.
    static let hostileChild = #"<script>alert("x")</script> & 'Zed'"#
    static let hostileAdult = #"Bob "<b>" O'Neil & Co"#
    static let hostileAddress = #"<img src=x onerror=alert(1)> & "Flat" 9"#

    init() throws {
        let r = try runSightline(["ingest", PackagePaths.samples, "--db", db])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
        let file = dir.write("hostile.jsonl", """
        {"type":"item","agency":"police","ref":"H-1","recorded":"2024-01-05","grade":"1AP","summary":"Missing report."}
        {"type":"item","agency":"police","ref":"H-2","recorded":"2024-06-05","grade":"2BP","summary":"Missing report."}
        {"type":"item","agency":"police","ref":"H-3","recorded":"2024-01-05","grade":"1AP","summary":"Records."}
        {"type":"person","id":"person:lccs/Z-1","name":\(json(Self.hostileChild)),"dob":"2011-02-03","roles":["child_at_risk"],"item":"police/H-3"}
        {"type":"person","id":"person:lccs/Z-2","name":"Quiet Child","roles":["child_at_risk"],"item":"police/H-3"}
        {"type":"person","id":"person:niche/Z-9","name":\(json(Self.hostileAdult)),"roles":["suspect"],"item":"police/H-3"}
        {"type":"location","id":"location:uprn/Z-77","name":"Hostile Flat","address":\(json(Self.hostileAddress)),"postcode":"WX9 9ZZ","category":"residential","item":"police/H-3"}
        {"type":"link","link":"resides_at","from":"person:niche/Z-9","to":"location:uprn/Z-77","item":"police/H-3"}
        {"type":"missing","child":"person:lccs/Z-1","start":"2024-01-01T20:00","end":"2024-01-02T03:00","foundAt":"location:uprn/Z-77","foundWith":["person:niche/Z-9"],"item":"police/H-1"}
        {"type":"missing","child":"person:lccs/Z-1","start":"2024-06-01T20:00","end":"2024-06-02T03:00","foundAt":"location:uprn/Z-77","item":"police/H-2"}
        """)
        let h = try runSightline(["ingest", file, "--db", hostileDB])
        guard h.status == 0 else { throw TestSupportError(h.stderr) }
    }

    func json(_ s: String) -> String { String(decoding: try! JSONEncoder().encode(s), as: UTF8.self) }

    func noBlame(_ text: String, _ what: String) throws {
        let found = ProtectiveLanguage.matches(in: text)
        #expect(found.isEmpty, "\(what) uses \(found)")
    }

    @Test("trawl missing: table, CSV and JSON on the samples; recurring adults and places, children pseudonymised; deterministic")
    func trawl() throws {
        let args = ["trawl", "missing", "--db", db, "--from", "2023-01-01", "--until", "2025-12-31"]
        let table = try runSightline(args)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("recurring adult") && table.stdout.contains("recurring place") && table.stdout.contains("child reported missing"))
        let again = try runSightline(args)
        #expect(again.stdout == table.stdout)
        let csv = try runSightline(args + ["--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("section,rank,entity"))
        let j = try runSightline(args + ["--format", "json", "--limit", "0"])
        #expect(j.status == 0, "\(j.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as! [String: Any]
        let adults = doc["recurringAdults"] as! [[String: Any]]
        #expect(adults.contains { $0["label"] as? String == "Darren Quillfeather" })
        #expect(adults.allSatisfy { !($0["evidence"] as! [Any]).isEmpty })
        let places = doc["recurringPlaces"] as! [[String: Any]]
        #expect(places.first?["label"] as? String == "The Anchorage Hotel")
        let kids = doc["childrenReportedMissing"] as! [[String: Any]]
        #expect(kids.allSatisfy { ($0["child"] as! String).hasPrefix("Child C-") })
        let names = try (SampleDataNames.children())
        for out in [table.stdout, csv.stdout, j.stdout] {
            for n in names { #expect(!out.contains(n), "\(n) named without --name-children") }
            try noBlame(out, "trawl")
        }
        let named = try runSightline(args + ["--name-children", "--format", "json"])
        #expect(named.stdout.contains("Zoë Marblewood"))
        try noBlame(try runSightline(["trawl", "missing", "--help"]).stdout, "trawl help")
    }

    @Test("trawl missing: exit 1 with an empty list for a quiet period, 2 for a bad option, and -o writes the file")
    func trawlExits() throws {
        let empty = try runSightline(["trawl", "missing", "--db", db, "--from", "2000-01-01", "--until", "2000-01-31", "--format", "json"])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("no recurring adults"))
        #expect(try runSightline(["trawl", "missing", "--db", db, "--days", "0"]).status == 2)
        #expect(try runSightline(["trawl", "missing", "--db", db, "--from", "2025-01-01", "--until", "2024-01-01"]).status == 2)
        let out = dir.file("trawl.csv")
        let w = try runSightline(["trawl", "missing", "--db", db, "--days", "400", "--format", "csv", "-o", out])
        #expect(w.status == 0, "\(w.stderr)")
        #expect(((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").hasPrefix("section,"))
        // --days counts back from --as-of: a year up to mid 2024 holds Zoë's March 2024 episode.
        let asOf = try runSightline(["trawl", "missing", "--db", db, "--as-of", "2024-06-30", "--days", "365", "--format", "json", "--limit", "0"])
        #expect(asOf.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(asOf.stdout.utf8)) as! [String: Any]
        #expect((doc["period"] as! [String: String]) == ["from": "2023-07-02", "until": "2024-06-30"])
    }

    @Test("missing brief: text, JSON and HTML for Zoë Marblewood; the Anchorage Hotel first; the same twice")
    func brief() throws {
        let text = try runSightline(["missing", "brief", "person:lccs/C-2201", "--db", db])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("1. The Anchorage Hotel"))
        #expect(text.stdout.contains("Zoë Marblewood"))
        #expect(text.stdout.contains("police/MISPER-24-1052 2024-12-20 2BP"))
        #expect(try runSightline(["missing", "brief", "person:lccs/C-2201", "--db", db]).stdout == text.stdout)
        let j = try runSightline(["missing", "brief", "Zoë Marblewood", "--db", db, "--format", "json"])
        #expect(j.status == 0, "\(j.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as! [String: Any]
        let places = doc["placesToLook"] as! [[String: Any]]
        #expect(places.first?["name"] as? String == "The Anchorage Hotel")
        #expect(places.first?["foundThere"] as? Int == 2)
        #expect((doc["adults"] as! [[String: Any]]).first?["name"] as? String == "Darren Quillfeather")
        let html = try runSightline(["missing", "brief", "person:lccs/C-2201", "--db", db, "--format", "html"])
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        try Self.parsesAsXML(html.stdout)
        for out in [text.stdout, j.stdout, html.stdout] { try noBlame(out, "brief") }
        try noBlame(try runSightline(["missing", "brief", "--help"]).stdout, "brief help")
        // --as-of: only what was known then (before her 2024-11 episodes were recorded).
        let then = try runSightline(["missing", "brief", "person:lccs/C-2201", "--db", db, "--as-of", "2024-06-30", "--format", "json"])
        let old = try JSONSerialization.jsonObject(with: Data(then.stdout.utf8)) as! [String: Any]
        #expect((old["child"] as! [String: Any])["episodeCount"] as? Int == 1)
        #expect((old["placesToLook"] as! [[String: Any]]).first?["name"] as? String == "Flat 3, Ropewalk Court")
    }

    @Test("missing brief: hostile names are escaped in HTML, and the page parses as XML")
    func hostileHTML() throws {
        let out = dir.file("brief.html")
        let r = try runSightline(["missing", "brief", "person:lccs/Z-1", "--db", hostileDB, "--format", "html", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!page.contains("<script"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("<b>"))
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Zed&#39;"))
        #expect(page.contains("Bob &quot;&lt;b&gt;&quot; O&#39;Neil &amp; Co"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        try Self.parsesAsXML(page)
        // The text brief carries the names as written (a terminal runs nothing), and as-of applies.
        let text = try runSightline(["missing", "brief", "person:lccs/Z-1", "--db", hostileDB])
        #expect(text.stdout.contains(Self.hostileChild))
        #expect(text.stdout.contains("Missing episodes recorded: 2"))
        let early = try runSightline(["missing", "brief", "person:lccs/Z-1", "--db", hostileDB, "--as-of", "2024-03-01"])
        #expect(early.stdout.contains("Missing episodes recorded: 1"))
        #expect(!early.stdout.contains("police/H-2"))
    }

    @Test("missing brief: exit 1 for an adult or a child with nothing recorded, 4 for an unknown entity, 2 for a bad date")
    func briefExits() throws {
        let adult = try runSightline(["missing", "brief", "person:niche/PN-1001", "--db", db])
        #expect(adult.status == 1)
        #expect(adult.stderr.contains("not recorded as a child at risk"))
        #expect(adult.stdout.isEmpty)
        let quiet = try runSightline(["missing", "brief", "person:lccs/Z-2", "--db", hostileDB])
        #expect(quiet.status == 1)
        #expect(quiet.stderr.contains("nothing to brief on"))
        let unknown = try runSightline(["missing", "brief", "person:lccs/NOPE-1", "--db", db])
        #expect(unknown.status == 4)
        #expect(try runSightline(["missing", "brief", "E999999", "--db", db]).status == 4)
        #expect(try runSightline(["missing", "brief", "person:lccs/C-2201", "--db", db, "--as-of", "June"]).status == 2)
        let bad = try runSightline(["missing", "brief", "person:lccs/C-2201", "--db", db, "-o", dir.file("no/such/dir/x.txt")])
        #expect(bad.status == 5) // an output that cannot be written
        for r in [adult, quiet, unknown] { try noBlame(r.stderr, "message") }
    }

    static func parsesAsXML(_ page: String) throws {
        // XHTML: well-formed XML once the HTML5 doctype is set aside.
        let body = page.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let doc = try XMLDocument(xmlString: body, options: [])
        #expect(doc.rootElement()?.name == "html")
    }
}

/// The samples' children's names (Samples/truth.json), to check pseudonymisation.
enum SampleDataNames {
    static func children() throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: PackagePaths.samples + "/truth.json"))
        let truth = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (truth["childrenAtRisk"] as! [[String: Any]]).map { $0["name"] as! String }
    }
}
