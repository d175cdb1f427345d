import ArgumentParser
import Foundation
import SightlineAudit
import SightlineGate
import SightlineStore

/// `--audience`, `--purpose`, `--recipient`, `--analyst`, `--audiences` and `--audit-log`: what
/// every command that shows or writes personal data takes, for its disclosure gate.
struct GateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Whom the output is for: an audience of the audiences file (shipped: police_analyst, the default; mace_partner; licensing). It decides which items, names and source details may go.", valueName: "name"))
    var audience: String?
    @Option(help: ArgumentHelp("Why: the lawful purpose of the disclosure, logged. Required for every audience but police analysts, and for every export.", valueName: "text"))
    var purpose: String?
    @Option(name: .customLong("recipient"), help: ArgumentHelp("To whom, by name or role (repeat for several), logged.", valueName: "name"))
    var recipients: [String] = []
    @Option(help: ArgumentHelp("Who is running the command, for the log (default: $SIGHTLINE_ANALYST, else the operating-system user).", valueName: "name"))
    var analyst: String?
    @Option(name: .customLong("audiences"), help: ArgumentHelp("The audiences file to use instead of the store's (sightline audiences set) or the shipped one (docs/audiences.yaml).", valueName: "file"))
    var audiencesFile: String?
    @Option(name: .customLong("audit-log"), help: ArgumentHelp("The disclosure log (default: the store's path with .audit.sqlite for .sqlite).", valueName: "path"))
    var auditLog: String?

    func validate() throws {
        if auditLog?.isEmpty == true { throw ValidationError("--audit-log must name a file") }
        if audiencesFile?.isEmpty == true { throw ValidationError("--audiences must name a file") }
        if audience?.isEmpty == true { throw ValidationError("--audience must name an audience") }
    }

    /// The audiences in force: the file given (`--audiences`), else the store's setting (`sightline
    /// audiences set`), else the shipped ones; with where they came from, in words.
    func book(store: SightlineStore, path: String) throws -> (book: AudienceBook, from: String) {
        if let audiencesFile { return (try Self.readBook(audiencesFile), "the file \(audiencesFile) (--audiences)") }
        if let s = try store.setting(SightlineStore.audiencesSetting) {
            return (try AudienceBook(yaml: s.value, file: "\(path) (its audiences setting)"),
                    "the store's setting (set \(s.changedAt) by \(s.changedBy))")
        }
        return (AudienceBook.shipped, "the shipped audiences (docs/audiences.yaml)")
    }

    /// An audiences file, read and checked (every key, errors naming the file and line).
    static func readBook(_ file: String) throws -> AudienceBook {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandError("\(file): cannot read the audiences file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CommandError("\(file): not UTF-8 text") }
        return try AudienceBook(yaml: text, file: file)
    }
}

/// A command that shows or writes personal data: ``SightlineMain`` runs it through its
/// ``DisclosureGate`` (the audience checked, what it reads screened, its output logged and only then
/// written).
protocol Discloses: ParsableCommand {
    var store: StoreOptions { get }
    var gate: GateOptions { get }
    /// The entities the request names (shown by name whatever the audience's naming of people).
    var requestNames: [String] { get }
    /// Whether the command is an export (a purpose is then always required).
    static var isExport: Bool { get }
    /// Whether this run shows personal data (false for `impact --edges`, which reads no store).
    var disclosesPersonalData: Bool { get }
    /// Whether the request names every child (`--name-children`).
    var namesChildren: Bool { get }
}

extension Discloses {
    var requestNames: [String] { [] }
    static var isExport: Bool { false }
    var disclosesPersonalData: Bool { true }
    var namesChildren: Bool { false }
}

/// The gate of the command being run (set by ``SightlineMain`` around a ``Discloses`` command).
nonisolated(unsafe) private(set) var activeGate: DisclosureGate?

/// The running command's gate.
/// - Precondition: called from a ``Discloses`` command's run (a defect otherwise).
var currentGate: DisclosureGate {
    guard let g = activeGate else { preconditionFailure("a command that shows personal data ran without its disclosure gate") }
    return g
}

extension SightlineMain {
    /// Runs a command that shows personal data through its gate: checks the audience and purpose,
    /// opens the log (refusing when it cannot be written), runs the command with its standard output
    /// kept, and then lets the gate log the disclosure and write everything staged.
    static func runDisclosing(_ command: inout any ParsableCommand, _ d: any Discloses, arguments: [String]) throws {
        // The store first: it may hold the audiences, and no log is created beside a store that is not there.
        let db = try d.store.open()
        let audience = try d.gate.book(store: db, path: d.store.db).book.audience(d.gate.audience)
        let path = commandPath(type(of: command))
        try DisclosureGate.check(audience, command: path, purpose: d.gate.purpose, export: type(of: d).isExport)
        let analyst = try AuditIdentity.analyst(option: d.gate.analyst)
        let logPath = d.gate.auditLog ?? AuditLog.defaultPath(forStore: d.store.db)
        // Opened (and created) first: a disclosure that cannot be logged does not happen, and finding
        // that out should not wait for the work.
        let started = ContinuousClock.now
        let log = try AuditLog.open(path: logPath)
        let g = DisclosureGate(audience: audience,
                               request: .init(analyst: analyst, command: (["sightline"] + arguments).map(shellWord).joined(separator: " "),
                                              purpose: d.gate.purpose, recipients: d.gate.recipients),
                               openLog: { log })
        g.note("open", seconds: Elapsed.seconds(since: started))
        if d.namesChildren { g.screen.requestAllChildren() }
        if !d.requestNames.isEmpty {
            for name in d.requestNames { if let id = try? db.find(name) { g.screen.request(id) } }
        }
        activeGate = g
        defer { activeGate = nil }
        var none: NoRows?
        let printed = try OutputFile.capturingStandardOutput {
            do { try command.run() } catch let n as NoRows { none = n }
        }
        let destination: DisclosureGate.Destination = ((command as? any PrintsData)?.destination.output).map { .file($0) } ?? .standardOutput
        if !printed.isEmpty || destination != .standardOutput { g.stage(printed, to: destination) }
        try g.commit { o in
            switch o.destination {
            case .standardOutput: FileHandle.standardOutput.write(Data(o.bytes))
            case .file(let path):
                try OutputFile.write(o.bytes, to: path)
                if case .file = destination, o.destination == destination {
                    var err = standardError
                    print("wrote \(path)", to: &err)
                }
            }
        }
        if ProcessInfo.processInfo.environment["SIGHTLINE_GATE_TIMINGS"] == "1" {
            // For Benchmarks/gate.py: what the gate added to the command, phase by phase.
            let total = Elapsed.seconds(since: started)
            let phases = ["open", "screen", "scan", "log", "write"].map { String(format: "%@ %.4f", $0, g.seconds[$0] ?? 0) }
            var err = standardError
            print(String(format: "gate timings: command %.4f; ", total) + phases.joined(separator: "; "), to: &err)
        }
        if let none { throw none }
    }

    /// `disrupt locations` for the command type.
    static func commandPath(_ type: any ParsableCommand.Type) -> String {
        func search(_ node: any ParsableCommand.Type, _ prefix: [String]) -> [String]? {
            for sub in node.configuration.subcommands {
                let words = prefix + [sub._commandName]
                if sub == type { return words }
                if let found = search(sub, words) { return found }
            }
            return nil
        }
        return (search(Sightline.self, []) ?? [type._commandName]).joined(separator: " ")
    }

    /// A word as a shell would need it quoted, for the log's record of the command line.
    static func shellWord(_ w: String) -> String {
        if !w.isEmpty, w.allSatisfy({ $0.isLetter || $0.isNumber || "-_./:=,@+".contains($0) }) { return w }
        return "'" + w.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
