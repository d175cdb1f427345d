import SightlineModel

/// Where a record came from: the file and the line its text starts on.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) { self.file = file; self.line = line }
    public var description: String { "\(file):\(line)" }
}

/// Why input could not be ingested. Every case names the file and line, and the field where there
/// is one, so that a person can find and fix the record.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A field has a value that is not what it should be.
    case badField(SourceLocation, field: String, value: String?, reason: String)
    /// A required field is absent.
    case missingField(SourceLocation, field: String, reason: String)
    /// A field that the record type does not have (usually a misspelling that would lose data).
    case unknownField(SourceLocation, field: String, expected: [String])
    /// The line or row as a whole cannot be read.
    case badLine(SourceLocation, reason: String)
    /// A mapping file is wrong.
    case badMapping(file: String, line: Int?, reason: String)
    /// A file cannot be read.
    case unreadable(file: String, reason: String)

    public var location: SourceLocation? {
        switch self {
        case let .badField(l, _, _, _), let .missingField(l, _, _), let .unknownField(l, _, _), let .badLine(l, _): l
        case .badMapping, .unreadable: nil
        }
    }

    /// The field named by the error, if any.
    public var field: String? {
        switch self {
        case let .badField(_, f, _, _), let .missingField(_, f, _), let .unknownField(_, f, _): f
        default: nil
        }
    }

    public var description: String {
        switch self {
        case let .badField(loc, field, value, reason):
            if let value { return "\(loc): field '\(field)': \(Self.show(value)) \(reason.hasPrefix("is ") ? "" : "is not valid: ")\(reason)" }
            return "\(loc): field '\(field)': \(reason)"
        case let .missingField(loc, field, reason):
            return "\(loc): field '\(field)' is missing: \(reason)"
        case let .unknownField(loc, field, expected):
            return "\(loc): field '\(field)' is not a field of this record (expected one of: \(expected.joined(separator: ", ")))"
        case let .badLine(loc, reason):
            return "\(loc): \(reason)"
        case let .badMapping(file, line, reason):
            return "\(file)\(line.map { ":\($0)" } ?? ""): mapping: \(reason)"
        case let .unreadable(file, reason):
            return "\(file): cannot read: \(reason)"
        }
    }

    /// A value quoted for an error message: control characters escaped, long values cut.
    public static func show(_ value: String) -> String {
        var out = ""
        JSONValue.writeString(value.count > 80 ? String(value.prefix(77)) + "..." : value, to: &out)
        if value.count > 80 { out += " (\(value.utf8.count) bytes)" }
        // Invisible characters are shown as escapes, so that the person reading sees them.
        guard out.unicodeScalars.contains(where: InvisibleCharacters.isInvisible) else { return out }
        var shown = ""
        for u in out.unicodeScalars {
            if InvisibleCharacters.isInvisible(u) {
                let hex = String(u.value, radix: 16)
                shown += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                shown.unicodeScalars.append(u)
            }
        }
        return shown
    }
}
