import Foundation
import SightlineTestSupport
import Testing

/// `sightline generate`: its numeric options are bounded, and the truth.json it writes has the one
/// schema that Samples/truth.json (scripts/make-samples.py) also has (docs/formats.md, "Planted truth").
@Suite("generate: bounds and the truth schema")
struct GenerateTruthTests {
    @Test("out-of-range numbers are a validation error, never a crash", arguments: [
        ["--people", "9223372036854775807"],
        ["--people", "10000001"],
        ["--people", "19"],
        ["--people", "-5"],
        ["--calls", "9223372036854775807"],
        ["--calls", "0"],
        ["--calls", "-1"],
        ["--duplicate-rate", "0.6"],
        ["--duplicate-rate", "nan"],
    ])
    func boundsAreValidated(option: [String]) throws {
        let dir = TemporaryDirectory("generate-bounds")
        let r = try runSightline(["generate", "--out", dir.file("g")] + option)
        #expect(r.status == 2, "\(option): status \(r.status), \(r.stderr)")
        #expect(r.stderr.contains("Error:") && r.stderr.contains(option[0]), "\(option): \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("g/network.jsonl")))
    }

    @Test("the largest seed is accepted")
    func largestSeed() throws {
        let dir = TemporaryDirectory("generate-seed")
        let r = try runSightline(["generate", "--people", "20", "--seed", "18446744073709551615", "--out", dir.file("g")])
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// The fields every truth.json has, whoever wrote it (docs/formats.md lists them).
    static func schemaProblems(_ truth: [String: Any]) -> [String] {
        var problems: [String] = []
        func strings(_ v: Any?) -> [String]? { v as? [String] }
        func objects(_ v: Any?) -> [[String: Any]]? { v as? [[String: Any]] }
        if !(truth["about"] is String) { problems.append("about") }
        if let groups = objects(truth["offendingGroups"]), !groups.isEmpty {
            for g in groups {
                if !(g["group"] is String) { problems.append("offendingGroups[].group") }
                if objects(g["members"])?.allSatisfy({ $0["id"] is String }) != true { problems.append("offendingGroups[].members[].id") }
                if strings(g["keyAdults"]) == nil { problems.append("offendingGroups[].keyAdults") }
                if objects(g["sharedVehicles"])?.allSatisfy({ $0["vehicle"] is String }) != true { problems.append("offendingGroups[].sharedVehicles[].vehicle") }
                if objects(g["sharedPhones"])?.allSatisfy({ $0["phone"] is String }) != true { problems.append("offendingGroups[].sharedPhones[].phone") }
                if objects(g["sharedAddresses"])?.allSatisfy({ $0["location"] is String }) != true { problems.append("offendingGroups[].sharedAddresses[].location") }
            }
        } else { problems.append("offendingGroups") }
        if objects(truth["brokers"])?.allSatisfy({ ($0["person"] as? [String: Any])?["id"] is String }) != true { problems.append("brokers[].person.id") }
        if strings((truth["hotspots"] as? [String: Any])?["planted"]) == nil { problems.append("hotspots.planted") }
        if objects(truth["childrenAtRisk"])?.allSatisfy({ $0["id"] is String }) != true { problems.append("childrenAtRisk[].id") }
        let notices = truth["warningNoticeCandidates"] as? [String: Any]
        if !(notices?["rule"] is String) { problems.append("warningNoticeCandidates.rule") }
        if objects(notices?["candidates"])?.allSatisfy({ $0["adult"] is String && $0["child"] is String && $0["episodesUnder16"] is Int }) != true {
            problems.append("warningNoticeCandidates.candidates[]")
        }
        let duplicates = truth["duplicates"] as? [String: Any]
        if objects((duplicates?["strongIdentifier"] as? [String: Any])?["sameEntity"])?.allSatisfy({ strings($0["ids"]) != nil }) != true {
            problems.append("duplicates.strongIdentifier.sameEntity[].ids")
        }
        for key in ["nameOnly", "traps"] where objects(duplicates?[key])?.allSatisfy({ $0["a"] is String && $0["b"] is String && $0["why"] is String }) != true {
            problems.append("duplicates.\(key)[]")
        }
        return problems
    }

    static func load(_ path: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    @Test("generate and the samples write truth.json in one schema")
    func oneSchema() throws {
        let dir = TemporaryDirectory("generate-truth")
        let r = try runSightline(["generate", "--people", "300", "--seed", "7", "--out", dir.file("g")])
        #expect(r.status == 0, "\(r.stderr)")
        let generated = try Self.load(dir.file("g/truth.json"))
        let samples = try Self.load(PackagePaths.samples + "/truth.json")
        #expect(Self.schemaProblems(generated) == [])
        #expect(Self.schemaProblems(samples) == [])
        // Both carry planted content, not just empty lists.
        #expect((generated["offendingGroups"] as? [Any])?.count ?? 0 > 0)
        #expect(((generated["duplicates"] as? [String: Any])?["nameOnly"] as? [Any])?.count ?? 0 > 0)
    }

    @Test("--score-against reads the samples' truth.json as it reads a generated one")
    func scoreAgainstSamples() throws {
        let dir = TemporaryDirectory("score-samples")
        let db = dir.file("s.sqlite")
        let i = try runSightline(["ingest", PackagePaths.samples, "--db", db])
        #expect(i.status == 0, "\(i.stderr)")
        let truth = PackagePaths.samples + "/truth.json"
        let resolve = try runSightline(["resolve", "candidates", "--db", db, "--score-against", truth])
        #expect(resolve.status == 0, "\(resolve.stderr)")
        #expect(resolve.stdout.contains("planted name-only duplicates:"))
        let analyse = try runSightline(["analyse", "--db", db, "--score-against", truth])
        #expect(analyse.status == 0, "\(analyse.stderr)")
        #expect(analyse.stdout.contains("planted groups:"))
    }
}
