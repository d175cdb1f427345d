import Foundation
import GRDB
import SightlineIngest
import SightlineModel
import SightlineStore
import SightlineTestSupport
import Testing

/// A store opened for reading is opened by SQLite read-only: it refuses writes even to root, for
/// whom file permissions do not apply, and leaves no file beside the store.
@Suite("read-only store")
struct ReadOnlyStoreTests {
    @Test("a store opened for reading refuses a write (SQLite's read-only open), and its file is unchanged")
    func refusesWrites() throws {
        let s = try ScratchStore()
        try s.ingest(Fixtures.everyRecordType)
        let before = try Data(contentsOf: URL(fileURLWithPath: s.path))
        let reader = try SightlineStore(path: s.path, access: .read)
        #expect(try reader.stats().items == 3)
        let people = try reader.entities(kind: .person).map(\.id)
        #expect(throws: StoreError.self) { _ = try reader.merge(EntityID(parsing: people[0])!, EntityID(parsing: people[1])!, reason: "test") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: s.path)) == before)
    }

    @Test("a missing file is refused for reading and not created")
    func missing() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("nope.sqlite")
        #expect(throws: StoreError.self) { _ = try SightlineStore(path: path, access: .read) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a reader opened with no write running reads the file alone; when a write changes the file meanwhile, it reads again through the WAL")
    func writeDuringRead() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("s.sqlite")
        func ingest(_ text: String) throws {
            let writer = try SightlineStore(path: path)
            _ = try writer.ingest([IngestInput(name: "t.jsonl", format: .jsonLines, source: MemoryByteSource(text))])
        } // the writer closes here: SQLite checkpoints and removes the -wal file
        try ingest(Fixtures.everyRecordType)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let reader = try SightlineStore(path: path, access: .read)
        #expect(try reader.stats().items == 3)
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
        try ingest(#"{"type":"item","agency":"police","ref":"NEW-1","recorded":"2025-01-01","grade":"2BP"}"# + "\n")
        #expect(try reader.stats().items == 4)
    }
}
