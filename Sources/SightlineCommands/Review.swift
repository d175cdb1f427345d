import ArgumentParser
import SightlineModel
import SightlineSafeguarding
import SightlineStore

/// `sightline review`
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Records that conflict about who is a child, for an analyst to settle at source.",
        discussion: """
        Lists, with the items on each side: young people recorded as a suspect or harbourer (a child \
        to safeguard: criminal exploitation, National Referral Mechanism consideration); people \
        recorded as a child at risk on an item dated when every date of birth makes them an adult \
        (held back from every list until corrected); and dates of birth recorded years apart. Ages are \
        taken on --as-of, or on the run day (SIGHTLINE_TODAY=YYYY-MM-DD fixes it); the network \
        filters choose which items are cited. Nothing here is settled automatically. Exit codes: 0 rows, 1 none.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var network: NetworkOptions

    func run() throws {
        // Who is a child is judged on every record; the items cited go through the network filters
        // (--as-of also sets the date ages are taken on).
        let filter = network.filter
        let day = filter.asOf ?? RunDay.todayOrClock()
        // The audience's screen decides which conflicts and names may be shown (on every record,
        // before the filters choose the items cited).
        let rules = Safeguarding(try store.open().networkContents().entities, on: day)
        let rows = currentGate.screen.screen(rules.review, by: rules)
            .map { r in var kept = r; kept.evidence = r.evidence.filter(filter.accepts); return kept }
        guard !rows.isEmpty else { throw NoRows(message: "no conflicting records about who is a child on \(day.dateText)") }
        try emit(rows, table: {
            TextTable(headers: ["entity", "name", "status", "conflict", "detail", "items"],
                      rows: rows.map { [$0.entity, $0.label, $0.status, $0.kind, $0.detail, $0.evidence.map(\.description).joined(separator: "; ")] })
        }, format: output.format)
    }
}
