import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the audit log could not be used. Every case is a store-level failure (exit 3): a disclosure
/// that cannot be logged is refused.
public enum AuditError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The key file is missing (when reading), unreadable, or not 32 bytes of hex.
    case keyUnavailable(path: String, reason: String)
    /// The log file is missing (when reading), unreadable, or not an audit log.
    case logUnavailable(path: String, reason: String)
    /// An entry, the anchor or a fingerprint could not be written: nothing was logged.
    case writeFailed(path: String, reason: String)
    /// A checkpoint file that cannot be read or decoded.
    case badCheckpoint(path: String, reason: String)
    /// No analyst could be named.
    case noAnalyst

    public var description: String {
        switch self {
        case let .keyUnavailable(p, r): "audit key \(p): \(r)"
        case let .logUnavailable(p, r): "audit log \(p): \(r)"
        case let .writeFailed(p, r): "audit log \(p): could not log the entry (\(r)); nothing was disclosed"
        case let .badCheckpoint(p, r): "checkpoint \(p): \(r)"
        case .noAnalyst: "no analyst: give --analyst or set SIGHTLINE_ANALYST"
        }
    }
}

/// The audit key: 32 random bytes, kept outside the store and the log, as 64 hex digits in a file
/// of mode 0600. Whoever edits the log without it cannot recompute the chain.
public struct AuditKey: @unchecked Sendable { // SymmetricKey is immutable
    let key: SymmetricKey
    /// The key file's path.
    public let path: String

    /// The key file's default path: `$SIGHTLINE_AUDIT_KEY` if set, else
    /// `~/.config/sightline/audit.key`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["SIGHTLINE_AUDIT_KEY"], !p.isEmpty { return p }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/sightline/audit.key"
    }

    /// Reads the key file; with `create`, makes it first if missing (32 random bytes, mode 0600,
    /// its folder 0700). O(1).
    /// - Throws: ``AuditError/keyUnavailable(path:reason:)``.
    public static func load(path: String, create: Bool) throws(AuditError) -> AuditKey {
        if create, !FileManager.default.fileExists(atPath: path) {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty {
                try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                         attributes: [.posixPermissions: 0o700])
            }
            // Written whole to a file of its own, then linked into place: a process starting at the
            // same moment sees no key or a whole key, never a part (link fails when one is there).
            var template = Array((path + ".new-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else {
                throw .keyUnavailable(path: path, reason: "could not create the key file (\(String(cString: strerror(errno))))")
            }
            let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            defer { unlink(temporary) }
            fchmod(fd, 0o600)
            let text = Array((SymmetricKey(size: .bits256).withUnsafeBytes { Hex.encode($0) } + "\n").utf8)
            let written = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            let synced = fsync(fd) == 0
            close(fd)
            guard written == text.count, synced else { throw .keyUnavailable(path: path, reason: "could not write a new key") }
            if link(temporary, path) != 0 && errno != EEXIST {
                throw .keyUnavailable(path: path, reason: "could not create the key file (\(String(cString: strerror(errno))))")
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .keyUnavailable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no key file (set SIGHTLINE_AUDIT_KEY to its path)")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Hex.decode(text), bytes.count == 32 else {
            throw .keyUnavailable(path: path, reason: "not a key (64 hexadecimal digits expected)")
        }
        return AuditKey(key: SymmetricKey(data: bytes), path: path)
    }

    /// HMAC-SHA256 of `message` under the key. O(message).
    func mac(_ message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
    }

    /// The signature of a head (seq, chain value): HMAC of `sightline-audit-head-v1`, seq as 8
    /// bytes big-endian, then the chain value's 32 bytes.
    func signHead(seq: Int64, chain: [UInt8]) -> String {
        var m = Array("sightline-audit-head-v1".utf8)
        m.appendBigEndian(UInt64(bitPattern: seq))
        m += chain
        return Hex.encode(mac(m))
    }
}

/// Who is consulting or disclosing.
public enum AuditIdentity {
    /// The analyst: `--analyst` if given, else `SIGHTLINE_ANALYST`, else the operating-system user
    /// (the password database's name for the effective user, then `USER`).
    /// - Throws: ``AuditError/noAnalyst`` when none of these names anyone.
    public static func analyst(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(AuditError) -> String {
        func named(_ s: String?) -> String? {
            guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        if let a = named(option) ?? named(environment["SIGHTLINE_ANALYST"]) { return a }
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name, let a = named(String(cString: name)) { return a }
        if let a = named(environment["USER"]) { return a }
        throw .noAnalyst
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ v: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }
}
