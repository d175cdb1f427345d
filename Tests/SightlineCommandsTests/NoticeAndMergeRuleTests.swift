import Foundation
import SightlineTestSupport
import Testing

/// Issue 11, items 4 and 5: a notice names only the parties the safeguarding rules allow, an ingest
/// never merges a child and an adult by identifier, and every merge (automatic ones included) can
/// be undone and stays undone. A small fictional store of its own; the run day is fixed with
/// SIGHTLINE_TODAY, so ages do not drift.
@Suite("notice parties and identifier merges", .serialized)
struct NoticeAndMergeRuleTests {
    let dir = TemporaryDirectory("notice-merge")
    var db: String { dir.file("n.sqlite") }
    static let today = ["SIGHTLINE_TODAY": "2025-06-01"]

    /// Two adult suspects (45 and 44 on the run day, born months apart), a 13-year-old child at risk, and a hotel.
    static let base = """
    {"type":"item","agency":"police","ref":"NM-1","recorded":"2025-05-01","grade":"1AP","summary":"Fictional test item."}
    {"type":"person","id":"person:niche/NM-A1","name":"Adam TESTADULT","dob":"1980-01-01","roles":["suspect"],"item":"police/NM-1"}
    {"type":"person","id":"person:niche/NM-A2","name":"Bert TESTOTHER","dob":"1980-06-01","roles":["suspect"],"item":"police/NM-1"}
    {"type":"person","id":"person:lccs/NM-C1","name":"Kim TESTCHILD","dob":"2012-03-03","roles":["child_at_risk"],"item":"police/NM-1"}
    {"type":"location","id":"location:lic/NM-H1","name":"The Fictional Quay Hotel","category":"hotel","item":"police/NM-1"}

    """

    init() throws {
        let r = try runSightline(["ingest", dir.write("base.jsonl", Self.base), "--db", db], environment: Self.today)
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    func run(_ args: [String]) throws -> CommandResult {
        try runSightline(args + ["--db", db], environment: Self.today)
    }

    /// The whole store as SQL text, read-only.
    func dump() throws -> String {
        let r = try runProcess("/usr/bin/sqlite3", ["-readonly", db, ".dump"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    /// The store's rows, leaving out the log of runs (a refused run is logged nowhere, but its
    /// number may be taken): everything a refusal must leave as it was.
    func contents() throws -> String {
        try dump().split(separator: "\n").filter { !$0.contains("INSERT INTO ingest_run") && !$0.contains("'ingest_run'") }
            .joined(separator: "\n")
    }

    func record(_ args: [String]) throws -> CommandResult {
        try run(["notices", "record"] + args + ["--issued", "2025-05-20"])
    }

    // MARK: Item 4: notice parties

    @Test("notices record cawn --subject CHILD is refused, naming --subject, and stores nothing")
    func cawnOnChildRefused() throws {
        let before = try contents()
        let r = try record(["cawn", "--subject", "person:lccs/NM-C1", "--child", "person:lccs/NM-C1"])
        #expect(r.status == 1, "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("--subject") && r.stderr.contains("no notice is ever served on a child"), "\(r.stderr)")
        #expect(try contents() == before)
    }

    @Test("a CAWN served on a hotel is refused, naming --subject")
    func cawnOnHotelRefused() throws {
        let before = try contents()
        let r = try record(["cawn", "--subject", "location:lic/NM-H1", "--child", "person:lccs/NM-C1"])
        #expect(r.status == 1, "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("--subject") && r.stderr.contains("is served on an adult person"), "\(r.stderr)")
        #expect(try contents() == before)
    }

    @Test("a hotel notice served on a child is refused, naming --subject")
    func hotelNoticeOnChildRefused() throws {
        let before = try contents()
        let r = try record(["hotel_notice", "--subject", "person:lccs/NM-C1"])
        #expect(r.status == 1, "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("--subject") && r.stderr.contains("child"), "\(r.stderr)")
        #expect(try contents() == before)
    }

    @Test("a CAWN whose --child is an adult is refused, naming --child")
    func cawnChildAdultRefused() throws {
        let before = try contents()
        let r = try record(["cawn", "--subject", "person:niche/NM-A1", "--child", "person:niche/NM-A2"])
        #expect(r.status == 1, "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("--child") && r.stderr.contains("is not a child on 2025-05-20"), "\(r.stderr)")
        #expect(try contents() == before)
    }

    @Test("a CAWN on an adult protecting a child is recorded")
    func validCawnAccepted() throws {
        let r = try record(["cawn", "--subject", "person:niche/NM-A1", "--child", "person:lccs/NM-C1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try dump().contains("'cawn'"))
    }

    @Test("a JSON Lines notice naming a child as subject is refused at its line, even when the child's record comes after it")
    func ingestNoticeOnChildBeforeRecord() throws {
        let before = try contents()
        let file = dir.write("notice.jsonl", """
        {"type":"item","agency":"police","ref":"NM-2","recorded":"2025-05-21","grade":"1AP","summary":"Fictional notice."}
        {"type":"notice","notice":"cawn","subject":"person:lccs/NM-C9","child":"person:lccs/NM-C1","issued":"2025-05-21","item":"police/NM-2"}
        {"type":"person","id":"person:lccs/NM-C9","name":"Lee TESTYOUNG","dob":"2011-04-04","item":"police/NM-2"}

        """)
        for extra in [[], ["--quarantine", dir.file("q.jsonl")]] {
            let r = try run(["ingest", file] + extra)
            #expect(r.status == 1, "\(r.stdout) \(r.stderr)")
            #expect(r.stderr.contains("notice.jsonl:2") && r.stderr.contains("'subject'") && r.stderr.contains("no notice is ever served on a child"), "\(r.stderr)")
            #expect(try contents() == before)
        }
    }

    // MARK: Item 5: identifier merges

    /// A record whose `ids` name both a stored adult and the stored child.
    static let joinAdultAndChild = """
    {"type":"item","agency":"police","ref":"NM-3","recorded":"2025-05-22","grade":"1AP","summary":"Fictional export joining two records."}
    {"type":"person","id":"person:niche/NM-A1","ids":["person:lccs/NM-C1"],"item":"police/NM-3"}

    """

    @Test("a record whose ids join an adult and a child stops the run, naming both; with --quarantine it is set aside")
    func identifierMergeOfChildAndAdultRefused() throws {
        let before = try contents()
        let file = dir.write("join.jsonl", Self.joinAdultAndChild)
        let r = try run(["ingest", file])
        #expect(r.status == 1, "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("join.jsonl:2") && r.stderr.contains("Adam TESTADULT") && r.stderr.contains("Kim TESTCHILD")
                && r.stderr.contains("merging them would join a child and an adult"), "\(r.stderr)")
        #expect(try contents() == before)
        let q = dir.file("q.jsonl")
        let quarantined = try run(["ingest", file, "--quarantine", q])
        #expect(quarantined.status == 0, "\(quarantined.stderr)")
        #expect((try? String(contentsOfFile: q, encoding: .utf8))?.contains("NM-C1") == true)
        let history = try run(["resolve", "history", "--format", "json"])
        #expect(!history.stdout.contains("identifier"), "\(history.stdout)")
    }

    /// A record whose `ids` name both stored adults.
    static let joinAdults = """
    {"type":"item","agency":"police","ref":"NM-4","recorded":"2025-05-23","grade":"1AP","summary":"Fictional export joining two records."}
    {"type":"person","id":"person:niche/NM-A1","ids":["person:niche/NM-A2"],"item":"police/NM-4"}

    """

    @Test("an identifier merge can be undone; the entities are kept apart, and re-ingesting the same file does not merge them again")
    func identifierMergeUndoneStaysUndone() throws {
        let before = try contents()
        let file = dir.write("adults.jsonl", Self.joinAdults)
        let first = try run(["ingest", file])
        try #require(first.status == 0, "\(first.stderr)")
        let a1 = try run(["show", "person:niche/NM-A1", "--format", "json"]).stdout
        let merged = try run(["show", "person:niche/NM-A2", "--format", "json"]).stdout
        #expect(a1 == merged, "the two adults are one entity after the merge")
        let merges = try JSONSerialization.jsonObject(with: Data(try run(["resolve", "history", "--format", "json"]).stdout.utf8)) as! [[String: Any]]
        try #require(merges.count == 1 && merges[0]["kind"] as? String == "identifier", "\(merges)")
        let gone = merges[0]["merged"] as! String, kept = merges[0]["survivor"] as! String
        let undo = try run(["resolve", "unmerge", gone, "--reason", "two brothers sharing a phone: the export confused them"])
        #expect(undo.status == 0, "\(undo.stderr)")
        // Both restored exactly: every entity and identifier row as before the merge.
        let restored = try contents()
        func identities(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { $0.hasPrefix("INSERT INTO entity VALUES") || $0.hasPrefix("INSERT INTO identifier VALUES") }
        }
        #expect(identities(restored) == identities(before))
        // Re-ingesting the same file stops, naming both and the keep-apart; nothing changes.
        let again = try run(["ingest", file])
        #expect(again.status == 1, "\(again.stdout) \(again.stderr)")
        #expect(again.stderr.contains("adults.jsonl:2") && again.stderr.contains(gone) && again.stderr.contains(kept)
                && again.stderr.contains("kept apart") && again.stderr.contains("two brothers"), "\(again.stderr)")
        #expect(try contents() == restored)
        #expect(try run(["show", "person:niche/NM-A1", "--format", "json"]).stdout != (try run(["show", "person:niche/NM-A2", "--format", "json"]).stdout))
        // The history shows the keep-apart.
        let table = try run(["resolve", "history"])
        #expect(table.stdout.contains("kept apart"), "\(table.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(try run(["resolve", "history", "--format", "json"]).stdout.utf8)) as! [[String: Any]]
        let apart = json.first?["keptApart"] as? [String: Any]
        #expect(apart?["reason"] as? String == "two brothers sharing a phone: the export confused them", "\(json)")
    }
}
