import Foundation
import SightlineTestSupport
import Testing

/// The safeguarding rules (issue 11, items 1-3 and 6-9) end to end: the samples plus a few records a
/// careless or hostile export would send, run through the commands a user runs. The run day is
/// fixed with SIGHTLINE_TODAY, so ages do not drift as the years pass.
@Suite("safeguarding on the command line", .serialized)
struct SafeguardingCommandTests {
    let store: SampleStore
    var dir: TemporaryDirectory { store.dir }
    var db: String { store.db }
    static let today = ["SIGHTLINE_TODAY": "2025-06-01"]

    /// A 15-year-old (born 2010-01-01) recorded only as a suspect, linked as heavily as a group's
    /// leader; one anonymous 3EP item recording a 40-year-old planted suspect as a child at risk; and
    /// two adults of concern seen outside a children's home at night.
    static let extra = """
    {"type":"item","agency":"police","ref":"T-YOUNG-1","recorded":"2025-05-01","grade":"1AP","summary":"Fictional test item."}
    {"type":"item","agency":"other","ref":"ANON-1","recorded":"2025-05-02","grade":"3EP","summary":"Fictional anonymous report."}
    {"type":"item","agency":"police","ref":"T-HOME-1","recorded":"2025-05-03","grade":"1AP","summary":"Fictional patrol report."}
    {"type":"person","id":"person:niche/PN-9001","name":"Jayden TESTYOUNG","dob":"2010-01-01","roles":["suspect"],"item":"police/T-YOUNG-1"}
    {"type":"link","link":"associates_with","from":"person:niche/PN-9001","to":"person:niche/PN-1001","at":"2025-04-01","item":"police/T-YOUNG-1"}
    {"type":"link","link":"associates_with","from":"person:niche/PN-9001","to":"person:niche/PN-1002","at":"2025-04-01","item":"police/T-YOUNG-1"}
    {"type":"link","link":"associates_with","from":"person:niche/PN-9001","to":"person:niche/PN-1004","at":"2025-04-01","item":"police/T-YOUNG-1"}
    {"type":"link","link":"associates_with","from":"person:niche/PN-9001","to":"person:niche/PN-1013","at":"2025-04-01","item":"police/T-YOUNG-1"}
    {"type":"link","link":"associates_with","from":"person:niche/PN-9001","to":"person:niche/PN-1027","at":"2025-04-01","item":"police/T-YOUNG-1"}
    {"type":"link","link":"seen_with","from":"person:niche/PN-9001","to":"person:lccs/C-2201","at":"2025-04-02","item":"police/T-YOUNG-1"}
    {"type":"link","link":"seen_with","from":"person:niche/PN-9001","to":"person:lccs/C-2206","at":"2025-04-02","item":"police/T-YOUNG-1"}
    {"type":"link","link":"seen_with","from":"person:niche/PN-9001","to":"person:lccs/C-2216","at":"2025-04-02","item":"police/T-YOUNG-1"}
    {"type":"link","link":"seen_with","from":"person:niche/PN-9001","to":"person:lccs/C-2227","at":"2025-04-02","item":"police/T-YOUNG-1"}
    {"type":"link","link":"at_location","from":"person:niche/PN-9001","to":"location:uprn/900000000017","at":"2025-04-03T23:10","item":"police/T-YOUNG-1"}
    {"type":"person","id":"person:niche/PN-1001","roles":["child_at_risk"],"item":"other/ANON-1"}
    {"type":"link","link":"at_location","from":"person:niche/PN-1002","to":"location:uprn/900000000116","at":"2025-05-02T23:30","item":"police/T-HOME-1"}
    {"type":"link","link":"at_location","from":"person:niche/PN-1004","to":"location:uprn/900000000116","at":"2025-05-02T23:30","item":"police/T-HOME-1"}

    """

    init() throws { store = try SampleStore("safeguarding", extra: Self.extra) }

    func run(_ args: [String], today: [String: String] = Self.today) throws -> CommandResult {
        try runSightline(args + ["--db", db], environment: today)
    }

    func json(_ args: [String]) throws -> (value: Any, stderr: String) {
        let r = try run(args + ["--format", "json"])
        #expect(r.status == 0, "\(args): \(r.stderr)")
        return (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)), r.stderr)
    }

    func entity(_ identifier: String) throws -> String {
        let r = try run(["show", identifier, "--format", "json"])
        return (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])["id"] as! String
    }

    // Item 1.
    @Test("a 15-year-old recorded only as a suspect is ranked nowhere, proposed nowhere, and reported apart")
    func fifteenYearOldNeverRanked() throws {
        let young = try entity("person:niche/PN-9001")
        let people = try json(["disrupt", "people", "--limit", "0"])
        #expect(!listRows(people.value).contains { $0["entity"] as? String == young })
        #expect(people.stderr.contains("Held back, not ranked") && people.stderr.contains("a child on 2025-06-01"), "\(people.stderr)")
        let analysis = try json(["analyse", "--top", "500"])
        let actors = (analysis.value as! [String: Any])["centralActors"] as! [[String: Any]]
        #expect(!actors.isEmpty && !actors.contains { $0["entity"] as? String == young })
        let clusters = (analysis.value as! [String: Any])["clusters"] as! [[String: Any]]
        #expect(!clusters.contains { ($0["adultsOfConcern"] as! [String]).contains { $0.hasPrefix(young + " ") } })
        let impact = try json(["impact", "--greedy", "8"])
        #expect(!(impact.value as! [[String: Any]]).contains { $0["entity"] as? String == young })
        let one = try run(["impact", young])
        #expect(one.status != 0 && one.stderr.contains("child"))
        // On the day of his 18th birthday he is an adult: but nothing he did before counts, and the
        // only suspect role was recorded when he was 15, so he is still no adult of concern.
        let later = try runSightline(["disrupt", "people", "--limit", "0", "--format", "json", "--db", db], environment: ["SIGHTLINE_TODAY": "2028-01-01"])
        let rows = try listRows(stdout: later.stdout)
        #expect(!rows.contains { $0["entity"] as? String == young && ($0["roles"] as? [String] ?? []).contains("suspect") && ($0["score"] as? Double ?? 0) > 0 && !($0["suspects"] as! [Any]).isEmpty })
        // The review lists him as a child to safeguard, with the items.
        let review = try json(["review"])
        let concerns = review.value as! [[String: Any]]
        #expect(concerns.contains { $0["entity"] as? String == young && $0["kind"] as? String == "young person recorded as a suspect or harbourer"
            && ($0["evidence"] as! [[String: Any]]).contains { $0["reference"] as? String == "T-YOUNG-1" } })
    }

    // Item 6.
    @Test("one 3EP item calling a 40-year-old suspect a child at risk holds him back for review, and says so")
    func conflictingChildRoleIsSurfaced() throws {
        let darren = try entity("person:niche/PN-1001")
        let people = try json(["disrupt", "people", "--limit", "0"])
        #expect(!listRows(people.value).contains { $0["entity"] as? String == darren })
        #expect(people.stderr.contains("1 whose records conflict"), "\(people.stderr)")
        let review = try json(["review"])
        let concerns = review.value as! [[String: Any]]
        let his = concerns.first { $0["entity"] as? String == darren }
        #expect(his?["kind"] as? String == "child at risk recorded on an adult")
        #expect((his?["evidence"] as? [[String: Any]] ?? []).contains { $0["reference"] as? String == "ANON-1" && $0["grade"] as? String == "3EP" })
        #expect((his?["status"] as? String) == "held for review")
    }

    // Item 7.
    @Test("a children's home is never proposed for disruption; adults gathering there list it with protective tactics only")
    func protectivePlaces() throws {
        let home = try entity("location:uprn/900000000116")
        let impact = try json(["impact", "--greedy", "5", "--kinds", "person,location,vehicle,phone"])
        let proposed = (impact.value as! [[String: Any]]).map { $0["entity"] as! String }
        #expect(proposed.count == 5 && !proposed.contains(home))
        let single = try run(["impact", home])
        #expect(single.status != 0 && single.stderr.contains("protect"))
        let homes = try json(["disrupt", "locations", "--category", "childrens_home,school", "--limit", "0"])
        let rows = listRows(homes.value)
        let row = rows.first { $0["entity"] as? String == home }
        #expect(row != nil, "Harbourview House, where two adults of concern were seen at night, is a location of risk")
        for r in rows {
            let tactics = r["tactics"] as! [[String: Any]]
            #expect(!tactics.isEmpty && tactics.allSatisfy { $0["kind"] as? String == "protection" }, "\(r["name"] ?? "")")
        }
        #expect(!rows.contains { ($0["suspects"] as! [Any]).isEmpty }, "a protective place is listed only where adults of concern are recorded")
    }

    // Items 2 and 3.
    @Test("a child's timeline writes the adult as the actor, and honours --handling P")
    func timeline() throws {
        for (child, adult) in [("person:lccs/C-2206", "supplied drugs or alcohol to"), ("person:lccs/C-2216", "harbours")] {
            let out = dir.file("t.dot")
            let r = try run(["render", "timeline", child, "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            let dot = try String(contentsOfFile: out, encoding: .utf8)
            #expect(dot.contains(adult), "\(child): \(dot.prefix(3000))")
            // Never the child as the actor of an adult's act: a line never starts with the act.
            for phrase in ["supplied drugs or alcohol to", "harbours", "gave gifts to", "gave a phone to"] {
                #expect(!dot.contains("\\n\(phrase) ") && !dot.contains("\"\(phrase) ") && !dot.contains(">\(phrase) "), "\(child): '\(phrase)' with no actor")
            }
        }
        let out = dir.file("p.dot")
        let all = try run(["render", "timeline", "person:lccs/C-2201", "-o", out])
        #expect(all.status == 0, "\(all.stderr)")
        let before = try String(contentsOfFile: out, encoding: .utf8)
        #expect(citesCHandledItem(before), "the child's chronology has C-handled items")
        let p = try run(["render", "timeline", "person:lccs/C-2201", "--handling", "P", "-o", out])
        #expect(p.status == 0, "\(p.stderr)")
        let after = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!citesCHandledItem(after), "--handling P leaves out every C-handled item")
        #expect(after.range(of: #"\b[123][A-E]P\b"#, options: .regularExpression) != nil)
    }

    // Items 2 and 3 for show.
    @Test("show writes each link between an adult and a child with the adult as the actor, and takes the network filters")
    func show() throws {
        let d = try json(["show", "person:lccs/C-2216"]).value as! [String: Any]
        let links = d["links"] as! [[String: Any]]
        let gift = links.first { $0["type"] as? String == "gave_gifts_to" }
        #expect((gift?["reads"] as? String)?.hasSuffix("gave gifts to Chloe Yarrowby") == true, "\(gift ?? [:])")
        #expect(!links.contains { ($0["reads"] as? String ?? "").hasPrefix("Chloe Yarrowby gave") || ($0["reads"] as? String ?? "").hasPrefix("Chloe Yarrowby harbours") })
        let all = try run(["show", "person:lccs/C-2216", "--format", "json"]).stdout
        #expect(all.contains("C\""), "the child's record has C-handled items")
        let p = try run(["show", "person:lccs/C-2216", "--format", "json", "--handling", "P"])
        #expect(p.status == 0)
        let grades = (p.stdout.components(separatedBy: "\"grade\" : \"").dropFirst()).map { String($0.prefix(while: { $0 != "\"" })) }
        #expect(!grades.isEmpty && grades.allSatisfy { $0.hasSuffix("P") }, "\(Set(grades))")
    }

    // Item 8.
    @Test("trawl missing never numbers children: no rank, name order")
    func trawlNeverRanksChildren() throws {
        let doc = try json(["trawl", "missing", "--from", "2023-01-01", "--until", "2025-06-01"]).value as! [String: Any]
        let kids = doc["childrenReportedMissing"] as! [[String: Any]]
        #expect(!kids.isEmpty && kids.allSatisfy { $0["rank"] == nil })
        let names = kids.map { $0["child"] as! String }
        let key = { (s: String) in (Int(s.split(separator: "-").last ?? "") ?? 0, s) }
        #expect(names.map(key).elementsEqual(names.map(key).sorted { $0 < $1 }, by: { $0 == $1 }), "in name (pseudonym) order")
        let table = try run(["trawl", "missing", "--from", "2023-01-01", "--until", "2025-06-01"])
        for line in table.stdout.split(separator: "\n") where line.hasPrefix("child reported missing") {
            #expect(line.dropFirst("child reported missing".count).trimmingCharacters(in: .whitespaces).hasPrefix("Child C-"), "no rank number: \(line)")
        }
    }

    // Item 5 (analyst's merges).
    @Test("resolve merge refuses to join an adult and a child without a recorded override")
    func mergeAdultAndChild() throws {
        let refused = try run(["resolve", "merge", "person:niche/PN-1002", "person:lccs/C-2201", "--reason", "same phone"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("is a child on 2025-06-01") && refused.stderr.contains("--override"), "\(refused.stderr)")
        let people = listRows(try json(["disrupt", "people", "--limit", "0"]).value)
        #expect(people.contains { $0["name"] as? String == "Kasim Wrenhurst" }, "nothing was merged")
        let forced = try run(["resolve", "merge", "person:niche/PN-1002", "person:lccs/C-2201", "--reason", "same phone",
                              "--override", "DC 123 confirmed one person; the child record was keyed in error"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let history = try run(["resolve", "history", "--format", "json"])
        #expect(history.stdout.contains("safeguarding check overridden") && history.stdout.contains("DC 123 confirmed"))
    }

    // Item 9.
    @Test("missing brief gives the child's age on the run day, or --as-of")
    func briefAge() throws {
        func age(_ today: String, _ more: [String] = []) throws -> String {
            let r = try runSightline(["missing", "brief", "person:lccs/C-2201", "--format", "json", "--db", db] + more, environment: ["SIGHTLINE_TODAY": today])
            #expect(r.status == 0, "\(r.stderr)")
            return ((try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])["child"] as! [String: Any])["age"] as! String
        }
        // Born 2010-04-07.
        #expect(try age("2025-06-01") == "15")
        #expect(try age("2026-06-01") == "16")
        #expect(try age("2026-06-01", ["--as-of", "2024-01-01"]) == "13")
    }
}

/// Issue 11, item 23: smaller defects seen in the lists.
@Suite("list details", .serialized)
struct ListDetailTests {
    let store: SampleStore
    var db: String { store.db }

    init() throws { store = try SampleStore("list-details") }

    @Test("CSV carries every item behind a row: the evidence cell is never cut")
    func csvEvidenceWhole() throws {
        for list in ["locations", "vehicles", "phones", "people"] {
            let r = try runSightline(["disrupt", list, "--format", "csv", "--limit", "3", "--db", db], environment: SafeguardingCommandTests.today)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!r.stdout.contains(" more\""), "\(list): an evidence cell was cut")
            #expect(!r.stdout.contains("; and "), "\(list): an evidence cell was cut")
        }
    }
}
