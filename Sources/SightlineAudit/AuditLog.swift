import Crypto
import Foundation
import GRDB

/// The audit log: every consultation and disclosure, who, when, why and to whom (Data Protection
/// Act 2018 Part 3 s.62), in its own SQLite file beside the store.
///
/// - Append-only: one table, `audit_entries`, whose triggers refuse UPDATE and DELETE.
/// - Keyed hash chain: entry n's chain value is HMAC-SHA256(key, chain value n-1 ‖ entry n's
///   canonical encoding) (docs/schema.md, "Audit log"); the key is kept outside the store and the
///   log (``AuditKey``), so whoever edits the log without it cannot recompute the chain.
/// - Heads: ``checkpoint()`` signs (seq, chain value) for exports' manifests; every append also
///   writes the newest head to an anchor file beside the key, so a deleted tail or an older copy
///   put back is found by ``verify(checkpoints:useAnchor:)`` even without an export's checkpoint.
public final class AuditLog: @unchecked Sendable {
    /// The log file's path.
    public let path: String
    /// The key that chains and signs it.
    public let key: AuditKey
    let queue: DatabaseQueue

    static let columns = ["seq", "at", "analyst", "command", "purpose", "audience", "recipients", "disclosed", "prev", "chain"]
    static let zeroChain = [UInt8](repeating: 0, count: 32)

    /// The log's default path for a store: the store's path without `.sqlite`, then
    /// `.audit.sqlite` (`sightline.sqlite` → `sightline.audit.sqlite`).
    public static func defaultPath(forStore store: String) -> String {
        (store.hasSuffix(".sqlite") ? String(store.dropLast(7)) : store) + ".audit.sqlite"
    }

    private init(path: String, key: AuditKey, queue: DatabaseQueue) {
        self.path = path; self.key = key; self.queue = queue
    }

    /// Opens the log. With `create` (to append), makes the log and the key file if missing; without
    /// (to verify or show), both must exist and the log is opened read-only. A file that exists but
    /// is not an audit log (a store given by mistake) is refused, never changed. O(1).
    /// - Parameter keyFile: the key file; `nil` is ``AuditKey/defaultPath(environment:)``.
    /// - Throws: ``AuditError``.
    public static func open(path: String, keyFile: String? = nil, create: Bool = true) throws(AuditError) -> AuditLog {
        let key = try AuditKey.load(path: keyFile ?? AuditKey.defaultPath(), create: create)
        let exists = FileManager.default.fileExists(atPath: path)
        if !create, !exists { throw .logUnavailable(path: path, reason: "no audit log here") }
        var config = Configuration()
        config.readonly = !create
        config.busyMode = .timeout(10)
        config.label = "SightlineAudit"
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            let hasTable = try queue.read { try $0.tableExists("audit_entries") }
            if !hasTable {
                guard create else { throw AuditError.logUnavailable(path: path, reason: "not an audit log (no audit_entries table)") }
                // Checked again inside one write transaction: two commands starting together create
                // it once; a file holding anything else (a store given by mistake) is never changed.
                try queue.inTransaction(.immediate) { db in
                    if try db.tableExists("audit_entries") { return .commit }
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                    guard tables == 0 else { throw AuditError.logUnavailable(path: path, reason: "not an audit log (no audit_entries table)") }
                    try db.execute(sql: Self.schema)
                    return .commit
                }
            }
            return AuditLog(path: path, key: key, queue: queue)
        } catch let e as AuditError {
            throw e
        } catch {
            throw create ? .writeFailed(path: path, reason: "\(error)") : .logUnavailable(path: path, reason: "\(error)")
        }
    }

    /// The table and its two triggers.
    static let schema = """
    CREATE TABLE audit_entries (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        analyst TEXT NOT NULL,
        command TEXT NOT NULL,
        purpose TEXT NOT NULL,
        audience TEXT NOT NULL,
        recipients TEXT NOT NULL,
        disclosed TEXT NOT NULL,
        prev TEXT NOT NULL,
        chain TEXT NOT NULL
    );
    CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be changed'); END;
    CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be deleted'); END;
    """

    // MARK: Appending

    /// Appends one entry in one transaction, and writes the new head to the anchor before it
    /// commits. O(entry size).
    /// - Returns: the entry as stored.
    /// - Throws: ``AuditError/writeFailed(path:reason:)`` when the entry or the anchor cannot be
    ///   written: nothing is logged, and the caller must refuse the disclosure.
    @discardableResult
    public func append(_ entry: AuditEntry) throws(AuditError) -> AuditRecord {
        let records = try append(contentsOf: [entry])
        guard let record = records.first else { throw .writeFailed(path: path, reason: "the entry was not written") }
        return record
    }

    /// Appends one entry made inside the log's write lock, given the sequence number and the time
    /// (UTC text, as logged) it will be logged under: for an output that states its own entry (a
    /// pack's cover sheet names the entry that records it). `make` runs once, while other writers
    /// wait.
    /// - Throws: ``AuditError/writeFailed(path:reason:)``: nothing is logged.
    @discardableResult
    public func append(making make: (_ seq: Int64, _ at: String) throws -> AuditEntry) throws(AuditError) -> AuditRecord {
        let at = Date()
        let records = try append { last in
            var e = try make(last + 1, AuditTime.text(at))
            e.at = at
            return CollectionOfOne(e)
        }
        guard let record = records.first else { throw .writeFailed(path: path, reason: "the entry was not written") }
        return record
    }

    /// Appends entries in one transaction (all or none), and writes the new head to the anchor
    /// before it commits. O(total size); for imports and benchmarks (a disclosure appends one).
    /// - Throws: ``AuditError/writeFailed(path:reason:)``: nothing is logged.
    @discardableResult
    public func append<S: Sequence>(contentsOf entries: S) throws(AuditError) -> [AuditRecord] where S.Element == AuditEntry {
        try append { _ in entries }
    }

    /// Appends the entries `make` gives, inside the transaction, the last entry's sequence number
    /// (0 for an empty log): the one place entries are chained and written.
    func append<S: Sequence>(_ make: (_ last: Int64) throws -> S) throws(AuditError) -> [AuditRecord] where S.Element == AuditEntry {
        let enc = JSONEncoder(); enc.outputFormatting = [.withoutEscapingSlashes]
        var records: [AuditRecord] = []
        do {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    records = []
                    var seq: Int64 = 0
                    var prev = Self.zeroChain
                    if let last = try Row.fetchOne(db, sql: "SELECT seq, chain FROM audit_entries ORDER BY seq DESC LIMIT 1") {
                        seq = last[0]
                        guard let p = Hex.decode(last[1] as String), p.count == 32 else {
                            throw AuditError.writeFailed(path: path, reason: "the last entry's chain value is damaged; run 'sightline audit verify'")
                        }
                        prev = p
                    }
                    let insert = try db.makeStatement(sql: "INSERT INTO audit_entries (seq, at, analyst, command, purpose, audience, recipients, disclosed, prev, chain) VALUES (?,?,?,?,?,?,?,?,?,?)")
                    var message = [UInt8]()
                    for entry in try make(seq) {
                        seq += 1
                        let recipients = String(decoding: try enc.encode(entry.recipients), as: UTF8.self)
                        let fields = [AuditTime.text(entry.at ?? Date()), entry.analyst, entry.command, entry.purpose, entry.audience,
                                      recipients, entry.disclosed.jsonText]
                        Self.encode(seq: seq, prev: prev, fields: fields.map { Array($0.utf8) }, into: &message)
                        let chain = key.mac(message)
                        let prevHex = Hex.encode(prev), chainHex = Hex.encode(chain)
                        try insert.execute(arguments: [seq, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], prevHex, chainHex])
                        records.append(AuditRecord(seq: seq, at: fields[0], analyst: entry.analyst, command: entry.command, purpose: entry.purpose,
                                                   audience: entry.audience, recipients: entry.recipients, disclosed: entry.disclosed,
                                                   prev: prevHex, chain: chainHex))
                        prev = chain
                    }
                    if !records.isEmpty {
                        try writeAnchor(Checkpoint(seq: seq, chain: Hex.encode(prev), signature: key.signHead(seq: seq, chain: prev)))
                    }
                    return .commit
                }
            }
        } catch let e as AuditError {
            throw e
        } catch {
            throw .writeFailed(path: path, reason: "\(error)")
        }
        return records
    }

    /// The canonical encoding chained for one entry: the previous chain value (32 bytes), seq as 8
    /// bytes big-endian, then each field (at, analyst, command, purpose, audience, recipients,
    /// disclosed) as its UTF-8 length in 8 bytes big-endian followed by its bytes. O(entry size).
    static func encode(seq: Int64, prev: [UInt8], fields: [[UInt8]], into message: inout [UInt8]) {
        message.removeAll(keepingCapacity: true)
        message += prev
        message.appendBigEndian(UInt64(bitPattern: seq))
        for f in fields { message.appendBigEndian(UInt64(f.count)); message += f }
    }

    // MARK: Heads

    /// The newest head, signed: for an export's manifest, so that ``verify(checkpoints:useAnchor:)``
    /// can later tell whether entries up to it were deleted or changed. O(1).
    /// - Returns: seq 0 with 64 zeros for an empty log.
    public func checkpoint() throws(AuditError) -> Checkpoint {
        do {
            let row = try queue.read { try Row.fetchOne($0, sql: "SELECT seq, chain FROM audit_entries ORDER BY seq DESC LIMIT 1") }
            let seq: Int64 = row?[0] ?? 0
            let chain = row.flatMap { Hex.decode($0[1] as String) } ?? Self.zeroChain
            return Checkpoint(seq: seq, chain: Hex.encode(chain), signature: key.signHead(seq: seq, chain: chain))
        } catch {
            throw .logUnavailable(path: path, reason: "\(error)")
        }
    }

    /// The signed head at one entry: for the manifest of the disclosure that entry logs. O(1).
    public func checkpoint(of record: AuditRecord) throws(AuditError) -> Checkpoint {
        guard let chain = Hex.decode(record.chain) else { throw .logUnavailable(path: path, reason: "entry \(record.seq) has no chain value") }
        return Checkpoint(seq: record.seq, chain: record.chain, signature: key.signHead(seq: record.seq, chain: chain))
    }

    /// The anchor file for this log: in the folder `KEYFILE.anchors` beside the key, named by the
    /// SHA-256 of the log's absolute path (its folder's symbolic links resolved).
    public var anchorPath: String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let dir = url.deletingLastPathComponent().resolvingSymlinksInPath().path
        let name = Hex.encode(SHA256.hash(data: Data((dir + "/" + url.lastPathComponent).utf8))).prefix(32)
        return key.path + ".anchors/" + name + ".json"
    }

    /// The anchor, if one was written. O(1).
    func readAnchor() throws(AuditError) -> Checkpoint? {
        guard let data = FileManager.default.contents(atPath: anchorPath) else { return nil }
        guard let c = try? JSONDecoder().decode(Checkpoint.self, from: data) else {
            throw .logUnavailable(path: path, reason: "its anchor \(anchorPath) cannot be read")
        }
        return c
    }

    func writeAnchor(_ head: Checkpoint) throws(AuditError) {
        let file = anchorPath
        let dir = (file as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            var doc = head
            doc.log = URL(fileURLWithPath: path).standardizedFileURL.path
            let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try enc.encode(doc).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw .writeFailed(path: path, reason: "cannot write its anchor \(file): \(error.localizedDescription)")
        }
    }

    // MARK: Reading

    /// The entries matching `filter`, oldest first. O(entries) (streamed; only matches are kept).
    public func entries(filter: AuditFilter = AuditFilter()) throws(AuditError) -> [AuditRecord] {
        var clauses: [String] = [], args: [any DatabaseValueConvertible] = []
        if let a = filter.analyst { clauses.append("analyst = ?"); args.append(a) }
        if let f = filter.from { clauses.append("at >= ?"); args.append(f) }
        if let u = filter.until {
            clauses.append(u.count == 10 ? "substr(at, 1, 10) <= ?" : "at <= ?"); args.append(u)
        }
        if let p = filter.purpose { clauses.append("instr(lower(purpose), lower(?)) > 0"); args.append(p) }
        if let a = filter.audience { clauses.append("audience = ? COLLATE NOCASE"); args.append(a) }
        if let e = filter.entity { clauses.append("instr(disclosed, ?) > 0"); args.append(e) }
        let sql = "SELECT seq, at, analyst, command, purpose, audience, recipients, disclosed, prev, chain FROM audit_entries"
            + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")) + " ORDER BY seq"
        do {
            return try queue.read { db in
                var out: [AuditRecord] = []
                let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(args))
                let dec = JSONDecoder()
                while let r = try rows.next() {
                    let text = { (i: Int) -> String in (try? r.withUnsafeData(atIndex: i) { $0.map { String(decoding: $0, as: UTF8.self) } }) ?? nil ?? "" }
                    out.append(AuditRecord(
                        seq: r[0], at: text(1), analyst: text(2), command: text(3), purpose: text(4), audience: text(5),
                        recipients: (try? dec.decode([String].self, from: Data(text(6).utf8))) ?? [text(6)],
                        disclosed: (try? dec.decode(Disclosure.self, from: Data(text(7).utf8))) ?? Disclosure(),
                        prev: text(8), chain: text(9)))
                }
                return out
            }
        } catch {
            throw .logUnavailable(path: path, reason: "\(error)")
        }
    }

    /// How many entries the log holds. O(1) (SQLite's count over the table's b-tree).
    public func count() throws(AuditError) -> Int64 {
        do { return try queue.read { try Int64.fetchOne($0, sql: "SELECT count(*) FROM audit_entries") ?? 0 } } catch {
            throw .logUnavailable(path: path, reason: "\(error)")
        }
    }
}

/// A signed head of the log: its newest seq and chain value, with their HMAC under the key. An
/// export's manifest carries one; the anchor file holds the newest.
public struct Checkpoint: Codable, Equatable, Sendable {
    public var seq: Int64
    /// The chain value at `seq`, hex (64 zeros for an empty log).
    public var chain: String
    /// HMAC-SHA256 under the key of `sightline-audit-head-v1` ‖ seq (8 bytes big-endian) ‖ chain
    /// value (32 bytes), hex.
    public var signature: String
    /// The log's absolute path (in the anchor only; not signed).
    public var log: String?

    public init(seq: Int64, chain: String, signature: String) {
        self.seq = seq; self.chain = chain; self.signature = signature
    }

    /// Reads a checkpoint from a JSON file: the checkpoint itself, or a manifest holding it under
    /// `auditCheckpoint`. O(file size).
    public static func read(path: String) throws(AuditError) -> Checkpoint {
        guard let data = FileManager.default.contents(atPath: path) else { throw .badCheckpoint(path: path, reason: "cannot be read") }
        struct Manifest: Decodable { var auditCheckpoint: Checkpoint }
        if let c = try? JSONDecoder().decode(Checkpoint.self, from: data) { return c }
        if let m = try? JSONDecoder().decode(Manifest.self, from: data) { return m.auditCheckpoint }
        throw .badCheckpoint(path: path, reason: "not a checkpoint (seq, chain, signature)")
    }
}

/// Which entries `audit show` lists; every condition given must hold.
public struct AuditFilter: Sendable, Equatable {
    /// The analyst, exactly.
    public var analyst: String?
    /// Entries at or after this time (`YYYY-MM-DD` or a full UTC timestamp).
    public var from: String?
    /// Entries at or before this time; a day (`YYYY-MM-DD`) includes the whole day.
    public var until: String?
    /// Text within the purpose (case-insensitive).
    public var purpose: String?
    /// The audience, exactly (case-insensitive).
    public var audience: String?
    /// Text within what was disclosed (an entity ID or part of one).
    public var entity: String?

    public init(analyst: String? = nil, from: String? = nil, until: String? = nil, purpose: String? = nil,
                audience: String? = nil, entity: String? = nil) {
        self.analyst = analyst; self.from = from; self.until = until; self.purpose = purpose
        self.audience = audience; self.entity = entity
    }
}
