import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SightlineModel
@testable import SightlineRender
import Testing

/// Rendering through Graphviz's C library: formats, determinism and hostile labels.
@Suite("render", .serialized)
struct RenderTests {
    static let hostile = [
        "He said \"hi\" {x} [y]; z=1",
        "<script>alert(1)</script> & <b>bold</b>",
        "back\\slash \\N \\G \\l end",
        "new\nline\ttab\r\u{0}nul",
        "O'Brien -> \"quoted\" -- ]; node [shape=box",
        "Zoë Ærø 名前 \u{202E}reversed",
    ]

    func picture() -> Picture {
        var p = Picture(title: "Title with <markup> & \"quotes\" \\N")
        for (i, h) in Self.hostile.enumerated() {
            var n = Style.node(id: "E\(i + 1)", label: h, kind: i % 2 == 0 ? .person : .location, roles: i == 0 ? [.childAtRisk] : i == 2 ? [.suspect] : [], child: i == 0)
            n.tooltip = h
            p.nodes.append(n)
        }
        for i in 1..<Self.hostile.count {
            var e = Picture.Edge(from: "E\(i)", to: "E\(i + 1)")
            e.label = Self.hostile[i]
            e.tooltip = Self.hostile[i - 1]
            e.style = i % 2 == 0 ? "solid" : "dashed"
            p.edges.append(e)
        }
        let legend = Style.legend(kinds: [.person, .location], roles: [.childAtRisk, .suspect], hasInferred: true)
        p.legendNodes = legend.nodes
        p.legendEdges = legend.edges
        return p
    }

    @Test("hostile names render to SVG that parses as XML, with the markup shown as text")
    func hostileSVG() throws {
        for engine in LayoutEngine.allCases {
            let svg = try Graphviz.render(picture(), engine: engine, format: .svg)
            let parser = XMLParser(data: Data(svg))
            #expect(parser.parse(), "\(engine): \(parser.parserError.map { "\($0)" } ?? "")")
            let text = String(decoding: svg, as: UTF8.self)
            #expect(!text.contains("<script"), "markup leaked into the SVG")
            #expect(!text.contains("<b>"))
            #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            // The escape sequence \N is shown as written, not replaced by the node's name.
            #expect(text.contains("back\\slash \\N \\G \\l end"))
            #expect(text.contains("Zoë Ærø 名前"))
            #expect(text.contains("Legend") == false) // the legend is a table, not a cluster named Legend
            // The legend (Graphviz writes "-" as &#45; in SVG text).
            #expect(text.contains("child at risk") && text.contains("weaker grades") && text.contains("inferred co&#45;presence"))
            // Tooltips keep backslashes as text too (no \N or \G substitution).
            #expect(!text.contains("sightline \\l") && text.contains("xlink:title=\"back"))
        }
    }

    @Test("the DOT source reads back with every node and link")
    func hostileDOT() throws {
        let dot = try Graphviz.render(picture(), engine: .neato, format: .dot)
        let counts = try #require(Graphviz.parseDOT(dot))
        #expect(counts.nodes == Self.hostile.count && counts.edges == Self.hostile.count - 1)
        #expect(Graphviz.parseDOT(Array("graph { a -- ".utf8)) == nil)
    }

    @Test("the same picture and seed give the same bytes, per engine and format")
    func deterministic() throws {
        for engine in LayoutEngine.allCases {
            for format in [RenderFormat.svg, .dot] {
                let a = try Graphviz.render(picture(), engine: engine, format: format, seed: 7)
                let b = try Graphviz.render(picture(), engine: engine, format: format, seed: 7)
                #expect(Bool(a == b), "\(engine) \(format): \(a.count) and \(b.count) bytes")
            }
        }
    }

    @Test("png and pdf come out as such")
    func binaryFormats() throws {
        let png = try Graphviz.render(picture(), engine: .dot, format: .png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = try Graphviz.render(picture(), engine: .dot, format: .pdf)
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        #expect(RenderFormat(fileName: "a/b.SVG") == .svg && RenderFormat(fileName: "x.dot") == .dot && RenderFormat(fileName: "x") == nil)
    }

    @Test("labels cannot start an escape sequence, and control characters become spaces")
    func labels() {
        #expect(graphvizLabel("a\\Nb") == "a\\\\Nb")
        #expect(graphvizLabel("a\nb\tc\u{0}d\u{2028}e") == "a b c d e")
        #expect(htmlEscaped("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
    }

    @Test("children are drawn as children: their own colour and a double outline, never a suspect's")
    func childStyle() {
        let child = Style.node(id: "E1", label: "c", kind: .person, roles: [.childAtRisk, .suspect], child: true)
        let suspect = Style.node(id: "E2", label: "s", kind: .person, roles: [.suspect], child: false)
        #expect(child.fill == "#56B4E9" && child.peripheries == 2)
        #expect(suspect.fill == "#D55E00" && suspect.peripheries == 1)
        #expect(Set(Style.roleColours.map(\.colour)).count == Style.roleColours.count)
    }
}
