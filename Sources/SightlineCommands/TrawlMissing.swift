import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineRender
import SightlineStore

/// `sightline trawl missing [--days N | --from D --until D]`
struct TrawlMissing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missing",
        abstract: "Adults and places that recur across different children's missing episodes, and the children reported missing (in name order, never ranked).",
        discussion: """
        For the weekly missing meeting. The period is --from/--until, or the --days days up to the \
        --as-of date (default: the 28 days up to the newest item); an episode counts when it overlaps \
        the period.

        Recurring adults: people never recorded as a child at risk with whom children were found \
        during episodes, or at whose recorded address (resides_at) children were found, for at least \
        --min-children different children. Recurring places: places where at least that many \
        different children were found, or from which they were reported missing when the place is \
        not the child's home. Going missing from home (a place the child is recorded as living at, \
        or a children's home) says nothing about the place and is never counted. One child's \
        repeated episodes with the same adult do not make the adult recur. Order: different \
        children, then episodes, then the most recent episode.

        Children reported missing: every child with an episode in the period, in name order (never \
        ranked or numbered), with the number of episodes, the places they were found at and the adults \
        they were found with. This is a list of children who need help planned, not a measure of \
        risk in the child. Children are shown as 'Child C-<number>' unless --name-children is given.

        Each row cites the episodes' items (agency/reference, date, grade). Exit codes: 0 rows \
        found; 1 none; 2 usage; 3 store failure; 4 a request that cannot be met.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var list: ListOptions
    @Option(help: "The period: this many days up to --until, --as-of or the newest item (ignored when --from is given).") var days: Int = 28
    @Option(help: "List adults and places that feature with at least this many different children.") var minChildren: Int = 2
    @Flag(help: "Name children instead of 'Child C-<number>'.") var nameChildren = false

    func validate() throws {
        try Bounds.check("--days", days, Bounds.days)
        try Bounds.check("--min-children", minChildren, 1...1_000_000)
        if let f = network.filter.from, let u = network.filter.until, f > u { throw ValidationError("--from must not be after --until") }
    }

    /// The trawl's rows in one list (for `--since`, `--limit` and the table), each section kept apart.
    struct Document: Encodable {
        var period: DayPeriod
        var minimumChildren: Int
        var episodesInPeriod: Int
        var recurringAdults: [RecurringRow]
        var recurringPlaces: [RecurringRow]
        var childrenReportedMissing: [FrequentMissingRow]
    }

    func run() throws {
        try runList {
            let db = try store.open()
            let data = try network.productData(db)
            let until = network.filter.until ?? data.reference
            let period = network.filter.from.map { DayPeriod(from: Day($0), until: Day(until)) } ?? DayPeriod.days(days, endingOn: until)
            let trawl = missingTrawl(data, period: period, minimumChildren: minChildren)
            let doc = Document(period: period, minimumChildren: minChildren, episodesInPeriod: trawl.episodesInPeriod,
                               recurringAdults: list.select(trawl.recurringAdults, data),
                               recurringPlaces: list.select(trawl.recurringPlaces, data),
                               childrenReportedMissing: list.select(trawl.childrenReportedMissing, data))
            let rows = doc.recurringAdults.count + doc.recurringPlaces.count + doc.childrenReportedMissing.count
            try list.emit(doc, rows: rows, table: { Self.table(doc) },
                          what: "recurring adults, places or children reported missing from \(period.from) to \(period.until)")
        }
    }

    static func table(_ doc: Document) -> TextTable {
        var t = TextTable(headers: ["section", "rank", "entity", "name", "detail", "children", "episodes", "latest", "how / where found", "evidence"])
        for r in doc.recurringAdults + doc.recurringPlaces {
            t.rows.append([r.kind == "adult" ? "recurring adult" : "recurring place", String(r.rank), r.entity, r.label, r.detail,
                           "\(r.children.count): " + r.children.joined(separator: "; "), String(r.episodes.count), r.latest,
                           r.reasons.joined(separator: "; "), evidenceCell(r.evidence)])
        }
        for r in doc.childrenReportedMissing {
            let found = (r.foundAt.isEmpty ? [] : ["found at " + r.foundAt.joined(separator: ", ")])
                + (r.foundWith.isEmpty ? [] : ["found with " + r.foundWith.joined(separator: ", ")])
            t.rows.append(["child reported missing", "", "", r.child, "", "", String(r.episodeCount), r.latest,
                           found.joined(separator: "; "), evidenceCell(r.evidence)])
        }
        return t
    }
}
