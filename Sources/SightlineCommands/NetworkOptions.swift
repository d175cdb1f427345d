import ArgumentParser
import SightlineGate
import SightlineModel
import SightlineNetwork
import SightlineStore

/// The filters and weights every network command takes (`path`, `ego`, `impact`).
struct NetworkOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only intelligence recorded on or before this date (the network as known then).", valueName: "YYYY-MM-DD"))
    var asOf: String?
    @Option(help: ArgumentHelp("Only links whose time overlaps a window starting on this date (untimed links are kept).", valueName: "YYYY-MM-DD"))
    var from: String?
    @Option(help: ArgumentHelp("... and ending on this date.", valueName: "YYYY-MM-DD"))
    var until: String?
    @Option(help: ArgumentHelp("The weakest grade accepted, as a 3x5x2 source and assessment (2B keeps 1A to 2B; legacy 5x5x5 grades are compared through the mapping in docs/algorithms.md).", valueName: "grade"))
    var minGrade: String?
    @Option(help: ArgumentHelp("Only items from these agencies (comma-separated: police, social_care, ...).", valueName: "list"))
    var agencies: String?
    @Option(help: ArgumentHelp("Only these link types (comma-separated).", valueName: "list"))
    var linkTypes: String?
    @Option(help: ArgumentHelp("Only items with these handling codes (P, C).", valueName: "list"))
    var handling: String?
    @Flag(help: "Weigh every link equally (no grade, recency or corroboration weights); in lists, count every child, adult, occasion and association as 1 and rank every row, weak or not (for comparison).") var unweighted = false
    @Flag(help: "Leave the grade out of link weights.") var noGradeWeight = false
    @Flag(help: "Leave recency out of link weights.") var noRecency = false
    @Flag(help: "Leave corroboration out of link weights.") var noCorroboration = false
    @Option(help: "Recency half-life in days.") var halfLife: Double = 365

    func validate() throws {
        for (name, value) in [("--as-of", asOf), ("--from", from), ("--until", until)] {
            if let value { _ = try DayArgument(value, option: name) }
        }
        if let minGrade { _ = try GradeThreshold(minGrade) }
        if let linkTypes { _ = try CommaList<LinkType>(linkTypes, option: "--link-types", what: "link type(s)") }
        if let agencies { _ = try CommaList<Agency>(agencies, option: "--agencies", what: "agenc(ies)") }
        if let handling { _ = try CommaList<HandlingCode>(handling.uppercased(), option: "--handling", what: "handling code(s)") }
        try Bounds.check("--half-life", halfLife, 1...36_600, unit: "days")
    }

    var filter: NetworkFilter {
        var f = NetworkFilter()
        // Checked in validate(): every value here parses.
        f.asOf = asOf.flatMap { try? DayArgument($0, option: "--as-of").end }
        f.from = from.flatMap { try? DayArgument($0, option: "--from").start }
        f.until = until.flatMap { try? DayArgument($0, option: "--until").end }
        if let minGrade, let g = try? GradeThreshold(minGrade) {
            f.minimumSource = g.source; f.minimumAssessment = g.assessment
        }
        f.agencies = agencies.flatMap { try? CommaList<Agency>($0, option: "--agencies", what: "") }?.set
        f.linkTypes = linkTypes.flatMap { try? CommaList<LinkType>($0, option: "--link-types", what: "") }?.set
        f.handling = handling.flatMap { try? CommaList<HandlingCode>($0.uppercased(), option: "--handling", what: "") }.map { Set($0.words.compactMap { Grade.Handling(rawValue: $0.rawValue) }) }
        return f
    }

    /// The store's network, filtered and weighted as asked.
    func snapshot(_ db: SightlineStore) throws -> NetworkSnapshot {
        var (entities, links) = try db.networkContents()
        // What the audience may see, before anything is built from it (a command without its gate stops here).
        currentGate.screen.screen(entities: &entities, links: &links, on: filter.asOf ?? RunDay.todayOrClock())
        return NetworkSnapshot(entities: entities, links: links, filter: filter, weighting: weighting(for: links))
    }

    /// Link weights as asked, recency measured from --as-of or the newest item among `links`.
    func weighting(for links: [NetworkLink]) -> EvidenceWeighting {
        var newest = Day(dayNumber: 0)
        for l in links { for c in l.evidence where c.recorded > newest { newest = c.recorded } }
        return weighting(reference: filter.asOf ?? newest.timestamp)
    }

    /// Link weights as asked, recency measured from `reference`.
    func weighting(reference: Timestamp) -> EvidenceWeighting {
        guard !unweighted else { return .unweighted() }
        var w = EvidenceWeighting(reference: reference)
        w.useGrade = !noGradeWeight
        w.useRecency = !noRecency
        w.useCorroboration = !noCorroboration
        w.halfLifeDays = halfLife
        return w
    }
}

extension NetworkOptions {
    /// The filters and weights given, as options (`--min-grade 2B --agencies police`), or `none`.
    var describe: String {
        var words: [String] = []
        for (name, value) in [("--as-of", asOf), ("--from", from), ("--until", until), ("--min-grade", minGrade),
                              ("--agencies", agencies), ("--link-types", linkTypes), ("--handling", handling)] {
            if let value { words.append("\(name) \(value)") }
        }
        if unweighted { words.append("--unweighted") }
        return words.isEmpty ? "none" : words.joined(separator: " ")
    }
}
