import Foundation
import GRDB

/// What ``AuditLog/verify(checkpoints:useAnchor:)`` found.
public struct VerifyReport: Sendable, Equatable {
    /// The first thing wrong: the entry's seq (`nil` when no entry can be named, such as a forged
    /// checkpoint) and why.
    public struct Problem: Sendable, Equatable {
        public var seq: Int64?
        public var reason: String
    }

    /// The log's path.
    public var path: String
    /// Entries in the log.
    public var entries: Int64
    /// The last seq whose chain is intact (0 when none is).
    public var intactThrough: Int64
    /// The chain value at ``intactThrough``, hex.
    public var head: String
    /// The first problem, or `nil` when the log is intact.
    public var problem: Problem?

    public var isIntact: Bool { problem == nil }

    /// One line for a person.
    public var summary: String {
        if let problem {
            let at = problem.seq.map { "entry \($0)" } ?? "the log"
            return "audit log \(path): \(entries) entries; \(at) is bad: \(problem.reason) (chain intact up to seq \(intactThrough))"
        }
        return "audit log \(path): \(entries) entries, chain intact up to seq \(intactThrough) (head \(head))"
    }
}

extension AuditLog {
    /// Checks the whole chain, streaming the entries in seq order (memory O(1) in the log's size),
    /// and names the FIRST bad entry and why:
    /// - a seq missing (a middle entry deleted, or renumbered);
    /// - an entry whose previous-chain value is not the chain value before it (entries reordered,
    ///   deleted or copied in);
    /// - an entry whose fields do not give its chain value under the key (a field edited, or the
    ///   chain recomputed without the key: then already at seq 1);
    /// - fewer entries than a checkpoint or the anchor records (the tail deleted, or an older copy
    ///   put back), or a different chain value at a checkpoint's seq (a different copy).
    ///
    /// O(n · entry size); about 1 µs an entry in a release build.
    /// - Parameters:
    ///   - checkpoints: heads taken earlier (from exports' manifests).
    ///   - useAnchor: whether to check the anchor beside the key (a log with entries and no anchor is
    ///     bad: the anchor was removed, or the log was moved or copied).
    /// - Throws: ``AuditError/logUnavailable(path:reason:)`` when the log cannot be read at all.
    public func verify(checkpoints: [Checkpoint] = [], useAnchor: Bool = true) throws(AuditError) -> VerifyReport {
        let total = try count()
        var report = VerifyReport(path: path, entries: total, intactThrough: 0, head: Hex.encode(Self.zeroChain))
        // Heads to meet on the way: seq -> (expected chain, what recorded it).
        var heads: [(Checkpoint, String)] = []
        for (i, c) in checkpoints.enumerated() {
            let name = checkpoints.count == 1 ? "the checkpoint" : "checkpoint \(i + 1)"
            guard let chain = Hex.decode(c.chain), chain.count == 32, key.signHead(seq: c.seq, chain: chain) == c.signature.lowercased() else {
                report.problem = .init(seq: nil, reason: "\(name) (seq \(c.seq)) is not signed by this key: forged, or from another log's key")
                return report
            }
            heads.append((c, name))
        }
        if useAnchor {
            if let a = try readAnchor() {
                guard let chain = Hex.decode(a.chain), chain.count == 32, key.signHead(seq: a.seq, chain: chain) == a.signature.lowercased() else {
                    report.problem = .init(seq: nil, reason: "its anchor \(anchorPath) is not signed by this key")
                    return report
                }
                heads.append((a, "the anchor"))
            } else if total > 0 {
                report.problem = .init(seq: nil, reason: "no anchor for it beside the key (\(anchorPath)): the anchor was removed, the log was moved or copied here, or the key is not the one that wrote it")
                return report
            }
        }
        var bySeq: [Int64: [(Checkpoint, String)]] = [:]
        for h in heads { bySeq[h.0.seq, default: []].append(h) }

        do {
            try queue.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT seq, at, analyst, command, purpose, audience, recipients, disclosed, prev, chain FROM audit_entries ORDER BY seq")
                var expected: Int64 = 1
                var prev = Self.zeroChain
                var prevHex = Array(Hex.encode(prev).utf8)
                var message = [UInt8](); message.reserveCapacity(1024)
                while let row = try rows.next() {
                    let seq: Int64 = row[0]
                    if seq != expected {
                        report.problem = .init(seq: expected, reason: "entry \(expected) is missing (the next is seq \(seq)): entries deleted or renumbered")
                        return
                    }
                    let storedPrev = try row.withUnsafeData(atIndex: 8) { $0.map(Array.init) }
                    if storedPrev != prevHex {
                        report.problem = .init(seq: seq, reason: seq == 1
                            ? "its previous-chain value is not the start of a chain: entries before it deleted, or the prev column edited"
                            : "its previous-chain value is not entry \(seq - 1)'s chain value: entries reordered, deleted or copied in, or the prev column edited")
                        return
                    }
                    // The canonical encoding, built from the columns' bytes as stored.
                    message.removeAll(keepingCapacity: true)
                    message += prev
                    message.appendBigEndian(UInt64(bitPattern: seq))
                    for i in 1...7 {
                        try row.withUnsafeData(atIndex: i) { data in
                            guard let data else { message.appendBigEndian(UInt64.max); return }
                            message.appendBigEndian(UInt64(data.count)); message += data
                        }
                    }
                    let chain = key.mac(message)
                    let chainHex = Array(Hex.encode(chain).utf8)
                    let storedChain = try row.withUnsafeData(atIndex: 9) { $0.map(Array.init) }
                    if storedChain != chainHex {
                        report.problem = .init(seq: seq, reason: "its fields do not give its chain value under the key: a field edited, or the chain computed without the key")
                        return
                    }
                    if let due = bySeq[seq] {
                        for (c, name) in due where c.chain.lowercased().utf8.elementsEqual(chainHex) == false {
                            report.problem = .init(seq: seq, reason: "its chain value differs from \(name)'s: an older or different copy of the log")
                            return
                        }
                    }
                    prev = chain; prevHex = chainHex
                    report.intactThrough = seq
                    report.head = String(decoding: chainHex, as: UTF8.self)
                    expected += 1
                }
            }
        } catch {
            throw .logUnavailable(path: path, reason: "\(error)")
        }
        if report.problem == nil, let (c, name) = heads.filter({ $0.0.seq > report.intactThrough }).max(by: { $0.0.seq < $1.0.seq }) {
            report.problem = .init(seq: report.intactThrough + 1,
                                   reason: "the log ends at seq \(report.intactThrough) but \(name) records seq \(c.seq): its last entries were deleted, or an older copy was put back")
        }
        return report
    }
}
