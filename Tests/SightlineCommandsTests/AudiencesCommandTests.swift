import Foundation
import SightlineTestSupport
import Testing

/// `sightline audiences show|set|reset`: a store's own audiences replace the shipped ones for every
/// command on that store; `--audiences FILE` replaces both; a bad file changes nothing.
@Suite("audiences commands", .serialized)
struct AudiencesCommandTests {
    let dir = TemporaryDirectory("audiences")
    var store: String { dir.file("a.sqlite") }
    var other: String { dir.file("b.sqlite") }
    let env = ["SIGHTLINE_ANALYST": "ds-settings", "SIGHTLINE_TODAY": "2026-01-31"]

    init() throws {
        for db in [store, other] {
            let r = try runSightline(["ingest", PackagePaths.root + "/Samples", "--db", db])
            #expect(r.status == 0, "\(r.stderr)")
        }
    }

    /// The shipped audiences with one more: a panel that may be given `disrupt` only, items handled P.
    var withPanel: String {
        let shipped = (try? String(contentsOfFile: PackagePaths.root + "/docs/audiences.yaml", encoding: .utf8)) ?? ""
        return dir.write("panel.yaml", shipped + """
              test_panel:
                title: A panel of the test
                handling: [P]
                purpose_required: true
                source_details: opaque
                adults: named
                children: pseudonymised
                commands: [disrupt]

            """)
    }

    func run(_ args: [String]) throws -> CommandResult { try runSightline(args, environment: env) }
    func list(_ db: String, _ extra: [String] = []) throws -> CommandResult {
        try run(["disrupt", "locations", "--db", db, "--limit", "3", "--format", "json", "--audience", "test_panel", "--purpose", "panel", "--recipient", "chair"] + extra)
    }
    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test("a store's audiences apply to every command on that store, --audiences overrides them, reset restores the shipped ones")
    func setShowReset() throws {
        let shown = try run(["audiences", "show", "--db", store])
        #expect(shown.status == 0 && shown.stdout.contains("the shipped audiences"), "\(shown.stderr)")
        #expect(try list(store).status == 2)   // no such audience yet (a usage error)

        let set = try run(["audiences", "set", withPanel, "--db", store])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stderr.contains("by ds-settings") && set.stderr.contains("test_panel"))
        let now = try run(["audiences", "show", "--db", store])
        #expect(now.stdout.contains("the store's setting (set ") && now.stdout.contains("by ds-settings"))
        #expect(now.stdout.contains("test_panel: A panel of the test. Handling P; source details opaque"))
        #expect(try run(["audiences", "show", "--db", store, "--yaml"]).stdout.contains("test_panel:"))

        // The store's audiences: the panel's list runs and is logged under its name; other stores do not know it.
        let r = try list(store)
        #expect(r.status == 0, "\(r.stderr)")
        // As the panel's profile says: P items only (no conditions travel), references minted.
        #expect(r.stdout.contains("\"reference\" : \"D") && !r.stdout.contains("WX-") && !r.stdout.contains("\"conditions\""))
        let log = try run(["audit", "show", "--db", store, "--audience", "test_panel", "--format", "json"])
        #expect(log.status == 0 && log.stdout.contains("\"test_panel\""), "\(log.stderr)")
        let elsewhere = try list(other)
        #expect(elsewhere.status == 2 && elsewhere.stderr.contains("no audience 'test_panel'"))
        // Its commands: nothing but disrupt.
        let refused = try run(["show", "E1", "--db", store, "--audience", "test_panel", "--purpose", "panel"])
        #expect(refused.status != 0 && refused.stderr.contains("may not be given to test_panel"))
        // --audiences FILE replaces the store's.
        let shipped = PackagePaths.root + "/docs/audiences.yaml"
        #expect(try list(store, ["--audiences", shipped]).status == 2)

        // Reading changes nothing in the store; reset brings the shipped audiences back.
        let before = bytes(store)
        _ = try run(["audiences", "show", "--db", store])
        _ = try list(store)
        #expect(bytes(store) == before)
        #expect(try run(["audiences", "reset", "--db", store]).status == 0)
        #expect(try run(["audiences", "show", "--db", store]).stdout.contains("the shipped audiences"))
        #expect(try list(store).status == 2)
    }

    @Test("a bad audiences file names the file, line and key, and leaves the store's audiences as they were")
    func badFileChangesNothing() throws {
        #expect(try run(["audiences", "set", withPanel, "--db", store]).status == 0)
        let before = bytes(store)
        let bad = dir.write("bad.yaml", "default: police_analyst\naudiences:\n  x:\n    title: X\n    handling: [P]\n    purpose_required: true\n    source_details: hidden\n    adults: named\n    children: named\n")
        let r = try run(["audiences", "set", bad, "--db", store])
        #expect(r.status != 0)
        #expect(r.stderr.contains("bad.yaml:7") && r.stderr.contains("source_details"), "\(r.stderr)")
        #expect(bytes(store) == before)
        #expect(try run(["audiences", "show", "--db", store]).stdout.contains("test_panel"))
        let missing = try run(["audiences", "set", dir.file("nope.yaml"), "--db", store])
        #expect(missing.status != 0 && missing.stderr.contains("nope.yaml"))
        #expect(bytes(store) == before)
    }
}
