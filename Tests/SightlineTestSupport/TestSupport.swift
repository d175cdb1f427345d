import Foundation

/// A temporary folder, removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(_ name: String = "sightline-test") {
        path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A path inside the folder.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes text to a file in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        let p = file(name)
        try? FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: p)) // not createFile: it leaves folders in /tmp on Linux
        return p
    }

    /// Writes bytes to a file in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) -> String {
        let p = file(name)
        try? Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }
}

/// Where the package's own files are, found from this source file's path.
public enum PackagePaths {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static var samples: String { root + "/Samples" }

    /// The built `sightline` executable, beside the test bundle.
    public static var binary: String? {
        var candidates: [String] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("sightline").path)
            dir.deleteLastPathComponent()
        }
        candidates.append(root + "/.build/debug/sightline")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// The outcome of running a command.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the built `sightline` executable as a user would, capturing its output.
/// - Throws: when the executable has not been built (run `swift build` first; the test script does).
public func runSightline(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    guard let binary = PackagePaths.binary else {
        throw TestSupportError("the sightline executable is not built; run 'swift build' before the tests (scripts/test.sh does)")
    }
    // The disclosure log's key: one for the test run, in a temporary folder, unless a test gives its own
    // (never the user's ~/.config/sightline/audit.key).
    var env = environment
    if env["SIGHTLINE_AUDIT_KEY"] == nil { env["SIGHTLINE_AUDIT_KEY"] = testAuditKey }
    return try runProcess(binary, arguments, environment: env)
}

/// The audit key the command-line tests use (created by the first command that needs it).
public let testAuditKey: String = NSTemporaryDirectory() + "sightline-test-audit-\(getpid())/audit.key"

/// Runs a program, capturing standard output and error (via files, so large outputs cannot block).
public func runProcess(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
    let dir = TemporaryDirectory("run")
    let out = dir.file("out"), err = dir.file("err")
    try Data().write(to: URL(fileURLWithPath: out))
    try Data().write(to: URL(fileURLWithPath: err))
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    p.environment = env
    p.standardOutput = FileHandle(forWritingAtPath: out)
    p.standardError = FileHandle(forWritingAtPath: err)
    try p.run()
    p.waitUntilExit()
    return CommandResult(status: p.terminationStatus,
                         stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
}

public struct TestSupportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}

/// Whether a command's output cites an item handled C (lawful sharing with conditions): a 3x5x2
/// grade ending in C where Sightline writes grades: after an item's date (`2024-03-04 2BC`), after
/// its agency and reference (`police/WX-1 2BC`), or as a JSON or CSV value (`"2BC"`, `,2BC,`).
/// A postcode such as `WX3 2DC` is not a grade.
public func citesCHandledItem(_ text: String) -> Bool {
    text.range(of: #"([0-9]{4}-[0-9]{2}-[0-9]{2} |/[^ \n]+ |"|,)[123][A-E]C(\b|")"#, options: .regularExpression) != nil
}

/// A temporary store with the samples' JSON Lines ingested (and any extra JSON Lines after them),
/// for command-line tests that read the samples.
public final class SampleStore: @unchecked Sendable {
    public let dir: TemporaryDirectory
    /// The store's path.
    public var db: String { dir.file("s.sqlite") }

    /// - Parameter extra: JSON Lines ingested in the same run, after the samples.
    /// - Throws: when the ingest fails, with its standard error.
    public init(_ name: String, extra: String? = nil) throws {
        dir = TemporaryDirectory(name)
        var inputs = [PackagePaths.samples + "/jsonl"]
        if let extra { inputs.append(dir.write("extra.jsonl", extra)) }
        let r = try runSightline(["ingest"] + inputs + ["--db", dir.file("s.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }
}

/// The rows of a list's JSON: a disrupt list's `ranked` rows (and, unless `rankedOnly`, its
/// `needsCorroboration` rows after them), or any other list's array as it is.
public func listRows(_ json: Any, rankedOnly: Bool = false) -> [[String: Any]] {
    if let doc = json as? [String: Any], let ranked = doc["ranked"] as? [[String: Any]] {
        return rankedOnly ? ranked : ranked + (doc["needsCorroboration"] as? [[String: Any]] ?? [])
    }
    return json as? [[String: Any]] ?? []
}

/// ``listRows(_:rankedOnly:)`` of a command's standard output.
public func listRows(stdout: String, rankedOnly: Bool = false) throws -> [[String: Any]] {
    listRows(try JSONSerialization.jsonObject(with: Data(stdout.utf8)), rankedOnly: rankedOnly)
}

/// A program on PATH, or nil.
public func onPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Reads CSV text (RFC 4180: quoted fields, doubled quotes, CRLF records) into rows of fields.
public func readCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = String.UnicodeScalarView()
    var quoted = false, i = text.unicodeScalars.startIndex
    let s = text.unicodeScalars
    while i < s.endIndex {
        let c = s[i]
        if quoted {
            if c == "\"" {
                let n = s.index(after: i)
                if n < s.endIndex, s[n] == "\"" { field.append("\""); i = n } else { quoted = false }
            } else {
                field.append(c)
            }
        } else {
            switch c {
            case "\"": quoted = true
            case ",": row.append(String(field)); field = .init()
            case "\r":
                let n = s.index(after: i)
                if n < s.endIndex, s[n] == "\n" { i = n }
                row.append(String(field)); field = .init(); rows.append(row); row = []
            case "\n": row.append(String(field)); field = .init(); rows.append(row); row = []
            default: field.append(c)
            }
        }
        i = s.index(after: i)
    }
    if !field.isEmpty || !row.isEmpty { row.append(String(field)); rows.append(row) }
    return rows
}

/// What to run when an export check's tools are missing.
public let exportToolsHint = "run scripts/install-deps.sh (it installs libxml2-utils and unzip, fetches the schemas with scripts/export-schemas.sh and creates .build/venv-export)"
