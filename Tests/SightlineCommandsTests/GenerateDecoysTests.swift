import Foundation
import SightlineTestSupport
import Testing

/// `sightline generate --decoys RATE`: single-source decoys, listed in truth.json under `decoys`,
/// that are only ever recorded by weak items of one agency, and leave the rest of the network and
/// its truth exactly as without them.
@Suite("generate: decoys")
struct GenerateDecoysTests {
    @Test("a rate outside 0 to 0.5, or not a number, is refused with exit 2 naming --decoys", arguments: [
        ["--decoys", "2"], ["--decoys", "0.51"], ["--decoys", "-0.1"], ["--decoys=-0.1"], ["--decoys", "abc"],
        ["--decoys", "nan"], ["--decoys", "inf"],
    ])
    func badRates(option: [String]) throws {
        let dir = TemporaryDirectory("generate-decoys-bounds")
        let r = try runSightline(["generate", "--people", "20", "--out", dir.file("g")] + option)
        #expect(r.status == 2, "\(option): status \(r.status), \(r.stderr)")
        #expect(r.stderr.contains("Error:") && r.stderr.contains("--decoys"), "\(option): \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("g/network.jsonl")))
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test("--decoys 0 writes what no --decoys writes; decoys are appended after an unchanged network and truth")
    func zeroIsUnchanged() throws {
        let dir = TemporaryDirectory("generate-decoys-zero")
        for (name, extra) in [("plain", [String]()), ("zero", ["--decoys", "0"]), ("some", ["--decoys", "0.1"]), ("again", ["--decoys", "0.1"])] {
            let r = try runSightline(["generate", "--people", "400", "--seed", "11", "--out", dir.file(name)] + extra)
            #expect(r.status == 0, "\(name): \(r.stderr)")
        }
        let plain = try Self.bytes(dir.file("plain/network.jsonl")), plainTruth = try Self.bytes(dir.file("plain/truth.json"))
        #expect(try Self.bytes(dir.file("zero/network.jsonl")) == plain)
        #expect(try Self.bytes(dir.file("zero/truth.json")) == plainTruth)
        #expect(!String(decoding: plainTruth, as: UTF8.self).contains("\"decoys\""))
        // With decoys: the same network first, then the decoys; the same truth but for `decoys`.
        let some = try Self.bytes(dir.file("some/network.jsonl"))
        #expect(some.count > plain.count && some.prefix(plain.count) == plain)
        var truth = try GenerateTruthTests.load(dir.file("some/truth.json"))
        #expect(truth.removeValue(forKey: "decoys") != nil)
        let before = try GenerateTruthTests.load(dir.file("plain/truth.json"))
        #expect(NSDictionary(dictionary: truth).isEqual(to: before))
        #expect(GenerateTruthTests.schemaProblems(truth) == [])
        // The same seed, the same decoys.
        #expect(try Self.bytes(dir.file("again/network.jsonl")) == some)
        #expect(try Self.bytes(dir.file("again/truth.json")) == Self.bytes(dir.file("some/truth.json")))
    }

    @Test("decoys come in about the rate asked, every item about one is weak and from one agency, decoy adults are 25 to 60")
    func decoysAreWeakAndSingleSource() throws {
        let dir = TemporaryDirectory("generate-decoys")
        let r = try runSightline(["generate", "--people", "2000", "--seed", "7", "--decoys", "0.05", "--out", dir.file("g")])
        #expect(r.status == 0, "\(r.stderr)")
        let truth = try GenerateTruthTests.load(dir.file("g/truth.json"))
        let decoys = try #require(truth["decoys"] as? [String: Any])
        var kindOf: [String: String] = [:]
        for kind in ["locations", "people", "vehicles", "phones"] {
            let ids = try #require(decoys[kind] as? [String], "\(kind)")
            #expect(!ids.isEmpty, "\(kind)")
            for id in ids { kindOf[id] = kind }
        }
        // Read the network: every item's agency and grade, and the items that cite each decoy.
        var items: [String: (agency: String, grade: String)] = [:]
        var itemsOf: [String: Set<String>] = [:]
        var dobOf: [String: String] = [:]
        var totalItems = 0
        let text = String(decoding: try Self.bytes(dir.file("g/network.jsonl")), as: UTF8.self)
        for line in text.split(separator: "\n") {
            let o = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if o["type"] as? String == "item" {
                totalItems += 1
                items["\(o["agency"] as! String)/\(o["ref"] as! String)"] = (o["agency"] as! String, o["grade"] as! String)
                continue
            }
            let named = [o["id"], o["from"], o["to"]].compactMap { $0 as? String } + ((o["foundWith"] as? [String]) ?? [])
            for id in named where kindOf[id] != nil {
                itemsOf[id, default: []].insert(try #require(o["item"] as? String))
                if o["type"] as? String == "person", let dob = o["dob"] as? String { dobOf[id] = dob }
            }
        }
        #expect(Set(itemsOf.keys) == Set(kindOf.keys), "every decoy is in the network")
        var decoyItems = Set<String>()
        var agencies = Set<String>()
        for (id, cited) in itemsOf {
            #expect(cited.count >= 8, "\(id): \(cited.count) items")
            let graded = try cited.map { try #require(items[$0], "\(id) cites \($0), which is not written") }
            #expect(graded.allSatisfy { ["3EP", "3DP", "2EP", "2DP"].contains($0.grade) }, "\(id): \(graded.map(\.grade))")
            #expect(Set(graded.map(\.agency)).count == 1, "\(id): \(Set(graded.map(\.agency)))")
            agencies.formUnion(graded.map(\.agency))
            decoyItems.formUnion(cited)
        }
        #expect(agencies.count > 1, "the agency varies among decoys")
        // No decoy is a planted entity (a shared plate would give a real vehicle the decoy's items).
        let groups = try #require(truth["offendingGroups"] as? [[String: Any]])
        let real = Set(groups.flatMap { g in
            ((g["sharedVehicles"] as? [[String: Any]]) ?? []).compactMap { $0["vehicle"] as? String }
                + ((g["sharedPhones"] as? [[String: Any]]) ?? []).compactMap { $0["phone"] as? String }
                + ((g["members"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
        }).union((truth["hotspots"] as? [String: Any])?["planted"] as? [String] ?? [])
        #expect(real.isDisjoint(with: kindOf.keys))
        // About 5% of all items (the decoys' own count agrees with the file).
        let share = Double(decoyItems.count) / Double(totalItems)
        #expect((0.04...0.07).contains(share), "decoy items \(decoyItems.count) of \(totalItems)")
        #expect(decoys["items"] as? Int == decoyItems.count)
        // Decoy adults are adults: 25 to 60 on 31 January 2026.
        for id in try #require(decoys["people"] as? [String]) {
            let year = Int(try #require(dobOf[id], "\(id) has a date of birth").prefix(4))!
            #expect((1966...2000).contains(year), "\(id) born \(year)")
        }
    }

    @Test("a network with decoys ingests")
    func ingests() throws {
        let dir = TemporaryDirectory("generate-decoys-ingest")
        let g = try runSightline(["generate", "--people", "300", "--seed", "3", "--decoys", "0.2", "--out", dir.file("g")])
        #expect(g.status == 0, "\(g.stderr)")
        let i = try runSightline(["ingest", dir.file("g/network.jsonl"), "--db", dir.file("s.sqlite")])
        #expect(i.status == 0, "\(i.stderr)")
    }
}
