import Foundation
import SightlineTestSupport
import Testing

/// `review` through the audience's screen: a conflict about who is a child is shown whole or not at
/// all, the people in it named as children (pseudonymised unless the request names them), and its
/// items as the disclosure shows them.
@Suite("review through the screen", .serialized)
struct ReviewScreenTests {
    let dir = TemporaryDirectory("review-screen")
    var db: String { dir.file("r.sqlite") }
    let env = ["SIGHTLINE_TODAY": "2025-06-01"]

    init() throws {
        let lines = dir.write("r.jsonl", """
            {"type":"item","agency":"police","ref":"RV-C-1","recorded":"2025-05-01","grade":"2BC","conditions":"Share only within the CVET","summary":"Kit Testyoung recorded as a suspect."}
            {"type":"item","agency":"police","ref":"RV-P-2","recorded":"2025-05-02","grade":"2BP","summary":"Jay Testpupil recorded as a suspect."}
            {"type":"person","id":"person:niche/RV-1","name":"Kit Testyoung","dob":"2011-03-03","roles":["suspect"],"item":"police/RV-C-1"}
            {"type":"person","id":"person:niche/RV-2","name":"Jay Testpupil","dob":"2010-04-04","roles":["suspect"],"item":"police/RV-P-2"}

            """)
        let r = try runSightline(["ingest", lines, "--db", dir.file("r.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    func rows(_ extra: [String]) throws -> (rows: [[String: Any]], text: String) {
        let r = try runSightline(["review", "--db", db, "--format", "json"] + extra, environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        return ((try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]) ?? [], r.stdout)
    }

    @Test("police analysts: both young suspects, pseudonymised as children, with their items")
    func police() throws {
        let (rows, text) = try rows([])
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { ($0["label"] as? String)?.hasPrefix("Child C-") == true })
        #expect(!text.contains("Kit Testyoung") && !text.contains("Jay Testpupil"))
        #expect(text.contains("RV-C-1") && text.contains("RV-P-2"))
    }

    @Test("an audience of P items with opaque source details: the conflict resting on a C item goes whole; the other keeps a minted reference")
    func partner() throws {
        let shipped = try String(contentsOfFile: PackagePaths.root + "/docs/audiences.yaml", encoding: .utf8)
        let file = dir.write("aud.yaml", shipped.replacingOccurrences(of: "commands: [show, path, ego", with: "commands: [review, show, path, ego"))
        let (rows, text) = try rows(["--audience", "mace_partner", "--purpose", "test", "--audiences", file])
        #expect(rows.count == 1)
        #expect(!text.contains("Kit") && !text.contains("RV-C-1") && !text.contains("CVET") && !text.contains("Jay Testpupil"))
        #expect(!text.contains("RV-P-2") && text.contains("\"reference\" : \"D"))
    }
}
