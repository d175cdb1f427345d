import SightlineModel

/// What a file holds: canonical JSON Lines, or CSV read through a mapping.
public enum InputFormat: Sendable {
    case jsonLines
    case csv(CSVMapping, mappingFile: String)
}

/// One line (JSON Lines) or row (CSV) read from a file: the records it made, or why it was rejected.
public struct InputUnit: Sendable {
    public var location: SourceLocation
    public var outcome: Result<[IntelRecord], IngestError>
    /// The raw text, for quarantine files (for CSV rows, built only when asked for).
    public var raw: String {
        switch rawSource {
        case let .text(t): t
        case let .fields(f): f.map(quoteCSVField).joined(separator: ",")
        }
    }

    enum RawSource: Sendable {
        case text(String)
        case fields([String])
    }
    var rawSource: RawSource

    init(location: SourceLocation, outcome: Result<[IntelRecord], IngestError>, raw: String) {
        self.location = location; self.outcome = outcome; rawSource = .text(raw)
    }

    init(location: SourceLocation, outcome: Result<[IntelRecord], IngestError>, fields: [String]) {
        self.location = location; self.outcome = outcome; rawSource = .fields(fields)
    }
}

/// Reads a file's records one line or row at a time, validating each, without holding the file.
///
/// Decoding errors are returned per unit (so that `--quarantine` can set them aside and go on);
/// only failures of the byte source itself are thrown.
public struct RecordStream<Source: ByteSource> {
    let file: String
    let decoder: RecordDecoder
    var jsonl: LineReader<Source>?
    var csv: CSVReader<Source>?
    var mapping: CSVMapping?
    var header: [String: Int] = [:]
    var headerCount = 0
    var headerRead = false
    let mappingFile: String

    /// - Parameters:
    ///   - source: the file's bytes.
    ///   - file: the file's name, used in every error.
    ///   - format: how to read it.
    ///   - today: the run's day; dates after it are refused (nil: no check).
    public init(_ source: Source, file: String, format: InputFormat, today: Timestamp? = nil) {
        self.file = file
        decoder = RecordDecoder(today: today)
        switch format {
        case .jsonLines:
            jsonl = LineReader(source)
            mappingFile = ""
        case let .csv(m, mf):
            csv = CSVReader(source, delimiter: m.delimiter, encoding: m.encoding)
            mapping = m
            mappingFile = mf
        }
    }

    /// Bytes read so far, for progress.
    public var bytesRead: Int { jsonl?.bytesRead ?? csv?.bytesRead ?? 0 }

    /// The next unit, or nil at the end of the file.
    /// - Throws: ``IngestError/unreadable(file:reason:)`` when the bytes cannot be read at all, and
    ///   ``IngestError/badLine(_:reason:)`` when the rest of the file cannot be read: a CSV header
    ///   that does not match the mapping, a line or field past its limit (its end may never come),
    ///   a quote never closed, a UTF-8 file declared windows-1252. These stop a run even with
    ///   `--quarantine`, since the lines after them cannot be told apart or trusted.
    public mutating func next() throws(IngestError) -> InputUnit? {
        if jsonl != nil { return try nextJSONLine() }
        return try nextCSVRow()
    }

    mutating func nextJSONLine() throws(IngestError) -> InputUnit? {
        guard var reader = jsonl else { return nil }
        jsonl = nil
        defer { jsonl = reader }
        let file = self.file
        let decoder = self.decoder
        while true {
            let next: InputUnit??
            do {
                next = try reader.next { line in Self.decodeLine(line, file: file, decoder: decoder) }
            } catch {
                throw .unreadable(file: file, reason: "\(error)")
            }
            guard let u = next else { return nil }
            guard var unit = u else { continue } // blank line
            unit.location.line = reader.lineNumber
            let line = unit.location.line
            if case let .failure(.badLine(_, reason)) = unit.outcome, unit.raw.isEmpty { // a line past the limit
                throw .badLine(SourceLocation(file: file, line: line), reason: reason)
            }
            unit.outcome = unit.outcome.mapError { $0.relocated(line: line) }
            return unit
        }
    }

    static func decodeLine(_ line: LineReader<Source>.Line, file: String, decoder: RecordDecoder) -> InputUnit? {
        let loc = SourceLocation(file: file, line: 0)
        switch line {
        case let .tooLong(n):
            return InputUnit(location: loc, outcome: .failure(.badLine(loc, reason: "the line is longer than the 16 MiB a record may take (\(n) bytes read without a line break); reading stops here")), raw: "")
        case let .text(bytes):
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
            func raw() -> String { String(decoding: bytes.prefix(1 << 20), as: UTF8.self) }
            let value: JSONValue
            do { value = try JSONParser.parse(bytes) } catch {
                let failure: IngestError = error.field.flatMap { $0.isEmpty ? nil : $0 }
                    .map { .badField(loc, field: $0, value: nil, reason: error.description) } ?? .badLine(loc, reason: error.description)
                return InputUnit(location: loc, outcome: .failure(failure), raw: raw())
            }
            do {
                return InputUnit(location: loc, outcome: .success([try decoder.decode(value, at: loc)]), raw: raw())
            } catch {
                return InputUnit(location: loc, outcome: .failure(error), raw: raw())
            }
        }
    }

    mutating func nextCSVRow() throws(IngestError) -> InputUnit? {
        guard let mapping, var reader = csv else { return nil }
        csv = nil
        defer { csv = reader }
        if !headerRead {
            headerRead = true
            let first = SourceLocation(file: file, line: 1)
            let h: CSVReader<Source>.Row?
            switch Result(catching: { try reader.next() }) {
            case let .success(row): h = row
            case .failure where reader.startsWithUTF16Mark:
                throw .badLine(first, reason: "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8, or as windows-1252 and say so in the mapping")
            case let .failure(e as CSVRowError):
                throw .badLine(SourceLocation(file: file, line: line(of: e)), reason: "the header row cannot be read: \(describe(e))")
            case let .failure(e):
                throw .unreadable(file: file, reason: "\(e)")
            }
            guard let h else { throw .badLine(first, reason: "the file is empty; expected a header row naming the columns") }
            for (i, name) in h.fields.enumerated() {
                let n = name.trimmedWhitespace()
                if let earlier = header[n] {
                    throw .badLine(first, reason: "the header names column '\(n)' twice (columns \(earlier + 1) and \(i + 1)); each column needs its own name, or the mapping cannot tell which one it reads")
                }
                header[n] = i
            }
            headerCount = h.fields.count
            try mapping.check(header: h.fields, csvFile: file, mappingFile: mappingFile)
        }
        let row: CSVReader<Source>.Row
        switch Result(catching: { try reader.next() }) {
        case let .success(r):
            guard let r else { return nil }
            row = r
        case let .failure(e as CSVRowError):
            let loc = SourceLocation(file: file, line: line(of: e))
            if e.stopsReading { throw .badLine(loc, reason: describe(e)) }
            return InputUnit(location: loc, outcome: .failure(.badLine(loc, reason: describe(e))), raw: reader.lastRowText)
        case let .failure(e):
            throw .unreadable(file: file, reason: "\(e)")
        }
        return decodeRow(row, mapping: mapping)
    }

    func decodeRow(_ row: CSVReader<Source>.Row, mapping: CSVMapping) -> InputUnit {
        let loc = SourceLocation(file: file, line: row.line)
        let raw = row.fields
        if row.fields.count != headerCount {
            let hint = row.fields.count > headerCount
                ? "a value holding the delimiter must be in double quotes, or text is lost"
                : "a missing delimiter?"
            return InputUnit(location: loc, outcome: .failure(.badLine(loc, reason: "the row has \(row.fields.count) fields but the header has \(headerCount) (\(hint))")), fields: raw)
        }
        do {
            var records: [IntelRecord] = []
            for made in try mapping.apply(row: row.fields, index: header, at: loc) {
                records.append(try decoder.decode(made.value, at: loc, columns: made.columns))
            }
            return InputUnit(location: loc, outcome: .success(records), fields: raw)
        } catch {
            return InputUnit(location: loc, outcome: .failure(error), fields: raw)
        }
    }

    func line(of e: CSVRowError) -> Int {
        switch e {
        case let .unclosedQuote(l), let .fieldTooLong(l, _, _), let .rowTooLong(l), let .badEncoding(l, _, _), let .textAfterQuote(l),
             let .looksLikeUTF8(l, _, _): l
        }
    }

    func describe(_ e: CSVRowError) -> String {
        switch e {
        case .unclosedQuote:
            "a quoted field opened on this line is never closed (an unbalanced quote), so the rows after it cannot be told apart; reading stops here"
        case let .fieldTooLong(_, n, quoted):
            quoted
                ? "a quoted field opened on this line is still open after \(n) bytes (an unbalanced quote?); fields may take at most 1 MiB, and reading stops here"
                : "a field of more than \(n) bytes; fields may take at most 1 MiB, and reading stops here"
        case .rowTooLong:
            "the row is longer than 16 MiB or has more than \(CSVRowParser.maxFields) fields; reading stops here"
        case let .looksLikeUTF8(_, f, enc):
            "field \(f + 1) is UTF-8 text but the mapping declares '\(enc.rawValue)', which would store it garbled (\"Zoë\" as \"ZoÃ«\"); set 'encoding: utf-8' in the mapping"
        case let .badEncoding(_, f, enc):
            "field \(f + 1) is not valid \(enc.rawValue)" + (enc == .utf8 ? " (if the export is not UTF-8, set 'encoding: windows-1252' in the mapping)" : "")
        case .textAfterQuote: "text follows a closing quote inside a field (quotes in a quoted field are written twice: \"\")"
        }
    }

}

extension IngestError {
    /// The same error at another line of the same file.
    func relocated(line: Int) -> IngestError {
        func fix(_ l: SourceLocation) -> SourceLocation { SourceLocation(file: l.file, line: line) }
        switch self {
        case let .badField(l, f, v, r): return .badField(fix(l), field: f, value: v, reason: r)
        case let .missingField(l, f, r): return .missingField(fix(l), field: f, reason: r)
        case let .unknownField(l, f, e): return .unknownField(fix(l), field: f, expected: e)
        case let .badLine(l, r): return .badLine(fix(l), reason: r)
        default: return self
        }
    }
}

/// A field quoted for a CSV line when it holds a delimiter, a quote or a line break.
func quoteCSVField(_ s: String) -> String {
    // By scalar, not Character: "\r\n" is one Character, and so is a quote followed by a combining mark.
    guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
    var out = String.UnicodeScalarView()
    out.append("\"")
    for u in s.unicodeScalars {
        out.append(u)
        if u == "\"" { out.append("\"") }
    }
    out.append("\"")
    return String(out)
}
