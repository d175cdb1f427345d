import Foundation
import GRDB
@testable import SightlineAudit
import SightlineTestSupport
import Testing

/// A log of `n` entries in a temporary folder, with its own key file (never the home folder's).
final class AuditFixture: @unchecked Sendable {
    let dir = TemporaryDirectory("audit")
    var logPath: String { dir.file("s.audit.sqlite") }
    var keyPath: String { dir.file("keys/audit.key") }

    init(entries n: Int) throws {
        let log = try open()
        for i in 1...max(n, 1) where n > 0 {
            try log.append(Self.entry(i))
        }
    }

    func open(create: Bool = true) throws -> AuditLog { try AuditLog.open(path: logPath, keyFile: keyPath, create: create) }

    static func entry(_ i: Int) -> AuditEntry {
        AuditEntry(at: Date(timeIntervalSince1970: 1_780_000_000 + Double(i) * 3600),
                   analyst: i % 3 == 0 ? "analyst-b" : "analyst-a",
                   command: "show person:lccs/C-\(2200 + i % 50)",
                   purpose: i % 2 == 0 ? "strategy meeting for child \(i % 7)" : "MASH referral",
                   audience: i % 4 == 0 ? "MASH" : "police",
                   recipients: ["DS Example \(i % 5)"],
                   disclosed: Disclosure(entities: ["person:lccs/C-\(2200 + i % 50)"], items: ["police/WX-\(i)"], counts: ["rows": i % 9],
                                         files: [.init(path: "out-\(i).pdf", sha256: String(repeating: "ab", count: 32))]))
    }

    /// Runs SQL on the log file as an attacker would: the triggers dropped first.
    func tamper(_ sql: String, dropTriggers: Bool = true) throws {
        let q = try DatabaseQueue(path: logPath)
        try q.write { db in
            if dropTriggers {
                try db.execute(sql: "DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_no_delete")
            }
            try db.execute(sql: sql)
        }
    }

    func verify(_ checkpoints: [Checkpoint] = []) throws -> VerifyReport { try open(create: false).verify(checkpoints: checkpoints) }
}

@Suite("audit log")
struct AuditLogTests {
    @Test("an untouched log of a few hundred entries verifies, and its head is the checkpoint's")
    func untouched() throws {
        let f = try AuditFixture(entries: 300)
        let r = try f.verify()
        #expect(r.isIntact, "\(r.summary)")
        #expect(r.entries == 300 && r.intactThrough == 300)
        let c = try f.open().checkpoint()
        #expect(c.seq == 300 && c.chain == r.head)
        #expect(try f.verify([c]).isIntact)
    }

    @Test("a field edited in any column is found at that entry", arguments: ["at", "analyst", "command", "purpose", "audience", "recipients", "disclosed", "prev", "chain"])
    func fieldEdited(column: String) throws {
        let f = try AuditFixture(entries: 40)
        try f.tamper("UPDATE audit_entries SET \(column) = \(column) || 'x' WHERE seq = 17")
        let r = try f.verify()
        #expect(r.problem?.seq == 17, "\(r.summary)")
        #expect(r.intactThrough == 16)
    }

    @Test("a seq edited (renumbered) is found as a missing entry")
    func seqEdited() throws {
        let f = try AuditFixture(entries: 40)
        try f.tamper("UPDATE audit_entries SET seq = 1000 WHERE seq = 17")
        let r = try f.verify()
        #expect(r.problem?.seq == 17, "\(r.summary)")
    }

    @Test("a middle entry deleted is found at its seq")
    func middleDeleted() throws {
        let f = try AuditFixture(entries: 40)
        try f.tamper("DELETE FROM audit_entries WHERE seq = 23")
        let r = try f.verify()
        #expect(r.problem?.seq == 23, "\(r.summary)")
        #expect(r.problem?.reason.contains("missing") == true)
    }

    @Test("a middle entry deleted and the rest renumbered is found after the gap")
    func middleDeletedRenumbered() throws {
        let f = try AuditFixture(entries: 40)
        try f.tamper("DELETE FROM audit_entries WHERE seq = 23; UPDATE audit_entries SET seq = seq - 1 WHERE seq > 23")
        let r = try f.verify()
        #expect(r.problem?.seq == 23, "\(r.summary)")
    }

    @Test("the last entries deleted are found against a checkpoint taken earlier, and against the anchor")
    func tailDeleted() throws {
        let f = try AuditFixture(entries: 30)
        let checkpoint = try f.open().checkpoint()
        try f.tamper("DELETE FROM audit_entries WHERE seq > 26")
        // Against the checkpoint alone (the anchor ignored).
        let byCheckpoint = try f.open(create: false).verify(checkpoints: [checkpoint], useAnchor: false)
        #expect(byCheckpoint.problem?.seq == 27, "\(byCheckpoint.summary)")
        #expect(byCheckpoint.problem?.reason.contains("checkpoint") == true)
        // Against the anchor alone.
        let byAnchor = try f.verify()
        #expect(byAnchor.problem?.seq == 27, "\(byAnchor.summary)")
        #expect(byAnchor.problem?.reason.contains("anchor") == true)
        // Without either, the shortened chain is consistent: that is what the heads are for.
        #expect(try f.open(create: false).verify(useAnchor: false).isIntact)
    }

    @Test("two entries swapped are found at the first of them")
    func swapped() throws {
        let f = try AuditFixture(entries: 40)
        try f.tamper("UPDATE audit_entries SET seq = -1 WHERE seq = 12; UPDATE audit_entries SET seq = 12 WHERE seq = 13; UPDATE audit_entries SET seq = 13 WHERE seq = -1")
        let r = try f.verify()
        #expect(r.problem?.seq == 12, "\(r.summary)")
    }

    @Test("the whole chain recomputed with another key is found at seq 1")
    func recomputedWithAnotherKey() throws {
        let f = try AuditFixture(entries: 25)
        // The attacker's own log with the same entries under a key of their own, copied over ours.
        let other = TemporaryDirectory("audit-other")
        let forged = try AuditLog.open(path: other.file("forged.sqlite"), keyFile: other.file("k"))
        for i in 1...25 { try forged.append(AuditFixture.entry(i)) }
        try FileManager.default.removeItem(atPath: f.logPath)
        try FileManager.default.copyItem(atPath: other.file("forged.sqlite"), toPath: f.logPath)
        let r = try f.verify()
        #expect(r.problem?.seq == 1, "\(r.summary)")
        #expect(r.intactThrough == 0)
    }

    @Test("an older copy of the log put back is found against the anchor")
    func olderCopy() throws {
        let f = try AuditFixture(entries: 20)
        let old = f.dir.file("old.sqlite")
        try FileManager.default.copyItem(atPath: f.logPath, toPath: old)
        let log = try f.open()
        for i in 21...24 { try log.append(AuditFixture.entry(i)) }
        try FileManager.default.removeItem(atPath: f.logPath)
        try FileManager.default.copyItem(atPath: old, toPath: f.logPath)
        let r = try f.verify()
        #expect(r.problem?.seq == 21, "\(r.summary)")
        #expect(r.problem?.reason.contains("older copy") == true)
    }

    @Test("a forged checkpoint or anchor is refused; a missing anchor is reported")
    func forgedHeads() throws {
        let f = try AuditFixture(entries: 5)
        var c = try f.open().checkpoint()
        c.seq = 3
        #expect(try f.verify([c]).problem?.reason.contains("not signed") == true)
        try FileManager.default.removeItem(atPath: try f.open().anchorPath)
        #expect(try f.verify().problem?.reason.contains("no anchor") == true)
    }

    @Test("the triggers refuse UPDATE and DELETE")
    func triggers() throws {
        let f = try AuditFixture(entries: 3)
        #expect(throws: DatabaseError.self) { try f.tamper("UPDATE audit_entries SET analyst = 'x' WHERE seq = 2", dropTriggers: false) }
        #expect(throws: DatabaseError.self) { try f.tamper("DELETE FROM audit_entries WHERE seq = 3", dropTriggers: false) }
        #expect(try f.verify().isIntact)
        #expect(try f.open().count() == 3)
    }

    @Test("append throws when the log's folder is missing or cannot be written")
    func unwritable() throws {
        let dir = TemporaryDirectory("audit-unwritable")
        #expect(throws: AuditError.self) {
            try AuditLog.open(path: dir.file("no/such/folder/log.sqlite"), keyFile: dir.file("k")).append(AuditFixture.entry(1))
        }
        // A log whose anchor cannot be written logs nothing.
        let log = try AuditLog.open(path: dir.file("log.sqlite"), keyFile: dir.file("k"))
        try Data().write(to: URL(fileURLWithPath: dir.file("k.anchors"))) // a file where the anchors' folder goes
        #expect(throws: AuditError.self) { try log.append(AuditFixture.entry(1)) }
        #expect(try log.count() == 0)
        // A store given as the log is refused and left as it was.
        let store = dir.write("store.sqlite", "")
        let q = try DatabaseQueue(path: store)
        try q.write { try $0.execute(sql: "CREATE TABLE items (id TEXT)") }
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        #expect(throws: AuditError.self) { try AuditLog.open(path: store, keyFile: dir.file("k")) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        // Reading never creates a log or a key.
        #expect(throws: AuditError.self) { try AuditLog.open(path: dir.file("none.sqlite"), keyFile: dir.file("k"), create: false) }
        #expect(throws: AuditError.self) { try AuditLog.open(path: dir.file("log.sqlite"), keyFile: dir.file("nokey"), create: false) }
        #expect(!FileManager.default.fileExists(atPath: dir.file("nokey")))
    }

    @Test("the key file is created once, 64 hex digits, mode 0600")
    func keyFile() throws {
        let dir = TemporaryDirectory("audit-key")
        let a = try AuditKey.load(path: dir.file("cfg/audit.key"), create: true)
        let b = try AuditKey.load(path: dir.file("cfg/audit.key"), create: false)
        #expect(a.mac([1, 2, 3]) == b.mac([1, 2, 3]))
        let attrs = try FileManager.default.attributesOfItem(atPath: dir.file("cfg/audit.key"))
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
        #expect(AuditKey.defaultPath(environment: ["SIGHTLINE_AUDIT_KEY": "/k", "HOME": "/h"]) == "/k")
        #expect(AuditKey.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/sightline/audit.key")
    }

    @Test("the analyst: --analyst, else SIGHTLINE_ANALYST, else the operating-system user")
    func analyst() throws {
        #expect(try AuditIdentity.analyst(option: "ds-one", environment: ["SIGHTLINE_ANALYST": "x"]) == "ds-one")
        #expect(try AuditIdentity.analyst(option: nil, environment: ["SIGHTLINE_ANALYST": "x"]) == "x")
        #expect(try !AuditIdentity.analyst(option: " ", environment: [:]).isEmpty)
    }

    @Test("entries filter by analyst, dates, purpose, audience and entity, oldest first")
    func filters() throws {
        let f = try AuditFixture(entries: 60)
        let log = try f.open(create: false)
        let all = try log.entries()
        #expect(all.map(\.seq) == Array(1...60))
        #expect(try log.entries(filter: AuditFilter(analyst: "analyst-b")).allSatisfy { $0.analyst == "analyst-b" })
        #expect(try log.entries(filter: AuditFilter(analyst: "analyst-b")).count == 20)
        #expect(try log.entries(filter: AuditFilter(audience: "mash")).count == 15)
        #expect(try log.entries(filter: AuditFilter(purpose: "STRATEGY")).count == 30)
        #expect(try log.entries(filter: AuditFilter(entity: "C-2207")).map(\.seq) == [7, 57])
        let day = String(all[30].at.prefix(10))
        let onDay = try log.entries(filter: AuditFilter(from: day, until: day))
        #expect(!onDay.isEmpty && onDay.allSatisfy { $0.at.hasPrefix(day) })
        #expect(all[0].disclosed == AuditFixture.entry(1).disclosed && all[0].recipients == ["DS Example 1"])
    }

    @Test("the log's path is derived from the store's")
    func defaultPath() {
        #expect(AuditLog.defaultPath(forStore: "/x/sightline.sqlite") == "/x/sightline.audit.sqlite")
        #expect(AuditLog.defaultPath(forStore: "db") == "db.audit.sqlite")
    }

    @Test("verify on many entries is fast (SIGHTLINE_AUDIT_BENCH=N entries)",
          .enabled(if: ProcessInfo.processInfo.environment["SIGHTLINE_AUDIT_BENCH"] != nil))
    func bench() throws {
        let n = Int(ProcessInfo.processInfo.environment["SIGHTLINE_AUDIT_BENCH"] ?? "") ?? 1_000_000
        let f = try AuditFixture(entries: 0)
        try f.open().append(contentsOf: (1...n).lazy.map(AuditFixture.entry))
        let start = Date()
        let r = try f.verify()
        let seconds = Date().timeIntervalSince(start)
        print("verify \(n) entries: \(String(format: "%.2f", seconds)) s")
        #expect(r.isIntact && r.entries == Int64(n))
    }
}
