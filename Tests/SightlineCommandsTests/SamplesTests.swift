import Foundation
@testable import SightlineCommands
import SightlineModel
import SightlineStore
import SightlineTestSupport
import Testing

/// The samples as the README's first command uses them, checked against their planted truth
/// (Samples/truth.json, written by scripts/make-samples.py).
@Suite("Samples", .serialized)
struct SamplesTests {
    let dir = TemporaryDirectory("samples")
    let truth: [String: Any]

    init() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: PackagePaths.samples + "/truth.json"))
        truth = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Ingests Samples/ into a new store through the same code as `sightline ingest Samples/`.
    func ingestSamples(into path: String) throws -> (SightlineStore, IngestSummary) {
        let store = try SightlineStore(path: path)
        let inputs = try Ingest.expand([PackagePaths.samples]).map { p in
            IngestInput(name: p, format: try Ingest.format(of: p, mapping: nil), source: try FileByteSource(path: p))
        }
        return (store, try store.ingest(inputs))
    }

    var duplicates: [String: Any] { truth["duplicates"] as! [String: Any] }

    @Test("the samples ingest cleanly, twice, to the same counts, merging what shares a strong identifier")
    func ingestTwice() throws {
        let (store, first) = try ingestSamples(into: dir.file("a.sqlite"))
        #expect(first.rejects == 0)
        #expect(first.files == 10)
        let strong = duplicates["strongIdentifier"] as! [String: Any]
        let expectedMerges = (strong["mergesExpectedOnIngest"] as! [Any]).count
        #expect(first.merges == expectedMerges)
        let stats = try store.stats()
        #expect(stats.items == 486 + 300 + 31 + 20)
        #expect(stats.itemsByGradeSystem["5x5x5"] == 15)
        #expect(stats.entitiesByKind["person"] == (truth["counts"] as! [String: Any])["personEntitiesExpected"] as? Int)

        let (_, second) = try ingestSamples(into: dir.file("a.sqlite"))
        #expect(second.itemsCreated == 0 && second.entitiesCreated == 0 && second.linksCreated == 0 && second.merges == 0)
        #expect(second.itemsUpdated == first.itemsCreated)
        let again = try store.stats()
        #expect(try jsonText(again) == (try jsonText(stats)).replacingOccurrences(of: "\"ingestRuns\" : 1", with: "\"ingestRuns\" : 2"))

        // Every planted same-person set is one entity; every spelling finds the same entity.
        for set in strong["sameEntity"] as! [[String: Any]] {
            let ids = set["ids"] as! [String]
            let entities = try Set(ids.map { try store.find($0) })
            #expect(entities.count == 1, "\(ids)")
        }
        let spellings = strong["spellings"] as! [String: [String: Any]]
        for (kind, s) in spellings {
            let canonical = try store.find(s["canonical"] as! String)
            for spelling in s["spellings"] as! [String] {
                #expect(try store.find("\(kind):\(spelling)") == canonical, "\(kind):\(spelling)")
            }
        }
        #expect(try store.mergeHistory().allSatisfy { $0.kind == "identifier" })
    }

    @Test("resolution lists every planted name-only pair with reasons, no trap, and merges none of them")
    func nameOnlyDuplicates() throws {
        let (store, _) = try ingestSamples(into: dir.file("b.sqlite"))
        let list = try store.resolutionCandidates()
        func listed(_ a: String, _ b: String) -> Bool {
            list.contains { ($0.aIdentifiers.contains(a) && $0.bIdentifiers.contains(b)) || ($0.aIdentifiers.contains(b) && $0.bIdentifiers.contains(a)) }
        }
        for pair in duplicates["nameOnly"] as! [[String: Any]] {
            let (a, b) = (pair["a"] as! String, pair["b"] as! String)
            #expect(listed(a, b), "\(pair["why"] ?? "")")
            #expect(try store.find(a) != (try store.find(b)), "merged automatically: \(a) \(b)")
        }
        for pair in duplicates["traps"] as! [[String: Any]] {
            #expect(!listed(pair["a"] as! String, pair["b"] as! String), "\(pair["why"] ?? "")")
        }
        #expect(list.allSatisfy { !$0.reasons.isEmpty })
    }

    @Test("nothing Sightline composes about the samples uses a protective-language phrase")
    func protectiveLanguage() throws {
        let (store, summary) = try ingestSamples(into: dir.file("c.sqlite"))
        var composed = summary.line + "\n"
        let stats = try store.stats()
        composed += try jsonText(stats)
        let entities = try store.entities()
        composed += try jsonText(entities)
        for e in entities {
            let d = try store.detail(EntityID(parsing: e.id)!)
            composed += Show.text(d) + Show.linkTable(d).csv
        }
        composed += try jsonText(store.resolutionCandidates())
        composed += try jsonText(store.mergeHistory())
        for (name, help) in [("ingest", Ingest.helpMessage()), ("show", Show.helpMessage()), ("resolve", Resolve.helpMessage()),
                             ("root", Sightline.helpMessage()), ("generate", Generate.helpMessage())] {
            composed += "\(name): \(help)"
        }
        #expect(composed.count > 100_000)
        #expect(ProtectiveLanguage.matches(in: composed) == [])
    }
}
