import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SightlineModel
import SightlineTestSupport
import Testing

/// `sightline pack`: the MACE panel's folder. A hand-built network (Fixtures/pack.jsonl) with a
/// hotel notice whose night-time occasions come after it, an adult who kept meeting the child after
/// a warning notice, a weak anonymous report, and a visit too recent to judge; and the samples,
/// printed to PDF by headless Chromium and read back with pdftotext.
@Suite("pack", .serialized)
struct PackCommandTests {
    let dir = TemporaryDirectory("pack")
    var db: String { dir.file("p.sqlite") }
    static let fixture = PackagePaths.root + "/Tests/SightlineCommandsTests/Fixtures/pack.jsonl"
    let env = ["SIGHTLINE_TODAY": "2024-09-01"]

    init() throws {
        let r = try runSightline(["ingest", Self.fixture, "--db", dir.file("p.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    /// Runs `pack` into `folder` (under the test's directory); returns the result.
    func pack(_ folder: String, _ extra: [String] = [], panel: String = "2024-09-01", database: String? = nil) throws -> CommandResult {
        try runSightline(["pack", "--db", database ?? db, "--panel-date", panel, "--purpose", "MACE panel (test)", "-o", dir.file(folder)] + extra,
                         environment: env)
    }

    func table(_ folder: String, _ name: String) throws -> [[String: String]] {
        let rows = ItemCommandTests.csvRows(try String(contentsOfFile: dir.file("\(folder)/tables/\(name)"), encoding: .utf8))
        guard let head = rows.first else { return [] }
        return rows.dropFirst().map { r in Dictionary(zip(head, r).map { ($0, $1) }, uniquingKeysWith: { a, _ in a }) }
    }

    @Test("did disruption work, worked by hand: the hotel's night-time occasions came after its notice; the adult kept meeting the child after the warning; a weak report is not counted; a recent visit is too recent")
    func disruptionWorked() throws {
        let r = try pack("out")
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try table("out", "disruption-outcomes.csv")
        #expect(rows.count == 3)
        // Issued 2024-06-01, panel 2024-09-01: 92 days either side (2024-03-01..05-31, 2024-06-02..09-01).
        let hotel = try #require(rows.first { $0["action"]?.hasPrefix("hotel notice") == true })
        #expect(hotel["window (days)"] == "92")
        // Before: Ada in the lobby one afternoon (PK-P-02). After: Ada late at night with Victor
        // (PK-P-06) and Bea with Victor (PK-V-07), both night-time occasions; the anonymous 3E call
        // (PK-H-09) rests on a weak item only and is not counted.
        #expect(hotel["before"] == "1 (2024-03-01 to 2024-05-31; 1 child, 0 adults of concern, 0 night-time occasions)")
        #expect(hotel["after"] == "2 (2024-06-02 to 2024-09-01; 2 children, 1 adult of concern, 2 night-time occasions)")
        #expect(hotel["verdict"] == "more")
        #expect(hotel["weak, not counted (before/after)"] == "0/1")
        #expect(hotel["items before"] == "police/PK-P-02 2024-04-11 2BP")
        #expect(hotel["items after"] == "police/PK-P-06 2024-07-06 2BP; voluntary/PK-V-07 2024-08-03 2BP")
        // The warning notice: one meeting before (PK-P-03), two after (PK-P-06, PK-P-08).
        let cawn = try #require(rows.first { $0["action"] == "Child Abduction Warning Notice" })
        #expect(cawn["subject"] == "Victor Testadult (E3)")
        #expect(cawn["before"]?.hasPrefix("1 (2024-03-01 to 2024-05-31; 1 child") == true)
        #expect(cawn["after"]?.hasPrefix("2 (2024-06-02 to 2024-09-01; 1 child") == true)
        #expect(cawn["verdict"] == "more")
        #expect(cawn["items after"] == "police/PK-P-06 2024-07-06 2BP; police/PK-P-08 2024-08-21 2BP")
        // The visit of 2024-08-20 is 12 days before the panel.
        let visit = try #require(rows.first { $0["action"] == "preventative visit" })
        #expect(visit["verdict"] == "too recent to judge" && visit["before"] == "" && visit["after"] == "")
        // A later panel: the hotel's windows grow, the verdict holds; the visit can now be judged.
        let later = try pack("later", panel: "2024-10-15")
        #expect(later.status == 0, "\(later.stderr)")
        let again = try table("later", "disruption-outcomes.csv")
        #expect(again.first { $0["action"] == "preventative visit" }?["verdict"] == "fewer")
    }

    @Test("the agenda: by default the children with a new episode or a new adult since the last panel, in name order; --children instead")
    func agenda() throws {
        // Since 2024-08-04 (28 days, no earlier pack): Bea's missing episode of 2024-08-24, found with
        // Victor at Flat 9 (both new to her). Ada's only new item links her to an adult already known.
        #expect(try pack("a").status == 0)
        let agenda = try table("a", "agenda.csv")
        #expect(agenda.map { $0["child"] ?? "" } == ["Child C-2"])
        #expect(agenda.first?["why on the agenda"] == "a new missing episode; a new adult")
        // The items behind the reasons: the episode, which also records whom she was found with.
        #expect(agenda.first?["items"] == "police/PK-P-11 2024-08-25 1AP")
        let changes = try table("a", "child-01-changes.csv")
        #expect(changes.map { $0["change"] ?? "" } == ["new missing episode", "new adult", "new place"])
        // Flat 9, where Bea was found with Victor on 2024-08-24, was on no list on 2024-08-04.
        let lists = try table("a", "list-changes.csv")
        #expect(lists.map { "\($0["list"] ?? "") \($0["change"] ?? "") \($0["row"] ?? "")" } == ["locations of risk new Flat 9, Testbank Row (E6)"])
        // Asked for, in name order whatever the order asked (pseudonyms: Child C-1 before Child C-2).
        let r = try pack("b", ["--children", "Bea Packchild, Ada Packchild"])
        #expect(r.status == 0, "\(r.stderr)")
        let named = try table("b", "agenda.csv")
        #expect(named.map { $0["child"] ?? "" } == ["Ada Packchild", "Bea Packchild"])
        #expect(named.allSatisfy { $0["why on the agenda"]?.hasPrefix("named for this panel") == true })
        // The children's chronologies are the chronology command's lines.
        let chronology = try table("b", "child-01-chronology.csv")
        let direct = try runSightline(["chronology", "Ada Packchild", "--db", db, "--format", "csv", "--until", "2024-09-01"], environment: env)
        #expect(chronology.count == ItemCommandTests.csvRows(direct.stdout).count - 1 && chronology.count > 5)
        // An adult is never on the agenda.
        let adult = try pack("c", ["--children", "Victor Testadult"])
        #expect(adult.status == 4 && adult.stderr.contains("not a child"), "\(adult.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("c/index.html")))
    }

    @Test("'since' defaults to the previous pack's panel date recorded in the store; a pack made again for the same panel does not move it")
    func sinceThePreviousPanel() throws {
        #expect(try pack("first", panel: "2024-08-01").status == 0)
        #expect(try pack("second").status == 0)
        #expect(try pack("again").status == 0)
        for folder in ["second", "again"] {
            let m = try manifest(folder)
            #expect(m["since"] as? String == "2024-08-01", "\(folder)")
            #expect((m["sinceReason"] as? String)?.hasPrefix("the previous pack's panel date") == true)
        }
        let page = try String(contentsOfFile: dir.file("second/index.html"), encoding: .utf8)
        #expect(page.contains("2024-08-01: the previous pack&#39;s panel date"))
        // --since wins.
        #expect(try pack("asked", ["--since", "2024-06-15"]).status == 0)
        #expect(try manifest("asked")["since"] as? String == "2024-06-15")
    }

    @Test("after a pack, an item recorded before the last panel but first ingested since is new in the next pack; without an earlier pack it is not")
    func lateIngestIsNew() throws {
        #expect(try pack("p1", panel: "2024-08-01").status == 0)
        // Recorded 2024-07-15 (before the last panel's date), ingested now: Ada with an adult never linked to her before.
        let late = dir.write("late.jsonl", """
            {"type":"item","agency":"education","ref":"PK-E-20","recorded":"2024-07-15","observed":"2024-07-14T16:00","grade":"2BP","summary":"School saw Ada Packchild collected by Xavier Lateentry."}
            {"type":"person","id":"person:niche/PK-A9","name":"Xavier Lateentry","dob":"1979-09-09","roles":["suspect"],"item":"education/PK-E-20"}
            {"type":"link","link":"seen_with","from":"person:niche/PK-A9","to":"person:lccs/PK-C1","at":"2024-07-14T16:00","item":"education/PK-E-20"}

            """)
        #expect(try runSightline(["ingest", late, "--db", db]).status == 0)
        #expect(try pack("p2").status == 0)
        let agenda = try table("p2", "agenda.csv")
        let ada = try #require(agenda.firstIndex { $0["child"] == "Child C-1" }, "\(agenda)")
        #expect(agenda[ada]["why on the agenda"] == "a new adult")
        let changes = try table("p2", String(format: "child-%02d-changes.csv", ada + 1))
        #expect(changes.contains { $0["change"] == "new adult" && $0["what"]?.hasPrefix("Xavier Lateentry") == true })
        // Asked with --since (no earlier pack to compare with): only what was recorded after it is new.
        #expect(try pack("p3", ["--since", "2024-08-01"]).status == 0)
        #expect(try table("p3", "agenda.csv").map { $0["child"] ?? "" } == ["Child C-2"])
    }

    @Test("a hostile name (markup, quotes, a backslash) cannot close the page's style or break it as XML, in the pack or the chronology's page")
    func hostileNames() throws {
        let name = #"Eve </style><script>alert(1)</script> "Q\" & Co"#
        let file = dir.write("hostile.jsonl", """
            {"type":"item","agency":"police","ref":"PK-P-30","recorded":"2024-08-20","observed":"2024-08-19T21:00","grade":"2BP","summary":"Sighting."}
            {"type":"person","id":"person:lccs/PK-C9","name":\(String(decoding: try JSONEncoder().encode(name), as: UTF8.self)),"dob":"2010-01-01","roles":["child_at_risk"],"item":"police/PK-P-30"}
            {"type":"link","link":"seen_with","from":"person:niche/PK-A1","to":"person:lccs/PK-C9","at":"2024-08-19T21:00","item":"police/PK-P-30"}

            """)
        #expect(try runSightline(["ingest", file, "--db", db]).status == 0)
        #expect(try pack("h", ["--children", "person:lccs/PK-C9"]).status == 0)
        let page = try String(contentsOfFile: dir.file("h/index.html"), encoding: .utf8)
        let chronology = try runSightline(["chronology", "person:lccs/PK-C9", "--db", db, "--format", "html"], environment: env)
        #expect(chronology.status == 0, "\(chronology.stderr)")
        for text in [page, chronology.stdout] {
            #expect(text.contains("Eve") && !text.contains("<script") && !text.contains("</style><"))
            let parser = XMLParser(data: Data(text.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
            #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        }
    }

    func manifest(_ folder: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("\(folder)/manifest.json")))) as? [String: Any] ?? [:]
    }

    /// Every file under a folder, relative to it.
    static func files(under root: String) -> [String] {
        var out: [String] = []
        let e = FileManager.default.enumerator(atPath: root)
        while let f = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + f, isDirectory: &isDir), !isDir.boolValue { out.append(f) }
        }
        return out.sorted()
    }

    /// Every file of the folder but the manifest is listed in it, with its size and SHA-256.
    static func expectManifestMatches(_ folder: String) throws {
        let m = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))) as? [String: Any] ?? [:]
        let listed = (m["files"] as? [[String: Any]] ?? []).map { ($0["path"] as? String ?? "", $0["sha256"] as? String ?? "", $0["bytes"] as? Int ?? -1) }
        #expect(Set(listed.map(\.0)) == Set(files(under: folder).filter { $0 != "manifest.json" }))
        #expect(listed.count > 3)
        for (path, sha, bytes) in listed {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
            #expect(data.count == bytes && sha256(data) == sha, "\(path)")
        }
    }

    @Test("the manifest lists every file with its SHA-256 and the log's checkpoint; the cover names the log entry that holds the page's hash")
    func manifestMatches() throws {
        #expect(try pack("m", ["--recipient", "panel chair"]).status == 0)
        try Self.expectManifestMatches(dir.file("m"))
        let m = try manifest("m")
        #expect(m["audience"] as? String == "police_analyst" && m["purpose"] as? String == "MACE panel (test)" && m["panelDate"] as? String == "2024-09-01")
        let seq = (m["auditCheckpoint"] as? [String: Any])?["seq"] as? Int
        #expect(seq == 1)
        let verify = try runSightline(["audit", "verify", "--db", db, "--checkpoint", dir.file("m/manifest.json")])
        #expect(verify.status == 0, "\(verify.stderr)")
        // The cover names its own entry; the entry holds the hash of the page as written (sealed).
        let page = try String(contentsOfFile: dir.file("m/index.html"), encoding: .utf8)
        #expect(page.contains("entry 1 of ") && !page.contains("[[sightline-"))
        let shown = try runSightline(["audit", "show", "--db", db, "--format", "json"])
        let entry = try #require((try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])?.first)
        let logged = ((entry["disclosed"] as? [String: Any])?["files"] as? [[String: String]] ?? []).first { $0["path"]?.hasSuffix("/m/index.html") == true }
        #expect(logged?["sha256"] == Self.sha256(try Data(contentsOf: URL(fileURLWithPath: dir.file("m/index.html")))))
        #expect(entry["recipients"] as? [String] == ["panel chair"])
    }

    static func sha256(_ d: Data) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        p.standardInput = input; p.standardOutput = output
        try? p.run()
        input.fileHandleForWriting.write(d); try? input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(String(decoding: out, as: UTF8.self).prefix(64))
    }

    @Test("the folder: a user's own files are never written over; an earlier pack is replaced whole; a failed run leaves nothing logged")
    func folderSafety() throws {
        // A folder holding someone's file.
        let mine = dir.write("mine/notes.txt", "my notes")
        let r = try pack("mine")
        #expect(r.status == 5 && r.stderr.contains("not a Sightline pack"), "\(r.stderr)")
        #expect(try String(contentsOfFile: mine, encoding: .utf8) == "my notes")
        #expect(Self.files(under: dir.file("mine")) == ["notes.txt"])
        // A file where the folder should be.
        _ = dir.write("afile", "x")
        #expect(try pack("afile").status == 5)
        // Neither was logged.
        let shown = try runSightline(["audit", "show", "--db", db, "--format", "json"])
        #expect((try? JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [Any])?.isEmpty ?? true)
        // A pack over an earlier one: the earlier pack's second child's tables go.
        #expect(try pack("twice", ["--children", "Ada Packchild,Bea Packchild"]).status == 0)
        #expect(Self.files(under: dir.file("twice")).contains("tables/child-02-chronology.csv"))
        #expect(try pack("twice", ["--children", "Ada Packchild"]).status == 0)
        #expect(!Self.files(under: dir.file("twice")).contains { $0.hasPrefix("tables/child-02") })
        // Bad requests: nothing written.
        #expect(try pack("bad1", ["--since", "2024-09-05"]).status == 2)
        #expect(try pack("bad2", panel: "2024-02-30").status == 2)
        #expect(try pack("bad3", ["--children", "Nobody Known"]).status == 4)
        for f in ["bad1", "bad2", "bad3"] { #expect(!FileManager.default.fileExists(atPath: dir.file(f + "/index.html"))) }
        // A purpose is required, as for an export.
        let none = try runSightline(["pack", "--db", db, "--panel-date", "2024-09-01", "-o", dir.file("np")], environment: env)
        #expect(none.status == 2 && none.stderr.contains("--purpose"), "\(none.stderr)")
    }
}

/// The samples' packs: police and partner differ exactly as their audiences say; the partner's
/// prints, with the handling marking on every page, every agenda child's chronology and picture.
@Suite("pack of the samples", .serialized)
struct SamplesPackTests {
    let dir = TemporaryDirectory("samples-pack")
    var db: String { dir.file("s.sqlite") }
    let env = ["SIGHTLINE_TODAY": "2025-07-01"]

    init() throws {
        let r = try runSightline(["ingest", PackagePaths.root + "/Samples", "--db", dir.file("s.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    func pack(_ folder: String, audience: String) throws -> CommandResult {
        try runSightline(["pack", "--db", db, "--panel-date", "2025-07-01", "--audience", audience, "--purpose", "MACE panel (test)",
                          "-o", dir.file(folder)], environment: env)
    }

    func rows(_ folder: String, _ name: String) throws -> [[String]] {
        Array(ItemCommandTests.csvRows(try String(contentsOfFile: dir.file("\(folder)/tables/\(name)"), encoding: .utf8)).dropFirst())
    }

    @Test("police and partner packs from the same data: the partner's has no C-handled item, minted references and the same agenda")
    func policeAndPartner() throws {
        #expect(try pack("police", audience: "police_analyst").status == 0)
        #expect(try pack("partner", audience: "mace_partner").status == 0)
        let policeItems = try rows("police", "items.csv"), partnerItems = try rows("partner", "items.csv")
        #expect(policeItems.contains { $0[4] == "C" })
        #expect(!partnerItems.contains { $0[4] == "C" } && !partnerItems.isEmpty)
        // Opaque references for the partner: none of the police references appear in any file of its pack.
        let partnerText = try PackCommandTests.files(under: dir.file("partner")).map { try String(contentsOfFile: dir.file("partner/" + $0), encoding: .utf8) }.joined()
        let policeRefs = Set(policeItems.map { "\($0[0])/\($0[1])" })
        #expect(policeRefs.filter { partnerText.contains($0) }.isEmpty)
        #expect(try rows("police", "agenda.csv").map { $0[1] } == rows("partner", "agenda.csv").map { $0[1] })
        // A child on the agenda for a rising rate is one whose chronology, to the panel date, says so.
        let agenda = try rows("police", "agenda.csv")
        #expect(agenda.contains { $0[2].contains("rising") })
        for a in agenda {
            let r = try runSightline(["chronology", a[1], "--db", db, "--format", "json", "--until", "2025-07-01"], environment: env)
            let p = (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["patterns"] as? [String: Any]
            #expect(a[2].contains("missing episodes rising") == (p?["trend"] as? String == "rising"), "\(a)")
            #expect(a[2].contains("new adults rising") == (p?["newAdultsTrend"] as? String == "rising"), "\(a)")
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("partner/manifest.json")))) as? [String: Any]
        #expect(((manifest?["handling"] as? [String: Any])?["codes"] as? [String])?.contains("C") == false)
        // Licensing gets no child's section: only the lists its commands allow.
        #expect(try pack("licensing", audience: "licensing").status == 0)
        // Neither partner pack holds anything C-handled in any file: no C grade, no condition; and
        // every file is the one its manifest hashed.
        let conditions = try FilterReachTests.conditions()
        for folder in ["partner", "licensing"] {
            let text = try PackCommandTests.files(under: dir.file(folder)).map { try String(contentsOfFile: dir.file(folder + "/" + $0), encoding: .utf8) }
                .joined(separator: "\n").replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            #expect(!citesCHandledItem(text), "\(folder)")
            for c in conditions { #expect(!text.contains(c), "\(folder): \(c)") }
            try PackCommandTests.expectManifestMatches(dir.file(folder))
        }
        let policeText = try String(contentsOfFile: dir.file("police/tables/items.csv"), encoding: .utf8)
        #expect(conditions.contains { policeText.contains($0) }, "the police pack holds the conditions the partners' do not")
        #expect(try rows("licensing", "agenda.csv").isEmpty)
        #expect(!PackCommandTests.files(under: dir.file("licensing")).contains { $0.contains("child-") || $0.contains("notice-candidates") || $0.contains("trawl") })
    }

    @Test("did disruption work on the samples: each warning notice's associations recounted from the samples' own files, before and after")
    func disruptionOnSamples() throws {
        #expect(try pack("outcomes", audience: "police_analyst").status == 0)
        let table = ItemCommandTests.csvRows(try String(contentsOfFile: dir.file("outcomes/tables/disruption-outcomes.csv"), encoding: .utf8))
        let head = try #require(table.first)
        let outcomes = table.dropFirst().map { Dictionary(zip(head, $0).map { ($0, $1) }, uniquingKeysWith: { a, _ in a }) }
        // The samples' records, read here from their files (JSON Lines, and the missing-person CSV).
        var records: [[String: Any]] = []
        for f in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.samples + "/jsonl") {
            for line in try String(contentsOfFile: PackagePaths.samples + "/jsonl/" + f, encoding: .utf8).split(separator: "\n") {
                records.append(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:])
            }
        }
        var grades: [String: String] = [:]
        for r in records where r["type"] as? String == "item" { grades["\(r["agency"]!)/\(r["ref"]!)"] = r["grade"] as? String }
        var episodes: [(child: String, time: String, with: [String], item: String)] = []
        for r in records where r["type"] as? String == "missing" {
            episodes.append((r["child"] as! String, (r["end"] ?? r["start"]) as! String, r["foundWith"] as? [String] ?? [], r["item"] as! String))
        }
        let csv = ItemCommandTests.csvRows(try String(contentsOfFile: PackagePaths.samples + "/csv/missing_episodes.csv", encoding: .utf8))
        let h = csv[0]
        for row in csv.dropFirst() where row.count == h.count {
            let r = Dictionary(zip(h, row).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
            func iso(_ t: String) -> String { // dd/MM/yyyy HH:mm
                let p = t.split(whereSeparator: { "/ :".contains($0) }).map(String.init)
                return "\(p[2])-\(p[1])-\(p[0])T\(p[3]):\(p[4])"
            }
            grades["police/\(r["Reference"]!)"] = r["Grade"]
            episodes.append(("person:niche/" + r["Child System ID"]!, iso(r["Found"]!.isEmpty ? r["Reported Missing"]! : r["Found"]!),
                             r["Found With"]!.split(separator: ";").map { "person:niche/\($0)" }, "police/\(r["Reference"]!)"))
        }
        /// Every identifier of the entity an identifier resolves to (the store's resolution).
        func identifiers(_ id: String) throws -> Set<String> {
            let r = try runSightline(["show", id, "--db", db, "--format", "json"], environment: env)
            return Set((try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["identifiers"] as? [String] ?? [])
        }
        func firm(_ item: String) -> Bool { let g = Array(grades[item] ?? "5E"); return g[0] <= "2" && "ABC".contains(g[1]) }
        /// A moment: its time to the minute (a date alone, or an approximate month, as its first day).
        func key(_ t: String) -> String { let s = t.hasPrefix("~") ? String(t.dropFirst()) : t; return String(s.prefix(16)) }
        func day(_ t: String) -> Int? { let s = key(t); return Day(s.count >= 10 ? String(s.prefix(10)) : s + "-01")?.dayNumber }
        let panel = Day("2025-07-01")!.dayNumber
        var checked = 0
        for n in records where n["type"] as? String == "notice" && n["notice"] as? String == "cawn" {
            let subject = try identifiers(n["subject"] as! String), child = try identifiers(n["child"] as! String)
            #expect(!subject.isEmpty && !child.isEmpty)
            var moments: [String: [String]] = [:]
            for l in records where l["type"] as? String == "link" {
                guard let at = l["at"] as? String, let a = l["from"] as? String, let b = l["to"] as? String,
                      (subject.contains(a) && child.contains(b)) || (child.contains(a) && subject.contains(b)) else { continue }
                moments[key(at), default: []].append(l["item"] as! String)
            }
            for e in episodes where child.contains(e.child) && !subject.isDisjoint(with: e.with) { moments[key(e.time), default: []].append(e.item) }
            let issued = Day(n["issued"] as! String)!.dayNumber
            let length = min(panel - issued, 182)
            func count(_ from: Int, _ to: Int) -> Int {
                moments.filter { t, items in day(t).map { $0 >= from && $0 <= to } == true && items.contains(where: firm) }.count
            }
            let before = count(issued - length, issued - 1), after = count(issued + 1, issued + length)
            let row = try #require(outcomes.first { $0["action"] == "Child Abduction Warning Notice" && $0["issued"] == n["issued"] as? String })
            #expect(row["before"]?.hasPrefix("\(before) (") == true, "\(n["issued"]!): before \(row["before"] ?? "") but \(before) recounted")
            #expect(row["after"]?.hasPrefix("\(after) (") == true, "\(n["issued"]!): after \(row["after"] ?? "") but \(after) recounted")
            #expect(row["verdict"] == (after < before ? "fewer" : after == before ? "same" : "more"))
            checked += 1
        }
        #expect(checked == 2)
        #expect(outcomes.count == 4 && outcomes.allSatisfy { ["fewer", "same", "more"].contains($0["verdict"] ?? "") })
    }

    @Test("the partner's pack prints: the handling marking on every page, every agenda child's chronology and network picture, page numbers")
    func printsToPDF() throws {
        #expect(try pack("print", audience: "mace_partner").status == 0)
        let agenda = try rows("print", "agenda.csv").map { $0[0] }
        #expect(agenda.count >= 2, "\(agenda)")
        let page = try String(contentsOfFile: dir.file("print/index.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "<svg").count - 1 == agenda.count)
        #expect(!page.contains("src=\"http") && !page.contains("href=\"http") && !page.contains("@import") && !page.contains("<link "))
        let pdf = dir.file("print.pdf")
        let chromium = try runProgram("/usr/bin/timeout", ["180", "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                           "--user-data-dir=" + dir.file("chromium"), "--print-to-pdf=" + pdf, dir.file("print/index.html")])
        #expect(FileManager.default.fileExists(atPath: pdf), "chromium (scripts/install-deps.sh installs it): \(chromium)")
        let text = try runProgram("/usr/bin/pdftotext", ["-layout", pdf, "-"])
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: true).filter { !$0.allSatisfy(\.isWhitespace) }
        #expect(pages.count >= agenda.count + 3)
        for (k, p) in pages.enumerated() {
            #expect(p.contains("Handling 2, P: share only as the handling codes allow"), "page \(k + 1) has no handling marking")
            #expect(p.contains("Page \(k + 1) of \(pages.count)"), "page \(k + 1) is not numbered")
        }
        for child in agenda {
            // The child's section: its heading, its chronology, and the picture's caption (text in the SVG).
            let at = try #require(text.range(of: "\(child) (E"), "\(child)")
            let section = text[at.lowerBound...]
            #expect(section.contains("Chronology") && section.contains("Patterns and triggers"))
            #expect(text.contains("Within 1 link of \(child)"), "no picture of \(child)")
        }
    }
}

/// Runs a program; returns its standard output (and error, when it fails).
func runProgram(_ path: String, _ arguments: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = arguments
    let out = Pipe()
    p.standardOutput = out; p.standardError = FileHandle.nullDevice
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self) + (p.terminationStatus == 0 ? "" : "(exit \(p.terminationStatus))")
}
