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
    /// A quoted field is still open at the end of the file.
    case unclosedQuote(startLine: Int)
    /// A field passed the limit; the reader stops there (its end may never come). `quoted` says
    /// whether it was inside quotes, which usually means a quote that is never closed.
    case fieldTooLong(line: Int, bytes: Int, quoted: Bool = false)
    /// A row passed the row limit (bytes or fields); the reader stops there.
    case rowTooLong(line: Int)
    case badEncoding(line: Int, field: Int, encoding: TextEncoding)
    case textAfterQuote(line: Int)
    /// A file declared windows-1252 or latin1 whose non-ASCII bytes form valid multi-byte UTF-8:
    /// almost certainly a UTF-8 file, which the declared encoding would turn into mojibake.
    case looksLikeUTF8(line: Int, field: Int, encoding: TextEncoding)

    /// Whether the reader cannot go on after this error (the rest of the file cannot be told apart).
    public var stopsReading: Bool {
        switch self {
        case .fieldTooLong, .rowTooLong, .unclosedQuote, .looksLikeUTF8: true
        case .badEncoding, .textAfterQuote: false
        }
    }
}

/// A streaming RFC 4180 CSV reader over a byte source.
///
/// Written here rather than taken from CSV.swift or SwiftCSV because ingest needs, in one pass over
/// a stream of bytes: the line each row starts on (for errors), per-file encodings decided by a
/// mapping, a clear error for a quote that is never closed, and a bound on field size so that a
/// hostile file cannot exhaust memory. The byte-by-byte work happens in ``CSVRowParser``, which is
/// not generic, so it runs at full speed whatever the source.
public struct CSVReader<Source: ByteSource> {
    var source: Source
    var chunk: [UInt8] = []
    var pos = 0
    var eof = false
    var parser: CSVRowParser
    public let encoding: TextEncoding
    public private(set) var bytesRead = 0
    /// Whether the file begins with a UTF-16 byte-order mark (an export saved as "Unicode text").
    public private(set) var startsWithUTF16Mark = false
    /// Set after an error that ``CSVRowError/stopsReading``: nothing after it is read.
    var stopped = false
    /// The bytes of the row being read (or last read), line breaks included, up to a limit, so that
    /// a rejected row can be quarantined as it was written.
    var rawRow: [UInt8] = []
    static var maxRawBytes: Int { 16 << 20 }

    public var delimiter: UInt8 { parser.delimiter }
    public var maxFieldBytes: Int { parser.maxFieldBytes }

    /// A row: the line it starts on and its fields.
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]
    }

    public init(_ source: Source, delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .utf8,
                maxFieldBytes: Int = 1 << 20) {
        self.source = source
        self.encoding = encoding
        parser = CSVRowParser(delimiter: delimiter, maxFieldBytes: maxFieldBytes)
    }

    /// Reads the next chunk; false at the end of the source.
    mutating func refill() throws -> Bool {
        if eof { return false }
        let first = bytesRead == 0
        guard try source.read(into: &chunk), !chunk.isEmpty else { eof = true; return false }
        pos = 0
        if first { // a BOM: read on until three bytes are in hand, however the source splits them
            var more: [UInt8] = []
            while chunk.count < 3 {
                guard try source.read(into: &more), !more.isEmpty else { break }
                chunk.append(contentsOf: more)
            }
            if encoding == .utf8, chunk.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
            startsWithUTF16Mark = chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF])
        }
        bytesRead += chunk.count
        return true
    }

    /// Reads the next row, or nil at the end. Blank lines are skipped.
    /// - Throws: ``CSVRowError`` (the reader then goes on with the next line, so reading can continue).
    /// - Complexity: O(n) in the row's length.
    public mutating func next() throws -> Row? {
        if stopped { return nil }
        rawRow.removeAll(keepingCapacity: true)
        do {
            while true {
                if pos >= chunk.count, !(try refill()) {
                    guard let line = try parser.finishAtEnd() else { return nil }
                    return Row(line: line, fields: try parser.takeFields(encoding: encoding))
                }
                let start = pos
                let (consumed, done) = chunk.withUnsafeBufferPointer { parser.feed($0, from: start) }
                pos = start + consumed
                if rawRow.count < Self.maxRawBytes { rawRow.append(contentsOf: chunk[start..<pos].prefix(Self.maxRawBytes - rawRow.count)) }
                if done { return Row(line: parser.startLine, fields: try parser.takeFields(encoding: encoding)) }
            }
        } catch let e as CSVRowError {
            if e.stopsReading { stopped = true }
            throw e
        }
    }

    /// The text of the row last read, as written (without blank lines before it or the final line
    /// break), decoded in the file's encoding where possible; for quarantine files.
    public var lastRowText: String {
        var bytes = rawRow[...]
        while let f = bytes.first, f == 0x0A || f == 0x0D { bytes = bytes.dropFirst() }
        while let l = bytes.last, l == 0x0A || l == 0x0D { bytes = bytes.dropLast() }
        let array = Array(bytes)
        return array.withUnsafeBufferPointer { encoding.decode($0) } ?? String(decoding: array, as: UTF8.self)
    }
}

/// The state machine behind ``CSVReader``: feeds on bytes and says when a row is complete.
public struct CSVRowParser: Sendable {
    public let delimiter: UInt8
    public let maxFieldBytes: Int
    var line = 1
    var startLine = 1
    var inRow = false
    var quoted = false
    var pendingQuote = false
    var pendingCR = false
    var afterQuote = false
    var badAfterQuote = false
    var tooLong = 0
    var tooLongQuoted = false
    var rowTooLong = false
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var fieldStart = 0

    init(delimiter: UInt8, maxFieldBytes: Int) {
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
        bytes.reserveCapacity(256)
    }

    /// Most fields in a row, and most bytes: past either the row is refused and reading stops.
    static let maxFields = 10_000
    static let maxRowBytes = 16 << 20

    @inline(__always) mutating func add(_ b: UInt8) {
        let length = bytes.count - fieldStart
        if length >= maxFieldBytes { tooLong = max(tooLong, length + 1); tooLongQuoted = quoted; return }
        if bytes.count >= Self.maxRowBytes { rowTooLong = true; return }
        bytes.append(b)
    }

    @inline(__always) mutating func endField() {
        ends.append(bytes.count)
        fieldStart = bytes.count
        afterQuote = false
        if ends.count > Self.maxFields { rowTooLong = true }
    }

    /// Consumes bytes from `from`; returns how many were consumed and whether a row ended.
    mutating func feed(_ buf: UnsafeBufferPointer<UInt8>, from: Int) -> (Int, Bool) {
        var i = from
        let n = buf.count
        while i < n {
            // Past a limit: stop at once, however far away the row's end may be.
            if tooLong > 0 || rowTooLong { return (i - from, true) }
            let b = buf[i]
            if !inRow {
                if b == 0x0A { line += 1; i += 1; continue }
                if b == 0x0D { i += 1; continue }
                inRow = true
                startLine = line
            }
            if pendingCR {
                pendingCR = false
                line += 1
                if b == 0x0A { i += 1 }
                return (i - from, true)
            }
            if pendingQuote {
                pendingQuote = false
                if b == 0x22 { add(0x22); i += 1; continue }
                quoted = false
                afterQuote = true
            }
            i += 1
            if quoted {
                if b == 0x22 { pendingQuote = true; continue }
                if b == 0x0A { line += 1 }
                add(b)
                continue
            }
            if b == delimiter { endField(); continue }
            if b == 0x0A { line += 1; return (i - from, true) }
            if b == 0x0D { pendingCR = true; continue }
            if afterQuote { badAfterQuote = true; continue }
            if b == 0x22 && bytes.count == fieldStart { quoted = true; continue }
            add(b)
        }
        if tooLong > 0 || rowTooLong { return (i - from, true) }
        return (i - from, false)
    }

    /// At the end of the source: the start line of a last row without a line break, or nil.
    mutating func finishAtEnd() throws -> Int? {
        guard inRow else { return nil }
        if pendingQuote { pendingQuote = false; quoted = false; afterQuote = true }
        if quoted {
            let l = startLine
            reset()
            throw CSVRowError.unclosedQuote(startLine: l)
        }
        if pendingCR { pendingCR = false; line += 1 }
        return startLine
    }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        fieldStart = 0
        inRow = false; quoted = false; pendingQuote = false; pendingCR = false
        afterQuote = false; badAfterQuote = false; tooLong = 0; tooLongQuoted = false; rowTooLong = false
    }

    /// The first field whose non-ASCII bytes are all valid multi-byte UTF-8, if any.
    ///
    /// Text really written in windows-1252 or latin1 almost never is: UTF-8's lead bytes (0xC2-0xF4)
    /// are accented capitals there, and its continuation bytes (0x80-0xBF) would have to follow each
    /// one exactly. A UTF-8 export read as windows-1252 is what makes "ZoÃ«" out of "Zoë".
    static func firstUTF8Field(_ bytes: [UInt8], ends: [Int]) -> Int? {
        bytes.withUnsafeBufferPointer { all -> Int? in
            var s = 0
            for (k, e) in ends.enumerated() {
                defer { s = e }
                let field = UnsafeBufferPointer(rebasing: all[s..<e])
                guard field.contains(where: { $0 >= 0x80 }) else { continue }
                if String(validating: field, as: UTF8.self) != nil { return k }
            }
            return nil
        }
    }

    /// The completed row's fields, decoded; resets for the next row.
    mutating func takeFields(encoding: TextEncoding) throws -> [String] {
        if tooLong > 0 || rowTooLong {
            let (l, n, q, row) = (startLine, tooLong, tooLongQuoted, rowTooLong)
            reset()
            throw row ? CSVRowError.rowTooLong(line: l) : CSVRowError.fieldTooLong(line: l, bytes: n, quoted: q)
        }
        endField()
        defer { reset() }
        var fields: [String] = []
        fields.reserveCapacity(ends.count)
        var failed: Int? = nil
        bytes.withUnsafeBufferPointer { all in
            var s = 0
            for (k, e) in ends.enumerated() {
                guard let text = encoding.decode(UnsafeBufferPointer(rebasing: all[s..<e])) else { failed = k; return }
                fields.append(text)
                s = e
            }
        }
        if let failed { throw CSVRowError.badEncoding(line: startLine, field: failed, encoding: encoding) }
        if encoding != .utf8, let k = Self.firstUTF8Field(bytes, ends: ends) {
            throw CSVRowError.looksLikeUTF8(line: startLine, field: k, encoding: encoding)
        }
        if badAfterQuote { throw CSVRowError.textAfterQuote(line: startLine) }
        return fields
    }
}
