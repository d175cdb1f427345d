import Foundation
import SightlineModel
import SightlineTestSupport
import Testing

/// `sightline item AGENCY/REF` on the samples: one intelligence item whole, checked against what the
/// sample files themselves say about it.
@Suite("item", .serialized)
struct ItemCommandTests {
    /// Test items (fictional) whose references hold `/`, ingested after the samples.
    static let slashItems = """
    {"type":"item","agency":"police","ref":"WX/2025/0007","recorded":"2025-03-01","observed":"2025-02-27T20:15","grade":"2BP","summary":"Test item: Dean MARBLETON seen with Darren QUILLFEATHER outside Lantern Fried Chicken."}
    {"type":"link","link":"associates_with","from":"person:niche/PN-1013","to":"person:niche/PN-1001","at":"2025-02-27T20:15","item":"police/WX/2025/0007"}

    """

    let store: SampleStore
    var db: String { store.db }

    init() throws { store = try SampleStore("item", extra: Self.slashItems) }

    // MARK: The samples, read here independently of Sightline

    /// A sample line: its file, 1-based line number and fields (parsed JSON, never changed after).
    struct SampleLine: @unchecked Sendable {
        var file: String
        var line: Int
        var fields: [String: Any]
        func text(_ key: String) -> String? { fields[key] as? String }
    }

    /// Every line of the samples' JSON Lines files.
    static let sampleLines: [SampleLine] = {
        let folder = PackagePaths.samples + "/jsonl"
        var out: [SampleLine] = []
        for file in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() where file.hasSuffix(".jsonl") {
            let text = (try? String(contentsOfFile: folder + "/" + file, encoding: .utf8)) ?? ""
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                if let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] {
                    out.append(SampleLine(file: file, line: i + 1, fields: o))
                }
            }
        }
        return out
    }()

    /// The item line of `agency/ref` in the samples.
    static func sampleItem(_ agency: String, _ ref: String) -> SampleLine? {
        sampleLines.first { $0.text("type") == "item" && $0.text("agency") == agency && $0.text("ref") == ref }
    }

    /// The sample records that cite `agency/ref` (`item`, or one of `items`), of one type.
    static func citing(_ agency: String, _ ref: String, type: String) -> [SampleLine] {
        let cited = "\(agency)/\(ref)"
        return sampleLines.filter { l in
            l.text("type") == type && (l.text("item") == cited || (l.fields["items"] as? [String])?.contains(cited) == true)
        }
    }

    // MARK: Running

    func json(_ ref: String, _ more: String...) throws -> [String: Any] {
        let r = try runSightline(["item", ref, "--format", "json", "--db", db] + more, environment: SafeguardingCommandTests.today)
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    }

    func run(_ args: [String]) throws -> CommandResult {
        try runSightline(args + ["--db", db], environment: SafeguardingCommandTests.today)
    }

    /// The entity an identifier names now, as `show` finds it (merged entities as their survivor).
    func entityID(_ identifier: String) throws -> String {
        let r = try run(["show", identifier, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        return (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])["id"] as! String
    }

    /// CSV rows as cells (RFC 4180, enough for these outputs: quoted cells with commas and "").
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false } } else { cell.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(cell); cell = "" }
            else if c == "\r\n" || c == "\n" { row.append(cell); rows.append(row); row = []; cell = "" }
            else { cell.append(c) }
        }
        return rows
    }

    // MARK: Tests

    @Test("a police item with a link between an adult and a child: every field from the sample, each link read with the adult as the actor")
    func linkBetweenAdultAndChild() throws {
        // police/WX-23-000320: Dean Marbleton (PN-1013) supplies Kayden Rushworth (PN-5004), and the
        // child recorded as seen with him: both links read with the adult first.
        let sample = try #require(Self.sampleItem("police", "WX-23-000320"))
        let links = Self.citing("police", "WX-23-000320", type: "link")
        #expect(links.count == 2)
        let d = try json("police/WX-23-000320")
        let citation = d["citation"] as! [String: Any]
        #expect(citation["agency"] as? String == "police")
        #expect(citation["reference"] as? String == "WX-23-000320")
        #expect(citation["recorded"] as? String == sample.text("recorded"))
        #expect(citation["grade"] as? String == sample.text("grade"))
        #expect(citation["gradeSystem"] as? String == "3x5x2")
        #expect(citation["conditions"] == nil)
        #expect(d["summary"] as? String == sample.text("summary"))
        #expect((d["observed"] as? [String: Any])?["text"] as? String == sample.text("observed"))
        #expect((d["sourceFile"] as? String)?.hasSuffix("/jsonl/" + sample.file) == true)
        #expect(d["sourceLine"] as? Int == sample.line)
        #expect((d["run"] as? [String: Any])?["id"] as? Int == 1)

        let adult = try entityID("person:niche/PN-1013"), child = try entityID("person:niche/PN-5004")
        let shown = d["links"] as! [[String: Any]]
        #expect(Set(shown.map { $0["type"] as! String }) == Set(links.map { $0.text("link")! }))
        for l in shown {
            let from = l["from"] as! [String: Any], to = l["to"] as! [String: Any]
            #expect(Set([from["id"] as! String, to["id"] as! String]) == [adult, child])
            let labels = Dictionary(uniqueKeysWithValues: [from, to].map { ($0["id"] as! String, $0["label"] as! String) })
            let reads = l["reads"] as! String
            #expect(reads.hasPrefix(labels[adult]!), "the adult is not the actor: \(reads)")
            #expect(reads.hasSuffix(labels[child]!), "\(reads)")
            #expect(l["time"] as? String == links.first { $0.text("link") == l["type"] as? String }?.text("at"))
        }
        let supplies = try #require(shown.first { $0["type"] as? String == "supplies" })
        #expect((supplies["from"] as! [String: Any])["id"] as? String == adult)
        #expect(supplies["detail"] as? String == links.first { $0.text("link") == "supplies" }?.text("substance"))

        let table = try run(["item", "police/WX-23-000320"])
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("police/WX-23-000320 \(sample.text("recorded")!) \(sample.text("grade")!)\n"))
        #expect(table.stdout.contains(sample.text("summary")!))
        #expect(table.stdout.contains("\nlinks\n"))
        for l in shown { #expect(table.stdout.contains(l["reads"] as! String)) }
        #expect(ProtectiveLanguage.matches(in: table.stdout).isEmpty, "\(ProtectiveLanguage.matches(in: table.stdout))")

        let csv = try run(["item", "police/WX-23-000320", "--format", "csv"])
        let rows = Self.csvRows(csv.stdout)
        #expect(rows.first == ["kind", "id", "description", "entities", "time", "detail"])
        #expect(rows.count > 1 && Array(rows[1].prefix(3)) == ["item", "police/WX-23-000320", sample.text("summary")!])
        let linkRows = rows.filter { $0.first == "link" }
        #expect(linkRows.count == 2)
        #expect(Set(linkRows.map { $0[2] }) == Set(shown.map { $0["reads"] as! String }))
        #expect(linkRows.allSatisfy { Set($0[3].components(separatedBy: "; ")) == [adult, child] })
    }

    @Test("a C-handled item shows its handling conditions and its grade part by part, in every format")
    func conditions() throws {
        // police/WX-24-000031: 2BC, one phone line used in turn by four adults.
        let sample = try #require(Self.sampleItem("police", "WX-24-000031"))
        let condition = try #require(sample.text("conditions"))
        let d = try json("police/WX-24-000031")
        let citation = d["citation"] as! [String: Any]
        #expect(citation["grade"] as? String == "2BC")
        #expect(citation["conditions"] as? String == condition)
        let grade = d["grade"] as! [String: Any]
        #expect(grade["sourceEvaluation"] as? String == "2")
        #expect(grade["assessment"] as? String == "B")
        #expect(grade["handling"] as? String == "C")
        let observed = d["observed"] as! [String: Any]
        #expect(observed["text"] as? String == sample.text("observed")) // ~2024-06/2024-09
        #expect(observed["approximate"] as? Bool == true)
        #expect(observed["start"] as? String == "2024-06-01T00:00:00")
        #expect(observed["end"] as? String == "2024-09-30T23:59:59")
        #expect((d["links"] as! [Any]).count == Self.citing("police", "WX-24-000031", type: "link").count)

        let table = try run(["item", "police/WX-24-000031"])
        #expect(table.stdout.contains("conditions  \(condition)"))
        #expect(table.stdout.contains("2BC (3x5x2): source evaluation 2, assessment B, handling C"))
        #expect(citesCHandledItem(table.stdout))
        let csv = try run(["item", "police/WX-24-000031", "--format", "csv"])
        let item = try #require(Self.csvRows(csv.stdout).first { $0.first == "item" })
        #expect(item[5].contains("conditions: \(condition)"))
        #expect(citesCHandledItem(csv.stdout))
    }

    @Test("an item recording a missing episode shows the child, where from, where found and with whom")
    func missingEpisode() throws {
        // police/MP-23-0001: Amy-Lou Fennelly, found at The Anchorage Hotel with Darren Quillfeather.
        let episode = try #require(Self.citing("police", "MP-23-0001", type: "missing").first)
        let d = try json("police/MP-23-0001")
        let episodes = d["missingEpisodes"] as! [[String: Any]]
        #expect(episodes.count == 1)
        let e = episodes[0]
        #expect((e["child"] as! [String: Any])["id"] as? String == (try entityID(episode.text("child")!)))
        #expect((e["missingFrom"] as! [String: Any])["id"] as? String == (try entityID(episode.text("missingFrom")!)))
        #expect((e["foundAt"] as! [String: Any])["id"] as? String == (try entityID(episode.text("foundAt")!)))
        let with = try (episode.fields["foundWith"] as! [String]).map(entityID)
        #expect((e["foundWith"] as! [[String: Any]]).map { $0["id"] as! String } == with)
        #expect(e["start"] as? String == episode.text("start")! + ":00")
        #expect(e["end"] as? String == episode.text("end")! + ":00")

        let named = try run(["item", "police/MP-23-0001", "--name-children"])
        #expect(named.stdout.contains("Darren Quillfeather was found during a missing episode with Amy-Lou Fennelly"))
        let table = try run(["item", "police/MP-23-0001"])
        #expect(table.stdout.contains("\nmissing episodes\n"))
        // A child the request does not name is pseudonymised (the summary is the agency's own words, shown whole to police analysts).
        #expect(!table.stdout.split(separator: "\n").filter { !$0.hasPrefix("summary") }.contains { $0.contains("Amy-Lou") })
        #expect(table.stdout.contains("Darren Quillfeather was found during a missing episode with Child C-"))
        let csv = Self.csvRows(try run(["item", "police/MP-23-0001", "--format", "csv"]).stdout)
        let row = try #require(csv.first { $0.first == "missing_episode" })
        #expect(row[1] == (e["child"] as! [String: Any])["id"] as? String)
        #expect(row[4] == "\(e["start"]!)/\(e["end"]!)")
    }

    @Test("care periods, notices and non-consents are shown from the items that record them")
    func careNoticesNonConsent() throws {
        let periods = Self.citing("social_care", "LCS-24-00024", type: "looked_after")
        let period = try #require(periods.first)
        let care = try json("social_care/LCS-24-00024")["lookedAfter"] as! [[String: Any]]
        #expect(care.count == periods.count)
        #expect((care[0]["child"] as! [String: Any])["id"] as? String == (try entityID(period.text("child")!)))
        #expect(care[0]["from"] as? String == period.text("from"))
        #expect(care[0]["to"] as? String == period.text("to"))
        #expect(care[0]["authority"] as? String == period.text("authority"))

        let notice = try #require(Self.citing("police", "WX-24-000428", type: "notice").first)
        let notices = try json("police/WX-24-000428")["notices"] as! [[String: Any]]
        #expect(notices.count == 1)
        #expect(notices[0]["type"] as? String == notice.text("notice"))
        #expect((notices[0]["subject"] as! [String: Any])["id"] as? String == (try entityID(notice.text("subject")!)))
        #expect((notices[0]["child"] as! [String: Any])["id"] as? String == (try entityID(notice.text("child")!)))
        #expect(notices[0]["issued"] as? String == notice.text("issued"))
        #expect(notices[0]["expires"] as? String == notice.text("expires"))
        #expect(notices[0]["officer"] as? String == notice.text("officer"))

        let refusal = try #require(Self.citing("social_care", "LCS-24-00037", type: "non_consent").first)
        let nonConsents = try json("social_care/LCS-24-00037")["nonConsents"] as! [[String: Any]]
        #expect(nonConsents.count == 1)
        #expect((nonConsents[0]["child"] as! [String: Any])["id"] as? String == (try entityID(refusal.text("child")!)))
        #expect((nonConsents[0]["adult"] as! [String: Any])["id"] as? String == (try entityID(refusal.text("adult")!)))
        #expect(nonConsents[0]["by"] as? String == refusal.text("by"))

        let csv = Self.csvRows(try run(["item", "social_care/LCS-24-00037", "--format", "csv"]).stdout)
        #expect(csv.map { $0[0] } == ["kind", "item", "non_consent"])
        let table = try run(["item", "police/WX-24-000428"])
        #expect(table.stdout.contains("\nnotices\n"))
        #expect(ProtectiveLanguage.matches(in: table.stdout).isEmpty)
    }

    @Test("an entity merged since the item named it is shown as its survivor, saying what it was filed under")
    func mergedEntityAsSurvivor() throws {
        // police/MP-23-0039 names Demi Sorrelwood as person:niche/PN-5012, an entity the samples'
        // identifiers later merge into the one first created for her (Samples/README.md).
        let record = try #require(Self.citing("police", "MP-23-0039", type: "person").first)
        let survivor = try entityID(record.text("id")!)
        let history = try run(["resolve", "history", "--format", "json"])
        let merges = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as! [[String: Any]]
        let d = try json("police/MP-23-0039", "--name-children")
        let records = d["records"] as! [[String: Any]]
        let shown = try #require(records.first { $0["identifier"] as? String == record.text("id") })
        #expect((shown["entity"] as! [String: Any])["id"] as? String == survivor)
        let mergedFrom = try #require(shown["mergedFrom"] as? String)
        #expect(mergedFrom != survivor)
        #expect(merges.contains { $0["merged"] as? String == mergedFrom && $0["survivor"] as? String == survivor })
        // Everything else the item says about her is shown under the survivor too.
        let episode = (d["missingEpisodes"] as! [[String: Any]])[0]
        #expect((episode["child"] as! [String: Any])["id"] as? String == survivor)
        let roles = d["roles"] as! [[String: Any]]
        #expect(roles.contains { ($0["entity"] as! [String: Any])["id"] as? String == survivor && $0["mergedFrom"] as? String == mergedFrom })
        let everyID = (records.map { $0["entity"] as! [String: Any] } + (d["links"] as! [[String: Any]]).flatMap { [$0["from"], $0["to"]] as! [[String: Any]] })
            .map { $0["id"] as! String }
        #expect(!everyID.contains(mergedFrom))

        let table = try run(["item", "police/MP-23-0039", "--name-children"])
        #expect(table.stdout.contains("\(survivor) \((shown["entity"] as! [String: Any])["label"]!) (filed under \(mergedFrom), since merged)"))
    }

    @Test("an unknown reference exits 4, naming it and up to 5 references of the agency that begin as it does")
    func unknownReference() throws {
        let r = try run(["item", "police/WX-23-00032"])
        #expect(r.status == 4)
        #expect(r.stderr.contains("no item police/WX-23-00032"))
        let listed = try #require(r.stderr.components(separatedBy: "): ").last).trimmingCharacters(in: .whitespacesAndNewlines)
        // Worked out from the sample files: the police references sharing the longest beginning
        // with WX-23-00032 (those that begin with it come first), then in reference order.
        let typed = Array("WX-23-00032")
        let expected = Self.sampleLines.filter { $0.text("type") == "item" && $0.text("agency") == "police" }.map { $0.text("ref")! }
            .map { ref in (shared: zip(Array(ref), typed).prefix { $0 == $1 }.count, ref: ref) }
            .sorted { ($0.shared, $1.ref) > ($1.shared, $0.ref) }.prefix(5).map { "police/\($0.ref)" }
        #expect(listed.components(separatedBy: ", ") == expected)
        #expect(expected.first?.hasPrefix("police/WX-23-00032") == true)
        let none = try run(["item", "health/ZZ-1"])
        #expect(none.status == 4)
        #expect(none.stderr.contains("no item health/ZZ-1") && !none.stderr.contains("close matches"))
        #expect(none.stdout.isEmpty)
    }

    @Test("an unknown agency, or no agency, is a usage error listing the agencies")
    func unknownAgency() throws {
        for arg in ["polise/WX-23-000320", "WX-23-000320", "police/"] {
            let r = try run(["item", arg])
            #expect(r.status == 2, "\(arg): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            if arg != "police/" { for a in Agency.allCases { #expect(r.stderr.contains(a.rawValue), "\(arg): \(r.stderr)") } }
        }
        #expect(try run(["item", "polise/WX-23-000320"]).stderr.contains("unknown agency 'polise'"))
    }

    @Test("a reference that holds '/' is split at the first '/' only")
    func referenceWithSlashes() throws {
        let d = try json("police/WX/2025/0007")
        #expect((d["citation"] as! [String: Any])["reference"] as? String == "WX/2025/0007")
        let links = d["links"] as! [[String: Any]]
        #expect(links.count == 1)
        #expect(links.first?["type"] as? String == "associates_with")
        let table = try run(["item", "police/WX/2025/0007"])
        #expect(table.stdout.hasPrefix("police/WX/2025/0007 2025-03-01 2BP\n"))
        // A near miss is answered with it.
        let miss = try run(["item", "police/WX/2025/0008"])
        #expect(miss.status == 4)
        #expect(miss.stderr.contains("police/WX/2025/0007"))
    }

    @Test("-o writes the JSON to the file and nothing to standard output")
    func outputFile() throws {
        let file = store.dir.file("item.json")
        let r = try run(["item", "police/WX-23-000320", "--format", "json", "-o", file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [String: Any]
        #expect((written["citation"] as! [String: Any])["reference"] as? String == "WX-23-000320")
    }
}
