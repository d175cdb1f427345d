import Foundation
import SightlineModel
import SightlineStore
import SightlineTestSupport
import Testing

/// The safeguarding rules on generated networks of 20,000 people (several seeds) with the cases a
/// careless or hostile export brings: a 15- or 16-year-old recorded as a suspect in every group,
/// adults of concern gathering at night at a school or children's home, anonymous weak reports
/// recording adults as children at risk, and C-handled items. Every list, analysis and view is run
/// as a user would, and what it writes is checked:
/// - no child (nor anyone held for review) is ranked, scored or sized;
/// - no place that protects children is proposed for disruption, and where it is a location of risk
///   its tactics are protective only;
/// - every link between an adult and a child reads with the adult as the actor;
/// - nothing C-handled appears under `--handling P`;
/// - nothing Sightline composes matches the protective-language list.
///
/// The first seed runs every format; the others run the lists, analysis and impact in JSON with
/// `--handling P`, which checks both the ranking rules and the handling filter in one run (the tests
/// run the debug build, where a list on 20,000 people takes seconds).
@Suite("safeguarding holds on generated networks")
struct SafeguardingPropertyTests {
    static let today = ["SIGHTLINE_TODAY": "2025-12-31"]

    struct Network {
        let dir: TemporaryDirectory
        let db: String
        /// Entity IDs (`E12`) of the children (recorded at risk, and the young suspects).
        let children: Set<String>
        let youngSuspects: Set<String>
        let heldForReview: Set<String>
        let protectivePlaces: Set<String>
        let labels: [String: String]

        init(seed: Int) throws {
            dir = TemporaryDirectory("safeguarding-property")
            db = dir.file("s.sqlite")
            let out = dir.file("gen")
            for args in [["generate", "--people", "20000", "--seed", String(seed), "--out", out, "--safeguarding-cases"],
                         ["ingest", out + "/network.jsonl", "--db", db]] {
                let r = try runSightline(args, environment: SafeguardingPropertyTests.today)
                guard r.status == 0 else { throw TestSupportError(r.stderr) }
            }
            let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/truth.json"))) as! [String: Any]
            let store = try SightlineStore(path: db)
            var labels: [String: String] = [:]
            func ids(_ identifiers: [String]) throws -> Set<String> {
                Set(try identifiers.map { id in
                    let e = try store.findQuickly(id)
                    return e.description
                })
            }
            let planted = truth["safeguarding"] as! [String: [String]]
            youngSuspects = try ids(planted["youngSuspects"]!)
            children = try ids((truth["childrenAtRisk"] as! [[String: Any]]).map { $0["id"] as! String }).union(youngSuspects)
            heldForReview = try ids(planted["conflictingChildRoles"]!)
            protectivePlaces = try ids(planted["protectivePlaces"]!)
            for e in try store.networkContents().entities { labels[e.id.description] = e.label }
            self.labels = labels
        }

        func run(_ args: [String]) throws -> CommandResult {
            try runSightline(args + ["--db", db], environment: SafeguardingPropertyTests.today)
        }

        func json(_ args: [String]) throws -> (Any, String) {
            let r = try run(args + ["--format", "json"])
            #expect(r.status == 0 || r.status == 1, "\(args): \(r.stderr)")
            return (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8), options: [.fragmentsAllowed]), r.stdout + r.stderr)
        }
    }

    static let lists: [[String]] = [
        ["disrupt", "locations", "--limit", "0"], ["disrupt", "vehicles", "--limit", "0"], ["disrupt", "phones", "--limit", "0"],
        ["disrupt", "people", "--limit", "0"], ["notices", "candidates", "--limit", "0"],
        ["trawl", "missing", "--from", "2023-01-01", "--until", "2025-12-31", "--limit", "0"],
    ]

    @Test("no child ranked, no protective place disrupted, adults always the actors, no C item under --handling P, no blaming language",
          arguments: [1, 2, 3])
    func rulesHold(seed: Int) throws {
        let n = try Network(seed: seed)
        let full = seed == 1
        // Every seed's lists run filtered to P-handled items but the first's, which runs them whole.
        let filter = full ? [] : ["--handling", "P"]
        #expect(n.youngSuspects.count >= 100 && n.protectivePlaces.count >= 100 && n.heldForReview.count >= 30)
        let neverRanked = n.children.union(n.heldForReview)
        var written = ""

        // Lists: no child or person held for review is a row; protective places get protection only.
        for list in Self.lists {
            let (doc, text) = try n.json(list + filter)
            written += text
            if !full { Self.expectNoCItems(text, list) }
            var rows: [[String: Any]] = []
            if let array = doc as? [[String: Any]] { rows = array }
            if let object = doc as? [String: Any] {
                for key in ["ranked", "needsCorroboration", "candidates", "ageNotCertain", "recurringAdults", "recurringPlaces"] {
                    rows += object[key] as? [[String: Any]] ?? []
                }
            }
            for row in rows {
                for key in ["entity", "adultID"] {
                    if let id = row[key] as? String { #expect(!neverRanked.contains(id), "\(list): \(id) \(n.labels[id] ?? "") is a row") }
                }
                if let id = row["entity"] as? String, n.protectivePlaces.contains(id) {
                    let tactics = row["tactics"] as? [[String: Any]] ?? []
                    #expect(tactics.allSatisfy { $0["kind"] as? String == "protection" }, "\(list): a protective place given disruption")
                }
            }
            #expect(!rows.isEmpty, "\(list) found nothing")
        }
        let (locations, _) = try n.json(["disrupt", "locations", "--category", "school,childrens_home", "--limit", "0"] + filter)
        #expect(listRows(locations).contains { n.protectivePlaces.contains($0["entity"] as! String) },
                "adults gathering at a school or children's home make it a location of risk")

        // Analysis and impact.
        let (analysis, a) = try n.json(["analyse", "--top", "300"] + filter)
        written += a
        if !full { Self.expectNoCItems(a, ["analyse"]) }
        let report = analysis as! [String: Any]
        for actor in report["centralActors"] as! [[String: Any]] {
            #expect(!neverRanked.contains(actor["entity"] as! String), "analyse ranks \(actor["entity"]!)")
        }
        for cluster in report["clusters"] as! [[String: Any]] {
            for adult in cluster["adultsOfConcern"] as! [String] {
                #expect(!neverRanked.contains(String(adult.prefix { $0 != " " })), "analyse lists \(adult) as an adult of concern")
            }
        }
        let (impact, i) = try n.json(["impact", "--greedy", "10", "--kinds", "person,location,vehicle,phone"] + filter)
        written += i
        if !full { Self.expectNoCItems(i, ["impact"]) }
        for row in impact as! [[String: Any]] {
            let id = row["entity"] as! String
            #expect(!neverRanked.contains(id) && !n.protectivePlaces.contains(id), "impact proposes \(id) \(n.labels[id] ?? "")")
        }

        // Pictures: children all one size, never in offender colours.
        let young = n.youngSuspects.sorted()[0]
        let ego = n.dir.file("ego.dot")
        let drawn = try n.run(["render", "ego", young, "--size-by", "pagerank", "-o", ego])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let dot = try String(contentsOfFile: ego, encoding: .utf8)
        written += dot
        var childWidths = Set<String>()
        for child in n.children {
            // cgraph writes a node as "\tE12\t[attribute=value, ...];".
            guard let start = dot.range(of: "\n\t\(child)\t[") else { continue }
            let attributes = dot[start.upperBound...].prefix { $0 != ";" }
            if let w = attributes.range(of: #"width=[0-9.]+"#, options: .regularExpression) { childWidths.insert(String(attributes[w])) }
            #expect(attributes.contains("#56B4E9"), "\(child) not drawn as a child")
        }
        #expect(childWidths.count == 1, "children drawn in \(childWidths.count) sizes: \(childWidths)")

        // Who acts: every link between an adult and a child reads with the adult first.
        for child in [young] + n.children.subtracting(n.youngSuspects).sorted().prefix(full ? 2 : 1) {
            let (shown, s) = try n.json(["show", child])
            written += s
            for link in (shown as! [String: Any])["links"] as! [[String: Any]] {
                let other = link["other"] as! String
                guard link["otherKind"] as? String == "person", !n.children.contains(other) else { continue }
                let reads = link["reads"] as! String
                #expect(reads.hasPrefix(n.labels[other] ?? "?"), "\(child): '\(reads)' does not start with the adult")
            }
            let timeline = n.dir.file("t.dot")
            let t = try n.run(["render", "timeline", child, "-o", timeline] + filter)
            #expect(t.status == 0 || t.status == 1, "\(t.stderr)")
            if t.status == 0 {
                let text = try String(contentsOfFile: timeline, encoding: .utf8)
                written += text
                if !full { Self.expectNoCItems(text, ["render timeline"]) }
            }
        }

        // --handling P in the text formats: no C-handled item anywhere.
        if full {
            for list in Self.lists + [["analyse"], ["show", young]] {
                for format in ["csv", "table"] {
                    let r = try n.run(list + ["--handling", "P", "--format", format])
                    #expect(r.status == 0 || r.status == 1, "\(list) \(format): \(r.stderr)")
                    Self.expectNoCItems(r.stdout, list + [format])
                    written += r.stdout
                }
            }
        }

        // The review lists every young suspect and every conflicting role.
        let (review, rv) = try n.json(["review"])
        written += rv
        let reviewed = Set((review as! [[String: Any]]).map { $0["entity"] as! String })
        #expect(n.youngSuspects.isSubset(of: reviewed) && n.heldForReview.isSubset(of: reviewed))

        #expect(ProtectiveLanguage.matches(in: written).isEmpty, "\(ProtectiveLanguage.matches(in: written).prefix(3))")
        #expect(written.count > 1_000_000, "the scan covered \(written.count) characters")
    }

    /// No grade with handling code C, and no handling condition, in what a command wrote.
    static func expectNoCItems(_ text: String, _ what: [String]) {
        #expect(!citesCHandledItem(text), "\(what) shows a C-handled item")
        #expect(!text.contains("Share only within the MACE panel"), "\(what) shows a handling condition")
    }
}
