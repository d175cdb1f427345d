import ArgumentParser
import SightlineModel
import SightlineProducts
import SightlineReadModel
import SightlineRender
import SightlineStore

/// `--format` of `chronology`: the lists' three, and a printable page.
enum ChronologyFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, html
}

/// `sightline chronology CHILD`
struct ChronologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronology",
        abstract: "Everything recorded about one child, from every agency, in date order, each line with its item.",
        discussion: """
        Links in both directions (an adult always the actor of an act upon the child), missing \
        episodes (from where, for how long, found where and with whom), periods looked after, \
        notices and their breaches (the child with the notice's subject or at its premises after it \
        was issued), and non-consents; each line with the agency, reference, the day it was \
        recorded, its grade and handling code. --summaries adds each item's summary, the agency's \
        own words, where the audience may see them, and flags the phrases it uses from the \
        protective-language list for the panel to challenge; the words are never changed. The \
        network filters choose the items; --from and --until the lines. Exit codes: 0 lines, 1 none.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @Option(help: "table (default), csv, json, or html (a printable page with the handling marking on every page).")
    var format: ChronologyFormat = .table
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output (written whole, or not at all).", valueName: "file"))
    var output: String?
    @OptionGroup var network: NetworkOptions
    @Argument(help: "The child (E12, an identifier, or an exact name).") var child: String
    @Flag(help: "With each line, the item's summary and its protective-language flags (audiences that may see source details).")
    var summaries = false

    func validate() throws {
        if output?.isEmpty == true { throw ValidationError("-o must name a file") }
    }

    func run() throws {
        let db = try store.open()
        let id = try db.find(child)
        // Only the child's neighbourhood is read: a chronology answers in milliseconds on any store.
        let data = ProductData(try network.contents(db, around: id), filter: network.filter)
        guard data.isChild(id) else { throw CommandError("\(id) is not a child: a chronology is made for a child") }
        var report = ChronologyReport(child: id, in: data, from: network.filter.from, until: network.filter.until,
                                      reference: try network.newestAdmitted(db))
        if summaries {
            if let found = try currentGate.screen.summaries(of: report.items, from: db) {
                report.attach(summaries: Dictionary(found.map { ($0.item.ref, $0.summary) }, uniquingKeysWith: { a, _ in a }))
            } else {
                var e = standardError
                print("(summaries are source details: not shown to \(currentGate.screen.audience.name))", to: &e)
            }
        }
        if format == .html {
            let marking = HandlingMarking(of: report.items).marking + ". For " + currentGate.screen.audience.title
            print(PackPage.chronologyHTML(report, marking: marking, audience: currentGate.screen.audience.title), terminator: "")
            if report.lines.isEmpty { throw NoRows(message: "nothing recorded about \(report.name) with these filters") }
            return
        }
        let listFormat: OutputFormat = format == .csv ? .csv : format == .json ? .json : .table
        try emit(report, table: {
            TextTable(headers: ["date", "kind", "what", "agency", "reference", "recorded", "grade", "handling", "conditions", "summary", "language"],
                      rows: report.lines.map { l in
                          [l.date, l.kind, l.text, l.agency, l.reference, l.recorded, l.grade, l.handling, l.conditions ?? "", l.summary ?? "",
                           (l.language ?? []).map { "\"\($0.asWritten)\" (\($0.phrase)): \($0.sayInstead)" }.joined(separator: "; ")]
                      })
        }, format: listFormat)
        if format == .table { print(Self.patternsText(report.patterns), terminator: "") }
        if report.lines.isEmpty { throw NoRows(message: "nothing recorded about \(report.name) with these filters") }
    }

    /// The patterns under the table: each count with its items (``PackPage/patternLines(_:)``).
    static func patternsText(_ p: ChronologyPatterns) -> String {
        "\nPatterns in the missing episodes\n" + PackPage.patternLines(p).map { "  \($0.title): \($0.text)\n" }.joined()
    }
}
