/// Text encodings agencies' CSV exports come in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case latin1 = "latin1"

    /// Reads an encoding name as mappings write it (`UTF8`, `cp1252`, `ISO-8859-1`...).
    public init?(name: String) {
        switch name.lowercased().filter({ $0 != "-" && $0 != "_" && $0 != " " }) {
        case "utf8": self = .utf8
        case "windows1252", "cp1252", "win1252", "ansi": self = .windows1252
        case "latin1", "iso88591": self = .latin1
        default: return nil
        }
    }

    /// Decodes bytes; nil when they are not valid in this encoding.
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        switch self {
        case .utf8:
            return String(validating: bytes, as: UTF8.self)
        case .latin1:
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            for b in bytes {
                if b >= 0x80 && b <= 0x9F {
                    let v = Self.cp1252High[Int(b - 0x80)]
                    guard v != 0 else { return nil }
                    scalars.append(Unicode.Scalar(v)!)
                } else {
                    scalars.append(Unicode.Scalar(b))
                }
            }
            return String(scalars)
        }
    }

    /// Windows-1252 0x80-0x9F (0 = undefined).
    static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}

/// Why a CSV row cannot be read.
public enum CSVRowError: Error, Sendable, Equatable {
    case unclosedQuote(startLine: Int)
    case fieldTooLong(line: Int, bytes: Int)
    case badEncoding(line: Int, field: Int, encoding: TextEncoding)
    case textAfterQuote(line: Int)
}

/// A streaming RFC 4180 CSV reader over a byte source.
///
/// Written here rather than taken from CSV.swift or SwiftCSV because ingest needs, in one pass over
/// a stream of bytes: the line each row starts on (for errors), per-file encodings decided by a
/// mapping, a clear error for a quote that is never closed, and a bound on field size so that a
/// hostile file cannot exhaust memory.
public struct CSVReader<Source: ByteSource> {
    var source: Source
    var chunk: [UInt8] = []
    var pos = 0
    var eof = false
    var line = 1
    public let delimiter: UInt8
    public let encoding: TextEncoding
    public let maxFieldBytes: Int
    public private(set) var bytesRead = 0

    /// A row: the line it starts on and its fields.
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]
    }


    public init(_ source: Source, delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .utf8,
                maxFieldBytes: Int = 1 << 20) {
        self.source = source; self.delimiter = delimiter; self.encoding = encoding; self.maxFieldBytes = maxFieldBytes
    }

    mutating func peek() throws -> UInt8? {
        if pos < chunk.count { return chunk[pos] }
        if eof { return nil }
        let first = bytesRead == 0
        guard try source.read(into: &chunk), !chunk.isEmpty else { eof = true; return nil }
        pos = 0
        if first { // a BOM: read on until three bytes are in hand, however the source splits them
            var more: [UInt8] = []
            while chunk.count < 3 {
                guard try source.read(into: &more), !more.isEmpty else { eof = true; break }
                chunk.append(contentsOf: more)
            }
            if encoding == .utf8, chunk.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
        }
        bytesRead += chunk.count
        return pos < chunk.count ? chunk[pos] : try peek()
    }

    /// Reads the next row, or nil at the end. Blank lines are skipped.
    /// - Throws: ``CSVRowError`` (the reader then skips to the next line so reading can go on).
    /// - Complexity: O(n) in the row's length.
    public mutating func next() throws -> Row? {
        while true {
            guard let b = try peek() else { return nil }
            if b == 0x0A { pos += 1; line += 1; continue }
            if b == 0x0D { pos += 1; continue }
            break
        }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var tooLong = 0
        var encodingError: Int? = nil
        func finishField(_ r: inout CSVReader) {
            if tooLong == 0, encodingError == nil {
                let s: String? = field.withUnsafeBufferPointer { r.encoding.decode($0) }
                if let s { fields.append(s) } else { encodingError = fields.count }
            }
            field.removeAll(keepingCapacity: true)
        }
        func add(_ byte: UInt8, _ r: CSVReader) {
            if field.count >= r.maxFieldBytes { tooLong = max(tooLong, field.count + 1); return }
            field.append(byte)
        }
        var quoted = false
        var afterQuote = false
        var badAfterQuote = false
        while true {
            guard let b = try peek() else {
                if quoted { throw CSVRowError.unclosedQuote(startLine: startLine) }
                break
            }
            pos += 1
            if quoted {
                if b == 0x22 {
                    if try peek() == 0x22 { pos += 1; add(0x22, self) } else { quoted = false; afterQuote = true }
                } else {
                    if b == 0x0A { line += 1 }
                    add(b, self)
                }
                continue
            }
            if b == delimiter { finishField(&self); afterQuote = false; continue }
            if b == 0x0A { line += 1; break }
            if b == 0x0D { if try peek() == 0x0A { continue }; line += 1; break }
            if afterQuote { badAfterQuote = true; continue }
            if b == 0x22 && field.isEmpty { quoted = true; continue }
            add(b, self)
        }
        finishField(&self)
        if tooLong > 0 { throw CSVRowError.fieldTooLong(line: startLine, bytes: tooLong) }
        if let f = encodingError { throw CSVRowError.badEncoding(line: startLine, field: f, encoding: encoding) }
        if badAfterQuote { throw CSVRowError.textAfterQuote(line: startLine) }
        return Row(line: startLine, fields: fields)
    }
}
