import Foundation
import SightlineAudit
import SightlineExport
import SightlineModel
import SightlineReadModel

/// What travels beside every export (`PATH.manifest.json`): for whom, why, what it holds, the
/// SHA-256 of each file, the handling of what it contains with every condition, and the signed
/// checkpoint of the disclosure log's entry for this export, so that a copy that has left anchors the
/// log (`sightline audit verify --checkpoint PATH.manifest.json`).
public struct ExportManifest: Codable, Sendable {
    public struct File: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var bytes: Int
    }

    /// The handling of what the export contains.
    public typealias Handling = HandlingMarking

    public var format: String
    public var files: [File]
    /// When it was logged (UTC).
    public var producedAt: String
    public var analyst: String
    public var audience: String
    public var audienceTitle: String
    public var purpose: String
    public var recipients: [String]
    /// The command line, as logged.
    public var command: String
    public var view: String
    /// Counts: entities, links, items, children (pseudonymised unless named).
    public var counts: [String: Int]
    public var handling: Handling
    /// The log's entry for this export, signed under the log's key.
    public var auditCheckpoint: Checkpoint
    public var auditLog: String

    /// The manifest of one export, from its log entry.
    /// - Parameters: files: the export's files with their bytes (hashed here, as the log hashed them).
    public init(format: ExportFormat, files: [(path: String, bytes: [UInt8])], graph: ExportGraph, view: String,
                audience: Audience, record: AuditRecord, checkpoint: Checkpoint, log: String) {
        self.format = format.rawValue
        self.files = files.map { File(path: URL(fileURLWithPath: $0.path).lastPathComponent, sha256: Disclosure.sha256(of: $0.bytes), bytes: $0.bytes.count) }
        producedAt = record.at
        analyst = record.analyst
        self.audience = audience.name
        audienceTitle = audience.title
        purpose = record.purpose
        recipients = record.recipients
        command = record.command
        self.view = view
        var items: [IntelRef: Citation] = [:]
        for l in graph.links { for c in l.evidence { items[c.ref] = c } }
        let linkedEntities = Set(graph.links.flatMap { [$0.source, $0.target] })
        counts = ["entities": graph.entities.count, "links": graph.links.count, "items": items.count,
                  "children": graph.children.intersection(graph.entities.map(\.id)).count,
                  "entitiesWithoutLinks": graph.entities.filter { !linkedEntities.contains($0.id) }.count]
        handling = HandlingMarking(of: items.values)
        auditCheckpoint = checkpoint
        auditLog = URL(fileURLWithPath: log).standardizedFileURL.path
    }

    /// The manifest as written: JSON, sorted keys.
    public var bytes: [UInt8] { manifestBytes(self) }
}

/// A manifest as written (an export's, a pack's): pretty JSON, sorted keys, a final newline.
func manifestBytes(_ value: some Encodable) -> [UInt8] {
    let enc = JSONEncoder()
    enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(((try? enc.encode(value)) ?? Data()) + Data("\n".utf8))
}
