import Foundation
import SightlineAudit
import SightlineModel
import SightlineReadModel

/// The one step every output that shows personal data passes through: the audience's ``Screen``
/// is applied to what the command reads, the command's output is staged here (never written by the
/// command itself), and ``commit(write:)`` logs the disclosure (who, when, the command, why, to
/// whom, the entities and items that left and the SHA-256 of every byte written) and only then
/// writes. A disclosure that cannot be logged does not happen.
public final class DisclosureGate: @unchecked Sendable { // one command, one thread
    /// Where an output goes.
    public enum Destination: Hashable, Sendable {
        case standardOutput
        case file(String)
    }

    /// One output: its bytes and where they go.
    public struct Output: Sendable {
        public var destination: Destination
        public var bytes: [UInt8]
        public init(_ bytes: [UInt8], to destination: Destination) { self.bytes = bytes; self.destination = destination }
    }

    public let screen: Screen
    public let request: Request
    /// Opens the disclosure log (for appending) when the disclosure is committed.
    let openLog: () throws(AuditError) -> AuditLog

    /// What the command was asked, by whom and why: the log entry's who, what-command, why and to whom.
    public struct Request: Sendable {
        public var analyst: String
        /// The command with its parameters, as run.
        public var command: String
        public var purpose: String?
        public var recipients: [String]
        public init(analyst: String, command: String, purpose: String?, recipients: [String]) {
            self.analyst = analyst; self.command = command; self.purpose = purpose; self.recipients = recipients
        }
    }

    private(set) var staged: [Output] = []
    /// What is staged, as it will be (and, after the commit, was) written.
    public var outputs: [Output] { staged }
    /// Where the gate's time went, in seconds: `screen` (the audience's screen over what was read),
    /// `scan` (reading what the outputs disclose), `log` (the entry appended), `write`.
    public private(set) var seconds: [String: Double] = [:]
    /// Outputs that carry the log's checkpoint of this disclosure's own entry (an export's
    /// manifest): made and written after the entry, and not hashed in it.
    /// Given the entry, its signed checkpoint and the log's path.
    public var afterLogging: ((AuditRecord, Checkpoint, String) -> [Output])?
    private var inventory = Inventory()
    /// Items of staged values (``stage(_:to:holding:items:)``), by reference as written.
    private var heldItems = Set<IntelRef>()

    public init(audience: Audience, request: Request, openLog: @escaping () throws(AuditError) -> AuditLog) {
        self.screen = Screen(audience: audience)
        self.request = request
        self.openLog = openLog
    }

    /// Checks the request against the audience before anything is read: the audience may be given
    /// this command, and a purpose is given where one is required (every disclosure to an audience
    /// that requires it, and every export).
    /// - Parameter path: the command's path (`disrupt locations`).
    public static func check(_ audience: Audience, command path: String, purpose: String?, export: Bool) throws(AudienceError) {
        if let allowed = audience.commands {
            guard audience.mayBeGiven(path) else {
                throw AudienceError(location: "--audience", problem: "'\(path)' may not be given to \(audience.name) (\(audience.title)); its commands are: \(allowed.sorted().joined(separator: ", "))")
            }
        }
        let needsPurpose = audience.purposeRequired || export
        if needsPurpose && (purpose ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw AudienceError(location: "--purpose", problem: export
                ? "every export needs its purpose, the reason it is lawful to send (--purpose TEXT): it is logged with who, when and to whom"
                : "a disclosure to \(audience.name) needs its purpose (--purpose TEXT): it is logged with who, when and to whom")
        }
    }

    // MARK: What leaves

    /// Records what text discloses that is not itself written as text (the Graphviz source of a
    /// PNG or PDF picture, for instance): its entity IDs and items.
    public func disclose(text: String) {
        let start = ContinuousClock.now
        inventory.scan(Array(text.utf8))
        seconds["scan", default: 0] += Elapsed.seconds(since: start)
    }

    /// Adds time spent on a phase of the gate outside it (`open`: opening the log).
    public func note(_ phase: String, seconds s: Double) { seconds[phase, default: 0] += s }

    /// Written where an output states the log entry that records it (``stage(_:to:sealed:)``):
    /// replaced by the entry's sequence number as it is logged.
    public static let logEntryMark = "[[sightline-log-entry]]"
    /// ... and by the time it is logged at (UTC, as the log writes it: `2026-12-06T12:33:01.201Z`).
    public static let loggedAtMark = "[[sightline-logged-at]]"
    /// Outputs (by index in `staged`) that carry the marks.
    private var sealed: [Int] = []

    /// Stages bytes to be written when the disclosure is committed.
    /// - Parameter sealed: the bytes carry ``logEntryMark`` and ``loggedAtMark``, which are replaced
    ///   by the entry's sequence number and time inside the log's write lock, before the entry hashes
    ///   them: the output names the entry that records it, and the entry holds its hash.
    public func stage(_ bytes: [UInt8], to destination: Destination, sealed: Bool) {
        if sealed { self.sealed.append(staged.count) }
        stage(bytes, to: destination)
    }

    /// Stages bytes to be written when the disclosure is committed.
    public func stage(_ bytes: [UInt8], to destination: Destination) {
        staged.append(Output(bytes, to: destination))
        let start = ContinuousClock.now
        inventory.scan(bytes)
        seconds["scan", default: 0] += Elapsed.seconds(since: start)
    }

    /// Stages bytes whose every entity and item is known from the value they were written from (an
    /// export: its writers write every entity and every item of its `ExportGraph`, so reading back
    /// hundreds of megabytes would find the same): what they disclose is recorded from the value,
    /// and the bytes are not scanned.
    public func stage(_ bytes: [UInt8], to destination: Destination, holding entities: some Sequence<EntityID>, items: some Sequence<Citation>) {
        staged.append(Output(bytes, to: destination))
        let start = ContinuousClock.now
        inventory.entities.formUnion(entities)
        // Kept as references (the log writes them as text once, in ``entry()``).
        for c in items { heldItems.insert(c.ref) }
        seconds["scan", default: 0] += Elapsed.seconds(since: start)
    }

    /// The log entry for what is staged.
    func entry() -> AuditEntry {
        // The SHA-256 of what is written (0.2 s for an export of 280 MB) on another core, while the
        // entities and items are put in order here.
        let outputs = staged
        let hashes = Hashes(count: outputs.count)
        let hashing = DispatchGroup()
        DispatchQueue.global().async(group: hashing) {
            for (k, o) in outputs.enumerated() { hashes.set(k, Disclosure.sha256(of: o.bytes)) }
        }
        var c: [String: Int] = [:]
        // Every item as written: read from text (`police/WX-1`) or held as a reference.
        var written = Array(heldItems)
        written.reserveCapacity(heldItems.count + inventory.items.count)
        var texts: [String] = []
        for w in inventory.items {
            if let r = IntelRef(parsing: w) { written.append(r) } else { texts.append(w) }
        }
        // An opaque reference is logged as the item it stands for (every token found is one written).
        let opaque = screen.audience.sourceDetails == .opaque ? screen.items(minted: written.lazy.map(\.reference)) : [:]
        texts.reserveCapacity(texts.count + written.count)
        for r in written { texts.append(opaque[r.reference] ?? r.description) }
        texts.sort()
        var items: [String] = []
        items.reserveCapacity(texts.count)
        for t in texts where items.last != t { items.append(t) }
        let entities = inventory.entities.sorted().map(\.description)
        hashing.wait()
        let files = outputs.enumerated().map { k, o in
            switch o.destination {
            case .standardOutput: Disclosure.File(path: "(standard output)", sha256: hashes.value(k))
            case .file(let path): Disclosure.File(path: URL(fileURLWithPath: path).standardizedFileURL.path, sha256: hashes.value(k))
            }
        }
        c["entities"] = entities.count
        c["items"] = items.count
        c["bytes"] = staged.reduce(0) { $0 + $1.bytes.count }
        let a = screen.audience
        return AuditEntry(analyst: request.analyst, command: request.command, purpose: request.purpose ?? "",
                          audience: a.name, recipients: request.recipients,
                          disclosed: Disclosure(entities: entities, items: items, counts: c, files: files,
                                                                opaque: opaque.isEmpty ? nil : opaque))
    }

    /// Logs the disclosure, then writes what is staged. Nothing is written when the log cannot be.
    /// Outputs made by ``afterLogging`` are written last.
    /// - Parameters:
    ///   - write: writes one output (the command line's writer: standard output, or a file whole or not at all).
    /// - Returns: the entry as logged.
    @discardableResult
    public func commit(write: (Output) throws -> Void) throws -> AuditRecord {
        var start = ContinuousClock.now
        let log = try openLog()
        let record: AuditRecord
        if sealed.isEmpty {
            // Made before the log's write lock is taken: hashing an export's hundreds of megabytes
            // keeps no other writer waiting.
            record = try log.append(entry())
        } else {
            record = try log.append { seq, at in
                for k in sealed {
                    staged[k].bytes = staged[k].bytes.replacing(Array(Self.logEntryMark.utf8), with: Array(String(seq).utf8))
                        .replacing(Array(Self.loggedAtMark.utf8), with: Array(at.utf8))
                }
                return entry()
            }
        }
        let checkpoint = try log.checkpoint(of: record)
        seconds["log"] = Elapsed.seconds(since: start)
        start = ContinuousClock.now
        for o in staged { try write(o) }
        for o in afterLogging?(record, checkpoint, log.path) ?? [] { try write(o) }
        seconds["write"] = Elapsed.seconds(since: start)
        seconds["screen"] = screen.seconds
        return record
    }
}

/// The SHA-256 of each output, filled in by the hashing thread and read after it is waited for.
private final class Hashes: @unchecked Sendable { // written by one thread, read after DispatchGroup.wait()
    private var values: [String]
    init(count: Int) { values = Array(repeating: "", count: count) }
    func set(_ k: Int, _ v: String) { values[k] = v }
    func value(_ k: Int) -> String { values[k] }
}
