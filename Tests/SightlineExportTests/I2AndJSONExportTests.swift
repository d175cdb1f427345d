import Foundation
import SightlineExport
import SightlineModel
import SightlineReadModel
import SightlineSynthetic
import SightlineTestSupport
import Testing

@Suite struct I2ExportTests {
    let tables = I2Export.tables(ExportFixture.graph)

    @Test func bothTablesHaveTheDocumentedColumnsAndWholeRows() {
        let e = readCSV(tables.entities), l = readCSV(tables.links)
        #expect(e.first == I2Export.entityColumns)
        #expect(l.first == I2Export.linkColumns)
        #expect(I2Export.entityColumns.contains("first_seen (UTC)") && I2Export.linkColumns.contains("date (UTC)"))
        #expect(e.allSatisfy { $0.count == I2Export.entityColumns.count })
        #expect(l.allSatisfy { $0.count == I2Export.linkColumns.count })
        #expect(tables.entities.hasSuffix("\r\n") && tables.links.hasSuffix("\r\n"))
        #expect(e.count - 1 == ExportFixture.nodeCount)
        // One row per link per item (an item cited twice counts once; a link without items has one row).
        #expect(l.count - 1 == 2 + 2 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1)
    }

    @Test func identitiesAreUniqueCaseSensitiveAndEveryLinkEndExists() {
        let e = records(tables.entities).rows, l = records(tables.links).rows
        let ids = e.compactMap { $0["identity"] }
        #expect(Set(ids).count == ids.count)
        #expect(ids == ["E1", "E2", "E3", "E5", "E6", "E10", "E11", "E12", "E20", "E21", "E30"])
        // Two people whose names differ only in case keep their own identities.
        let jo = e.filter { $0["label"]?.lowercased() == "jo fictional" }
        #expect(jo.count == 2 && Set(jo.compactMap { $0["identity"] }) == ["E5", "E6"])
        let rowIDs = l.compactMap { $0["row_identity"] }
        #expect(Set(rowIDs).count == rowIDs.count)
        for row in l {
            #expect(ids.contains(row["from_identity"] ?? "") && ids.contains(row["to_identity"] ?? ""), "\(row)")
        }
        #expect(!tables.links.contains("E99"))
    }

    @Test func typesDatesDirectionAndGradesSplitAsDocumented() {
        let e = records(tables.entities).rows, l = records(tables.links).rows
        func entity(_ id: String) -> [String: String] { e.first { $0["identity"] == id } ?? [:] }
        #expect(entity("E1")["type"] == "Person" && entity("E10")["type"] == "Vehicle" && entity("E11")["type"] == "Telephone")
        #expect(entity("E20")["type"] == "Location" && entity("E30")["type"] == "Organization")
        #expect(entity("E20")["first_seen (UTC)"] == "2024-02-01" && entity("E20")["last_seen (UTC)"] == "2024-06-03")
        #expect(entity("E20")["address"] == "14 Quayside Row,\nWexcombe" && entity("E20")["night_time_economy"] == "yes")
        #expect(entity("E1")["roles"] == "suspect" && entity("E1")["date_of_birth"] == ExportFixture.adultBirth)
        // The formula guard: cells that a spreadsheet would run start with an apostrophe.
        #expect(entity("E30")["label"] == "'=SUM(A1) Private Hire")
        #expect(entity("E12")["label"] == "'@kaz_wex99" && entity("E11")["label"] == "'+44 7700 900123")

        let l1 = l.filter { $0["link_identity"] == "L1" }
        #expect(l1.map { $0["row_identity"] } == ["L1.1", "L1.2"])
        #expect(l1.map { $0["date (UTC)"] } == ["2024-03-04", "2024-03-05"])
        #expect(l1.map { $0["source_reference"] } == ["police/WX-24-000123", "social_care/LCS-88120"])
        #expect(l1.map { $0["source_evaluation"] } == ["2", "1"])
        #expect(l1.map { $0["intelligence_assessment"] } == ["B", "A"])
        #expect(l1.map { $0["handling_code"] } == ["P", "C"])
        #expect(l1.map { $0["conditions"] } == ["", ExportFixture.macePanel])
        #expect(l1.allSatisfy {
            $0["items"] == "police/WX-24-000123 2024-03-04 2BP; social_care/LCS-88120 2024-03-05 1AC (conditions: \(ExportFixture.macePanel))"
        })
        #expect(l1.allSatisfy { $0["direction"] == "End 1 to End 2" && $0["direction_code"] == "1" && $0["link_type"] == "Supplies" })
        #expect(l1.allSatisfy { $0["from_identity"] == "E1" && $0["to_identity"] == "E2" })
        #expect(l1.allSatisfy { $0["from_label"] == ExportFixture.hostile && $0["to_label"] == ExportFixture.accented })
        #expect(l1.allSatisfy { $0["from_type"] == "Person" && $0["to_type"] == "Person" })
        #expect(l.first { $0["link_identity"] == "L11" }?["from_label"] == "'=SUM(A1) Private Hire")
        // A legacy grade goes to its own columns, never into the 3x5x2 ones.
        let legacy = l.first { $0["source_reference"] == "police/OLD-2009-0771" } ?? [:]
        #expect(legacy["legacy_source_evaluation"] == "B" && legacy["legacy_intelligence_evaluation"] == "2" && legacy["legacy_handling_code"] == "4")
        #expect(legacy["source_evaluation"] == "" && legacy["intelligence_assessment"] == "" && legacy["handling_code"] == "")
        #expect(legacy["grade"] == "B24" && legacy["grade_system"] == "5x5x5")
        #expect(legacy["direction"] == "None" && legacy["direction_code"] == "0" && legacy["link_type"] == "Associates With")
        // A link without items still has its row, with the item columns empty.
        let bare = l.filter { $0["link_identity"] == "L6" }
        #expect(bare.count == 1 && bare.first?["source_reference"] == "" && bare.first?["strength_items"] == "0")
    }
}

@Suite struct JSONExportTests {
    @Test func itemsAreListedOnceAndLinksNameThem() throws {
        let text = try JSONExport.document(ExportFixture.graph)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(doc["format"] as? String == "sightline-export" && doc["version"] as? Int == 1)
        #expect(doc["exportedAt"] as? String == "2024-09-01")
        let items = try #require(doc["items"] as? [[String: Any]])
        let refs = items.map { "\($0["agency"] ?? "")/\($0["reference"] ?? "")" }
        #expect(Set(refs).count == refs.count)
        // The shared item and the item cited twice appear once each; the undisclosed link's item not at all.
        #expect(refs.filter { $0 == "police/WX-24-000123" }.count == 1 && !refs.contains("police/WX-24-000999"))
        #expect(refs.count == 12)
        let c = try #require(items.first { $0["reference"] as? String == "LCS-88120" })
        #expect(c["grade"] as? String == "1AC" && c["gradeSystem"] as? String == "3x5x2" && c["conditions"] as? String == ExportFixture.macePanel)
        #expect(c["recorded"] as? String == "2024-03-05")
        let legacy = try #require(items.first { $0["reference"] as? String == "OLD-2009-0771" })
        #expect(legacy["gradeSystem"] as? String == "5x5x5" && legacy["conditions"] == nil)
        let links = try #require(doc["links"] as? [[String: Any]])
        #expect(links.map { $0["id"] as? String } == (1...11).map { "L\($0)" })
        for l in links {
            for ref in l["items"] as? [String] ?? [] { #expect(refs.contains(ref), "\(ref) is not in items") }
        }
        let l2 = try #require(links.first { $0["id"] as? String == "L2" })
        #expect(l2["source"] as? String == "E2" && l2["target"] as? String == "E1")
        #expect((l2["reads"] as? String)?.hasPrefix(ExportFixture.hostile + " was contacted by") == true)
        let entities = try #require(doc["entities"] as? [[String: Any]])
        #expect(entities.count == ExportFixture.nodeCount)
        // Keys sorted: "entities" before "exportedAt" before "format" before "items" before "links".
        let order = ["entities", "exportedAt", "format", "items", "links", "version"].map { text.range(of: "\n  \"\($0)\" : ")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }
}

@Suite struct ExportSafeguardingTests {
    /// Every output of every writer.
    static func outputs(_ g: ExportGraph) throws -> [(String, String)] {
        let t = I2Export.tables(g)
        return [("graphml", GraphMLExport.document(g)), ("gexf", GEXFExport.document(g)),
                ("i2 entities", t.entities), ("i2 links", t.links), ("json", try JSONExport.document(g))]
    }

    @Test func noChildHasARoleOrADateOfBirthInAnyFormat() throws {
        let birth = ExportFixture.childBirth // 2011-08-23
        let forms = [birth, "23/08/2011", "08/23/2011", "23-08-2011", "2011-08", "20110823", "23 Aug", "child_at_risk", "child at risk"]
        for (name, text) in try Self.outputs(ExportFixture.graph) {
            for f in forms { #expect(!text.contains(f), "\(name) carries \(f)") }
        }
        // The adult's are written, so the check above is not vacuous.
        for (name, text) in try Self.outputs(ExportFixture.graph) where name != "i2 links" {
            #expect(text.contains(ExportFixture.adultBirth) && text.contains("suspect"), "\(name)")
        }
        let child = records(I2Export.tables(ExportFixture.graph).entities).rows.first { $0["identity"] == "E2" }
        #expect(child?["roles"] == "" && child?["date_of_birth"] == "")
        #expect(child?["label"] == ExportFixture.accented)
    }

    /// Wherever a C-handled item is cited (a node, an edge, a CSV row, a JSON item), its conditions
    /// are there too.
    @Test func conditionsTravelWithEveryCHandledItem() throws {
        let g = ExportFixture.graph
        let cItems = [("social_care/LCS-88120", ExportFixture.macePanel), ("police/WX-24-000400", ExportFixture.licence)]
        func xml(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "'", with: "&apos;")
        }
        var checked = 0
        for doc in [GraphMLExport.document(g), GEXFExport.document(g)] {
            for tag in ["node", "edge"] {
                for chunk in doc.components(separatedBy: "<\(tag) id=").dropFirst() {
                    let element = chunk.components(separatedBy: "</\(tag)>").first ?? ""
                    for (ref, conditions) in cItems where element.contains(ref) {
                        #expect(element.contains(xml(conditions)), "\(ref) without its conditions in \(element)")
                        checked += 1
                    }
                }
            }
        }
        let t = I2Export.tables(g)
        for table in [t.entities, t.links] {
            for row in readCSV(table).dropFirst() {
                for (ref, conditions) in cItems where row.contains(where: { $0.contains(ref) }) {
                    #expect(row.contains { $0.contains(conditions) }, "\(ref) without its conditions in \(row)")
                    checked += 1
                }
            }
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try JSONExport.document(g).utf8)) as? [String: Any])
        for item in json["items"] as? [[String: Any]] ?? [] where (item["grade"] as? String)?.hasSuffix("C") == true {
            #expect(cItems.map(\.1).contains(item["conditions"] as? String ?? ""))
            checked += 1
        }
        // In each XML format: node E1 (both items), E2 and E20, edges L1 and L7; entity rows E1 (both),
        // E2 and E20; link rows L1.1, L1.2 and L7.1; two JSON items.
        #expect(checked == 2 * (4 + 2) + 4 + 3 + 2)
    }

    /// Nothing the writers compose (sentences, headers, descriptions) uses words that blame a child.
    @Test func theWritersComposeNoWordsThatBlameAChild() throws {
        for (name, text) in try Self.outputs(ExportFixture.graph) {
            #expect(ProtectiveLanguage.matches(in: text) == [], "\(name)")
        }
    }

    @Test func theGateDecidesWhoIsAChild() throws {
        // The same person, not listed as a child: roles and date of birth are written.
        var g = ExportFixture.graph
        g.children = []
        let t = I2Export.tables(g).entities
        #expect(t.contains(ExportFixture.childBirth) && t.contains("child_at_risk"))
        // And the sentence then reads in the recorded direction (no adult-child turn).
        let doc = GraphMLExport.document(g)
        #expect(doc.contains("Zoë FICTIONAL-ÉCLAIR contacted Darren"))
    }

    @Test func sameInputSameBytesWhateverTheInputOrder() throws {
        let g = ExportFixture.graph
        var shuffled = g
        var rng = SplitMix64(seed: 7) // seeded: the same shuffle on every run
        shuffled.entities.shuffle(using: &rng)
        shuffled.links.shuffle(using: &rng)
        let a = try Self.outputs(g), b = try Self.outputs(g), c = try Self.outputs(shuffled)
        for i in a.indices {
            #expect(a[i].1 == b[i].1, "\(a[i].0) differs between two runs")
            #expect(a[i].1 == c[i].1, "\(a[i].0) depends on the input order")
        }
    }
}

