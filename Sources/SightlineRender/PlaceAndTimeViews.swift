import Foundation
import SightlineGraph
import SightlineModel
import SightlineNetwork
import SightlineStore

extension Views {
    /// Places with the people recorded there and when: each line from a place to a person lists the
    /// dates of the presences (at, found at, frequents, resides at, works at) behind it. Children
    /// and suspects are told apart by their style, as everywhere.
    /// - Complexity: O(links at the places).
    public static func hotspot(_ s: NetworkSnapshot, places: [Int], options: ViewOptions = ViewOptions()) -> Picture {
        let presence: Set<LinkType> = [.atLocation, .foundAt, .frequents, .residesAt, .worksAt]
        var people: [Int] = []
        var lines: [(place: Int, person: Int, links: [NetworkLink])] = []
        for place in Array(Set(places)).sorted() {
            for k in s.graph.neighbours(of: place) {
                let other = Int(s.graph.targets[k])
                guard s.entities[other].kind == .person else { continue }
                let links = s.links(place, other).filter { presence.contains($0.type) }
                guard !links.isEmpty else { continue }
                people.append(other)
                lines.append((place, other, links))
            }
        }
        let names = places.map { name(of: s.entities[$0], options) }.joined(separator: ", ")
        var p = picture(of: places + people, in: s, title: "Who was recorded at \(names), and when", options: options,
                        links: .none)
        let children = Set(people.filter { s.entities[$0].isChildAtRisk }).count
        p.title += " (\(Set(people).count) people, \(children) of them children at risk)"
        for line in lines {
            var e = Picture.Edge(from: s.entities[line.place].id.description, to: s.entities[line.person].id.description)
            let evidence = line.links.flatMap(\.evidence)
            e.style = Style.isStrong(evidence, evaluate: NetworkFilter.evaluation(of:)) ? "solid" : "dashed"
            e.penWidth = 1 + 3 * (s.strength[.init(line.place, line.person)] ?? 0)
            let times = line.links.map { $0.time.map(readableTime) ?? "undated" }.sorted()
            let shown = times.prefix(4).joined(separator: ", ") + (times.count > 4 ? " and \(times.count - 4) more" : "")
            e.label = "\(times.count)×: \(shown)"
            e.tooltip = "\(Set(line.links.map(\.type.rawValue)).sorted().joined(separator: ", ")): \(times.joined(separator: ", ")); "
                + "\(evidence.count) item\(evidence.count == 1 ? "" : "s")"
            p.edges.append(e)
        }
        return p
    }

    /// One child's chronology, left to right by date: the dated links, missing episodes (where
    /// from, where found, with whom), looked-after periods and notices, each with its source.
    /// The most recent `limit` events are drawn, wrapped into rows of `perRow` like lines of text.
    public static func timeline(_ detail: EntityDetail, in s: NetworkSnapshot, limit: Int = 60, perRow: Int = 6,
                                options: ViewOptions = ViewOptions()) -> Picture {
        func shown(_ idText: String, _ fallback: String) -> String {
            guard options.pseudonymise else { return fallback }
            if let id = EntityID(parsing: idText), let i = s.index[id] { return name(of: s.entities[i], options) }
            return "(withheld)"
        }
        struct Event { var date: String; var kind: String; var text: String; var source: Citation }
        var events: [Event] = []
        for l in detail.links {
            guard let t = l.time, let c = l.evidence.first else { continue }
            let other = shown(l.other, l.otherLabel)
            events.append(Event(date: t, kind: "link", text: "\(l.type.replacingOccurrences(of: "_", with: " ")) \(other)", source: c))
        }
        for m in detail.missingEpisodes {
            var text = "missing" + (m.missingFrom.map { " from \(options.pseudonymise ? "(place)" : $0)" } ?? "")
            if let f = m.foundAt { text += "; found at \(options.pseudonymise ? "(place)" : f)" }
            if !m.foundWith.isEmpty { text += "; with \(m.foundWith.map { options.pseudonymise ? "(person)" : $0 }.joined(separator: ", "))" }
            events.append(Event(date: m.start, kind: "missing", text: text, source: m.source))
        }
        for p in detail.lookedAfter {
            events.append(Event(date: p.from, kind: "care", text: "looked after" + (p.authority.map { " by \($0)" } ?? "") + (p.to.map { " until \($0)" } ?? ""), source: p.source))
        }
        for n in detail.notices {
            events.append(Event(date: n.issued, kind: "notice", text: "notice issued: \(n.type.replacingOccurrences(of: "_", with: " "))", source: n.source))
        }
        // An approximate date ("~2023-05") sorts where its date falls.
        func key(_ d: String) -> String { d.hasPrefix("~") ? String(d.dropFirst()) : d }
        events.sort { (key($0.date), $0.kind, $0.text) < (key($1.date), $1.kind, $1.text) }
        let dropped = max(0, events.count - limit)
        events = Array(events.suffix(limit))
        let who = options.pseudonymise ? (EntityID(parsing: detail.id).flatMap { s.index[$0] }.map { name(of: s.entities[$0], options) } ?? "a child") : detail.label
        var p = Picture(title: "Chronology of \(who): \(events.count) dated events" + (dropped > 0 ? " (the most recent; \(dropped) earlier not drawn)" : ""))
        let row = max(1, perRow)
        let fills = ["link": "#FFFFFF", "missing": "#FFF2CC", "care": "#E8F4E8", "notice": "#E0ECF8"]
        for (k, e) in events.enumerated() {
            var n = Picture.Node(id: "event_\(k)", label: readableTime(e.date), shape: "note", fill: fills[e.kind] ?? "#FFFFFF")
            n.moreLines = [e.text, "\(e.source.agency)/\(e.source.reference) \(e.source.grade)"]
            n.tooltip = "\(readableTime(e.date)): \(e.text) (\(e.source.description))"
            p.nodes.append(n)
            if k > 0 {
                var edge = Picture.Edge(from: "event_\(k - 1)", to: "event_\(k)")
                edge.color = "#999999"
                // From the end of one row to the start of the next: drawn, but not pulling the rows.
                if k % row == 0 { edge.constraint = false; edge.style = "dashed" }
                p.edges.append(edge)
            }
        }
        p.rows = stride(from: 0, to: events.count, by: row).map { start in (start..<min(events.count, start + row)).map { "event_\($0)" } }
        p.legendNodes = [("missing episode", "missing"), ("looked-after period", "care"), ("notice", "notice"), ("recorded link", "link")].map {
            Picture.Node(id: "legend_\($0.1)", label: $0.0, shape: "note", fill: fills[$0.1]!)
        }
        p.legendEdges = [(label: "then (in date order)", style: "solid", color: "#999999"),
                         (label: "continues on the next row", style: "dashed", color: "#999999")]
        return p
    }
}

/// A stored time as a person reads it: "2023-07-08 21:50" for "2023-07-08T21:50:00"; dates,
/// periods and approximate dates unchanged.
func readableTime(_ t: String) -> String {
    guard t.count >= 16, !t.contains("/"), let tIndex = t.firstIndex(of: "T") else { return t }
    var out = t.replacingCharacters(in: tIndex...tIndex, with: " ")
    if out.hasSuffix(":00") && out.count == 19 { out.removeLast(3) }
    return out
}
