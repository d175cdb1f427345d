import ArgumentParser
import SightlineModel
import SightlineProducts
import SightlineStore

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
    @OptionGroup var output: OutputOptions
    @OptionGroup var network: NetworkOptions
    @Argument(help: "The child (E12, an identifier, or an exact name).") var child: String
    @Flag(help: "With each line, the item's summary and its protective-language flags (audiences that may see source details).")
    var summaries = false

    func run() throws {
        let db = try store.open()
        let id = try db.find(child)
        let data = ProductData(try network.contents(db), filter: network.filter)
        guard data.isChild(id) else { throw CommandError("\(id) is not a child: a chronology is made for a child") }
        var report = ChronologyReport(child: id, in: data, from: network.filter.from, until: network.filter.until)
        if summaries {
            if let found = try currentGate.screen.summaries(of: report.items, from: db) {
                report.attach(summaries: Dictionary(found.map { ($0.item.ref, $0.summary) }, uniquingKeysWith: { a, _ in a }))
            } else {
                var e = standardError
                print("(summaries are source details: not shown to \(currentGate.screen.audience.name))", to: &e)
            }
        }
        try emit(report, table: {
            TextTable(headers: ["date", "kind", "what", "agency", "reference", "recorded", "grade", "handling", "conditions", "summary", "language"],
                      rows: report.lines.map { l in
                          [l.date, l.kind, l.text, l.agency, l.reference, l.recorded, l.grade, l.handling, l.conditions ?? "", l.summary ?? "",
                           (l.language ?? []).map { "\"\($0.asWritten)\" (\($0.phrase)): \($0.sayInstead)" }.joined(separator: "; ")]
                      })
        }, format: output.format)
        if output.format == .table { print(Self.patternsText(report.patterns), terminator: "") }
        if report.lines.isEmpty { throw NoRows(message: "nothing recorded about \(report.name) with these filters") }
    }

    /// The patterns under the table: each count with its items.
    static func patternsText(_ p: ChronologyPatterns) -> String {
        var out = "\nPatterns in the missing episodes\n"
        func counts(_ title: String, _ c: [ChronologyPatterns.Count]) {
            let shown = c.filter { $0.count > 0 }
            out += "  \(title): " + (shown.isEmpty ? "none" : shown.map { "\($0.label) \($0.count) (\($0.items.joined(separator: ", ")))" }.joined(separator: "; ")) + "\n"
        }
        counts("by weekday", p.byWeekday)
        counts("by time of day", p.byTimeOfDay)
        out += "  places and adults in two or more episodes: "
            + (p.recurring.isEmpty ? "none" : p.recurring.map { "\($0.name) (\($0.kind), \($0.episodes) episodes: \($0.how.joined(separator: ", ")); \($0.items.joined(separator: ", ")))" }.joined(separator: "; ")) + "\n"
        out += "  adults first linked in the last \(ChronologyPatterns.recentDays) days: "
            + (p.newAdults.isEmpty ? "none" : p.newAdults.map { "\($0.name) (\($0.firstLinked); \($0.items.joined(separator: ", ")))" }.joined(separator: "; ")) + "\n"
        out += "  per month (episodes/new adults): " + (p.months.isEmpty ? "none" : p.months.map { "\($0.month) \($0.episodes)/\($0.newAdults)" }.joined(separator: ", ")) + "\n"
        out += "  trend: episodes \(p.trend), new adults \(p.newAdultsTrend) (\(ChronologyPatterns.trendRule))\n"
        out += "  more than \(ChronologyPatterns.gapDays) days with nothing from another agency: "
            + (p.gaps.isEmpty ? "none" : p.gaps.map { "after \($0.item) of \($0.from), \($0.days) days" + ($0.until.map { " (until \($0))" } ?? " (to date)") }.joined(separator: "; ")) + "\n"
        return out
    }
}
