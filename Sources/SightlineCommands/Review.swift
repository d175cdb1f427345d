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
        taken on --as-of, or on the run day (SIGHTLINE_TODAY=YYYY-MM-DD fixes it). Nothing here is \
        settled automatically. Exit codes: 0 rows, 1 none.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("Take ages on this date instead of the run day.", valueName: "YYYY-MM-DD")) var asOf: String?

    func validate() throws {
        if let asOf { _ = try Day(asOf, option: "--as-of") }
    }

    func run() throws {
        let day = try asOf.map { try Day($0, option: "--as-of").start } ?? RunDay.todayOrClock()
        let rows = Safeguarding(try store.open().networkContents().entities, on: day).review
        guard !rows.isEmpty else { throw NoRows(message: "no conflicting records about who is a child on \(day.dateText)") }
        try emit(rows, table: {
            TextTable(headers: ["entity", "name", "status", "conflict", "detail", "items"],
                      rows: rows.map { [$0.entity, $0.label, $0.status, $0.kind, $0.detail, $0.evidence.map(\.description).joined(separator: "; ")] })
        }, format: output.format)
    }
}
