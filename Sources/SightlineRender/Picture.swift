/// A picture of part of the network, independent of how it is drawn: the nodes and links to show,
/// each already styled, the clusters to draw as boxes and the legend. Views build pictures from the
/// network; ``Graphviz`` lays them out and renders them.
public struct Picture: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        /// A unique name within the picture (never shown; an entity ID or a legend key).
        public var id: String
        /// The text shown, as plain text (Graphviz's escapes are applied when rendering).
        public var label: String
        public var shape: String
        public var fill: String
        /// Extra outlines (2 draws a double border).
        public var peripheries: Int = 1
        public var style: String = "filled"
        /// Width in inches: the view sizes nodes by a centrality.
        public var width: Double = 0.75
        /// Height in inches (nil: Graphviz's default for the shape).
        public var height: Double? = nil
        public var fontSize: Double = 10
        /// Shown on hover in SVG.
        public var tooltip: String = ""
        public var fontColor: String = "#000000"
        /// A label drawn beside the node rather than in it.
        public var externalLabel: String = ""
        /// Keep `width` whatever the label's size (for nodes sized by a quantity).
        public var fixedSize = false
        /// Further lines of text under the label (each escaped on its own).
        public var moreLines: [String] = []

        public init(id: String, label: String, shape: String, fill: String) {
            self.id = id; self.label = label; self.shape = shape; self.fill = fill
        }
    }

    public struct Edge: Sendable, Equatable {
        public var from: String, to: String
        /// solid, dashed or dotted.
        public var style: String = "solid"
        public var penWidth: Double = 1
        public var color: String = "#333333"
        public var label: String = ""
        public var tooltip: String = ""
        /// Whether the link shapes the layout (false: drawn, but placed as if absent).
        public var constraint = true
        /// Arrowheads: the recorded direction of a directed link (`harbours`, `driver_of`) from
        /// `from` to `to` (forward), the other way (back), both, or none for two-way links.
        public var arrow: Arrow = .none

        public enum Arrow: String, Sendable { case none, forward, back, both }

        public init(from: String, to: String) { self.from = from; self.to = to }
    }

    public struct Cluster: Sendable, Equatable {
        public var id: String
        public var label: String
        public var members: [String]
        public init(id: String, label: String, members: [String]) { self.id = id; self.label = label; self.members = members }
    }

    public var title: String
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    public var clusters: [Cluster] = []
    /// Legend entries: sample nodes and sample links, drawn in a box of their own.
    public var legendNodes: [Node] = []
    public var legendEdges: [(label: String, style: String, color: String)] = []
    /// Lines of explanation under the legend (what node size means, what was left out).
    public var legendNotes: [String] = []
    /// Left to right (timelines, paths) rather than the engine's default.
    public var leftToRight = false
    /// Rows of node IDs, each drawn side by side, the rows stacked top to bottom (a long timeline
    /// wrapped like text). Only the dot engine keeps rows.
    public var rows: [[String]] = []

    public init(title: String) { self.title = title }

    public static func == (a: Picture, b: Picture) -> Bool {
        a.title == b.title && a.nodes == b.nodes && a.edges == b.edges && a.clusters == b.clusters
            && a.legendNodes == b.legendNodes && a.leftToRight == b.leftToRight
            && a.legendNotes == b.legendNotes && a.rows == b.rows
            && a.legendEdges.map { [$0.label, $0.style, $0.color] } == b.legendEdges.map { [$0.label, $0.style, $0.color] }
    }
}

/// Plain text as a Graphviz label: backslashes doubled so that none starts an escape sequence
/// (`\N`, `\G`, `\l`...), and control characters (newlines, tabs, others) shown as spaces. Markup
/// needs nothing here: the label is set as a plain string, never as an HTML-like label, and the
/// SVG renderer escapes `<`, `>`, `&` and quotes itself.
public func graphvizLabel(_ text: String) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for s in text.unicodeScalars {
        if s == "\\" { out += "\\\\" } else if s.properties.generalCategory == .control || s == "\u{2028}" || s == "\u{2029}" {
            out += " "
        } else { out.unicodeScalars.append(s) }
    }
    return out
}
