import Crypto
import Foundation

/// What was disclosed (or consulted) by one command: the entities and items it showed, counts, and
/// the SHA-256 of every file it wrote. Stored as JSON text (sorted keys) in the entry's `disclosed`
/// column.
public struct Disclosure: Codable, Equatable, Sendable {
    /// A file written, by path, with the SHA-256 of its bytes (lowercase hex).
    public struct File: Codable, Equatable, Sendable {
        public var path: String
        public var sha256: String
        public init(path: String, sha256: String) { self.path = path; self.sha256 = sha256 }
    }

    /// Entity IDs shown (`person:lccs/C-2216`).
    public var entities: [String]
    /// Item references cited (`police/WX-1`).
    public var items: [String]
    /// Counts by what was counted (`rows`, `people`).
    public var counts: [String: Int]
    /// Files written.
    public var files: [File]
    /// The opaque references written in place of item references (to an audience that may not see
    /// them), each with the item it stands for (`DK3J...` -> `police/WX-1`); nil when none.
    public var opaque: [String: String]?

    public init(entities: [String] = [], items: [String] = [], counts: [String: Int] = [:], files: [File] = [],
                opaque: [String: String]? = nil) {
        self.entities = entities; self.items = items; self.counts = counts; self.files = files; self.opaque = opaque
    }

    /// The SHA-256 of a file's bytes, as lowercase hex, for ``files``. O(file size).
    /// - Throws: ``AuditError/writeFailed(path:reason:)`` when the file cannot be read: a
    ///   disclosure whose file cannot be fingerprinted cannot be logged.
    public static func sha256(ofFileAt path: String) throws(AuditError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .writeFailed(path: path, reason: "cannot read the file written, to fingerprint it")
        }
        return Hex.encode(SHA256.hash(data: data))
    }

    /// The SHA-256 of bytes about to be written, as lowercase hex, for ``files``. O(bytes).
    public static func sha256(of bytes: [UInt8]) -> String { Hex.encode(SHA256.hash(data: bytes)) }

    /// JSON text with sorted keys: the bytes stored and chained.
    ///
    /// Written here rather than by `JSONEncoder`, which took more than half a second for an export's
    /// entry (13 MB: every entity and item, and what each minted reference stands for); the output
    /// is the same as `JSONEncoder`'s with `.sortedKeys` and `.withoutEscapingSlashes` (a test
    /// compares the two). O(size).
    var jsonText: String {
        var out: [UInt8] = []
        out.reserveCapacity(64 + (entities.count + items.count) * 24 + (opaque?.count ?? 0) * 40)
        func string(_ s: String) { JSONText.append(s, to: &out) }
        func strings(_ a: [String]) {
            out.append(UInt8(ascii: "["))
            for (k, s) in a.enumerated() { if k > 0 { out.append(UInt8(ascii: ",")) }; string(s) }
            out.append(UInt8(ascii: "]"))
        }
        func object<V>(_ d: [String: V], _ value: (V) -> Void) {
            out.append(UInt8(ascii: "{"))
            for (k, key) in d.keys.sorted(by: JSONText.sortsBefore).enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                string(key); out.append(UInt8(ascii: ":")); value(d[key]!)
            }
            out.append(UInt8(ascii: "}"))
        }
        out += Array(#"{"counts":"#.utf8)
        object(counts) { out += Array(String($0).utf8) }
        out += Array(#","entities":"#.utf8); strings(entities)
        out += Array(#","files":["#.utf8)
        for (k, f) in files.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out += Array(#"{"path":"#.utf8); string(f.path)
            out += Array(#","sha256":"#.utf8); string(f.sha256)
            out.append(UInt8(ascii: "}"))
        }
        out += Array(#"],"items":"#.utf8); strings(items)
        if let opaque {
            out += Array(#","opaque":"#.utf8)
            object(opaque) { string($0) }
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}

/// JSON strings as `JSONEncoder` writes them (slashes unescaped), and its order of sorted keys.
enum JSONText {
    private static let hex = Array("0123456789abcdef".utf8)

    static func append(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Keys in the order `JSONEncoder`'s `.sortedKeys` gives them.
    static func sortsBefore(_ a: String, _ b: String) -> Bool { a < b }
}

/// One consultation or disclosure to log: who, why, to whom, what. The log adds when (``at``
/// defaults to the moment of appending), the sequence number and the chain values.
public struct AuditEntry: Equatable, Sendable {
    /// When it happened; `nil` is the moment of appending.
    public var at: Date?
    /// Who: the analyst (see ``AuditIdentity/analyst(option:environment:)``).
    public var analyst: String
    /// The command with its parameters, as run (`disrupt people --limit 20`).
    public var command: String
    /// Why: the lawful purpose given.
    public var purpose: String
    /// To whom, as a body (`MASH`, `strategy meeting`).
    public var audience: String
    /// To whom, named recipients.
    public var recipients: [String]
    /// What.
    public var disclosed: Disclosure

    public init(at: Date? = nil, analyst: String, command: String, purpose: String, audience: String,
                recipients: [String] = [], disclosed: Disclosure = Disclosure()) {
        self.at = at; self.analyst = analyst; self.command = command; self.purpose = purpose
        self.audience = audience; self.recipients = recipients; self.disclosed = disclosed
    }
}

/// An entry as stored: its fields as text (exactly the bytes chained), its sequence number and its
/// chain values.
public struct AuditRecord: Codable, Equatable, Sendable {
    public var seq: Int64
    /// UTC, ISO 8601 with milliseconds (`2026-12-06T05:19:56.123Z`).
    public var at: String
    public var analyst: String
    public var command: String
    public var purpose: String
    public var audience: String
    public var recipients: [String]
    public var disclosed: Disclosure
    /// The previous entry's chain value (64 zeros before the first), hex.
    public var prev: String
    /// This entry's chain value, hex.
    public var chain: String
}

/// Lowercase hexadecimal.
enum Hex {
    static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](); out.reserveCapacity(64)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        let u = Array(text.utf8)
        guard u.count % 2 == 0 else { return nil }
        func v(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            case 65...70: c - 55
            default: nil
            }
        }
        var out = [UInt8](); out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let h = v(u[i]), let l = v(u[i + 1]) else { return nil }
            out.append(h << 4 | l); i += 2
        }
        return out
    }
}

/// UTC timestamps as the log writes them.
enum AuditTime {
    /// `2026-12-06T05:19:56.123Z`. O(1).
    static func text(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var secs = time_t(ms >= 0 ? ms / 1000 : (ms - 999) / 1000)
        let milli = Int(ms - Int64(secs) * 1000)
        var t = tm()
        gmtime_r(&secs, &t)
        func pad(_ v: Int32, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(t.tm_year + 1900, 4))-\(pad(t.tm_mon + 1, 2))-\(pad(t.tm_mday, 2))T\(pad(t.tm_hour, 2)):\(pad(t.tm_min, 2)):\(pad(t.tm_sec, 2)).\(pad(Int32(milli), 3))Z"
    }
}
