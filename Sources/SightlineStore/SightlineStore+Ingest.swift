import Foundation
import GRDB
import SightlineIngest
import SightlineModel

/// A byte source whose concrete type is hidden, so that files of different kinds share one run.
public struct AnyByteSource: ByteSource {
    var base: any ByteSource
    public init(_ base: any ByteSource) { self.base = base }
    public mutating func read(into buffer: inout [UInt8]) throws -> Bool { try base.read(into: &buffer) }
}

/// One input to an ingest run.
public struct IngestInput {
    public var name: String
    public var format: InputFormat
    public var source: AnyByteSource
    /// The input's size in bytes, when known (for progress).
    public var size: Int?

    public init(name: String, format: InputFormat, source: some ByteSource, size: Int? = nil) {
        self.name = name; self.format = format; self.source = AnyByteSource(source); self.size = size
    }
}

/// What to do with bad records.
public enum RejectPolicy {
    /// The first bad record stops the run, and nothing from it is stored.
    case abort
    /// Bad records are handed to the closure (to be written to a quarantine file) and the good ones stored.
    case quarantine((InputUnit, IngestError) -> Void)
}

/// Why an ingest run stored nothing.
public enum IngestFailure: Error, CustomStringConvertible {
    case rejected(IngestError)
    case store(StoreError)
    public var description: String {
        switch self {
        case let .rejected(e): "\(e)\nNothing from this run was stored."
        case let .store(e): "\(e)\nNothing from this run was stored."
        }
    }
}

extension SightlineStore {
    /// Ingests files in one transaction: either the whole run is stored, or (on a bad record without
    /// quarantine, or any failure) nothing is.
    ///
    /// - Parameters:
    ///   - inputs: the files, in order (items must be defined before they are cited).
    ///   - policy: abort on the first bad record, or quarantine bad records and go on.
    ///   - today: the run's day (dates after it are refused); nil: ``RunDay/latestDay(environment:now:)``.
    ///   - progress: called now and then with the bytes read so far across all inputs.
    /// - Returns: what the run did.
    /// - Throws: ``IngestFailure``.
    /// - Complexity: O(records), with a bounded amount of memory.
    public func ingest(_ inputs: [IngestInput], policy: RejectPolicy = .abort, today: Timestamp? = nil,
                       progress: ((Int) -> Void)? = nil) throws(IngestFailure) -> IngestSummary {
        let started = Date()
        let day: Timestamp
        if let today { day = today } else {
            do { day = try RunDay.latestDay() } catch { throw .store(.database(error.description)) }
        }
        let killAfter = IngestEnvironment.killAfterBatches()
        var batchesWritten = 0
        do {
            return try databaseWriter.write { db -> IngestSummary in
                try db.execute(sql: "INSERT INTO ingest_run (started, actor, files) VALUES (?, ?, ?)",
                               arguments: [Self.now(), Self.actor, inputs.map(\.name).joined(separator: "\n")])
                let writer = try IngestWriter(db: db, runID: db.lastInsertedRowID, day: day)
                var done = 0
                for input in inputs {
                    writer.summary.files += 1
                    let pipeline = UnitPipeline(RecordStream(input.source, file: input.name, format: input.format, today: day))
                    defer { pipeline.cancel() }
                    var lastReport = 0
                    while let batch = try pipeline.next() {
                        if let progress, pipeline.bytesRead - lastReport >= 1 << 20 {
                            lastReport = pipeline.bytesRead
                            progress(done + lastReport)
                        }
                        for unit in batch {
                            writer.summary.unitsRead += 1
                            switch unit.outcome {
                            case let .failure(error):
                                try reject(unit, error, policy: policy, writer: writer)
                            case let .success(records):
                                writer.summary.recordsRead += records.count
                                if let error = try writer.check(records, at: unit.location) {
                                    try reject(unit, error, policy: policy, writer: writer)
                                    continue
                                }
                                for r in records { try writer.write(r, at: unit.location) }
                                writer.summary.unitsStored += 1
                            }
                        }
                        batchesWritten += 1
                        if let killAfter, batchesWritten >= killAfter { raise(SIGKILL) } // the test hook: die inside the transaction
                    }
                    done += pipeline.bytesRead
                }
                try writer.checkNotices()
                try writer.finish()
                writer.summary.seconds = Date().timeIntervalSince(started)
                let json = String(decoding: try JSONEncoder().encode(writer.summary), as: UTF8.self)
                // To the millisecond: a panel pack compares it with the moment the previous pack was made.
                try db.execute(sql: "UPDATE ingest_run SET finished = ?, summary = ? WHERE id = ?",
                               arguments: [Self.nowPrecisely(), json, writer.runID])
                return writer.summary
            }
        } catch let e as IngestError {
            throw .rejected(e)
        } catch {
            throw .store(StoreError.classify(error, path: path))
        }
    }

    private func reject(_ unit: InputUnit, _ error: IngestError, policy: RejectPolicy, writer: IngestWriter) throws {
        switch policy {
        case .abort: throw error
        case let .quarantine(handler):
            writer.summary.rejects += 1
            handler(unit, error)
        }
    }
}
