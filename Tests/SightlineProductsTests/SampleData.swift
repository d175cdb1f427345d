import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineStore
import SightlineTestSupport

/// The samples, ingested once per test process by the `sightline` binary, read back as products
/// see them; and the planted truth.
enum SampleData {
    /// Kept for the life of the process, with the store in it.
    static let directory = TemporaryDirectory("products-samples")
    static let store: Result<SightlineStore, TestSupportError> = {
        let path = directory.file("s.sqlite")
        do {
            let r = try runSightline(["ingest", PackagePaths.samples, "--db", path])
            guard r.status == 0 else { return .failure(TestSupportError("ingest failed: \(r.stderr)")) }
            return .success(try SightlineStore(path: path))
        } catch { return .failure(TestSupportError("\(error)")) }
    }()

    /// The products' data for the samples (through `filter`).
    static func data(_ filter: NetworkFilter = NetworkFilter()) throws -> ProductData {
        let s = try store.get()
        return ProductData(try s.productContents(), filter: filter)
    }

    /// The sample store's entity for an identifier (`person:niche/PN-1001`).
    static func id(_ identifier: String) throws -> EntityID { try store.get().find(identifier) }

    /// Samples/truth.json.
    static func truth() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: PackagePaths.samples + "/truth.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}
