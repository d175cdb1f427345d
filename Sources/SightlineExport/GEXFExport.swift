import SightlineModel
import SightlineReadModel

/// The network as GEXF 1.2 (http://www.gexf.net/1.2draft), with dynamics for Gephi's timeline,
/// valid against the 1.2draft gexf.xsd.
///
/// The graph is `mode="dynamic"` with `timeformat="date"`. Each entity with dated evidence has one
/// spell from the first to the last day an item behind its links was recorded; each link has one
/// spell per distinct day its items were recorded (a one-day spell, `start` = `end`), so the
/// timeline shows a link on the days intelligence recorded it. Attributes are static (declared
/// under `<attributes class="node" mode="static">` and `class="edge"`). docs/exports.md says more.
public enum GEXFExport {
    struct Attribute {
        let id: String, type: String
    }

    static let nodeAttributes: [Attribute] = [
        .init(id: "kind", type: "string"), .init(id: "roles", type: "string"), .init(id: "dates_of_birth", type: "string"),
        .init(id: "category", type: "string"), .init(id: "postcode", type: "string"), .init(id: "address", type: "string"),
        .init(id: "nte", type: "boolean"), .init(id: "first_seen", type: "string"), .init(id: "last_seen", type: "string"),
        .init(id: "items", type: "string"), .init(id: "conditions", type: "string"),
        .init(id: "strength_items", type: "integer"),
    ]

    static let edgeAttributes: [Attribute] = [
        .init(id: "type", type: "string"), .init(id: "two_way", type: "boolean"), .init(id: "reads", type: "string"),
        .init(id: "time", type: "string"), .init(id: "origin", type: "string"), .init(id: "grades", type: "string"),
        .init(id: "handling", type: "string"), .init(id: "conditions", type: "string"), .init(id: "items", type: "string"),
        .init(id: "first_recorded", type: "string"), .init(id: "last_recorded", type: "string"),
        .init(id: "strength_items", type: "integer"),
    ]

    /// The GEXF document: the same graph always gives the same text.
    /// - Complexity: O(entities + links + items) after sorting.
    public static func document(_ g: ExportGraph) -> String {
        let p = PreparedGraph(g)
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
          <meta lastmodifieddate="\(g.exportedAt.text)">
            <creator>Sightline</creator>
            <description>Network exported \(g.exportedAt.text): entities, links and the intelligence items behind them</description>
          </meta>
          <graph mode="dynamic" defaultedgetype="directed" timeformat="date">

        """
        out += declarations("node", nodeAttributes)
        out += declarations("edge", edgeAttributes)
        out += "    <nodes count=\"\(p.entities.count)\">\n"
        for e in p.entities {
            let items = p.items(of: e)
            let first = items.map(\.recorded).min(), last = items.map(\.recorded).max()
            out += "      <node id=\"\(e.id)\" label=\"\(ExportText.xml(e.label, attribute: true))\">\n"
            out += values([
                ("kind", e.kind.rawValue),
                ("roles", p.roles(e).map(\.rawValue).joined(separator: ",")),
                ("dates_of_birth", p.datesOfBirth(e).joined(separator: "; ")),
                ("category", p.category(e)), ("postcode", p.postcode(e)), ("address", p.address(e)),
                ("nte", p.nightTimeEconomy(e).map { $0 ? "true" : "false" }),
                ("first_seen", first?.text), ("last_seen", last?.text),
                ("items", PreparedGraph.refs(items)), ("conditions", p.conditions(items)),
                ("strength_items", "\(items.count)"),
            ])
            if let first, let last { out += spells([(first, last)]) }
            out += "      </node>\n"
        }
        out += "    </nodes>\n"
        out += "    <edges count=\"\(p.links.count)\">\n"
        for l in p.links {
            let items = p.items(of: l)
            let weight = items.isEmpty ? "" : " weight=\"\(items.count)\""
            out += "      <edge id=\"\(PreparedGraph.linkID(l))\" source=\"\(l.source)\" target=\"\(l.target)\" label=\"\(l.type.rawValue)\"\(weight)>\n"
            out += values([
                ("type", l.type.rawValue), ("two_way", l.type.isDirected ? "false" : "true"), ("reads", p.reads(l)),
                ("time", l.time), ("origin", l.origin.rawValue), ("grades", PreparedGraph.grades(items)),
                ("handling", p.handling(items)), ("conditions", p.conditions(items)), ("items", PreparedGraph.refs(items)),
                ("first_recorded", items.map(\.recorded).min()?.text), ("last_recorded", items.map(\.recorded).max()?.text),
                ("strength_items", "\(items.count)"),
            ])
            let days = PreparedGraph.days(items)
            if !days.isEmpty { out += spells(days.map { ($0, $0) }) }
            out += "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    static func declarations(_ cls: String, _ attributes: [Attribute]) -> String {
        var out = "    <attributes class=\"\(cls)\" mode=\"static\">\n"
        for a in attributes { out += "      <attribute id=\"\(a.id)\" title=\"\(a.id)\" type=\"\(a.type)\"/>\n" }
        return out + "    </attributes>\n"
    }

    /// `<attvalues>` with the values that are known (nothing when none is).
    static func values(_ pairs: [(String, String?)]) -> String {
        let known = pairs.compactMap { k, v in nonEmpty(v).map { (k, $0) } }
        guard !known.isEmpty else { return "" }
        var out = "        <attvalues>\n"
        for (k, v) in known { out += "          <attvalue for=\"\(k)\" value=\"\(ExportText.xml(v, attribute: true))\"/>\n" }
        return out + "        </attvalues>\n"
    }

    static func spells(_ spans: [(Day, Day)]) -> String {
        var out = "        <spells>\n"
        for (s, e) in spans { out += "          <spell start=\"\(s.text)\" end=\"\(e.text)\"/>\n" }
        return out + "        </spells>\n"
    }
}
