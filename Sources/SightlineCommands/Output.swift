import Foundation

/// A table of text, printed as aligned columns or CSV.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    /// Aligned columns for a terminal, cells cut at `maxWidth` characters.
    func rendered(maxWidth: Int = 60) -> String {
        let clean = rows.map { $0.map { Self.oneLine($0, max: maxWidth) } }
        var widths = headers.map(\.count)
        for r in clean { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        var out = line(headers) + "\n" + line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for r in clean { out += line(r) + "\n" }
        return out
    }

    static func oneLine(_ s: String, max: Int) -> String {
        var t = String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 }.filter { !($0.unicodeScalars.first!.value < 32) })
        if t.count > max { t = String(t.prefix(max - 1)) + "…" }
        return t
    }

    /// The table with a "needs corroboration" column: what would corroborate each row (empty for
    /// a ranked row), `notes` in row order.
    func withCorroboration(_ notes: [String?]) -> TextTable {
        var t = self
        t.headers.append("needs corroboration")
        for (i, n) in notes.enumerated() where i < t.rows.count { t.rows[i].append(n ?? "") }
        return t
    }

    /// The table with only these columns (by header), in their order.
    func selecting(_ names: [String]) -> TextTable {
        let keep = names.compactMap { headers.firstIndex(of: $0) }
        return TextTable(headers: keep.map { headers[$0] }, rows: rows.map { r in keep.map { $0 < r.count ? r[$0] : "" } })
    }

    /// RFC 4180 CSV. Cells that a spreadsheet would run as a formula (starting with =, +, -, @)
    /// are prefixed with an apostrophe so that opening an export cannot execute anything.
    var csv: String {
        var out = headers.map(Self.csvCell).joined(separator: ",") + "\r\n"
        for r in rows { out += r.map(Self.csvCell).joined(separator: ",") + "\r\n" }
        return out
    }

    static func csvCell(_ s: String) -> String {
        var v = s
        if let f = v.first, "=+-@\t\r".contains(f), Double(v) == nil { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Writes data in the chosen format to standard output.
/// - Parameter none: for a list, the note when it is empty: the empty list is printed, then
///   ``NoRows`` is thrown (exit 1), as from every list.
func emit<T: Encodable>(_ value: T, table: () -> TextTable, format: OutputFormat, none: String? = nil) throws {
    switch format {
    case .table: print(table().rendered(), terminator: "")
    case .csv: print(table().csv, terminator: "")
    case .json: print(try jsonText(value))
    }
    if let none, (value as? any Collection)?.isEmpty == true { throw NoRows(message: none) }
}

func jsonText<T: Encodable>(_ value: T) throws -> String {
    let enc = JSONEncoder()
    enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try enc.encode(value), as: UTF8.self)
}

/// Standard error, for progress and summaries that must not mix with data on standard output.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
nonisolated(unsafe) var standardError = StandardError()
