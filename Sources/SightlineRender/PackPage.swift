import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineReadModel

/// A table of a pack: shown on its page (the `shown` columns, to fit a printed page) and written
/// whole to `tables/FILE`.
public struct PackTable: Sendable, Equatable {
    /// `key-adults.csv`.
    public var file: String
    public var title: String
    public var headers: [String]
    public var rows: [[String]]
    /// The columns the printed page shows (nil: all).
    public var shown: [String]?
    /// A line under the title (the order, a rule).
    public var note: String?
    public init(file: String, title: String, headers: [String], rows: [[String]], shown: [String]? = nil, note: String? = nil) {
        self.file = file; self.title = title; self.headers = headers; self.rows = rows; self.shown = shown; self.note = note
    }
}

/// The pack's cover sheet: for whom, why, how it is to be handled, who made it and the disclosure
/// log entry that records it.
public struct PackCover: Sendable {
    public var panelDate: String
    public var audience: String
    public var audienceTitle: String
    public var purpose: String
    public var recipients: [String]
    /// The strictest handling of what the pack holds, one line: every page's header.
    public var marking: String
    /// The conditions of the C-handled items it holds.
    public var conditions: [String]
    public var producedBy: String
    /// When, and the log's entry: placeholders the disclosure gate fills as it logs.
    public var producedAt: String
    public var logEntry: String
    public var logPath: String
    public var filters: String
    /// Parts not in this audience's pack, with why.
    public var omitted: [String] = []
    public init(panelDate: String, audience: String, audienceTitle: String, purpose: String, recipients: [String], marking: String,
                conditions: [String], producedBy: String, producedAt: String, logEntry: String, logPath: String, filters: String) {
        self.panelDate = panelDate; self.audience = audience; self.audienceTitle = audienceTitle; self.purpose = purpose
        self.recipients = recipients; self.marking = marking; self.conditions = conditions; self.producedBy = producedBy
        self.producedAt = producedAt; self.logEntry = logEntry; self.logPath = logPath; self.filters = filters
    }
}

/// The MACE panel pack as one self-contained, print-ready page (XHTML: pictures inline as SVG, no
/// external file or font), and the chronology's page. Page breaks per child; every printed page
/// carries the handling marking in its header and its number in the footer (CSS paged media).
public enum PackPage {
    /// The chronology's lines as a table.
    public static func chronologyTable(_ r: ChronologyReport, file: String) -> PackTable {
        let withSummaries = r.lines.contains { $0.summary != nil }
        var headers = ["date", "kind", "what", "agency", "reference", "recorded", "grade", "handling", "conditions"]
        if withSummaries { headers += ["summary (as the agency wrote it)", "language to challenge"] }
        return PackTable(file: file, title: "Chronology", headers: headers, rows: r.lines.map { l in
            var row = [l.date, l.kind, l.text, l.agency, l.reference, l.recorded, l.grade, l.handling, l.conditions ?? ""]
            if withSummaries { row += [l.summary ?? "", languageCell(l.language ?? [])] }
            return row
        }, shown: ["date", "kind", "what", "agency", "reference", "grade"] + (r.lines.contains { $0.conditions != nil } ? ["conditions"] : []) + (withSummaries ? ["summary (as the agency wrote it)", "language to challenge"] : []),
                         note: "Oldest first; every line from its item. An adult is always the actor of an act upon the child.")
    }

    static func languageCell(_ flags: [ChronologyReport.LanguageFlag]) -> String {
        flags.map { "\"\($0.asWritten)\": say \($0.sayInstead)" }.joined(separator: "; ")
    }

    /// The patterns under a chronology, one line each, every count with its items.
    public static func patternLines(_ p: ChronologyPatterns) -> [(title: String, text: String)] {
        func counts(_ c: [ChronologyPatterns.Count]) -> String {
            let shown = c.filter { $0.count > 0 }
            return shown.isEmpty ? "none" : shown.map { "\($0.label) \($0.count) (\($0.items.joined(separator: ", ")))" }.joined(separator: "; ")
        }
        return [
            ("missing episodes by weekday", counts(p.byWeekday)),
            ("by time of day", counts(p.byTimeOfDay)),
            ("places and adults in two or more episodes", p.recurring.isEmpty ? "none" : p.recurring.map {
                "\($0.name) (\($0.kind), \($0.episodes) episodes: \($0.how.joined(separator: ", ")); \($0.items.joined(separator: ", ")))"
            }.joined(separator: "; ")),
            ("adults first linked in the last \(ChronologyPatterns.recentDays) days", p.newAdults.isEmpty ? "none" : p.newAdults.map {
                "\($0.name) (\($0.firstLinked); \($0.items.joined(separator: ", ")))"
            }.joined(separator: "; ")),
            ("per month (episodes/new adults)", p.months.isEmpty ? "none" : p.months.map { "\($0.month) \($0.episodes)/\($0.newAdults)" }.joined(separator: ", ")),
            ("trend", "episodes \(p.trend), new adults \(p.newAdultsTrend) (\(ChronologyPatterns.trendRule))"),
            ("more than \(ChronologyPatterns.gapDays) days with nothing from another agency", p.gaps.isEmpty ? "none" : p.gaps.map {
                "after \($0.item) of \($0.from), \($0.days) days" + ($0.until.map { " (until \($0))" } ?? " (to date)")
            }.joined(separator: "; ")),
        ]
    }

    /// The tables the pack makes of its own parts: the agenda, each child's chronology, links and
    /// changes, the lists' changes, whether disruption worked and the items cited. Child files are
    /// numbered in agenda order (`child-01-chronology.csv`), never named.
    public static func tables(_ pack: PanelPack) -> (agenda: PackTable, children: [[PackTable]], changes: PackTable, disruption: PackTable, items: PackTable) {
        let agenda = PackTable(file: "agenda.csv", title: "Agenda", headers: ["child", "entity", "why on the agenda", "items"],
                               rows: pack.agenda.map { [$0.name, $0.entity, $0.reasons.joined(separator: "; "), Citation.cell($0.reasonItems)] },
                               note: "In name order: children are never ranked.")
        let children = pack.agenda.enumerated().map { k, c -> [PackTable] in
            let n = String(format: "%02d", k + 1)
            return [
                PackTable(file: "child-\(n)-changes.csv", title: "Changed since \(pack.since)", headers: ["date", "change", "what", "items"],
                          rows: c.changes.map { [$0.date, $0.kind, $0.text, Citation.cell($0.items)] }),
                chronologyTable(c.chronology, file: "child-\(n)-chronology.csv"),
                PackTable(file: "child-\(n)-linked.csv", title: "Adults, places, vehicles, phones and accounts linked",
                          headers: ["kind", "name", "entity", "how", "first", "latest", "new since \(pack.since)", "items"],
                          rows: c.linked.map { [$0.kind, $0.name, $0.entity, $0.how.joined(separator: ", "), $0.first, $0.latest, $0.new ? "new" : "", Citation.cell($0.items)] },
                          shown: ["kind", "name", "how", "first", "latest", "new since \(pack.since)"]),
                PackTable(file: "child-\(n)-notices.csv", title: "Notices issued and breached",
                          headers: ["date", "kind", "what", "agency", "reference", "grade"],
                          rows: c.chronology.lines.filter { $0.kind == "notice" || $0.kind == "breach" }
                            .map { [$0.date, $0.kind, $0.text, $0.agency, $0.reference, $0.grade] }),
            ]
        }
        var changeRows: [[String]] = []
        for l in pack.listChanges {
            changeRows += l.new.map { [l.list, "new", $0] } + l.gone.map { [l.list, "gone", $0] }
        }
        let changes = PackTable(file: "list-changes.csv", title: "Rows new and gone on every list since \(pack.since)",
                                headers: ["list", "change", "row"], rows: changeRows,
                                note: "New: among the rows shown now, not on the list as known on \(pack.since). Gone: among the rows shown then, no longer on the list.")
        let disruption = PackTable(
            file: "disruption-outcomes.csv", title: "Did disruption work",
            headers: ["issued", "action", "subject", "child", "premises", "measure", "window (days)", "before", "after", "verdict",
                      "weak, not counted (before/after)", "items before", "items after", "action's item"],
            rows: pack.disruption.map { o in
                func side(_ s: DisruptionOutcome.Side?) -> String {
                    guard let s else { return "" }
                    func n(_ k: Int, _ one: String, _ many: String) -> String { "\(k) \(k == 1 ? one : many)" }
                    var t = "\(s.count) (\(s.from) to \(s.until); " + n(s.children, "child", "children")
                    if let a = s.adults { t += ", " + n(a, "adult of concern", "adults of concern") }
                    if let k = s.nightOccasions { t += ", " + n(k, "night-time occasion", "night-time occasions") }
                    return t + ")"
                }
                return [o.issued, o.action, "\(o.subjectName) (\(o.subject))", o.child ?? "", o.premises ?? "", o.measure,
                        o.windowDays.map(String.init) ?? "", side(o.before), side(o.after), o.verdict,
                        o.before.map { "\($0.weakNotCounted)/\(o.after?.weakNotCounted ?? 0)" } ?? "",
                        Citation.cell(o.before?.items ?? []), Citation.cell(o.after?.items ?? []), o.item.description]
            },
            shown: ["issued", "action", "subject", "measure", "before", "after", "verdict", "items before", "items after"],
            note: "Each action against the same measure over equal windows before and after it (the action's day in neither), to the panel date, at most \(DisruptionOutcome.longestWindowDays) days; fewer than \(DisruptionOutcome.shortestWindowDays) days since: too recent to judge. A moment resting on weak items only is not counted.")
        let items = PackTable(file: "items.csv", title: "Intelligence cited", headers: ["agency", "reference", "recorded", "grade", "handling", "conditions"],
                              rows: pack.items.map { [$0.agency.rawValue, $0.reference, $0.recorded.text, $0.grade.code, $0.grade.handlingCode, $0.conditions ?? ""] },
                              note: "Every item this pack cites, once.")
        return (agenda, children, changes, disruption, items)
    }

    static func oneLine(_ s: String) -> String { MissingBriefPage.oneLine(s) }
    static func escape(_ s: String) -> String { MissingBriefPage.escape(s) }

    /// - Parameter pointer: whether to say where every column is (the pack's tables/ folder).
    /// - Parameter heading: whether to head it with its title (not when the part's own heading says it).
    static func table(_ t: PackTable, empty: String = "None.", pointer: Bool = true, heading: Bool = true) -> String {
        var h = heading ? "<h3>\(escape(t.title))</h3>\n" : ""
        if let note = t.note { h += "<p class=\"note\">\(escape(note))</p>\n" }
        guard !t.rows.isEmpty else { return h + "<p>\(escape(empty))</p>\n" }
        let keep = (t.shown ?? t.headers).compactMap { t.headers.firstIndex(of: $0) }
        h += "<table>\n<thead><tr>" + keep.map { "<th>\(escape(t.headers[$0]))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for r in t.rows { h += "<tr>" + keep.map { "<td>\(escape($0 < r.count ? r[$0] : ""))</td>" }.joined() + "</tr>\n" }
        h += "</tbody>\n</table>\n"
        if pointer && t.shown != nil { h += "<p class=\"note\">\(escape("Every column, with the items behind each row: tables/\(t.file)."))</p>\n" }
        return h
    }

    /// The page's `<style>`: every printed page headed by `marking` and footed by `footer` and its number.
    static func style(marking: String, footer: String) -> String {
        pageStyle(marking: cssString(marking), footer: cssString(footer))
    }

    /// Text as a CSS string inside the page's `<style>` element: quotes and backslashes escaped, and
    /// `<`, `>` and `&` as CSS escapes, so that no name or title (an agency's export may hold any
    /// text) can close the element or break the page as XML.
    static func cssString(_ s: String) -> String {
        var out = "\""
        for ch in oneLine(s).unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "<": out += "\\3C "
            case ">": out += "\\3E "
            case "&": out += "\\26 "
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    /// - Parameters: marking, footer: CSS strings (``cssString(_:)``).
    static func pageStyle(marking: String, footer: String) -> String {
        """
        <style>
        @page { size: A4; margin: 20mm 12mm 16mm 12mm;
          @top-center { content: \(marking); font: bold 8pt sans-serif; color: #000; }
          @bottom-left { content: \(footer); font: 7.5pt sans-serif; color: #333; }
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt sans-serif; color: #333; } }
        body { font-family: sans-serif; font-size: 9pt; color: #000; margin: 0; }
        h1 { font-size: 16pt; margin: 0 0 0.4em 0; } h2 { font-size: 13pt; margin: 0 0 0.3em 0; border-bottom: 2px solid #000; }
        h3 { font-size: 10pt; margin: 1em 0 0.2em 0; border-bottom: 1px solid #666; page-break-after: avoid; }
        p.note, p.why { font-size: 8pt; color: #333; margin: 0.1em 0 0.3em 0; }
        table { border-collapse: collapse; width: 100%; font-size: 7.5pt; margin: 0.2em 0 0.4em 0; }
        th, td { border: 0.5px solid #888; padding: 1.5px 3px; text-align: left; vertical-align: top; }
        th { background: #e8e8e8; } tr { page-break-inside: avoid; }
        thead { display: table-header-group; }
        .marking { font-weight: bold; border: 2px solid #000; padding: 0.4em; margin: 0.6em 0; }
        dl.cover dt { font-weight: bold; margin-top: 0.5em; } dl.cover dd { margin: 0 0 0 1em; }
        section.child, section.part { page-break-before: always; }
        .picture { text-align: center; page-break-inside: avoid; margin: 0.4em 0; }
        .picture svg { max-width: 100%; max-height: 150mm; height: auto; }
        ul.patterns { font-size: 8pt; margin: 0.2em 0 0.2em 1.2em; padding: 0; }
        @media screen { body { margin: 1.5em auto; max-width: 60em; } section.child, section.part { margin-top: 2em; } }
        </style>
        """
    }

    /// The pack's `index.html`.
    /// - Parameters:
    ///   - lists: the tables of the lists (key adults, locations of risk with tactics, vehicles,
    ///     phones, warning-notice candidates, the missing trawl), as their commands write them.
    ///   - pictures: each agenda child's network picture (SVG), by entity.
    /// - Complexity: O(size of the pack).
    public static func html(_ pack: PanelPack, cover: PackCover, lists: [PackTable], pictures: [String: String]) -> String {
        let t = tables(pack)
        var h = pageHead(title: "MACE panel pack, \(cover.panelDate): \(cover.audienceTitle)",
                         style: style(marking: cover.marking, footer: "MACE panel \(cover.panelDate), for \(cover.audienceTitle), log entry \(cover.logEntry)"))
        h += """
        <section class="cover">
        <h1>\(escape("MACE panel pack"))</h1>
        <p class="marking">\(escape(cover.marking))</p>
        <dl class="cover">

        """
        let coverLines: [(String, String)] = [
            ("Panel date", cover.panelDate),
            ("Audience", "\(cover.audienceTitle) (\(cover.audience))"),
            ("Purpose", cover.purpose),
            ("Recipients", cover.recipients.isEmpty ? "as the audience allows" : cover.recipients.joined(separator: "; ")),
            ("Produced by", "\(cover.producedBy), \(cover.producedAt)"),
            ("Disclosure log", "entry \(cover.logEntry) of \(cover.logPath)"),
            ("Changes since", "\(pack.since): \(pack.sinceReason)"),
            ("Filters", cover.filters),
            ("Contents", "\(pack.agenda.count) children on the agenda; \(pack.items.count) intelligence items cited"),
        ]
        for (k, v) in coverLines { h += "<dt>\(escape(k))</dt><dd>\(escape(v))</dd>\n" }
        if !cover.omitted.isEmpty {
            h += "<dt>\(escape("Not in this audience's pack"))</dt>" + cover.omitted.map { "<dd>\(escape($0))</dd>" }.joined() + "\n"
        }
        if !cover.conditions.isEmpty {
            h += "<dt>\(escape("Conditions of C-handled items"))</dt>" + cover.conditions.map { "<dd>\(escape($0))</dd>" }.joined() + "\n"
        }
        h += "</dl>\n"
        h += "<p class=\"note\">\(escape("Every line cites its intelligence item (agency, reference, date recorded, grade). Children are never ranked or scored; an adult is always the actor of an act upon a child. The agencies' own words are quoted as written; phrases that minimise risk or blame a child are flagged for the panel to challenge."))</p>\n"
        // The agenda.
        h += "<h2>\(escape("Agenda"))</h2>\n<h3>\(escape("Children to discuss"))</h3>\n<p class=\"note\">\(escape(t.agenda.note ?? ""))</p>\n<ul>\n"
        for (k, c) in pack.agenda.enumerated() {
            h += "<li><a href=\"#child-\(k + 1)\">\(escape(c.name))</a>: \(escape(c.reasons.joined(separator: "; ")))</li>\n"
        }
        if pack.agenda.isEmpty {
            h += "<li>\(escape(pack.holdsChildren ? "No child with a new missing episode, a new adult or a rising rate since \(pack.since)." : "The children's sections are not part of this audience's pack."))</li>\n"
        }
        let listParts: [(String, [String])] = [
            ("Key adults", ["key-adults.csv"]), ("Locations of risk", ["locations-of-risk.csv"]),
            ("Vehicles and phones of interest", ["vehicles.csv", "phones.csv"]),
            ("Warning-notice candidates", ["notice-candidates.csv"]), ("Missing-episode trawl", ["missing-trawl.csv"]),
        ].filter { $0.1.contains { f in lists.contains { $0.file == f } } }
        let holdsLists = lists.contains { $0.file == "key-adults.csv" }
        let tail = (pack.listChanges.isEmpty ? [] : ["Changes since the last panel"]) + (holdsLists ? ["Did disruption work"] : []) + ["Intelligence cited"]
        h += "</ul>\n<h3>\(escape("Then"))</h3>\n<ul>\n"
        for part in listParts.map(\.0) + tail { h += "<li>\(escape(part))</li>\n" }
        h += "</ul>\n</section>\n"

        for (k, c) in pack.agenda.enumerated() {
            let ct = t.children[k]
            h += "<section class=\"child\" id=\"child-\(k + 1)\">\n<h2>\(escape("\(c.name) (\(c.entity))"))</h2>\n"
            h += "<p class=\"why\">\(escape("On the agenda: " + c.reasons.joined(separator: "; ")))</p>\n"
            h += table(ct[0], empty: "Nothing new since \(pack.since).")
            h += table(ct[1], empty: "Nothing recorded.")
            h += "<h3>\(escape("Patterns and triggers"))</h3>\n<ul class=\"patterns\">\n"
            for (title, text) in patternLines(c.chronology.patterns) { h += "<li><b>\(escape(title))</b>: \(escape(text))</li>\n" }
            h += "</ul>\n"
            let flagged = c.chronology.lines.filter { !($0.language ?? []).isEmpty }
            if !flagged.isEmpty {
                h += "<h3>\(escape("Language for the panel to challenge"))</h3>\n<ul class=\"patterns\">\n"
                for l in flagged {
                    for f in l.language ?? [] {
                        h += "<li>\(escape("\(l.agency)/\(l.reference) (\(l.date)) writes \"\(f.asWritten)\": say \(f.sayInstead). The agency's words are left as written."))</li>\n"
                    }
                }
                h += "</ul>\n"
            }
            h += "<h3>\(escape("Network"))</h3>\n"
            if let svg = pictures[c.entity] {
                h += "<div class=\"picture\">\n\(svg)\n</div>\n"
            } else {
                h += "<p>\(escape("No links to draw."))</p>\n"
            }
            h += table(ct[2], empty: "Nothing linked.")
            h += table(ct[3], empty: "No notice names this child.")
            h += "</section>\n"
        }
        for (title, files) in listParts {
            h += "<section class=\"part\">\n<h2>\(escape(title))</h2>\n"
            for f in files { if let lt = lists.first(where: { $0.file == f }) { h += table(lt, heading: files.count > 1) } }
            h += "</section>\n"
        }
        if !pack.listChanges.isEmpty {
            h += "<section class=\"part\">\n<h2>\(escape("Changes since the last panel"))</h2>\n" + table(t.changes, empty: "No row new or gone.", heading: false) + "</section>\n"
        }
        if holdsLists {
            h += "<section class=\"part\">\n<h2>\(escape("Did disruption work"))</h2>\n" + table(t.disruption, empty: "No action recorded.", heading: false) + "</section>\n"
        }
        h += "<section class=\"part\">\n<h2>\(escape("Intelligence cited"))</h2>\n" + table(t.items, heading: false) + "</section>\n"
        h += "</body>\n</html>\n"
        return h
    }

    /// A chronology as one printable page (`sightline chronology --format html`).
    public static func chronologyHTML(_ r: ChronologyReport, marking: String, audience: String) -> String {
        let t = chronologyTable(r, file: "chronology.csv")
        var h = pageHead(title: "Chronology: \(r.name)", style: style(marking: marking, footer: "Chronology of \(r.name), for \(audience)"))
        h += """
        <h1>\(escape("Multi-agency chronology: \(r.name) (\(r.child))"))</h1>
        <p class="marking">\(escape(marking))</p>

        """
        var shown = t
        shown.shown = t.headers.filter { $0 != "recorded" && ($0 != "conditions" || r.lines.contains { $0.conditions != nil }) }
        h += table(shown, empty: "Nothing recorded.", pointer: false)
        h += "<h3>\(escape("Patterns and triggers"))</h3>\n<ul class=\"patterns\">\n"
        for (title, text) in patternLines(r.patterns) { h += "<li><b>\(escape(title))</b>: \(escape(text))</li>\n" }
        h += "</ul>\n</body>\n</html>\n"
        return h
    }


    /// Each agenda child's network (within one link of the child), drawn by Graphviz as SVG to be
    /// inlined in the page, by entity; none for a child with nothing linked.
    /// - Throws: ``RenderError`` when Graphviz fails.
    public static func pictures(_ pack: PanelPack, _ snapshot: NetworkSnapshot) throws(RenderError) -> [String: String] {
        var out: [String: String] = [:]
        for c in pack.agenda {
            guard let id = EntityID(parsing: c.entity), let center = snapshot.index[id] else { continue }
            let picture = Views.ego(snapshot, center: center, hops: 1, options: ViewOptions())
            guard picture.nodes.count > 1 else { continue }
            let svg = String(decoding: try Graphviz.render(picture, engine: picture.nodes.count > 300 ? .sfdp : .neato, format: .svg), as: UTF8.self)
            // Inline: the XML declaration, doctype and comments before the element go.
            out[c.entity] = svg.range(of: "<svg").map { String(svg[$0.lowerBound...]) } ?? svg
        }
        return out
    }
}
