import SightlineModel
import SightlineReadModel

/// How entities and links look, the same in every view.
///
/// Colours come from the Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008), which
/// stays distinguishable under the common forms of colour blindness. A child at risk is drawn in
/// sky blue with a double outline, a shape and colour no suspect, harbourer or associate ever gets;
/// suspects are vermillion. A person with several roles takes the first of: child at risk,
/// suspect, harbourer, associate, parent or carer, professional, witness.
public enum Style {
    /// The colour of a role, and what the legend calls it.
    public static let roleColours: [(role: Role, colour: String, legend: String)] = [
        (.childAtRisk, "#56B4E9", "child at risk"),
        (.suspect, "#D55E00", "suspect"),
        (.harbourer, "#CC79A7", "harbourer"),
        (.associate, "#E69F00", "associate"),
        (.parentOrCarer, "#009E73", "parent or carer"),
        (.professional, "#0072B2", "professional"),
        (.witness, "#F0E442", "witness"),
    ]
    /// People with no recorded role, and things (places, vehicles, phones...).
    public static let noRole = "#DDDDDD"
    public static let thing = "#FFFFFF"

    /// The Graphviz shape for an entity kind.
    public static func shape(_ kind: EntityKind) -> String {
        switch kind {
        case .person: "ellipse"
        case .location: "house"
        case .vehicle: "box3d"
        case .phone: "cds"
        case .account: "tab"
        case .organisation: "folder"
        }
    }

    /// The role an entity is drawn by (nil for none).
    public static func leadingRole(_ roles: [Role]) -> (role: Role, colour: String, legend: String)? {
        roleColours.first { roles.contains($0.role) }
    }

    /// A node for an entity: shape by kind, colour by role, children never in offender colours: a
    /// child (as ``Safeguarding`` decides, whatever roles are recorded) is drawn as a child at risk.
    public static func node(id: String, label: String, kind: EntityKind, roles: [Role], child: Bool) -> Picture.Node {
        var n = Picture.Node(id: id, label: label, shape: shape(kind), fill: kind == .person ? noRole : thing)
        if kind == .person, let r = leadingRole(child ? [.childAtRisk] : roles.filter { $0 != .childAtRisk }) {
            n.fill = r.colour
            if r.role == .childAtRisk { n.peripheries = 2 }
        }
        return n
    }

    /// Whether evidence is strong enough for a solid line: any item graded source 1 or 2 with
    /// assessment A or B (legacy grades through the same mapping as the filters).
    public static func isStrong(_ evidence: [Citation], evaluate: (Citation) -> (source: Int, assessment: Character)) -> Bool {
        evidence.contains { let e = evaluate($0); return e.source <= 2 && (e.assessment == "A" || e.assessment == "B") }
    }

    /// The legend entries for the roles and kinds present, and the three kinds of line.
    public static func legend(kinds: Set<EntityKind>, roles: Set<Role>, hasInferred: Bool) -> (nodes: [Picture.Node], edges: [(label: String, style: String, color: String)]) {
        var nodes: [Picture.Node] = []
        for r in roleColours where roles.contains(r.role) {
            nodes.append(node(id: "legend_role_\(r.role.rawValue)", label: r.legend, kind: .person, roles: [r.role], child: r.role == .childAtRisk))
        }
        for k in EntityKind.allCases where kinds.contains(k) && k != .person {
            nodes.append(node(id: "legend_kind_\(k.rawValue)", label: k.rawValue, kind: k, roles: [], child: false))
        }
        var edges: [(String, String, String)] = [
            ("graded 1-2 and A-B", "solid", "#333333"),
            ("weaker grades", "dashed", "#333333"),
        ]
        if hasInferred { edges.append(("inferred co-presence", "dotted", "#999999")) }
        return (nodes, edges.map { (label: $0.0, style: $0.1, color: $0.2) })
    }
}
