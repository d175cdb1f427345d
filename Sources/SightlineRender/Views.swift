import SightlineGraph
import SightlineModel
import SightlineNetwork
import SightlineStore

/// Choices every view shares.
public struct ViewOptions: Sendable {
    /// Replace names and identifiers with stable pseudonyms ("Child C-25", "Person P-203").
    public var pseudonymise = false
    /// Label links with their types, items, best grade and dates; nil: when the view has at most
    /// ``linkLabelLimit`` links (they always carry it as a tooltip).
    public var labelLinks: Bool? = nil
    public var linkLabelLimit = 30

    public init() {}
}

/// Views: the parts of the network a picture shows, built from a ``NetworkSnapshot``.
public enum Views {
    /// The ego network of an entity: everything within `hops` links of it.
    public static func ego(_ s: NetworkSnapshot, center: Int, hops: Int, options: ViewOptions = ViewOptions()) -> Picture {
        let nodes = s.graph.ego(of: center, hops: hops).map(\.node)
        let e = s.entities[center]
        return picture(of: nodes, in: s, title: "Within \(hops) link\(hops == 1 ? "" : "s") of \(name(of: e, options))", options: options)
    }

    /// What a person sees for an entity: its label, or a stable pseudonym built from its kind and
    /// entity ID (identifiers such as phone numbers and registrations are labels too, so they go).
    public static func name(of e: NetworkEntity, _ options: ViewOptions) -> String {
        guard options.pseudonymise else { return e.label }
        let n = e.id.rawValue
        switch e.kind {
        case .person: return e.isChildAtRisk ? "Child C-\(n)" : "Person P-\(n)"
        case .location: return "Place L-\(n)"
        case .vehicle: return "Vehicle V-\(n)"
        case .phone: return "Phone T-\(n)"
        case .account: return "Account A-\(n)"
        case .organisation: return "Organisation O-\(n)"
        }
    }

    /// The picture of a set of entities and the links among them.
    /// - Complexity: O(k + links among the k entities).
    public static func picture(of indices: [Int], in s: NetworkSnapshot, title: String, options: ViewOptions) -> Picture {
        var p = Picture(title: title)
        let chosen = Array(Set(indices)).sorted()
        let inView = Set(chosen)
        let g = s.graph
        let maxDegree = chosen.map { g.neighbours(of: $0).count }.max() ?? 1
        var kinds = Set<EntityKind>(), roles = Set<Role>()
        for i in chosen {
            let e = s.entities[i]
            var n = Style.node(id: e.id.description, label: name(of: e, options), kind: e.kind, roles: e.roles)
            // Size by degree in the whole network, so a hub looks like one in every view.
            n.width = 0.6 + 0.9 * (Double(g.neighbours(of: i).count) / Double(max(1, maxDegree))).squareRoot()
            n.tooltip = options.pseudonymise ? e.roles.map(\.title).joined(separator: ", ")
                : "\(e.id) \(e.kind.rawValue)" + (e.roles.isEmpty ? "" : ": " + e.roles.map(\.title).joined(separator: ", "))
            p.nodes.append(n)
            kinds.insert(e.kind)
            if e.kind == .person, let r = Style.leadingRole(e.roles) { roles.insert(r.role) }
        }
        for a in chosen {
            for k in g.neighbours(of: a) {
                let b = Int(g.targets[k])
                guard a < b, inView.contains(b) else { continue }
                let links = s.links(a, b)
                let evidence = links.flatMap(\.evidence)
                var edge = Picture.Edge(from: s.entities[a].id.description, to: s.entities[b].id.description)
                edge.style = Style.isStrong(evidence, evaluate: NetworkFilter.evaluation(of:)) ? "solid" : "dashed"
                edge.penWidth = 1 + 3 * (s.strength[.init(a, b)] ?? 0)
                let types = Array(Set(links.map(\.type.rawValue))).sorted()
                let dates = evidence.map(\.recorded).sorted()
                let grades = evidence.map(\.grade).sorted()
                let summary = "\(types.joined(separator: ", ")); \(evidence.count) item\(evidence.count == 1 ? "" : "s")"
                    + (grades.first.map { "; best \($0)" } ?? "")
                    + (dates.first.map { d in "; " + (d == dates.last! ? d : "\(d) to \(dates.last!)") } ?? "")
                edge.tooltip = summary
                p.edges.append(edge)
            }
        }
        if options.labelLinks ?? (p.edges.count <= options.linkLabelLimit) {
            for i in p.edges.indices { p.edges[i].label = p.edges[i].tooltip }
        }
        let legend = Style.legend(kinds: kinds, roles: roles, hasInferred: false)
        p.legendNodes = legend.nodes
        p.legendEdges = legend.edges
        return p
    }
}
