import Foundation
import SightlineGraph
import SightlineModel
import SightlineNetwork
import SightlineReadModel
import SightlineProducts

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
        let names = places.map { name(of: s.entities[$0], in: s, options) }.joined(separator: ", ")
        var p = picture(of: places + people, in: s, title: "Who was recorded at \(names), and when", options: options,
                        links: .none)
        let children = Set(people.filter { s.safeguarding.isChild(s.entities[$0].id) }).count
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

    /// One child's chronology (``Chronology/events(for:in:name:)``), read like text: the most recent
    /// `limit` events, wrapped into rows of `perRow`.
    /// - Parameters:
    ///   - who: the child's name as shown (a pseudonym when pseudonymised).
    public static func timeline(_ all: [ChronologyEvent], of who: String, limit: Int = 60, perRow: Int = 6) -> Picture {
        var events = all
        let dropped = max(0, events.count - limit)
        events = Array(events.suffix(limit))
        var p = Picture(title: "Chronology of \(who): \(events.count) dated events" + (dropped > 0 ? " (the most recent; \(dropped) earlier not drawn)" : ""))
        let row = max(1, perRow)
        let fills = ["link": "#FFFFFF", "missing": "#FFF2CC", "care": "#E8F4E8", "notice": "#E0ECF8"]
        for (k, e) in events.enumerated() {
            var n = Picture.Node(id: "event_\(k)", label: readableTime(e.date), shape: "note", fill: fills[e.kind.rawValue] ?? "#FFFFFF")
            n.moreLines = [e.text, "\(e.source.ref) \(e.source.grade.code)"]
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
