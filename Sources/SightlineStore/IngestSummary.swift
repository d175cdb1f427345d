import Foundation

/// What one ingest run did: the one-line summary every run prints.
public struct IngestSummary: Sendable, Equatable, Codable {
    public var files = 0
    public var recordsRead = 0
    public var itemsCreated = 0
    public var itemsUpdated = 0
    public var entitiesCreated = 0
    public var entitiesUpdated = 0
    public var linksCreated = 0
    public var linksUpdated = 0
    public var merges = 0
    public var rejects = 0
    /// Lines (JSON Lines) and rows (CSV) read, blank lines and CSV headers aside; each is either
    /// stored whole (`unitsStored`) or rejected whole (`rejects`), so the two add up to this.
    public var unitsRead = 0
    public var unitsStored = 0
    public var seconds = 0.0

    public init() {}

    /// `read 1,234 records from 3 files: items 300 new, 0 updated; entities ...; 0 merges;
    /// 1,200 rows or lines read: 1,200 stored, 0 rejected; 0.42 s`
    public var line: String {
        "read \(recordsRead) records from \(files) file\(files == 1 ? "" : "s"): "
            + "items \(itemsCreated) new, \(itemsUpdated) updated; "
            + "entities \(entitiesCreated) new, \(entitiesUpdated) updated; "
            + "links \(linksCreated) new, \(linksUpdated) updated; "
            + "\(merges) merge\(merges == 1 ? "" : "s"); "
            + "\(unitsRead) rows or lines read: \(unitsStored) stored, \(rejects) rejected; "
            + String(format: "%.2f s", seconds)
    }
}
