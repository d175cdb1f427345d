import Foundation
import SightlineAudit
import SightlineReadModel

/// `manifest.json` of a MACE panel pack: every file with its SHA-256 and size, for whom and why,
/// the panel date, the filters, the counts, the handling of what it holds, and the signed
/// checkpoint of the disclosure log's entry that records it (`sightline audit verify --checkpoint
/// DIR/manifest.json`).
public struct PackManifest: Codable, Sendable {
    public struct File: Codable, Sendable, Equatable {
        /// Relative to the pack's folder (`tables/agenda.csv`).
        public var path: String
        public var sha256: String
        public var bytes: Int
    }

    /// `sightline-mace-pack`: how a folder is known to hold a pack (one may be written over another).
    public var kind = Self.kind
    public static let kind = "sightline-mace-pack"
    public var panelDate: String
    /// What counts as changed: since this day, and why.
    public var since: String
    public var sinceReason: String
    public var producedAt: String
    public var analyst: String
    public var audience: String
    public var audienceTitle: String
    public var purpose: String
    public var recipients: [String]
    public var command: String
    public var filters: String
    public var counts: [String: Int]
    public var handling: HandlingMarking
    public var files: [File]
    public var auditCheckpoint: Checkpoint
    public var auditLog: String

    /// The manifest of a pack written to `folder`, from the outputs as written and their log entry.
    public init(folder: String, outputs: [DisclosureGate.Output], panelDate: String, since: String, sinceReason: String,
                audience: Audience, filters: String, counts: [String: Int], handling: HandlingMarking,
                record: AuditRecord, checkpoint: Checkpoint, log: String) {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path + "/"
        files = outputs.compactMap { o in
            guard case .file(let path) = o.destination else { return nil }
            let full = URL(fileURLWithPath: path).standardizedFileURL.path
            return File(path: full.hasPrefix(root) ? String(full.dropFirst(root.count)) : full, sha256: Disclosure.sha256(of: o.bytes), bytes: o.bytes.count)
        }.sorted { $0.path < $1.path }
        self.panelDate = panelDate; self.since = since; self.sinceReason = sinceReason
        producedAt = record.at; analyst = record.analyst
        self.audience = audience.name; audienceTitle = audience.title
        purpose = record.purpose; recipients = record.recipients; command = record.command
        self.filters = filters; self.counts = counts
        self.handling = handling
        auditCheckpoint = checkpoint
        auditLog = URL(fileURLWithPath: log).standardizedFileURL.path
    }

    /// The manifest as written: JSON, sorted keys.
    public var bytes: [UInt8] { manifestBytes(self) }
}
