import SightlineModel
import Yams

/// A mapping: how each row of an agency's CSV export becomes canonical records.
///
/// Written in YAML the way analysts write import specifications (docs/formats.md, "CSV through a
/// mapping"). A mapping is checked as a whole when it is read and against the CSV's header before
/// any row is read, so a wrong column name fails at once rather than on row 40,000.
public struct CSVMapping: Sendable {
    public var name: String
    public var encoding: TextEncoding
    public var delimiter: UInt8
    public var records: [RecordTemplate]

    /// One canonical record made from each row.
    public struct RecordTemplate: Sendable {
        public var type: String
        /// Made only for rows where this column is not empty.
        public var when: String?
        public var fields: [(name: String, spec: FieldSpec)] {
            didSet { columnsByField = Self.columns(of: fields) }
        }
        /// The CSV column behind each field, named in errors.
        public private(set) var columnsByField: [String: String]

        public init(type: String, when: String?, fields: [(name: String, spec: FieldSpec)]) {
            self.type = type; self.when = when; self.fields = fields
            columnsByField = Self.columns(of: fields)
        }

        static func columns(of fields: [(name: String, spec: FieldSpec)]) -> [String: String] {
            var d: [String: String] = [:]
            for (name, spec) in fields { if let c = spec.columns.first { d[name] = c } }
            return d
        }
    }

    /// Where a field's value comes from.
    public indirect enum FieldSpec: Sendable {
        case literal(JSONValue)
        case template([Piece])
        case column(String, Transform)
        case list([FieldSpec])

        public enum Piece: Sendable, Equatable { case text(String), column(String) }
        public enum Transform: Sendable {
            case none
            case date(DatePattern)
            case map([String: String], default: String?)
            /// A list: the column split at a separator, each element optionally put into a template
            /// whose `{}` stands for the element (`each: "person:niche/{}"`).
            case split(String, each: String?)
            case number
        }

        var columns: [String] {
            switch self {
            case .literal: []
            case let .template(p): p.compactMap { if case let .column(c) = $0 { c } else { nil } }
            case let .column(c, _): [c]
            case let .list(l): l.flatMap(\.columns)
            }
        }
    }

    /// Every column the mapping reads.
    public var columns: Set<String> {
        var s = Set<String>()
        for r in records {
            if let w = r.when { s.insert(w) }
            for f in r.fields { s.formUnion(f.spec.columns) }
        }
        return s
    }

    // MARK: Reading a mapping

    /// Reads a mapping from YAML text.
    /// - Parameters:
    ///   - yaml: the mapping's text.
    ///   - file: its name, for errors.
    /// - Throws: ``IngestError/badMapping(file:line:reason:)``.
    public static func parse(yaml: String, file: String) throws(IngestError) -> CSVMapping {
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: yaml) else { throw IngestError.badMapping(file: file, line: nil, reason: "the file is empty") }
            root = n
        } catch let e as IngestError {
            throw e
        } catch {
            throw .badMapping(file: file, line: nil, reason: "not valid YAML: \(error)")
        }
        func line(_ n: Node) -> Int? { n.mark.map { $0.line } }
        func bad(_ n: Node, _ reason: String) -> IngestError { .badMapping(file: file, line: line(n), reason: reason) }
        guard let top = root.mapping else { throw bad(root, "expected keys such as mapping, name, encoding, records") }
        var name = file
        var encoding = TextEncoding.utf8
        var delimiter = UInt8(ascii: ",")
        var records: [RecordTemplate] = []
        var sawVersion = false
        for (k, v) in top {
            guard let key = k.string else { throw bad(k, "expected a key") }
            switch key {
            case "mapping":
                guard v.int == 1 else { throw bad(v, "this version of Sightline reads mapping format 1") }
                sawVersion = true
            case "name": name = v.string ?? name
            case "encoding":
                guard let s = v.string, let e = TextEncoding(name: s) else {
                    throw bad(v, "encoding must be one of \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                encoding = e
            case "delimiter":
                guard let s = v.string, s.utf8.count == 1 || s == "\\t" || s == "tab" else { throw bad(v, "delimiter must be one character") }
                delimiter = (s == "\\t" || s == "tab") ? 9 : s.utf8.first!
            case "records":
                guard let seq = v.sequence else { throw bad(v, "records must be a list of record templates") }
                for r in seq { records.append(try template(r, bad: bad)) }
            default:
                throw bad(k, "unknown key '\(key)' (expected mapping, name, encoding, delimiter, records)")
            }
        }
        guard sawVersion else { throw .badMapping(file: file, line: nil, reason: "the first key should be 'mapping: 1' (the format version)") }
        guard !records.isEmpty else { throw .badMapping(file: file, line: nil, reason: "'records' lists no record templates") }
        return CSVMapping(name: name, encoding: encoding, delimiter: delimiter, records: records)
    }

    static func template(_ node: Node, bad: (Node, String) -> IngestError) throws(IngestError) -> RecordTemplate {
        guard let m = node.mapping else { throw bad(node, "a record template is a set of field: value pairs") }
        var type: String?
        var when: String?
        var fields: [(String, FieldSpec)] = []
        for (k, v) in m {
            guard let key = k.string else { throw bad(k, "expected a field name") }
            switch key {
            case "type":
                guard let t = v.string, RecordDecoder.fields[t] != nil else {
                    throw bad(v, "type must be one of \(RecordDecoder.fields.keys.sorted().joined(separator: ", "))")
                }
                type = t
            case "when":
                guard let w = v.string else { throw bad(v, "when names a column") }
                when = w
            default:
                fields.append((key, try spec(v, bad: bad)))
            }
        }
        guard let type else { throw bad(node, "a record template needs a type") }
        let allowed = RecordDecoder.fields[type]!
        for (f, _) in fields where !allowed.contains(f) {
            throw bad(node, "'\(f)' is not a field of a \(type) record (expected one of: \(allowed.joined(separator: ", ")))")
        }
        return RecordTemplate(type: type, when: when, fields: fields)
    }

    static func spec(_ v: Node, bad: (Node, String) -> IngestError) throws(IngestError) -> FieldSpec {
        switch v {
        case let .scalar(s):
            if s.style == .plain {
                if let b = v.bool, s.string == "true" || s.string == "false" { return .literal(.bool(b)) }
                if v.int != nil || v.float != nil, Double(s.string) != nil { return .literal(.number(s.string)) }
                if s.string == "null" || s.string == "~" { return .literal(.null) }
            }
            let pieces = try templatePieces(s.string, node: v, bad: bad)
            if pieces.allSatisfy({ if case .text = $0 { true } else { false } }) { return .literal(.string(s.string)) }
            return .template(pieces)
        case let .sequence(seq):
            var out: [FieldSpec] = []
            for n in seq { out.append(try spec(n, bad: bad)) }
            return .list(out)
        case let .mapping(m):
            var column: String?
            var transform = FieldSpec.Transform.none
            var mapTable: [String: String]?
            var mapDefault: String?
            var each: String?
            for (k, val) in m {
                switch k.string ?? "" {
                case "column": column = val.string
                case "date":
                    guard let p = val.string, let pattern = DatePattern(p) else {
                        throw bad(val, "a date pattern uses dd, MM, yyyy or yy, HH, mm, ss and literal separators, such as dd/MM/yyyy HH:mm")
                    }
                    transform = .date(pattern)
                case "map":
                    guard let mm = val.mapping else { throw bad(val, "map is a table of code: value") }
                    var t: [String: String] = [:]
                    for (a, b) in mm { if let a = a.string, let b = b.string { t[a] = b } }
                    mapTable = t
                case "default": mapDefault = val.string
                case "split":
                    guard let s = val.string, !s.isEmpty else { throw bad(val, "split gives the separator, such as \";\"") }
                    transform = .split(s, each: nil)
                case "each":
                    guard let e = val.string, e.contains("{}") else { throw bad(val, "each is a template with {} for each element, such as \"person:niche/{}\"") }
                    each = e
                case "number": transform = .number
                default: throw bad(k, "unknown key '\(k.string ?? "")' (expected column, date, map, default, split, each, number)")
                }
            }
            if let each {
                guard case let .split(sep, _) = transform else { throw bad(v, "each goes with split: it applies to every element of the list") }
                transform = .split(sep, each: each)
            }
            if let mapTable { transform = .map(mapTable, default: mapDefault) }
            guard let column else { throw bad(v, "a field taken from the CSV names its column: { column: NAME }") }
            return .column(column, transform)
        case .alias:
            throw bad(v, "YAML aliases are not supported in mappings")
        }
    }

    static func templatePieces(_ s: String, node: Node, bad: (Node, String) -> IngestError) throws(IngestError) -> [FieldSpec.Piece] {
        var pieces: [FieldSpec.Piece] = []
        var text = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "{" {
                guard let close = s[i...].firstIndex(of: "}") else { throw bad(node, "a '{' in \"\(s)\" is not closed") }
                if !text.isEmpty { pieces.append(.text(text)); text = "" }
                let col = String(s[s.index(after: i)..<close])
                guard !col.isEmpty else { throw bad(node, "empty {} in \"\(s)\"") }
                pieces.append(.column(col))
                i = s.index(after: close)
            } else {
                text.append(s[i]); i = s.index(after: i)
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    // MARK: Applying a mapping

    /// Checks the mapping against a CSV header.
    public func check(header: [String], csvFile: String, mappingFile: String) throws(IngestError) {
        let have = Set(header.map { $0.trimmedWhitespace() })
        let missing = columns.subtracting(have).sorted()
        if !missing.isEmpty {
            throw .badLine(SourceLocation(file: csvFile, line: 1),
                           reason: "the header lacks column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")) named by mapping \(mappingFile) (the header has: \(header.map { "'\($0)'" }.joined(separator: ", ")))")
        }
    }

    /// A canonical record made from a row, with the CSV column behind each field.
    public struct Made: Sendable {
        public var value: JSONValue
        public var columns: [String: String]
    }

    /// Makes the canonical records for one row.
    /// - Parameters:
    ///   - row: the row's fields.
    ///   - index: the position of each column in the header.
    ///   - location: the row's file and line, for errors.
    /// - Throws: ``IngestError`` when a value cannot be converted (a date that does not fit the pattern).
    /// - Complexity: O(fields).
    public func apply(row: [String], index: [String: Int], at location: SourceLocation) throws(IngestError) -> [Made] {
        func cell(_ c: String) -> String? {
            guard let i = index[c], i < row.count else { return nil }
            let v = row[i].trimmedWhitespace()
            return v.isEmpty ? nil : v
        }
        var out: [Made] = []
        for r in records {
            if let w = r.when, cell(w) == nil { continue }
            var members: [(key: String, value: JSONValue)] = [("type", .string(r.type))]
            members.reserveCapacity(r.fields.count + 1)
            for (name, spec) in r.fields {
                if let v = try value(spec, field: name, cell: cell, at: location) {
                    members.append((name, try typed(v, field: name, column: r.columnsByField[name], at: location)))
                }
            }
            out.append(Made(value: .object(members), columns: r.columnsByField))
        }
        return out
    }

    /// A column's text as the JSON type its field takes (``RecordDecoder/numberFields``,
    /// ``RecordDecoder/booleanFields``): CSV holds only text, so the mapping converts, and the
    /// decoder, which coerces nothing, sees the same types as from a JSON line.
    func typed(_ v: JSONValue, field: String, column: String?, at location: SourceLocation) throws(IngestError) -> JSONValue {
        guard case let .string(text) = v else { return v }
        let from = column.map { " (column '\($0)')" } ?? ""
        if RecordDecoder.numberFields.contains(field) {
            if case .number? = try? JSONParser.parse(Array(text.utf8)) { return .number(text) }
            throw .badField(location, field: field, value: text, reason: "is not a number\(from)")
        }
        if RecordDecoder.booleanFields.contains(field) {
            switch text.lowercased() {
            case "true", "yes", "y", "1": return .bool(true)
            case "false", "no", "n", "0": return .bool(false)
            default: throw .badField(location, field: field, value: text, reason: "expected true or false (or yes, no, y, n, 1, 0)\(from)")
            }
        }
        return v
    }

    func value(_ spec: FieldSpec, field: String, cell: (String) -> String?, at location: SourceLocation) throws(IngestError) -> JSONValue? {
        switch spec {
        case let .literal(v): return v
        case let .template(pieces):
            var s = ""
            for p in pieces {
                switch p {
                case let .text(t): s += t
                case let .column(c): guard let v = cell(c) else { return nil }; s += v
                }
            }
            return .string(s)
        case let .column(c, transform):
            guard let v = cell(c) else { return nil }
            switch transform {
            case .none: return .string(v)
            case .number:
                // A JSON number, as docs/formats.md promises; anything else is refused here, naming the column.
                if case .number? = try? JSONParser.parse(Array(v.utf8)) { return .number(v) }
                throw .badField(location, field: field, value: v, reason: "is not a number (column '\(c)')")
            case let .split(sep, each):
                return .array(v.split(separator: sep).map { $0.trimmedWhitespace() }.filter { !$0.isEmpty }.map { element in
                    .string(each.map { $0.replacingFirst("{}", with: element) } ?? element)
                })
            case let .map(table, def):
                if let m = table[v] ?? table.first(where: { $0.key.lowercased() == v.lowercased() })?.value ?? def { return .string(m) }
                throw .badField(location, field: field, value: v,
                                reason: "is not one of the codes the mapping knows (\(table.keys.sorted().joined(separator: ", "))) (column '\(c)')")
            case let .date(pattern):
                switch pattern.read(v) {
                case let .time(t): return .string(t)
                case .notACalendarDate:
                    throw .badField(location, field: field, value: v, reason: "is not a real calendar date or time (column '\(c)')")
                case .noMatch:
                    throw .badField(location, field: field, value: v, reason: "does not fit the mapping's date pattern \(pattern.text) (column '\(c)')")
                }
            }
        case let .list(specs):
            var a: [JSONValue] = []
            for s in specs {
                if let v = try value(s, field: field, cell: cell, at: location) {
                    if case let .array(inner) = v { a.append(contentsOf: inner) } else { a.append(v) }
                }
            }
            return .array(a)
        }
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = firstRange(of: target) else { return self }
        return String(self[..<r.lowerBound]) + replacement + String(self[r.upperBound...])
    }
}
