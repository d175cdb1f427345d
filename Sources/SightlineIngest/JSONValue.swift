/// A parsed JSON value that keeps object keys in order and numbers as written.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, as its text (so that integers and decimals are read exactly when needed).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// The value written as compact JSON.
    public var jsonText: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(n): out += n
        case let .string(s): JSONValue.writeString(s, to: &out)
        case let .array(a):
            out += "["
            for (i, v) in a.enumerated() { if i > 0 { out += "," }; v.write(to: &out) }
            out += "]"
        case let .object(o):
            out += "{"
            for (i, kv) in o.enumerated() {
                if i > 0 { out += "," }
                JSONValue.writeString(kv.key, to: &out); out += ":"; kv.value.write(to: &out)
            }
            out += "}"
        }
    }

    /// Writes a JSON string literal, escaping quotes, backslashes and control characters.
    public static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}

/// A strict JSON parser over UTF-8 bytes (RFC 8259), written for Sightline's ingest.
///
/// Foundation's `JSONSerialization` loses key order, accepts duplicate keys and reports errors by
/// character offset only; ingest needs to reject duplicate keys and invalid UTF-8 with a reason a
/// person can act on, and to parse a million lines a second or so without bridging to `Any`.
public struct JSONParser {
    /// Why a line is not valid JSON.
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        /// The top-level field whose value was being read, when the error is inside one.
        public var field: String? = nil
        public var description: String { "invalid JSON at byte \(offset + 1): \(reason)" }

        public init(offset: Int, reason: String, field: String? = nil) {
            self.offset = offset; self.reason = reason; self.field = field
        }
    }

    /// Deepest nesting accepted; deeper input is rejected rather than risking the stack.
    public static let maxDepth = 64

    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    /// Parses one JSON document that fills the whole buffer (surrounding whitespace allowed).
    /// - Complexity: O(n) in the number of bytes (expected: the duplicate-key check hashes each key
    ///   of a large object once).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) -> JSONValue {
        var p = JSONParser(bytes: bytes)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == bytes.count else { throw p.fail("unexpected text after the end of the JSON value") }
        return v
    }

    /// Parses a JSON document held in an array of bytes.
    public static func parse(_ bytes: [UInt8]) throws(ParseError) -> JSONValue {
        do {
            return try bytes.withUnsafeBufferPointer { buf in try parse(buf) }
        } catch let e as ParseError {
            throw e
        } catch {
            fatalError("unreachable")
        }
    }

    func fail(_ reason: String) -> ParseError { ParseError(offset: i, reason: reason) }

    mutating func skipSpace() {
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1 } else { break }
        }
    }

    mutating func value(depth: Int) throws(ParseError) -> JSONValue {
        guard depth < Self.maxDepth else { throw fail("nested more than \(Self.maxDepth) levels deep") }
        guard i < bytes.count else { throw fail("the line ends before the value is complete (truncated?)") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case 0: throw fail("a NUL byte is not allowed")
        case 0xFF where i == 0 && bytes.count > 1 && bytes[1] == 0xFE, 0xFE where i == 0 && bytes.count > 1 && bytes[1] == 0xFF:
            throw fail("the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8")
        default: throw fail("unexpected character \(describeByte(bytes[i]))")
        }
    }

    func describeByte(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    mutating func literal(_ word: StaticString) throws(ParseError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw fail("the line ends inside '\(word)'") }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] {
            throw fail("unexpected character \(describeByte(bytes[i + k]))")
        }
        i += n
    }

    mutating func object(depth: Int) throws(ParseError) -> JSONValue {
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        // Keys seen, for the duplicate check: a scan of `members` while the object is small, a set
        // once it grows, so that an object of n keys takes O(n), not O(n^2).
        var keys = Set<String>()
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count else { throw fail("the line ends inside an object (truncated?)") }
            guard bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a field name in double quotes") }
            let key = try string()
            let repeated: Bool
            if members.count < 16 {
                repeated = members.contains { $0.key == key }
            } else {
                if keys.isEmpty { keys.reserveCapacity(64); for m in members { keys.insert(m.key) } }
                repeated = !keys.insert(key).inserted
            }
            if repeated { throw fail("field '\(key)' appears twice") }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after field name '\(key)'") }
            i += 1
            skipSpace()
            let v: JSONValue
            do { v = try value(depth: depth + 1) } catch {
                var e = error
                if depth == 0 { e.field = key } // name the record's field, however deep the error
                throw e
            }
            members.append((key, v))
            skipSpace()
            guard i < bytes.count else { throw fail("the line ends inside an object (truncated?)") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw fail("expected ',' or '}' in an object, found \(describeByte(bytes[i]))")
        }
    }

    mutating func array(depth: Int) throws(ParseError) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard i < bytes.count else { throw fail("the line ends inside a list (truncated?)") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw fail("expected ',' or ']' in a list, found \(describeByte(bytes[i]))")
        }
    }

    mutating func number() throws(ParseError) -> String {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits(_ p: inout JSONParser) -> Int {
            let s = p.i
            while p.i < p.bytes.count, p.bytes[p.i] >= 0x30, p.bytes[p.i] <= 0x39 { p.i += 1 }
            return p.i - s
        }
        let intStart = i
        let n = digits(&self)
        guard n > 0 else { throw fail("a number needs digits") }
        if n > 1, bytes[intStart] == UInt8(ascii: "0") { throw fail("a number cannot start with 0") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { throw fail("a number needs digits after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { throw fail("a number needs digits in its exponent") }
        }
        guard i - start <= 64 else { throw fail("a number longer than 64 characters") }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    mutating func string() throws(ParseError) -> String {
        i += 1 // opening quote
        let start = i
        // Fast path: no escapes.
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
                guard let s = String(validating: slice, as: UTF8.self) else {
                    i = start
                    throw fail("text is not valid UTF-8 (is the file in another encoding?)")
                }
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail(b == 0 ? "a NUL byte is not allowed in text" : "a control character (byte 0x\(String(b, radix: 16))) must be escaped in text") }
            i += 1
        }
        guard i < bytes.count else { throw fail("the line ends inside text (a missing closing quote?)") }
        // Slow path with escapes.
        var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    throw fail("text is not valid UTF-8 (is the file in another encoding?)")
                }
                return s
            }
            if b < 0x20 { throw fail(b == 0 ? "a NUL byte is not allowed in text" : "a control character must be escaped in text") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw fail("a lone UTF-16 surrogate in a \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone UTF-16 surrogate in a \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("a lone UTF-16 surrogate in a \\u escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("an invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw fail("unknown escape '\\\(Character(Unicode.Scalar(e)))'")
            }
        }
        throw fail("the line ends inside text (a missing closing quote?)")
    }

    mutating func hex4() throws(ParseError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("a \\u escape needs four hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail("a \\u escape needs four hex digits")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}
