import Foundation
import SightlineIngest

/// Reads and validates a file's units on a second thread while the caller writes them, so that
/// parsing (about two thirds of ingest) and SQLite's work overlap on the machine's two cores.
///
/// Units are handed over in order, in batches, through a bounded buffer: memory stays flat however
/// large the file. The reader stops when the consumer cancels (a bad record without quarantine, or
/// any failure), and a failure to read the bytes is rethrown to the consumer in order.
final class UnitPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[InputUnit]] = []
    private var finished = false
    private var failure: IngestError?
    private var cancelled = false
    private var running = true
    private var bytes = 0
    static let batchSize = 256
    static let capacity = 8

    /// The stream, owned by the reading thread once started.
    private final class Box: @unchecked Sendable {
        var stream: RecordStream<AnyByteSource>
        init(_ s: RecordStream<AnyByteSource>) { stream = s }
    }

    init(_ stream: RecordStream<AnyByteSource>) {
        let box = Box(stream)
        Thread.detachNewThread { [self] in self.produce(box) }
    }

    private func produce(_ box: Box) {
        defer {
            condition.lock(); running = false; condition.broadcast(); condition.unlock()
        }
        while true {
            var batch: [InputUnit] = []
            batch.reserveCapacity(Self.batchSize)
            var readFailure: IngestError?
            do {
                while batch.count < Self.batchSize, let unit = try box.stream.next() { batch.append(unit) }
            } catch {
                readFailure = error
            }
            let atEnd = batch.count < Self.batchSize || readFailure != nil
            condition.lock()
            while batches.count >= Self.capacity && !cancelled { condition.wait() }
            if cancelled { condition.unlock(); return }
            if !batch.isEmpty { batches.append(batch) }
            bytes = box.stream.bytesRead
            if atEnd { finished = true; failure = readFailure }
            condition.broadcast()
            condition.unlock()
            if atEnd { return }
        }
    }

    /// The next batch of units in file order, or nil at the end.
    /// - Throws: the read failure, after every unit read before it.
    func next() throws(IngestError) -> [InputUnit]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Bytes the reader has consumed so far.
    var bytesRead: Int {
        condition.lock(); defer { condition.unlock() }
        return bytes
    }

    /// Stops the reader and waits for it to let go of the file.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }
}
