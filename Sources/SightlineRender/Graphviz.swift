import CGraphviz
import Foundation
import SightlineModel

/// How a picture is written.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, dot

    /// The format named by a file's extension, if any.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), let f = RenderFormat(rawValue: fileName[fileName.index(after: dot)...].lowercased()) else { return nil }
        self = f
    }
}

/// Graphviz's layout engines that Sightline uses.
public enum LayoutEngine: String, Sendable, CaseIterable {
    /// Layered, for paths and timelines.
    case dot
    /// Spring model, for small and medium networks.
    case neato
    /// Multiscale force-directed, for large networks.
    case sfdp
    /// Force-directed with clusters kept together, for networks drawn with their clusters boxed.
    case fdp
}

/// Why a picture could not be rendered.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Renders pictures through Graphviz's C library (libgvc and libcgraph), never by running `dot`.
///
/// Graphviz keeps process-global state (its error buffer, plugin registry and string pools), so
/// every call is serialised by one lock. Each render opens its own context and graph and frees
/// both, whatever happens. Node and link attributes are set through cgraph as plain strings
/// (`agsafeset`), never parsed as DOT, so a name cannot inject syntax; labels go through
/// ``graphvizLabel(_:)`` so they cannot start an escape sequence either.
public enum Graphviz {
    private static let lock = NSLock()

    /// The Graphviz library version, for reports.
    public static var version: String {
        lock.lock(); defer { lock.unlock() }
        guard let gvc = gvContext() else { return "unknown" }
        defer { gvFreeContext(gvc) }
        return gvcVersion(gvc).map { String(cString: $0) } ?? "unknown"
    }

    /// Lays out and renders a picture.
    /// - Parameters:
    ///   - engine: the layout engine (ignored for `.dot`, which writes the source).
    ///   - format: svg, png, pdf, or dot (the DOT source, without layout, for analysts who edit it).
    ///   - seed: the start of neato's and sfdp's random placement, so the same input gives the same
    ///     picture byte for byte.
    /// - Returns: the file's bytes.
    public static func render(_ picture: Picture, engine: LayoutEngine, format: RenderFormat, seed: Int = 1) throws(RenderError) -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        // Keep Graphviz's messages off the terminal: failures come back as errors (aglasterr).
        agseterr(AGMAX)
        guard let gvc = gvContext() else { throw RenderError("Graphviz could not start (gvContext failed)") }
        defer { gvFreeContext(gvc) }
        guard let g = "sightline".withMutableCString({ agopen($0, sightline_directed(), nil) }) else {
            throw RenderError("Graphviz could not open a graph")
        }
        defer { agclose(g) }
        build(picture, into: g, engine: engine, seed: seed)
        if format == .dot { return try source(of: g) }
        // sfdp draws from the C library's generators, whose state lives as long as the process:
        // reset them so that a render depends only on its input and seed.
        srand48(seed)
        srand(UInt32(truncatingIfNeeded: seed))
        guard engine.rawValue.withMutableCString({ gvLayout(gvc, g, $0) }) == 0 else {
            throw RenderError("Graphviz could not lay the picture out with \(engine.rawValue)\(lastError())")
        }
        defer { gvFreeLayout(gvc, g) }
        var data: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0
        guard format.rawValue.withMutableCString({ gvRenderData(gvc, g, $0, &data, &length) }) == 0, let data else {
            throw RenderError("Graphviz could not write \(format.rawValue)\(lastError()): is its plugin installed?")
        }
        defer { gvFreeRenderData(data) }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    /// Reads DOT source back through cgraph: the number of nodes and edges, or nil when it does
    /// not parse (for checking that written source is sound).
    public static func parseDOT(_ bytes: [UInt8]) -> (nodes: Int, edges: Int)? {
        lock.lock(); defer { lock.unlock() }
        var text = bytes.map { CChar(bitPattern: $0) }
        text.append(0)
        guard let g = text.withUnsafeMutableBufferPointer({ agmemread($0.baseAddress!) }) else { return nil }
        defer { agclose(g) }
        return (Int(agnnodes(g)), Int(agnedges(g)))
    }

    static func lastError() -> String {
        guard let e = aglasterr() else { return "" }
        defer { free(e) }
        let text = String(cString: e).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "" : " (\(text))"
    }

    /// The graph as DOT source, written by cgraph itself (so it quotes every string correctly).
    static func source(of g: UnsafeMutablePointer<Agraph_t>) throws(RenderError) -> [UInt8] {
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var size = 0
        guard let file = open_memstream(&buffer, &size) else { throw RenderError("cannot open a memory stream for the DOT source") }
        let written = agwrite(g, file)
        fclose(file)
        defer { free(buffer) }
        guard written == 0, let buffer else { throw RenderError("Graphviz could not write the DOT source") }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: size) { Array(UnsafeBufferPointer(start: $0, count: size)) }
    }

    static func set(_ object: UnsafeMutableRawPointer, _ name: String, _ value: String) {
        name.withMutableCString { n in value.withMutableCString { v in "".withMutableCString { d in _ = agsafeset(object, n, v, d) } } }
    }

    static func build(_ p: Picture, into g: UnsafeMutablePointer<Agraph_t>, engine: LayoutEngine, seed: Int) {
        let graph = UnsafeMutableRawPointer(g)
        setTitleAndLegend(p, on: g)
        set(graph, "labelloc", "b")
        set(graph, "fontname", "Helvetica")
        set(graph, "fontsize", "16")
        set(graph, "outputorder", "edgesfirst")
        if p.leftToRight { set(graph, "rankdir", "LR") }
        if engine != .dot {
            set(graph, "start", String(seed))
            set(graph, "overlap", "prism")
            // Routing splines around nodes is the slowest step with many links: straight lines then.
            set(graph, "splines", p.edges.count <= 100 ? "true" : "false")
        }
        var handles: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        func add(_ n: Picture.Node, in sub: UnsafeMutablePointer<Agraph_t>) {
            guard let node = n.id.withMutableCString({ agnode(sub, $0, 1) }) else { return }
            handles[n.id] = node
            let o = UnsafeMutableRawPointer(node)
            // Lines joined by Graphviz's own line break, after each is escaped.
            set(o, "label", ([n.label] + n.moreLines).map(graphvizLabel).joined(separator: "\\n"))
            set(o, "shape", n.shape)
            set(o, "style", n.style)
            set(o, "fillcolor", n.fill)
            set(o, "fontcolor", n.fontColor)
            set(o, "fontname", "Helvetica")
            set(o, "fontsize", String(format: "%.1f", n.fontSize))
            set(o, "width", String(format: "%.3f", n.width))
            if let h = n.height { set(o, "height", String(format: "%.3f", h)) }
            if n.peripheries != 1 { set(o, "peripheries", String(n.peripheries)) }
            if !n.externalLabel.isEmpty { set(o, "xlabel", graphvizLabel(n.externalLabel)) }
            if n.fixedSize { set(o, "fixedsize", "true") }
            if !n.tooltip.isEmpty { set(o, "tooltip", graphvizTooltip(n.tooltip)) }
        }
        // Clusters first, so their members are created inside them.
        var placed = Set<String>()
        let byID = Dictionary(p.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // neato and sfdp ignore clusters (their boxes would overlap the network): only dot and fdp
        // draw them.
        let clusters = engine == .dot || engine == .fdp ? p.clusters : []
        for (i, c) in clusters.enumerated() {
            guard let sub = "cluster_\(i)".withMutableCString({ agsubg(g, $0, 1) }) else { continue }
            set(UnsafeMutableRawPointer(sub), "label", graphvizLabel(c.label))
            set(UnsafeMutableRawPointer(sub), "style", "rounded")
            set(UnsafeMutableRawPointer(sub), "color", "#999999")
            for m in c.members where !placed.contains(m) {
                if let n = byID[m] { add(n, in: sub); placed.insert(m) }
            }
        }
        for n in p.nodes where !placed.contains(n.id) { add(n, in: g) }
        for e in p.edges {
            guard let a = handles[e.from], let b = handles[e.to], let edge = agedge(g, a, b, nil, 1) else { continue }
            let o = UnsafeMutableRawPointer(edge)
            set(o, "style", e.style)
            // A directed graph, so that directed links can carry arrowheads; two-way links none.
            set(o, "dir", e.arrow.rawValue)
            set(o, "penwidth", String(format: "%.2f", e.penWidth))
            set(o, "color", e.color)
            if !e.label.isEmpty {
                set(o, "label", graphvizLabel(e.label))
                set(o, "fontsize", "8")
                set(o, "fontname", "Helvetica")
            }
            if !e.tooltip.isEmpty { set(o, "tooltip", graphvizTooltip(e.tooltip)) }
            if !e.constraint { set(o, "constraint", "false") }
        }
        // Rows: each a rank of its own, so dot puts its nodes side by side; invisible links from
        // each row's first node to the next row's stack the rows in order.
        if engine == .dot {
            // Anonymous subgraphs: cgraph numbers them in the order made, where a named one's ID is
            // the address of its interned name, so named rows came out in a different order each run.
            for row in p.rows {
                guard let sub = agsubg(g, nil, 1) else { continue }
                set(UnsafeMutableRawPointer(sub), "rank", "same")
                for id in row { if let n = handles[id] { _ = agsubnode(sub, n, 1) } }
            }
            for (upper, lower) in zip(p.rows, p.rows.dropFirst()) {
                guard let a = upper.first.flatMap({ handles[$0] }), let b = lower.first.flatMap({ handles[$0] }),
                      let edge = agedge(g, a, b, nil, 1) else { continue }
                set(UnsafeMutableRawPointer(edge), "style", "invis")
                set(UnsafeMutableRawPointer(edge), "dir", "none")
            }
        }
    }

    /// The title and legend as the graph's label: an HTML-like table drawn outside the layout, so
    /// every engine keeps it clear of the network (neato and sfdp ignore clusters). Only Sightline's
    /// own words and colours go into the markup; the title is escaped.
    static func setTitleAndLegend(_ p: Picture, on g: UnsafeMutablePointer<Agraph_t>) {
        var html = "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
        html += "<TR><TD COLSPAN=\"4\"><FONT POINT-SIZE=\"16\">\(htmlEscaped(p.title))</FONT></TD></TR>"
        if !p.legendNodes.isEmpty || !p.legendEdges.isEmpty {
            var cells: [String] = []
            for n in p.legendNodes {
                let swatch = n.fill == Style.thing ? "" : " BGCOLOR=\"\(n.fill)\""
                let border = n.peripheries > 1 ? "3" : "1"
                cells.append("<TD BORDER=\"\(border)\"\(swatch)><FONT POINT-SIZE=\"9\">\(htmlEscaped(["ellipse", "note"].contains(n.shape) ? n.label : "\(n.label) (\(n.shape))"))</FONT></TD>")
            }
            for e in p.legendEdges {
                let line = e.style == "solid" ? "———" : e.style == "dashed" ? "– – –" : "·····"
                cells.append("<TD><FONT POINT-SIZE=\"9\" COLOR=\"\(e.color)\">\(line) \(htmlEscaped(e.label))</FONT></TD>")
            }
            for row in stride(from: 0, to: cells.count, by: 4) {
                html += "<TR>" + cells[row..<min(cells.count, row + 4)].joined() + "</TR>"
            }
        }
        for note in p.legendNotes {
            html += "<TR><TD COLSPAN=\"4\"><FONT POINT-SIZE=\"9\">\(htmlEscaped(note))</FONT></TD></TR>"
        }
        html += "</TABLE>"
        guard let value = html.withMutableCString({ agstrdup_html(g, $0) }) else { return }
        defer { agstrfree(g, value) }
        "label".withMutableCString { n in "".withMutableCString { d in _ = agsafeset(UnsafeMutableRawPointer(g), n, value, d) } }
    }
}

/// Plain text as a Graphviz tooltip. Graphviz substitutes \N, \G and \E in tooltips whatever
/// precedes them, so a backslash is shown as the fullwidth reverse solidus (＼) instead.
func graphvizTooltip(_ text: String) -> String {
    graphvizLabel(text).replacingOccurrences(of: "\\\\", with: "\u{FF3C}")
}

/// Text safe inside Graphviz's HTML-like labels.
func htmlEscaped(_ text: String) -> String {
    xmlEscaped(graphvizLabel(text).replacingOccurrences(of: "\\\\", with: "\\"))
}

extension String {
    /// Calls `body` with a mutable C copy of the string (cgraph takes `char *` and copies it).
    func withMutableCString<R>(_ body: (UnsafeMutablePointer<CChar>) -> R) -> R {
        var bytes = Array(utf8CString)
        return bytes.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}
