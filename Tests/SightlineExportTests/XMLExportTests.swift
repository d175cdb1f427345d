import Foundation
import SightlineExport
import SightlineModel
import SightlineReadModel
import SightlineTestSupport
import Testing

@Suite struct XMLExportTests {
    let graphml = GraphMLExport.document(ExportFixture.graph)
    let gexf = GEXFExport.document(ExportFixture.graph)

    /// Runs xmllint on a document (against a schema when named); fails the test when it refuses.
    func lint(_ text: String, named name: String, schema schemaName: String? = nil) throws {
        guard let xmllint = xmllint() else { return }
        var args = ["--noout"]
        if let schemaName {
            guard let xsd = schema(schemaName) else { return }
            args += ["--nonet", "--schema", xsd]
        }
        let dir = TemporaryDirectory("export-xml")
        let r = try runProcess(xmllint, args + [dir.write(name, text)])
        #expect(r.status == 0, "xmllint refused \(name): \(r.stderr)")
    }

    @Test func graphMLValidatesAgainstGraphMLSchema() throws {
        try lint(graphml, named: "net.graphml", schema: "graphml.xsd")
    }

    @Test func gexfValidatesAgainstGEXF12DraftSchema() throws {
        try lint(gexf, named: "net.gexf", schema: "gexf.xsd")
    }

    /// The check is real: a document with an undeclared element is refused by the same call.
    @Test func theSchemaCheckRefusesABrokenDocument() throws {
        guard let xmllint = xmllint(), let xsd = schema("gexf.xsd") else { return }
        let broken = gexf.replacingOccurrences(of: "<spells>", with: "<spels>").replacingOccurrences(of: "</spells>", with: "</spels>")
        let dir = TemporaryDirectory("export-xml")
        let r = try runProcess(xmllint, ["--noout", "--nonet", "--schema", xsd, dir.write("bad.gexf", broken)])
        #expect(r.status != 0)
    }

    @Test func hostileNamesAreEscapedAndTheXMLParses() throws {
        try lint(graphml, named: "plain.graphml")
        try lint(gexf, named: "plain.gexf")
        // Element content (GraphML) and attribute values (GEXF) both escape every markup character.
        #expect(graphml.contains("Darren O&apos;QUILL &lt;&amp;&quot;&apos;&gt; Jnr"))
        #expect(gexf.contains("label=\"Darren O&apos;QUILL &lt;&amp;&quot;&apos;&gt; Jnr\""))
        // The accent travels as it is; the control character XML 1.0 forbids is replaced.
        #expect(graphml.contains("Zoë FICTIONAL-ÉCLAIR") && gexf.contains("Zoë FICTIONAL-ÉCLAIR"))
        #expect(graphml.contains("Kaz\u{FFFD}WEX") && gexf.contains("Kaz\u{FFFD}WEX"))
        for doc in [graphml, gexf] {
            #expect(!doc.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        }
        // A line break inside an attribute is a character reference, so readers keep it.
        #expect(gexf.contains("14 Quayside Row,&#10;Wexcombe"))
    }

    @Test func graphMLDeclaresTypedKeysAndCarriesEachLinksEvidence() {
        for key in [#"<key id="n_kind" for="node" attr.name="kind" attr.type="string"/>"#,
                    #"<key id="n_nte" for="node" attr.name="nte" attr.type="boolean"/>"#,
                    #"<key id="e_strength_items" for="edge" attr.name="strength_items" attr.type="int"/>"#,
                    #"<key id="e_grades" for="edge" attr.name="grades" attr.type="string"/>"#,
                    #"<graph id="sightline" edgedefault="directed">"#] {
            #expect(graphml.contains(key), "missing \(key)")
        }
        let l1 = element(graphml, "<edge id=\"L1\"")
        #expect(l1.contains(#"source="E1" target="E2""#))
        #expect(l1.contains("<data key=\"e_grades\">2BP; 1AC</data>"))
        #expect(l1.contains("<data key=\"e_items\">police/WX-24-000123; social_care/LCS-88120</data>"))
        #expect(l1.contains("<data key=\"e_handling\">C; P</data>"))
        #expect(l1.contains("<data key=\"e_conditions\">social_care/LCS-88120: \(ExportFixture.macePanel)</data>"))
        #expect(l1.contains("<data key=\"e_first_recorded\">2024-03-04</data>"))
        #expect(l1.contains("<data key=\"e_last_recorded\">2024-03-05</data>"))
        #expect(l1.contains("<data key=\"e_strength_items\">2</data>"))
        #expect(l1.contains("<data key=\"e_time\">~2024-03</data>"))
        // An item cited twice on one link counts once.
        #expect(element(graphml, "<edge id=\"L4\"").contains("<data key=\"e_strength_items\">1</data>"))
        // The legacy grade is kept as graded.
        #expect(element(graphml, "<edge id=\"L3\"").contains("<data key=\"e_grades\">B24; 2BP</data>"))
        // The link to an entity that was not disclosed is left out.
        #expect(!graphml.contains("E99") && !graphml.contains("id=\"L12\""))
        // A node's dates and items come from the evidence of its links.
        let hotel = element(graphml, "<node id=\"E20\"")
        #expect(hotel.contains("<data key=\"n_first_seen\">2024-02-01</data>"))
        #expect(hotel.contains("<data key=\"n_last_seen\">2024-06-03</data>"))
        #expect(hotel.contains("<data key=\"n_items\">licensing/LIC-77; police/WX-24-000400; social_care/LCS-88200</data>"))
        #expect(hotel.contains("<data key=\"n_nte\">true</data>"))
        #expect(hotel.contains("<data key=\"n_postcode\">WX1 4QR</data>"))
        #expect(element(graphml, "<node id=\"E1\"").contains("<data key=\"n_roles\">suspect</data>"))
        #expect(element(graphml, "<node id=\"E3\"").contains("<data key=\"n_roles\">harbourer,associate</data>"))
    }

    @Test func theAdultIsTheActorInEveryReading() {
        // Recorded from the child to the adult: turned so that the adult is the subject.
        #expect(element(graphml, "<edge id=\"L2\"").contains(
            "<data key=\"e_reads\">Darren O&apos;QUILL &lt;&amp;&quot;&apos;&gt; Jnr was contacted by Zoë FICTIONAL-ÉCLAIR</data>"))
        // …while the edge keeps its stored direction.
        #expect(element(graphml, "<edge id=\"L2\"").contains(#"source="E2" target="E1""#))
        #expect(element(graphml, "<edge id=\"L1\"").contains("Jnr supplied drugs or alcohol to Zoë"))
    }

    @Test func entitiesAndLinksAreInIDOrder() {
        let nodes = ids(graphml, prefix: "<node id=\"E")
        #expect(nodes == [1, 2, 3, 5, 6, 10, 11, 12, 20, 21, 30])
        #expect(ids(graphml, prefix: "<edge id=\"L") == Array(1...11))
        #expect(ids(gexf, prefix: "<node id=\"E") == nodes)
        #expect(ids(gexf, prefix: "<edge id=\"L") == Array(1...11))
    }

    @Test func gexfIsDynamicWithADaySpellPerRecordedDay() {
        #expect(gexf.contains(#"<gexf xmlns="http://www.gexf.net/1.2draft""#) && gexf.contains(#"version="1.2""#))
        #expect(gexf.contains(#"<graph mode="dynamic" defaultedgetype="directed" timeformat="date">"#))
        #expect(gexf.contains(#"<attributes class="node" mode="static">"#) && gexf.contains(#"<attributes class="edge" mode="static">"#))
        let l1 = element(gexf, "<edge id=\"L1\"")
        #expect(l1.contains("<spell start=\"2024-03-04\" end=\"2024-03-04\"/>\n          <spell start=\"2024-03-05\" end=\"2024-03-05\"/>"))
        // The node's spell runs from its first to its last recorded day.
        #expect(element(gexf, "<node id=\"E1\"").contains("<spell start=\"2009-06-01\" end=\"2024-06-10\"/>"))
        // No dated evidence, no spell: the account (a link without items) and an unlinked place.
        #expect(!element(gexf, "<node id=\"E12\"").contains("<spell"))
        #expect(!element(gexf, "<node id=\"E21\"").contains("<spell"))
        #expect(!element(gexf, "<edge id=\"L6\"").contains("<spell"))
        let spells = gexf.components(separatedBy: "<spell ").count - 1
        #expect(spells == ExportFixture.nodeSpells + ExportFixture.edgeSpells)
    }

    @Test func networkxAndIgraphReadBackEveryNodeEdgeAndSpell() throws {
        guard let python = exportPython() else { return }
        let dir = TemporaryDirectory("export-load")
        let r = try runProcess(python, [PackagePaths.root + "/scripts/check-export.py",
                                        dir.write("net.graphml", graphml), dir.write("net.gexf", gexf)])
        #expect(r.status == 0, "check-export.py failed: \(r.stderr)")
        guard r.status == 0, let counts = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] else {
            Issue.record("check-export.py printed no JSON: \(r.stdout)")
            return
        }
        let g = ExportFixture.graph
        let names = Set(g.entities.map(\.id))
        let kept = g.links.filter { names.contains($0.source) && names.contains($0.target) }
        // What the fixture holds, counted here independently of the writers.
        let dated = Set(kept.filter { !$0.evidence.isEmpty }.flatMap { [$0.source, $0.target] })
        let linkDays = kept.map { Set($0.evidence.map(\.recorded)).count }.reduce(0, +)
        #expect(dated.count == ExportFixture.nodeSpells && linkDays == ExportFixture.edgeSpells)
        #expect(counts["graphml_nodes"] as? Int == names.count)
        #expect(counts["graphml_edges"] as? Int == kept.count)
        #expect(counts["graphml_directed"] as? Bool == true)
        #expect(counts["igraph_nodes"] as? Int == names.count)
        #expect(counts["igraph_edges"] as? Int == kept.count)
        #expect(counts["igraph_directed"] as? Bool == true)
        #expect(counts["gexf_nodes"] as? Int == names.count)
        #expect(counts["gexf_edges"] as? Int == kept.count)
        #expect(counts["gexf_node_spells"] as? Int == dated.count)
        #expect(counts["gexf_edge_spells"] as? Int == linkDays)
        #expect(counts["gexf_spells"] as? Int == dated.count + linkDays)
        #expect(counts["gexf_mode"] as? String == "dynamic")
        // The spells themselves, as networkx read them: a node from its first to its last recorded
        // day, a link one day per distinct recorded day.
        var expected: [String: [[String]]] = [:]
        for id in dated {
            let days = kept.filter { $0.source == id || $0.target == id }.flatMap { $0.evidence.map(\.recorded) }
            expected[id.description] = [[days.min()!.text, days.max()!.text]]
        }
        for l in kept where !l.evidence.isEmpty {
            expected["L\(l.id)"] = Set(l.evidence.map(\.recorded)).sorted().map { [$0.text, $0.text] }
        }
        #expect(counts["spells"] as? [String: [[String]]] == expected)
        #expect(expected["L1"] == [["2024-03-04", "2024-03-04"], ["2024-03-05", "2024-03-05"]])
    }

    /// The text from `start` to the end of that element.
    func element(_ doc: String, _ start: String) -> String {
        guard let r = doc.range(of: start) else { return "" }
        let rest = doc[r.lowerBound...]
        let close = start.hasPrefix("<node") ? "</node>" : "</edge>"
        guard let end = rest.range(of: close) else { return String(rest) }
        return String(rest[..<end.upperBound])
    }

    func ids(_ doc: String, prefix: String) -> [Int] {
        doc.components(separatedBy: prefix).dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
    }
}
