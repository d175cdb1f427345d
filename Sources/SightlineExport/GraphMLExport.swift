import SightlineModel
import SightlineReadModel

/// The network as GraphML (http://graphml.graphdrawing.org/), for yEd, Gephi and Cytoscape, valid
/// against graphml.xsd.
///
/// Every attribute is declared as a typed `<key>`; nodes are entities (`E12`), edges are links
/// (`L7`) in their stored direction (source to target) under `edgedefault="directed"`, with
/// `two_way` saying which link types read both ways. A value that is unknown is left out, never
/// written empty. docs/exports.md lists the fields.
public enum GraphMLExport {
    /// A declared attribute: its key id, what it belongs to, its name and GraphML type.
    struct Key {
        let id: String, domain: String, name: String, type: String
    }

    static let keys: [Key] = [
        Key(id: "g_exported_at", domain: "graph", name: "exported_at", type: "string"),
        Key(id: "n_kind", domain: "node", name: "kind", type: "string"),
        Key(id: "n_label", domain: "node", name: "label", type: "string"),
        Key(id: "n_roles", domain: "node", name: "roles", type: "string"),
        Key(id: "n_dates_of_birth", domain: "node", name: "dates_of_birth", type: "string"),
        Key(id: "n_category", domain: "node", name: "category", type: "string"),
        Key(id: "n_postcode", domain: "node", name: "postcode", type: "string"),
        Key(id: "n_address", domain: "node", name: "address", type: "string"),
        Key(id: "n_nte", domain: "node", name: "nte", type: "boolean"),
        Key(id: "n_first_seen", domain: "node", name: "first_seen", type: "string"),
        Key(id: "n_last_seen", domain: "node", name: "last_seen", type: "string"),
        Key(id: "n_items", domain: "node", name: "items", type: "string"),
        Key(id: "n_conditions", domain: "node", name: "conditions", type: "string"),
        Key(id: "n_strength_items", domain: "node", name: "strength_items", type: "int"),
        Key(id: "e_type", domain: "edge", name: "type", type: "string"),
        Key(id: "e_two_way", domain: "edge", name: "two_way", type: "boolean"),
        Key(id: "e_reads", domain: "edge", name: "reads", type: "string"),
        Key(id: "e_time", domain: "edge", name: "time", type: "string"),
        Key(id: "e_origin", domain: "edge", name: "origin", type: "string"),
        Key(id: "e_grades", domain: "edge", name: "grades", type: "string"),
        Key(id: "e_handling", domain: "edge", name: "handling", type: "string"),
        Key(id: "e_conditions", domain: "edge", name: "conditions", type: "string"),
        Key(id: "e_items", domain: "edge", name: "items", type: "string"),
        Key(id: "e_first_recorded", domain: "edge", name: "first_recorded", type: "string"),
        Key(id: "e_last_recorded", domain: "edge", name: "last_recorded", type: "string"),
        Key(id: "e_strength_items", domain: "edge", name: "strength_items", type: "int"),
    ]

    /// The GraphML document: the same graph always gives the same text.
    /// - Complexity: O(entities + links + items) after sorting.
    public static func document(_ g: ExportGraph) -> String {
        let p = PreparedGraph(g)
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

        """
        for k in keys {
            out += "  <key id=\"\(k.id)\" for=\"\(k.domain)\" attr.name=\"\(k.name)\" attr.type=\"\(k.type)\"/>\n"
        }
        out += "  <graph id=\"sightline\" edgedefault=\"directed\">\n"
        out += data("g_exported_at", g.exportedAt.text, indent: "    ")
        for e in p.entities {
            let items = p.items(of: e)
            out += "    <node id=\"\(ExportText.xml(e.id.description, attribute: true))\">\n"
            var d = ""
            d += data("n_kind", e.kind.rawValue)
            d += data("n_label", e.label)
            d += data("n_roles", p.roles(e).map(\.rawValue).joined(separator: ","))
            d += data("n_dates_of_birth", p.datesOfBirth(e).joined(separator: "; "))
            d += data("n_category", p.category(e))
            d += data("n_postcode", p.postcode(e))
            d += data("n_address", p.address(e))
            d += data("n_nte", p.nightTimeEconomy(e).map { $0 ? "true" : "false" })
            d += data("n_first_seen", items.map(\.recorded).min()?.text)
            d += data("n_last_seen", items.map(\.recorded).max()?.text)
            d += data("n_items", PreparedGraph.refs(items))
            d += data("n_conditions", p.conditions(items))
            d += data("n_strength_items", "\(items.count)")
            out += d + "    </node>\n"
        }
        for l in p.links {
            let items = p.items(of: l)
            out += "    <edge id=\"\(PreparedGraph.linkID(l))\" source=\"\(l.source)\" target=\"\(l.target)\">\n"
            var d = ""
            d += data("e_type", l.type.rawValue)
            d += data("e_two_way", l.type.isDirected ? "false" : "true")
            d += data("e_reads", p.reads(l))
            d += data("e_time", l.time)
            d += data("e_origin", l.origin.rawValue)
            d += data("e_grades", PreparedGraph.grades(items))
            d += data("e_handling", p.handling(items))
            d += data("e_conditions", p.conditions(items))
            d += data("e_items", PreparedGraph.refs(items))
            d += data("e_first_recorded", items.map(\.recorded).min()?.text)
            d += data("e_last_recorded", items.map(\.recorded).max()?.text)
            d += data("e_strength_items", "\(items.count)")
            out += d + "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// One `<data>` element, or nothing for a missing or empty value.
    static func data(_ key: String, _ value: String?, indent: String = "      ") -> String {
        guard let value, !value.isEmpty else { return "" }
        return "\(indent)<data key=\"\(key)\">\(ExportText.xml(value))</data>\n"
    }
}
