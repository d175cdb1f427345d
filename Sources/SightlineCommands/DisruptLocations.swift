import ArgumentParser
import SightlineModel
import SightlineProducts

/// `sightline disrupt locations [--category hotel,takeaway] [--nte] [--area WX1]`
struct DisruptLocations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locations",
        abstract: "Places ranked by the exposure of children there, with suggested tactics and the notices already issued.",
        discussion: """
        A place's score adds: children at risk linked to it (seen there, found there after a missing \
        episode, taken there in a vehicle recorded there; a child's own home does not count), adults \
        of concern linked to it (seen there, frequent it, live or work there, found there with a \
        child), occasions when a child and an adult of concern were there within the window, those \
        in the night window, the recency and grade of the intelligence, and how many agencies \
        recorded it. Each part is shown. Tactics follow the place's category; a tactic already used \
        (a notice recorded for the premises) is shown as done. Schools and children's homes are \
        given protective tactics only (safeguarding partnership, patrols, staff awareness).
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var list: ListOptions
    @OptionGroup var disrupt: DisruptOptions
    @Option(help: ArgumentHelp("Only these categories (comma-separated: \(LocationCategory.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "list"))
    var category: String?
    @Flag(help: "Only night-time-economy places (hotels, B&Bs, takeaways, licensed premises, taxi firms and ranks, shisha lounges, or as recorded).")
    var nte = false
    @Option(help: ArgumentHelp("Only postcodes starting with this (case and spaces ignored: 'wx1' matches 'WX1 4QR').", valueName: "prefix"))
    var area: String?
    @Option(help: ArgumentHelp("The co-presence window in hours (default from the weights: 3).", valueName: "hours"))
    var window: Double?
    @Option(help: ArgumentHelp("The night window, HH:MM-HH:MM (default from the weights: 18:00-06:00).", valueName: "from-to"))
    var night: String?

    var categories: Set<LocationCategory>? {
        category.flatMap { try? CommaList<LocationCategory>($0, option: "--category", what: "") }?.set
    }

    func validate() throws {
        if let category { _ = try CommaList<LocationCategory>(category, option: "--category", what: "categor(ies)") }
        if let area, area.allSatisfy(\.isWhitespace) { throw ValidationError("--area must not be empty") }
        if let window { try Bounds.check("--window", window, Bounds.hours, unit: "hours") }
        if let night, nightWindow(night) == nil { throw ValidationError("--night must be HH:MM-HH:MM with two different times (got \"\(night)\")") }
    }

    func nightWindow(_ text: String) -> (String, String)? {
        let p = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard p.count == 2, NightWindow(start: p[0], end: p[1]) != nil else { return nil }
        return (p[0], p[1])
    }

    func run() throws {
        try runList {
            let (data, weights) = try disrupt.prepare(store, network)
            var options = LocationsOfRisk.Options()
            options.weights = weights.locations
            if let window { options.weights.windowHours = window }
            if let (a, b) = night.flatMap(nightWindow) { options.weights.nightStart = a; options.weights.nightEnd = b }
            options.categories = categories
            options.nightTimeEconomyOnly = nte
            options.area = area
            try list.emit(LocationsOfRisk.list(data, options: options), data, evidence: disrupt.evidence, db: { try store.open() }, table: Self.table, terminal: Self.terminal, what: "locations of risk")
        }
    }

    /// The list's table: every column (CSV, and the pack's tables/); a terminal shows ``terminal``.
    static func table(_ rows: [LocationOfRisk]) -> TextTable {
        TextTable(headers: ["rank", "place", "category", "postcode", "score", "parts", "children", "suspects",
                            "occasions (night)", "notices issued", "tactics", "items", "evidence"],
                  rows: rows.map { r in
                      [rankCell(r.rank), "\(r.name) (\(r.entity))", r.category ?? "", r.postcode ?? "", score(r.score),
                       partsCell(r.parts), peopleCell(r.children), peopleCell(r.suspects),
                       "\(r.occasions) (\(r.nightOccasions))", r.notices.joined(separator: "; "), tacticsCell(r.tactics),
                       String(r.evidence.count), evidenceCell(r.evidence)]
                  })
    }

    /// The columns a terminal (and the pack's printed page) shows.
    static let terminal = ["rank", "place", "category", "postcode", "score", "parts", "occasions (night)", "tactics", "items"]
}
