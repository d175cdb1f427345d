import Foundation
import SightlineGraph
import SightlineModel
import SightlineNetwork
import SightlineReadModel

/// Choices every view shares.
public struct ViewOptions: Sendable {
    /// Replace names and identifiers with stable pseudonyms ("Child C-25", "Person P-203").
    public var pseudonymise = false
    /// Label links with their types, items, best grade and dates; nil: when the view has at most
    /// ``linkLabelLimit`` links (they always carry it as a tooltip).
    public var labelLinks: Bool? = nil
    public var linkLabelLimit = 30
    /// A value per entity (by snapshot index) that sizes the nodes, and what it is called in the
    /// legend; nil: each entity's number of links.
    public var size: (values: [Double], name: String)? = nil
    /// Inferred co-presence (``CoPresence/find(entities:links:windowSeconds:hubKinds:)``) to draw,
    /// dotted, between the people in a view: never among the recorded links.
    public var coPresence: [CoPresence] = []

    public init() {}
}

/// Which of the links among a view's entities are drawn.
public enum LinkSelection: Sendable {
    /// Every link among them.
    case all
    /// Only the steps of these paths (each a list of indices).
    case steps([[Int]])
    /// None: the view draws its own.
    case none
}

/// Views: the parts of the network a picture shows, built from a ``NetworkSnapshot``.
public enum Views {
    /// The ego network of an entity: everything within `hops` links of it.
    public static func ego(_ s: NetworkSnapshot, center: Int, hops: Int, options: ViewOptions = ViewOptions()) -> Picture {
        let nodes = s.graph.ego(of: center, hops: hops).map(\.node)
        let e = s.entities[center]
        return picture(of: nodes, in: s, title: "Within \(hops) link\(hops == 1 ? "" : "s") of \(name(of: e, in: s, options))", options: options)
    }

    /// The shortest paths between two entities (at most `limit` of them), left to right.
    public static func path(_ s: NetworkSnapshot, from a: Int, to b: Int, limit: Int = 10, options: ViewOptions = ViewOptions()) -> Picture {
        let paths = s.graph.allShortestPaths(from: a, to: b, limit: limit)
        var p = picture(of: paths.flatMap { $0 }, in: s,
                        title: "How \(name(of: s.entities[a], in: s, options)) and \(name(of: s.entities[b], in: s, options)) connect: "
                            + (paths.isEmpty ? "no recorded links connect them" : "\(paths.count) shortest path\(paths.count == 1 ? "" : "s") of \(paths[0].count - 1) link\(paths[0].count == 2 ? "" : "s")"),
                        options: options, links: .steps(paths))
        p.leftToRight = true
        return p
    }

    /// The connecting network of several entities: every entity on a shortest path between two of
    /// them, and the links among those.
    public static func connecting(_ s: NetworkSnapshot, _ nodes: [Int], options: ViewOptions = ViewOptions()) -> Picture {
        let (members, unconnected) = s.graph.connectingNetwork(of: nodes)
        let names = nodes.map { name(of: s.entities[$0], in: s, options) }.joined(separator: ", ")
        return picture(of: members, in: s, title: "How \(names) connect"
                        + (unconnected.isEmpty ? "" : " (\(unconnected.count) pair\(unconnected.count == 1 ? "" : "s") not connected at all)"),
                       options: options)
    }

    /// One cluster of a partition: its members and the links among them.
    public static func cluster(_ s: NetworkSnapshot, community: [Int], number c: Int, options: ViewOptions = ViewOptions()) -> Picture {
        let members = community.indices.filter { community[$0] == c && !s.graph.neighbours(of: $0).isEmpty }
        return picture(of: members, in: s, title: "Cluster \(c): \(members.count) entities", options: options)
    }

    /// The whole network. Up to `threshold` entities it is drawn in full, each cluster boxed; above,
    /// each cluster collapses into one node sized by its membership and labelled with its counts,
    /// the links between clusters aggregated into one line each (width by their number). When even
    /// the clusters are too many, the largest `threshold` are kept and the rest shown as one node.
    /// Entities without links are left out.
    /// - Complexity: O(n + m) beyond the partition.
    public static func overview(_ s: NetworkSnapshot, community: [Int], threshold: Int = 300, options: ViewOptions = ViewOptions()) -> Picture {
        let g = s.graph
        let linked = (0..<g.nodeCount).filter { !g.neighbours(of: $0).isEmpty }
        if linked.count <= threshold {
            var p = picture(of: linked, in: s, title: "The network: \(linked.count) linked entities", options: options)
            var byCluster: [Int: [String]] = [:]
            for i in linked { byCluster[community[i], default: []].append(s.entities[i].id.description) }
            p.clusters = byCluster.keys.sorted().filter { byCluster[$0]!.count > 1 }.map {
                Picture.Cluster(id: "c\($0)", label: "cluster \($0)", members: byCluster[$0]!)
            }
            return p
        }
        // Collapse: one node per cluster.
        var size: [Int: Int] = [:], children: [Int: Int] = [:], suspects: [Int: Int] = [:], places: [Int: Int] = [:]
        for i in linked {
            let c = community[i], e = s.entities[i]
            size[c, default: 0] += 1
            if s.safeguarding.isChild(e.id) { children[c, default: 0] += 1 } else if s.safeguarding.isAdultOfConcern(e.id) { suspects[c, default: 0] += 1 }
            if e.kind == .location { places[c, default: 0] += 1 }
        }
        let ranked = size.keys.sorted { (size[$0]!, -$0) > (size[$1]!, -$1) }
        let shown = Set(ranked.prefix(threshold))
        let other = -1
        func group(_ c: Int) -> Int { shown.contains(c) ? c : other }
        let largest = Double(size.values.max() ?? 1)
        var p = Picture(title: "The network: \(linked.count) linked entities in \(size.count) clusters"
                        + (size.count > threshold ? " (the \(threshold) largest shown; \(size.count - threshold) smaller ones as one node)" : ""))
        for c in ranked.prefix(threshold) {
            var n = Picture.Node(id: "cluster_\(c)", label: "", shape: "circle", fill: "#F0F0F0")
            n.label = String(size[c]!)
            n.externalLabel = "Cluster \(c): " + [(children[c] ?? 0, "child at risk", "children at risk"), (suspects[c] ?? 0, "suspect", "suspects"),
                                                   (places[c] ?? 0, "place", "places")].map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }.joined(separator: ", ")
            n.width = 0.4 + 2.0 * (Double(size[c]!) / largest).squareRoot()
            n.fixedSize = true
            n.tooltip = "Cluster \(c): \(size[c]!) entities; " + n.externalLabel.dropFirst("Cluster \(c): ".count)
            if (children[c] ?? 0) > 0 { n.fill = "#DCEFFA" }
            p.nodes.append(n)
        }
        if size.count > threshold {
            let rest = ranked.dropFirst(threshold)
            var n = Picture.Node(id: "cluster_other", label: String(rest.reduce(0) { $0 + size[$1]! }), shape: "doublecircle", fill: "#FFFFFF")
            n.externalLabel = "\(rest.count) smaller clusters"
            n.width = 1
            n.fixedSize = true
            p.nodes.append(n)
        }
        struct Pair: Hashable, Comparable {
            var lo: Int, hi: Int
            static func < (x: Pair, y: Pair) -> Bool { (x.lo, x.hi) < (y.lo, y.hi) }
        }
        var between: [Pair: Int] = [:]
        for u in linked {
            for k in g.neighbours(of: u) {
                let v = Int(g.targets[k])
                guard u < v else { continue }
                let (a, b) = (group(community[u]), group(community[v]))
                if a != b { between[Pair(lo: min(a, b), hi: max(a, b)), default: 0] += 1 }
            }
        }
        // Keep what a reader can follow: each cluster's two heaviest links to others, and the
        // heaviest overall up to two per cluster drawn.
        let byWeight = between.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        var kept = Set(byWeight.prefix(2 * p.nodes.count).map(\.key))
        var perCluster: [Int: Int] = [:]
        for (pair, _) in byWeight {
            let (a, b) = (perCluster[pair.lo, default: 0], perCluster[pair.hi, default: 0])
            if a < 2 || b < 2 { kept.insert(pair) }
            perCluster[pair.lo] = a + 1
            perCluster[pair.hi] = b + 1
        }
        let heaviest = Double(between.values.max() ?? 1)
        for (pair, count) in between.sorted(by: { $0.key < $1.key }) where kept.contains(pair) {
            func nodeID(_ c: Int) -> String { c == other ? "cluster_other" : "cluster_\(c)" }
            var e = Picture.Edge(from: nodeID(pair.lo), to: nodeID(pair.hi))
            e.penWidth = 0.5 + 4 * Double(count) / heaviest
            e.tooltip = "\(count) link\(count == 1 ? "" : "s") between the clusters"
            e.color = "#666666"
            p.edges.append(e)
        }
        if kept.count < between.count {
            p.legendNotes.append("Lines: the \(kept.count) heaviest of \(between.count) cluster pairs with links (each cluster's two heaviest, and the heaviest overall).")
        }
        p.legendNodes = [Picture.Node(id: "legend_cluster", label: "a cluster (number: its entities; area grows with them); blue when it holds children at risk", shape: "circle", fill: "#DCEFFA")]
        p.legendEdges = [(label: "links between two clusters (width: how many)", style: "solid", color: "#666666")]
        return p
    }

    /// What a person sees for an entity: its label, or a stable pseudonym built from its kind and
    /// entity ID (identifiers such as phone numbers and registrations are labels too, so they go).
    public static func name(of e: NetworkEntity, in s: NetworkSnapshot, _ options: ViewOptions) -> String {
        guard options.pseudonymise else { return e.label }
        let n = e.id.rawValue
        switch e.kind {
        case .person: return s.safeguarding.isChild(e.id) ? "Child C-\(n)" : "Person P-\(n)"
        case .location: return "Place L-\(n)"
        case .vehicle: return "Vehicle V-\(n)"
        case .phone: return "Phone T-\(n)"
        case .account: return "Account A-\(n)"
        case .organisation: return "Organisation O-\(n)"
        }
    }

    /// The picture of a set of entities and the links among them.
    /// - Complexity: O(k + links among the k entities + co-presences).
    public static func picture(of indices: [Int], in s: NetworkSnapshot, title: String, options: ViewOptions,
                               links selection: LinkSelection = .all) -> Picture {
        var steps: Set<NetworkSnapshot.EdgeKey>? = nil
        switch selection {
        case .all: break
        case .steps(let paths): steps = Set(paths.flatMap { p in zip(p, p.dropFirst()).map { NetworkSnapshot.EdgeKey($0, $1) } })
        case .none: steps = []
        }
        var p = Picture(title: title)
        let chosen = Array(Set(indices)).sorted()
        let inView = Set(chosen)
        let g = s.graph
        // Size by a measure over the whole network, so a hub looks like one in every view.
        let measure = options.size?.values ?? (0..<g.nodeCount).map { Double(g.neighbours(of: $0).count) }
        let largest = chosen.map { max(0, measure[$0]) }.max() ?? 0
        var kinds = Set<EntityKind>(), roles = Set<Role>()
        for i in chosen {
            let e = s.entities[i]
            var n = Style.node(id: e.id.description, label: name(of: e, in: s, options), kind: e.kind, roles: e.roles,
                               child: s.safeguarding.isChild(e.id))
            // Area grows with the measure: width, height and type together, so a long name does
            // not hide it.
            // Children (and people held for review) are never ranked, so never sized by a measure
            // either: all drawn alike.
            let sized = s.safeguarding.mayBeRanked(e.id)
            let scale = !sized ? 0.5 : largest > 0 ? (max(0, measure[i]) / largest).squareRoot() : 0
            n.width = 0.6 + 0.9 * scale
            n.height = 0.4 + 0.5 * scale
            n.fontSize = 9 + 5 * scale
            n.tooltip = options.pseudonymise ? e.roles.map(\.title).joined(separator: ", ")
                : "\(e.id) \(e.kind.rawValue)" + (e.roles.isEmpty ? "" : ": " + e.roles.map(\.title).joined(separator: ", "))
            if let size = options.size, sized { n.tooltip += (n.tooltip.isEmpty ? "" : "; ") + "\(size.name) \(shortNumber(measure[i]))" }
            p.nodes.append(n)
            kinds.insert(e.kind)
            if e.kind == .person, let r = Style.leadingRole(s.safeguarding.isChild(e.id) ? [.childAtRisk] : e.roles.filter { $0 != .childAtRisk }) { roles.insert(r.role) }
        }
        for a in chosen {
            for k in g.neighbours(of: a) {
                let b = Int(g.targets[k])
                guard a < b, inView.contains(b), steps?.contains(.init(a, b)) ?? true else { continue }
                let links = s.links(a, b)
                let evidence = links.flatMap(\.evidence)
                var edge = Picture.Edge(from: s.entities[a].id.description, to: s.entities[b].id.description)
                edge.style = Style.isStrong(evidence, evaluate: NetworkFilter.evaluation(of:)) ? "solid" : "dashed"
                edge.penWidth = 1 + 3 * (s.strength[.init(a, b)] ?? 0)
                let (ida, idb) = (s.entities[a].id, s.entities[b].id)
                let forward = links.contains { $0.type.isDirected && $0.source == ida }
                let back = links.contains { $0.type.isDirected && $0.source == idb }
                edge.arrow = forward && back ? .both : forward ? .forward : back ? .back : .none
                // Who did what, in words: an adult always the actor of an act upon a child.
                func shown(_ id: EntityID) -> String { s.index[id].map { name(of: s.entities[$0], in: s, options) } ?? id.description }
                var said: [String] = []
                for l in links {
                    let text = s.safeguarding.sentence(l.type, from: l.source, to: l.target).text(shown)
                    if !said.contains(text) { said.append(text) }
                }
                edge.tooltip = said.sorted().joined(separator: "; ") + "; " + evidenceSummary(evidence)
                p.edges.append(edge)
            }
        }
        let inferred = coPresenceEdges(options.coPresence, among: inView, in: s, options: options)
        p.edges += inferred
        if options.labelLinks ?? (p.edges.count <= options.linkLabelLimit) {
            for i in p.edges.indices { p.edges[i].label = p.edges[i].tooltip }
        }
        let legend = Style.legend(kinds: kinds, roles: roles, hasInferred: !inferred.isEmpty)
        p.legendNodes = legend.nodes
        p.legendEdges = legend.edges
        p.legendNotes = ["Size of adults and places: " + (options.size?.name ?? "number of links") + " in the whole network; children are all drawn one size.",
                         "Arrows: the recorded direction of a one-way link (who harboured, drove, supplied or gave to whom); a line's tooltip says it in words, an adult always the actor of an act upon a child."]
        return p
    }

    /// "3 items; best 1A; 2024-01-02 to 2024-03-04": what a line's tooltip says of its evidence.
    static func evidenceSummary(_ evidence: [Citation]) -> String {
        let dates = evidence.map(\.recorded).sorted().map(\.text)
        let grades = evidence.map(\.grade.code).sorted()
        return "\(evidence.count) item\(evidence.count == 1 ? "" : "s")"
            + (grades.first.map { "; best \($0)" } ?? "")
            + (dates.first.map { d in "; " + (d == dates.last! ? d : "\(d) to \(dates.last!)") } ?? "")
    }

    /// One dotted line per pair of people in view with inferred co-presence, whatever the hubs:
    /// its tooltip names the hubs, the occasions and the items they were drawn from.
    static func coPresenceEdges(_ found: [CoPresence], among inView: Set<Int>, in s: NetworkSnapshot, options: ViewOptions) -> [Picture.Edge] {
        var byPair: [NetworkSnapshot.EdgeKey: [CoPresence]] = [:]
        for c in found {
            guard let a = s.index[c.people[0]], let b = s.index[c.people[1]], inView.contains(a), inView.contains(b) else { continue }
            byPair[.init(a, b), default: []].append(c)
        }
        return byPair.keys.sorted { ($0.a, $0.b) < ($1.a, $1.b) }.map { key in
            let shared = byPair[key]!
            var edge = Picture.Edge(from: s.entities[key.a].id.description, to: s.entities[key.b].id.description)
            edge.style = "dotted"
            edge.color = "#999999"
            edge.constraint = false
            let occasions = shared.reduce(0) { $0 + $1.count }
            let hubs = shared.map { s.index[$0.hub].map { name(of: s.entities[$0], in: s, options) } ?? $0.hub.description }
            var seen = Set<String>()
            let evidence = shared.flatMap { $0.occasions.flatMap(\.evidence) }.filter { seen.insert($0.description).inserted }
            let first = shared.map(\.firstDate).min()!, last = shared.map(\.lastDate).max()!
            edge.tooltip = "inferred: together \(occasions)× at \(hubs.joined(separator: ", ")), "
                + (first == last ? first : "\(first) to \(last)") + "; from " + evidenceSummary(evidence)
            return edge
        }
    }

    /// A measure for a tooltip: integers as integers, others to four significant figures.
    static func shortNumber(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%.4g", x)
    }
}
