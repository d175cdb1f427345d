import SightlineModel
import SightlineProducts
import SightlineReadModel

/// The missing brief as a page: plain text for a terminal or a message, and a self-contained
/// printable HTML page (no scripts, no external files; every value from the data escaped).
public enum MissingBriefPage {
    public static let title = "Missing child brief: where to look and whom to see"
    public static let summariesHeading = "Items cited, in the agencies' own words"
    public static let note = "Compiled from recorded intelligence for officers searching for the child. Every line cites its items (agency/reference, date recorded, grade); check them before acting. Nothing about the child is scored."

    /// One section of the page: a heading, the order it is in, and rows of (headline, detail lines, evidence).
    struct Section {
        var heading: String
        var order: String?
        var rows: [(String, [String], [Citation])]
        var empty: String
    }

    static func sections(_ b: MissingBrief) -> [Section] {
        func placeLines(_ p: MissingBrief.Place, linked: Bool) -> [String] {
            var lines: [String] = []
            let whereText = [p.category, p.address, p.postcode].compactMap { $0 }.filter { !$0.isEmpty }
            if !whereText.isEmpty { lines.append(whereText.joined(separator: ", ")) }
            if linked {
                lines.append("episodes its adults feature in: \(p.adultsEpisodes); newest record \(p.latest)")
            } else {
                lines.append("found there: \(p.foundThere) episode\(p.foundThere == 1 ? "" : "s")"
                             + (p.lastFoundThere.map { ", most recently \($0)" } ?? "")
                             + "; other records placing the child there: \(p.otherRecords); newest record \(p.latest)")
            }
            if !p.adultsLinked.isEmpty { lines.append("adults linked: " + p.adultsLinked.joined(separator: "; ")) }
            return lines
        }
        return [
            Section(heading: "Places to look", order: b.ordering.placesToLook,
                    rows: b.placesToLook.map { ("\($0.rank). \($0.name) [\($0.entity)]", placeLines($0, linked: false), $0.evidence) },
                    empty: "No places recorded apart from the child's home."),
            Section(heading: "Areas (postcode districts)", order: b.ordering.areas,
                    rows: b.areas.map { a in
                        ("\(a.rank). \(a.district)", ["found there: \(a.foundThere) episode\(a.foundThere == 1 ? "" : "s")"
                                                       + (a.lastFoundThere.map { ", most recently \($0)" } ?? "")
                                                       + "; other records: \(a.otherRecords)",
                                                       "places: " + a.places.joined(separator: "; ")], [])
                    },
                    empty: "No postcodes recorded for these places."),
            Section(heading: "Adults to see", order: b.ordering.adults,
                    rows: b.adults.map { a in
                        var lines = ["found with the child: \(a.foundWith) episode\(a.foundWith == 1 ? "" : "s"); child found at their address: \(a.foundAtTheirAddress)"
                                     + (a.lastEpisode.map { "; most recently \($0)" } ?? "")]
                        if !a.roles.isEmpty { lines.append("recorded as: " + a.roles.joined(separator: ", ")) }
                        if !a.linksWithChild.isEmpty { lines.append("links with the child: " + a.linksWithChild.joined(separator: ", ") + "; other records: \(a.otherRecords)") }
                        if !a.addresses.isEmpty { lines.append("addresses: " + a.addresses.joined(separator: "; ")) }
                        if !a.vehicles.isEmpty { lines.append("vehicles: " + a.vehicles.joined(separator: "; ")) }
                        if !a.phones.isEmpty { lines.append("phones: " + a.phones.joined(separator: "; ")) }
                        return ("\(a.rank). \(a.name) [\(a.entity)]", lines, a.evidence)
                    },
                    empty: "No adults recorded with the child."),
            Section(heading: "Places linked to those adults", order: b.ordering.placesLinkedToAdults,
                    rows: b.placesLinkedToAdults.map { ("\($0.rank). \($0.name) [\($0.entity)]", placeLines($0, linked: true), $0.evidence) },
                    empty: "No further places linked to the adults."),
            Section(heading: "The child's phones and online accounts", order: b.ordering.phonesAndAccounts,
                    rows: b.phonesAndAccounts.map { ("\($0.label) [\($0.entity), \($0.kind)]", ["\($0.how); newest record \($0.latest)"], $0.evidence) },
                    empty: "No phones or accounts recorded."),
            Section(heading: "Past missing episodes (newest first)", order: nil,
                    rows: b.episodes.map { e in
                        ("\(e.start) to \(e.end ?? "not recorded")",
                         ["missing from: \(e.missingFrom ?? "not recorded"); found at: \(e.foundAt ?? "not recorded")"
                          + (e.foundWith.isEmpty ? "" : "; found with: " + e.foundWith.joined(separator: ", "))], [e.source])
                    },
                    empty: "No missing episodes recorded."),
        ]
    }

    static func headerLines(_ b: MissingBrief) -> [String] {
        let c = b.child
        var lines = ["Child: \(c.name) [\(c.entity)]" + (c.identifiers.isEmpty ? "" : " (\(c.identifiers.joined(separator: ", ")))"),
                     "Date of birth: " + (c.datesOfBirth.isEmpty ? "not recorded" : c.datesOfBirth.joined(separator: " / ")) + "; age on \(b.asOf): \(c.age)"]
        if let la = c.lookedAfter { lines.append("Care: " + la) }
        lines.append("Missing episodes recorded: \(c.episodeCount)" + (c.latestEpisode.map { ", most recent starting \($0)" } ?? ""))
        if !c.usuallyMissingFrom.isEmpty { lines.append("Reported missing from: " + c.usuallyMissingFrom.joined(separator: "; ")) }
        lines.append("Intelligence recorded up to \(b.asOf).")
        return lines
    }

    /// Plain text, one page.
    /// - Complexity: O(r) for r rows and evidence items.
    public static func text(_ b: MissingBrief) -> String {
        var out = title.uppercased() + "\n" + headerLines(b).joined(separator: "\n") + "\n" + note + "\n"
        for s in sections(b) {
            out += "\n== \(s.heading) ==\n"
            if let o = s.order { out += "(ordered by \(o))\n" }
            if s.rows.isEmpty { out += s.empty + "\n" }
            for (head, lines, evidence) in s.rows {
                out += oneLine(head) + "\n"
                for l in lines { out += "    " + oneLine(l) + "\n" }
                if !evidence.isEmpty { out += "    intelligence: " + oneLine(Citation.cell(evidence, max: 6)) + "\n" }
            }
        }
        if let said = b.summaries, !said.isEmpty {
            out += "\n== \(summariesHeading) ==\n"
            for s in said { out += oneLine(s.item) + ": " + oneLine(s.summary) + "\n" }
        }
        return out
    }

    /// Control characters and line breaks from data become spaces, so a value cannot fake a line.
    static func oneLine(_ s: String) -> String {
        String(s.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? " " : Character($0) })
    }

    /// Escapes text for HTML and XML content and attribute values, on one line.
    static func escape(_ s: String) -> String { xmlEscaped(oneLine(s)) }

    /// A self-contained printable page, well-formed XHTML (it parses as XML).
    /// - Complexity: O(r) for r rows and evidence items.
    public static func html(_ b: MissingBrief) -> String {
        var h = pageHead(title: "Missing child brief: \(b.child.name)", style: """
        <style>
        body { font-family: sans-serif; font-size: 10pt; margin: 1.5em; color: #000; }
        h1 { font-size: 14pt; margin: 0 0 0.3em 0; } h2 { font-size: 11pt; margin: 1em 0 0.2em 0; border-bottom: 1px solid #444; }
        p.order, p.note { font-size: 8.5pt; color: #333; margin: 0.1em 0; } ol, ul { margin: 0.2em 0 0.2em 1.2em; padding: 0; }
        li { margin-bottom: 0.3em; } .cite { font-size: 8.5pt; color: #333; } .head { font-weight: bold; }
        @media print { body { margin: 0; } h2 { page-break-after: avoid; } li { page-break-inside: avoid; } }
        </style>
        """) + "<h1>\(escape(title))</h1>\n"
        h += "<ul class=\"header\">\n" + headerLines(b).map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        h += "<p class=\"note\">\(escape(note))</p>\n"
        for s in sections(b) {
            h += "<h2>\(escape(s.heading))</h2>\n"
            if let o = s.order { h += "<p class=\"order\">\(escape("Ordered by " + o + "."))</p>\n" }
            if s.rows.isEmpty { h += "<p>\(escape(s.empty))</p>\n"; continue }
            h += "<ul>\n"
            for (head, lines, evidence) in s.rows {
                h += "<li><span class=\"head\">\(escape(head))</span>"
                for l in lines { h += "<br />\(escape(l))" }
                if !evidence.isEmpty { h += "<br /><span class=\"cite\">\(escape("Intelligence: " + evidence.map(\.description).joined(separator: "; ")))</span>" }
                h += "</li>\n"
            }
            h += "</ul>\n"
        }
        if let said = b.summaries, !said.isEmpty {
            h += "<h2>\(escape(summariesHeading))</h2>\n<ul>\n"
            for s in said { h += "<li><span class=\"cite\">\(escape(s.item))</span>: \(escape(s.summary))</li>\n" }
            h += "</ul>\n"
        }
        h += "</body>\n</html>\n"
        return h
    }
}

/// The start of a self-contained XHTML page, up to and including `<body>`: its title (escaped)
/// and its `<style>` element.
func pageHead(title: String, style: String) -> String {
    """
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB">
    <head>
    <meta charset="utf-8" />
    <title>\(xmlEscaped(MissingBriefPage.oneLine(title)))</title>
    \(style)
    </head>
    <body>

    """
}
