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

/// An output file (`-o`) could not be written; the file that was there is left as it was (exit 5).
struct OutputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): cannot write the output: \(reason)" }
}

/// The one writer of every output file: lists, CSV and JSON exports, pictures, the missing brief.
///
/// Writes to a temporary file in the target's folder, flushes it to the disk (`fsync`), then
/// renames it over the target, so a reader sees the old file or the new one, never a part; a
/// failed write (a full disk, a folder as target, a missing or read-only folder) leaves the previous
/// file byte for byte and removes the temporary file. A link is followed (the file it names is
/// replaced); a target that is not a regular file (`/dev/stdout`, a pipe, a device) is written in
/// place, since it cannot be replaced.
enum OutputFile {
    /// Writes `bytes` to `path` atomically.
    /// - Parameter writeBytes: the system's `write(2)`; tests pass one that fails.
    /// - Throws: ``OutputError`` naming the path and what is wrong.
    static func write(_ bytes: some Collection<UInt8>, to path: String,
                      writeBytes: (Int32, UnsafeRawBufferPointer) -> Int = { fd, b in systemWrite(fd, b.baseAddress, b.count) }) throws(OutputError) {
        func fail(_ reason: String) -> OutputError { OutputError(path: path, reason: reason) }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw fail("it is a folder; give a file name")
        }
        var url = URL(fileURLWithPath: path)
        var old = stat()
        let exists = stat(path, &old) == 0
        if exists && (old.st_mode & S_IFMT) != S_IFREG {
            try writeInPlace(Array(bytes), to: path, writeBytes: writeBytes)
            return
        }
        if exists { url = url.resolvingSymlinksInPath() }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw fail("the folder \(folder) does not exist")
        }
        guard isFolder.boolValue else { throw fail("\(folder) is not a folder") }
        var template = Array((folder + "/." + url.lastPathComponent + ".sightline-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw fail("cannot create a file in \(folder) (\(String(cString: strerror(errno))))") }
        let temporary = String(cString: template)
        var ok = false
        defer { if !ok { unlink(temporary) } }
        // The new file's permissions: the old file's, else the usual ones (0666 less the umask).
        if exists {
            fchmod(fd, old.st_mode & 0o7777)
        } else {
            let mask = umask(0); umask(mask)
            fchmod(fd, 0o666 & ~mask)
        }
        let contents = Array(bytes)
        var written = 0
        let failure: String? = contents.withUnsafeBytes { all -> String? in
            while written < all.count {
                let n = writeBytes(fd, UnsafeRawBufferPointer(rebasing: all[written...]))
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += n
            }
            return fsync(fd) == 0 ? nil : String(cString: strerror(errno))
        }
        if close(fd) != 0, failure == nil { throw fail(String(cString: strerror(errno))) }
        if let failure { throw fail(failure + "; the previous file, if any, is unchanged") }
        guard rename(temporary, url.path) == 0 else { throw fail(String(cString: strerror(errno))) }
        ok = true
    }

    /// Writes into an existing file that is not a regular one (a device, a pipe), which cannot be replaced.
    private static func writeInPlace(_ contents: [UInt8], to path: String,
                                     writeBytes: (Int32, UnsafeRawBufferPointer) -> Int) throws(OutputError) {
        let fd = open(path, O_WRONLY | O_TRUNC)
        guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var written = 0
        let failure: String? = contents.withUnsafeBytes { all -> String? in
            while written < all.count {
                let n = writeBytes(fd, UnsafeRawBufferPointer(rebasing: all[written...]))
                if n < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += n
            }
            return nil
        }
        if let failure { throw OutputError(path: path, reason: failure) }
    }

    /// Writes text as UTF-8.
    static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }
}

/// The system's `write(2)` (a name of its own: inside ``OutputFile`` `write` is its own method).
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, bytes, count) }
