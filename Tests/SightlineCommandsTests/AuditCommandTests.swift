import Foundation
import GRDB
import SightlineAudit
import SightlineTestSupport
import Testing

/// `sightline audit verify` and `sightline audit show` on a log written through the library, with a
/// temporary key file (SIGHTLINE_AUDIT_KEY), never the home folder's.
@Suite("audit commands")
struct AuditCommandTests {
    let dir = TemporaryDirectory("audit-commands")
    var db: String { dir.file("s.sqlite") }
    var log: String { dir.file("s.audit.sqlite") }
    var env: [String: String] { ["SIGHTLINE_AUDIT_KEY": dir.file("audit.key")] }

    init() throws {
        let l = try AuditLog.open(path: dir.file("s.audit.sqlite"), keyFile: dir.file("audit.key"))
        for i in 1...12 {
            try l.append(AuditEntry(analyst: i % 2 == 0 ? "ds-even" : "ds-odd", command: "show person:lccs/C-22\(10 + i)",
                                    purpose: "strategy meeting", audience: i % 3 == 0 ? "MASH" : "police",
                                    disclosed: Disclosure(entities: ["person:lccs/C-22\(10 + i)"])))
        }
    }

    @Test("audit verify exits 0 on an intact log, then 3 naming the edited entry")
    func verify() throws {
        let ok = try runSightline(["audit", "verify", "--db", db], environment: env)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("12 entries, chain intact up to seq 12"))
        let checkpoint = dir.write("cp.json", String(decoding: try JSONEncoder().encode(try AuditLog.open(path: log, keyFile: env["SIGHTLINE_AUDIT_KEY"]).checkpoint()), as: UTF8.self))
        #expect(try runSightline(["audit", "verify", "--audit-log", log, "--checkpoint", checkpoint], environment: env).status == 0)

        let q = try DatabaseQueue(path: log)
        try q.write { db in
            try db.execute(sql: "DROP TRIGGER audit_entries_no_update; UPDATE audit_entries SET audience = 'press' WHERE seq = 5")
        }
        let bad = try runSightline(["audit", "verify", "--audit-log", log], environment: env)
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("entry 5 is bad"), "\(bad.stderr)")
        // No key: exit 3, and no key is made.
        let noKey = try runSightline(["audit", "verify", "--audit-log", log], environment: ["SIGHTLINE_AUDIT_KEY": dir.file("none.key")])
        #expect(noKey.status == 3)
        #expect(!FileManager.default.fileExists(atPath: dir.file("none.key")))
    }

    @Test("audit show --format json filters the entries")
    func show() throws {
        let r = try runSightline(["audit", "show", "--db", db, "--analyst", "ds-even", "--audience", "mash", "--format", "json"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["seq"] as? Int } == [6, 12])
        let e = try runSightline(["audit", "show", "--db", db, "--entity", "C-2217", "--format", "json"], environment: env)
        let erows = try #require(try JSONSerialization.jsonObject(with: Data(e.stdout.utf8)) as? [[String: Any]])
        #expect(erows.compactMap { $0["seq"] as? Int } == [7])
        let none = try runSightline(["audit", "show", "--db", db, "--analyst", "nobody"], environment: env)
        #expect(none.status == 1)
        #expect(try runSightline(["audit", "show", "--db", db, "--from", "yesterday"], environment: env).status == 2)
    }
}
