import Foundation
import SightlineTestSupport
import Testing

/// Issue 13: `sightline export` on the samples: GraphML and GEXF that validate against the published
/// schemas and load in networkx and igraph with the counts the store reports, i2 tables with the
/// documented columns, and a manifest whose hashes and signed checkpoint hold.
@Suite("export command", .serialized)
struct ExportCommandTests {
    let store: SampleStore
    var db: String { store.db }
    var dir: TemporaryDirectory { store.dir }

    init() throws { store = try SampleStore("export") }

    func run(_ args: [String]) throws -> CommandResult {
        try runSightline(args + ["--db", db], environment: SafeguardingCommandTests.today)
    }

    func manifest(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path + ".manifest.json"))) as! [String: Any]
    }

    static func sha256(_ path: String) throws -> String {
        try runProcess("/usr/bin/sha256sum", [path]).stdout.split(separator: " ").first.map(String.init) ?? ""
    }

    @Test("GraphML and GEXF of the samples validate against the schemas and read back in networkx and igraph with the store's counts")
    func schemasAndPeers() throws {
        let graphml = dir.file("net.graphml"), gexf = dir.file("net.gexf")
        for (format, path) in [("graphml", graphml), ("gexf", gexf)] {
            let r = try run(["export", format, "-o", path, "--purpose", "test: schema check"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        guard let xmllint = onPath("xmllint") else { Issue.record("no xmllint: \(exportToolsHint)"); return }
        for (path, xsd) in [(graphml, "graphml.xsd"), (gexf, "gexf.xsd")] {
            let schema = PackagePaths.root + "/.build/schemas/" + xsd
            guard FileManager.default.fileExists(atPath: schema) else { Issue.record("no \(xsd): \(exportToolsHint)"); return }
            let v = try runProcess(xmllint, ["--noout", "--schema", schema, path])
            #expect(v.status == 0 && v.stderr.contains("validates"), "\(xsd): \(v.stderr.prefix(500))")
        }
        let python = PackagePaths.root + "/.build/venv-export/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else { Issue.record("no export venv: \(exportToolsHint)"); return }
        let check = try runProcess(python, [PackagePaths.root + "/scripts/check-export.py", graphml, gexf])
        #expect(check.status == 0, "\(check.stderr)")
        let counts = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as! [String: Any]
        // The store's own count of entities (every one not merged into another); links as the network keeps them.
        let stats = try JSONSerialization.jsonObject(with: Data(try run(["stats", "--format", "json"]).stdout.utf8)) as! [String: Any]
        let entities = stats["entities"] as! Int
        let m = try manifest(graphml)["counts"] as! [String: Int]
        #expect(m["entities"] == entities)
        for key in ["graphml_nodes", "igraph_nodes", "gexf_nodes"] { #expect(counts[key] as? Int == entities, "\(key): \(counts[key] ?? "none") vs \(entities)") }
        for key in ["graphml_edges", "igraph_edges", "gexf_edges"] { #expect(counts[key] as? Int == m["links"], "\(key): \(counts[key] ?? "none") vs \(m["links"] ?? -1)") }
        #expect((m["links"] ?? 0) <= (stats["links"] as! Int) && (m["links"] ?? 0) > 1000)
        #expect(counts["gexf_mode"] as? String == "dynamic")
        #expect((counts["gexf_node_spells"] as? Int ?? 0) >= entities - (m["entitiesWithoutLinks"] ?? 0))
        #expect((counts["gexf_edge_spells"] as? Int ?? 0) >= m["links"] ?? 0)
    }

    @Test("i2 tables for a partner: the documented columns, every link's ends in the entity table, nothing handled C, opaque references")
    func i2ForPartner() throws {
        let stem = dir.file("chart.csv")
        let r = try run(["export", "i2", "-o", stem, "--audience", "mace_partner", "--purpose", "MACE panel 2026-12-10", "--recipient", "panel chair"])
        #expect(r.status == 0, "\(r.stderr)")
        let entities = readCSV(try String(contentsOfFile: dir.file("chart.entities.csv"), encoding: .utf8))
        let links = readCSV(try String(contentsOfFile: dir.file("chart.links.csv"), encoding: .utf8))
        let doc = try String(contentsOfFile: PackagePaths.root + "/docs/exports.md", encoding: .utf8)
        for column in entities[0] + links[0] { #expect(doc.contains("`\(column)`"), "column \(column) is not in docs/exports.md") }
        let ids = Set(entities.dropFirst().map { $0[0] })
        #expect(ids.count == entities.count - 1 && ids.count > 100)
        let from = links[0].firstIndex(of: "from_identity")!, to = links[0].firstIndex(of: "to_identity")!
        #expect(links.dropFirst().allSatisfy { ids.contains($0[from]) && ids.contains($0[to]) })
        let handling = links[0].firstIndex(of: "handling_code")!
        #expect(!links.dropFirst().contains { $0[handling] == "C" })
        let text = try String(contentsOfFile: dir.file("chart.links.csv"), encoding: .utf8)
        #expect(!text.contains("WX-2"), "an agency reference left in a partner's export")
        let m = try manifest(stem)
        #expect(m["audience"] as? String == "mace_partner" && m["purpose"] as? String == "MACE panel 2026-12-10")
        #expect((m["handling"] as! [String: Any])["conditions"] as? [String] == [])
        for f in m["files"] as! [[String: Any]] {
            #expect(try Self.sha256(dir.file(f["path"] as! String)) == f["sha256"] as? String)
        }
        // The log says what left: every entity and item the export holds, items by their real references.
        let log = try JSONSerialization.jsonObject(with: Data(try run(["audit", "show", "--format", "json"]).stdout.utf8)) as! [[String: Any]]
        let entry = try #require(log.last { ($0["command"] as? String)?.contains("export i2") == true })
        let disclosed = entry["disclosed"] as! [String: Any]
        let counts = m["counts"] as! [String: Int]
        #expect((disclosed["entities"] as! [String]).count == counts["entities"])
        #expect((disclosed["items"] as! [String]).count == counts["items"])
        let opaque = disclosed["opaque"] as! [String: String]
        let references = Set((disclosed["items"] as! [String]).map { String($0.split(separator: "/", maxSplits: 1)[1]) })
        #expect(opaque.count == counts["items"] && references.isDisjoint(with: opaque.keys), "a minted reference logged as an item")
        #expect(Set(opaque.values) == Set(disclosed["items"] as! [String]))
    }

    @Test("the manifest's checkpoint verifies the log, and finds the last entries deleted after it")
    func checkpoint() throws {
        let out = dir.file("cp.json")
        #expect(try run(["export", "json", "-o", out, "--purpose", "test: checkpoint"]).status == 0)
        let cp = out + ".manifest.json"
        #expect(try run(["audit", "verify", "--checkpoint", cp]).status == 0)
        // Conditions travel: the police export holds C-handled items and lists their conditions.
        #expect(((try manifest(out)["handling"] as! [String: Any])["conditions"] as! [String]).count >= 3)
        _ = try run(["stats"])
        let log = dir.file("s.audit.sqlite")
        let seq = ((try manifest(out)["auditCheckpoint"] as! [String: Any])["seq"] as! Int)
        let drop = try runProcess("/usr/bin/sqlite3", [log, "DROP TRIGGER audit_entries_no_delete; DELETE FROM audit_entries WHERE seq >= \(seq);"])
        #expect(drop.status == 0, "\(drop.stderr)")
        let v = try runSightline(["audit", "verify", "--db", db, "--checkpoint", cp], environment: ["SIGHTLINE_AUDIT_KEY": dir.file("other-key")])
        #expect(v.status != 0)
        let w = try run(["audit", "verify", "--checkpoint", cp])
        #expect(w.status == 3 && w.stderr.contains("\(seq)"), "\(w.stderr)")
    }

    @Test("an export without a purpose, of an unknown format, or with two views is refused before anything is written")
    func refusals() throws {
        let out = dir.file("x.graphml")
        let a = try run(["export", "graphml", "-o", out])
        #expect(a.status == 2 && a.stderr.contains("--purpose"))
        #expect(try run(["export", "pdf", "-o", out, "--purpose", "p"]).status == 2)
        #expect(try run(["export", "graphml", "-o", out, "--purpose", "p", "--ego", "E1", "--cluster", "1"]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: out + ".manifest.json"))
    }

    @Test("views: an ego network, a cluster and a path are parts of the whole")
    func views() throws {
        func count(_ extra: [String]) throws -> Int {
            let out = dir.file("v.json")
            let r = try run(["export", "json", "-o", out, "--purpose", "views"] + extra)
            #expect(r.status == 0, "\(extra): \(r.stderr)")
            return (try manifest(out)["counts"] as! [String: Int])["entities"]!
        }
        let whole = try count([])
        let ego = try count(["--ego", "Darren Quillfeather", "--hops", "1"])
        let cluster = try count(["--cluster", "Darren Quillfeather"])
        let path = try count(["--path", "Darren Quillfeather", "person:lccs/C-2216"])
        #expect(ego > 1 && ego < whole && cluster > 1 && cluster < whole && path >= 2 && path < whole, "\(whole) \(ego) \(cluster) \(path)")
    }
}
