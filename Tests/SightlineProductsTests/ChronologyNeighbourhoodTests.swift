import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineStore
import SightlineTestSupport
import Testing

/// `chronology` reads only the child's neighbourhood (`productContents(around:)`) so that it answers
/// in milliseconds on a large store: the chronology, patterns included, must be the one built from
/// the whole store, for every child of the samples, with and without filters.
@Suite("a chronology from the child's neighbourhood is the whole store's")
struct ChronologyNeighbourhoodTests {
    @Test("every child of the samples: the same lines and the same patterns", arguments: [
        NetworkFilter(),
        { var f = NetworkFilter(); f.minimumSource = 2; f.minimumAssessment = "B"; return f }(),
        { var f = NetworkFilter(); f.asOf = Timestamp(dayNumber: Day("2024-12-31")!.dayNumber); return f }(),
    ])
    func sameAsWholeStore(filter: NetworkFilter) throws {
        let store = try SampleData.store.get()
        let whole = try SampleData.data(filter)
        let children = whole.contents.entities.filter { $0.kind == .person && whole.isChild($0.id) }
        #expect(children.count >= 20)
        var compared = 0
        for c in children {
            let near = ProductData(try store.productContents(around: c.id), filter: filter)
            #expect(near.isChild(c.id))
            let a = ChronologyReport(child: c.id, in: whole)
            let b = ChronologyReport(child: c.id, in: near, reference: whole.reference)
            #expect(a.lines == b.lines, "\(c.id) \(c.label): lines differ")
            #expect(a.patterns == b.patterns, "\(c.id) \(c.label): patterns differ")
            if !a.lines.isEmpty { compared += 1 }
        }
        #expect(compared >= 20)
    }
}
