import Foundation
import SightlineTestSupport
import Testing

/// Every numeric option of every command (but `generate`'s) and every weight has a documented range
/// (docs/commands.md, "Bounds"); a value outside it, infinite or not a number is a usage error
/// naming the option and the range, never a trap (exit 132) or NaN in the output.
@Suite("option bounds", .serialized)
struct OptionBoundsTests {
    let dir = TemporaryDirectory("bounds")
    var db: String { dir.file("s.sqlite") }

    init() throws {
        let r = try runSightline(["ingest", PackagePaths.samples, "--db", dir.file("s.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    @Test("19: the four traps of the issue are usage errors naming the option and its range")
    func namedCases() throws {
        let window = try runSightline(["disrupt", "locations", "--db", db, "--window", "1e300"])
        #expect(window.status == 2 && window.stderr.contains("--window must be between 0 and 8784 hours (got 1e+300)"), "\(window.status) \(window.stderr)")
        let samples = try runSightline(["analyse", "--db", db, "--samples", "0"])
        #expect(samples.status == 2 && samples.stderr.contains("--samples must be between 1 and"), "\(samples.status) \(samples.stderr)")
        let resolution = try runSightline(["analyse", "--db", db, "--resolution", "inf"])
        #expect(resolution.status == 2 && resolution.stderr.contains("--resolution must be between 0.0001 and 10000 (got inf)"), "\(resolution.status) \(resolution.stderr)")
        #expect(!resolution.stdout.contains("nan"))
        let weights = dir.write("w.yaml", "people:\n  impact: 1e18\n")
        let w = try runSightline(["disrupt", "people", "--db", db, "--weights", weights])
        #expect(w.status == 4 && w.stderr.contains("'people.impact' must be between 0 and 1000 (got 1e+18)"), "\(w.status) \(w.stderr)")
        let l = try runSightline(["disrupt", "locations", "--db", db, "--weights", dir.write("h.yaml", "locations:\n  window_hours: 1e18\n")])
        #expect(l.status == 4 && l.stderr.contains("'locations.window_hours' must be between 0 and 8784"), "\(l.status) \(l.stderr)")
    }

    /// (command line, the option the message must name)
    static let outOfRange: [([String], String)] = [
        (["analyse", "--top=-1"], "--top"), (["analyse", "--samples", "99999999999"], "--samples"),
        (["analyse", "--resolution", "nan"], "--resolution"), (["analyse", "--resolution", "0"], "--resolution"),
        (["analyse", "--half-life", "inf"], "--half-life"), (["analyse", "--half-life", "0"], "--half-life"),
        (["path", "E1", "E2", "--limit", "0"], "--limit"), (["path", "E1", "E2", "--limit", "99999999"], "--limit"),
        (["ego", "E1", "--hops", "7"], "--hops"),
        (["copresence", "--window", "1e300"], "--window"), (["copresence", "--window", "nan"], "--window"),
        (["copresence", "--min-occasions", "0"], "--min-occasions"),
        (["impact", "E1", "--hops", "0"], "--hops"), (["impact", "E1", "--hops", "100"], "--hops"),
        (["impact", "--greedy", "0"], "--greedy"), (["impact", "--greedy", "100000"], "--greedy"),
        (["impact", "--edges", "x.csv", "--steps=-1"], "--steps"), (["impact", "--edges", "x.csv", "--steps", "99999999"], "--steps"),
        (["measure", "--edges", "x.csv", "--samples", "0"], "--samples"), (["measure", "--edges", "x.csv", "--resolution", "inf"], "--resolution"),
        (["disrupt", "locations", "--window", "nan"], "--window"), (["disrupt", "people", "--limit=-1"], "--limit"),
        (["disrupt", "phones", "--limit", "99999999"], "--limit"),
        (["notices", "candidates", "--min-associations", "0"], "--min-associations"), (["notices", "candidates", "--window", "99999999"], "--window"),
        (["trawl", "missing", "--days", "0"], "--days"), (["trawl", "missing", "--days", "99999999"], "--days"),
        (["trawl", "missing", "--min-children", "0"], "--min-children"),
        (["missing", "brief", "E1", "--limit=-1"], "--limit"), (["missing", "brief", "E1", "--limit", "99999999"], "--limit"),
        (["entities", "--limit=-1"], "--limit"), (["resolve", "candidates", "--limit=-1"], "--limit"),
        (["resolve", "candidates", "--min-score", "nan"], "--min-score"),
        (["render", "ego", "E1", "-o", "x.svg", "--hops", "9"], "--hops"), (["render", "ego", "E1", "-o", "x.svg", "--copresence", "inf"], "--copresence"),
        (["render", "path", "E1", "E2", "-o", "x.svg", "--limit", "0"], "--limit"),
        (["render", "cluster", "E1", "-o", "x.svg", "--resolution", "inf"], "--resolution"),
        (["render", "overview", "-o", "x.svg", "--threshold", "5"], "--threshold"),
        (["render", "timeline", "E1", "-o", "x.svg", "--limit", "0"], "--limit"), (["render", "timeline", "E1", "-o", "x.svg", "--per-row", "0"], "--per-row"),
    ]

    @Test("19: every numeric option out of its range, infinite or NaN is a usage error (exit 2) naming it", arguments: outOfRange)
    func table(_ args: [String], _ option: String) throws {
        // Files inside the test's folder; negative numbers as --option=-1 (else taken for an option).
        let line = args.map { $0 == "x.svg" || $0 == "x.csv" ? dir.file($0) : $0 }
        let r = try runSightline(line + (args[0] == "measure" ? [] : ["--db", db]))
        #expect(r.status == 2, "\(args): \(r.status) \(r.stderr)")
        #expect(r.stderr.contains(option) && r.stderr.contains("between"), "\(args): \(r.stderr)")
    }
}
