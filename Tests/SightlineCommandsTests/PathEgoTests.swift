import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SightlineModel
import SightlineTestSupport
import Testing

/// `sightline path` and `sightline ego` on the samples: every step cites the intelligence behind it.
@Suite("path and ego", .serialized)
struct PathEgoTests {
    let dir = TemporaryDirectory("path")
    var db: String { dir.file("s.sqlite") }

    init() throws {
        let r = try runSightline(["ingest", PackagePaths.samples, "--db", dir.file("s.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    @Test("the path from a group's key adult to a child he was found with is one link, with its evidence")
    func pathToChild() throws {
        // Samples/truth.json: Darren Quillfeather (PN-1001) was found with Zoë Marblewood (C-2201) three times.
        let r = try runSightline(["path", "person:niche/PN-1001", "person:lccs/C-2201", "--db", db, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let paths = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[[String: Any]]]
        #expect(paths.count == 1)
        let hops = paths[0]
        #expect(hops.count == 2)
        #expect((hops[0]["label"] as? String) == "Darren Quillfeather")
        let links = hops[1]["links"] as! [[String: Any]]
        #expect(links.contains { $0["type"] as? String == "found_with" })
        #expect(links.allSatisfy { !($0["evidence"] as! [String]).isEmpty })
        #expect((hops[1]["roles"] as! [String]).contains("child at risk"))
    }

    @Test("path --summaries shows each cited item's summary, as the sample files record it, to police analysts only")
    func summaries() throws {
        let r = try runSightline(["path", "person:niche/PN-1001", "person:lccs/C-2201", "--db", db, "--format", "json", "--summaries"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let said = doc["summaries"] as! [[String: String]]
        let cited = Set((doc["paths"] as! [[[String: Any]]]).flatMap { $0.flatMap { ($0["links"] as! [[String: Any]]).flatMap { ($0["evidence"] as! [String]).map { String($0.prefix { $0 != " " }) } } } })
        #expect(!said.isEmpty && Set(said.map { $0["item"]! }).isSubset(of: cited))
        // Each summary is the sample file's own, read independently.
        var recorded: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.samples + "/jsonl") {
            for line in try String(contentsOfFile: PackagePaths.samples + "/jsonl/" + file, encoding: .utf8).split(separator: "\n") where line.contains("\"type\":\"item\"") {
                let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                if let s = o["summary"] as? String { recorded["\(o["agency"]!)/\(o["ref"]!)"] = s }
            }
        }
        // (Missing-episode items come from Samples/csv, whose summaries a mapping assembles: those are left out here.)
        let checked = said.filter { recorded[$0["item"]!] != nil }
        #expect(!checked.isEmpty)
        for s in checked { #expect(recorded[s["item"]!] == s["summary"], "\(s["item"]!)") }
        let table = try runSightline(["path", "person:niche/PN-1001", "person:lccs/C-2201", "--db", db, "--summaries"])
        #expect(table.stdout.contains("items (the agencies' own words)"))
        let partner = try runSightline(["path", "person:niche/PN-1001", "person:lccs/C-2201", "--db", db, "--summaries", "--format", "json",
                                        "--audience", "mace_partner", "--purpose", "panel"])
        #expect(partner.status == 0 && partner.stderr.contains("not shown to mace_partner"), "\(partner.stderr)")
        let partnerDoc = try JSONSerialization.jsonObject(with: Data(partner.stdout.utf8)) as! [String: Any]
        #expect((partnerDoc["summaries"] as? [Any])?.isEmpty == true)
    }

    @Test("every step of a longer path cites items, and the table says how many paths there are")
    func longerPath() throws {
        let r = try runSightline(["path", "person:niche/PN-1001", "person:lccs/C-2216", "--db", db, "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty)
        for row in rows where !row.contains(",0,") { // every step after the first
            #expect(row.contains("/"), "a step without evidence: \(row)")
        }
        let table = try runSightline(["path", "person:niche/PN-1001", "person:lccs/C-2216", "--db", db])
        #expect(table.stdout.contains("shortest path"))
    }

    @Test("the ego network holds the centre at distance 0 and brings each neighbour in by a cited link")
    func egoNetwork() throws {
        let r = try runSightline(["ego", "person:niche/PN-1001", "--hops", "1", "--db", db, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        #expect(rows.first?["distance"] as? Int == 0)
        #expect(rows.first?["label"] as? String == "Darren Quillfeather")
        #expect(rows.count > 5)
        for row in rows.dropFirst() {
            // Each link that brings an entity in reads as a sentence naming both ends, with its items.
            let via = row["via"] as! [[String: Any]]
            #expect(!via.isEmpty)
            for link in via {
                #expect((link["reads"] as? String)?.contains("(E") == true)
                #expect((link["evidence"] as? [String])?.isEmpty == false)
            }
        }
        let bad = try runSightline(["ego", "E1", "--hops", "9", "--db", db])
        #expect(bad.status != 0 && bad.stderr.contains("--hops must be between 0 and 6"))
    }

    @Test("entities with no connecting links say so and exit 1")
    func unconnected() throws {
        let other = TemporaryDirectory("unconnected")
        let file = other.write("two.jsonl", """
        {"type":"item","agency":"police","ref":"U1","recorded":"2024-01-01","grade":"1AP"}
        {"type":"person","id":"person:niche/A","name":"Alpha ONE","item":"police/U1"}
        {"type":"person","id":"person:niche/B","name":"Beta TWO","item":"police/U1"}
        """)
        let store = other.file("u.sqlite")
        _ = try runSightline(["ingest", file, "--db", store])
        let r = try runSightline(["path", "person:niche/A", "person:niche/B", "--db", store])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no recorded links connect"))
    }
}

/// `sightline impact` on the store: never about a child, never naming one as a candidate.
@Suite("impact on the store", .serialized)
struct StoreImpactTests {
    let dir = TemporaryDirectory("impact")
    var db: String { dir.file("s.sqlite") }

    init() throws {
        let r = try runSightline(["ingest", PackagePaths.samples, "--db", dir.file("s.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    @Test("greedy removals name adults and places only, each with its effect")
    func greedy() throws {
        let r = try runSightline(["impact", "--greedy", "3", "--db", db, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        #expect(rows.count == 3)
        for row in rows {
            #expect(!(row["roles"] as! [String]).contains("child at risk"))
            #expect((row["fragmentationAfter"] as! Double) >= (row["fragmentationBefore"] as! Double))
        }
    }

    @Test("asking what disrupting a child would do is refused, in protective words")
    func childRefused() throws {
        let r = try runSightline(["impact", "person:lccs/C-2201", "--db", db])
        #expect(r.status == 4) // a request that cannot be met
        #expect(r.stderr.contains("never children"))
        #expect(ProtectiveLanguage.matches(in: r.stderr).isEmpty)
    }

    @Test("one adult's impact lists the children who would no longer be connected to any suspect")
    func oneAdult() throws {
        let r = try runSightline(["impact", "person:niche/PN-1031", "--db", db, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        #expect(rows.count == 1)
        #expect(rows[0]["label"] as? String == "Callum Mallowby")
        #expect(rows[0]["childrenCutOff"] is [String])
    }
}

/// The network filters shared by path, ego and impact.
@Suite("network filters")
struct NetworkFilterCommandTests {
    @Test("filters change what connects, and bad values are refused with the option named")
    func filters() throws {
        let dir = TemporaryDirectory("filters")
        let file = dir.write("f.jsonl", """
        {"type":"item","agency":"police","ref":"F1","recorded":"2024-01-10","grade":"1AP"}
        {"type":"item","agency":"health","ref":"F2","recorded":"2024-06-10","grade":"3EP"}
        {"type":"link","link":"seen_with","from":"person:niche/A","to":"person:niche/B","at":"2024-01-09","item":"police/F1"}
        {"type":"link","link":"associates_with","from":"person:niche/B","to":"person:niche/C","item":"health/F2"}
        """)
        let db = dir.file("f.sqlite")
        _ = try runSightline(["ingest", file, "--db", db])
        #expect(try runSightline(["path", "person:niche/A", "person:niche/C", "--db", db]).status == 0)
        // The B-C link rests on a 3E health item only.
        for filter in [["--min-grade", "2B"], ["--agencies", "police"], ["--as-of", "2024-03-01"], ["--link-types", "seen_with"]] {
            let r = try runSightline(["path", "person:niche/A", "person:niche/C", "--db", db] + filter)
            #expect(r.status == 1, "\(filter)")
        }
        // A window that excludes the dated A-B link.
        #expect(try runSightline(["path", "person:niche/A", "person:niche/B", "--db", db, "--from", "2024-02-01"]).status == 1)
        #expect(try runSightline(["path", "person:niche/A", "person:niche/B", "--db", db, "--until", "2024-02-01"]).status == 0)
        for (option, value, message) in [("--min-grade", "9Z", "--min-grade is a 3x5x2 source and assessment"),
                                         ("--as-of", "31/02/2024", "--as-of must be a date"),
                                         ("--link-types", "knows", "unknown link type(s) knows"),
                                         ("--agencies", "fbi", "unknown agenc(ies) fbi")] {
            let r = try runSightline(["ego", "person:niche/A", "--db", db, option, value])
            #expect(r.status != 0 && r.stderr.contains(message), "\(option): \(r.stderr)")
        }
    }
}

/// `sightline copresence` on the samples.
@Suite("copresence", .serialized)
struct CoPresenceCommandTests {
    let dir = TemporaryDirectory("copresence")
    var db: String { dir.file("s.sqlite") }

    init() throws {
        let r = try runSightline(["ingest", PackagePaths.samples, "--db", dir.file("s.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    @Test("people at the planted hotel within two hours, each occasion with both times and its items")
    func atTheHotel() throws {
        let r = try runSightline(["copresence", "location:uprn/900000000017", "--db", db, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        #expect(rows.count >= 5)
        let hubs = Set(rows.map { ($0["hub"] as! [String: Any])["label"] as! String })
        #expect(hubs == ["The Anchorage Hotel"])
        var childSuspectPairs = 0
        for row in rows {
            let people = row["people"] as! [[String: Any]]
            #expect(people.count == 2 && people[0]["entity"] as! String != people[1]["entity"] as! String)
            let roles = people.map { Set($0["roles"] as! [String]) }
            if roles.contains(where: { $0.contains("child at risk") }) && roles.contains(where: { $0.contains("suspect") }) { childSuspectPairs += 1 }
            for occasion in row["detail"] as! [[String: Any]] {
                let times = occasion["times"] as! [String]
                #expect((occasion["evidence"] as! [[String: Any]]).count >= 1)
                // Both timed to the minute here: at most two hours apart.
                if times.allSatisfy({ $0.count == 16 }) {
                    let minutes = times.map { t -> Int in
                        let d = t.prefix(10), h = Int(t.dropFirst(11).prefix(2))!, m = Int(t.suffix(2))!
                        let day = Int(d.suffix(2))! + 31 * Int(d.dropFirst(5).prefix(2))! + 372 * Int(d.prefix(4))!
                        return (day * 24 + h) * 60 + m
                    }
                    #expect(abs(minutes[0] - minutes[1]) <= 120, "\(times)")
                }
            }
        }
        #expect(childSuspectPairs >= 1)
        #expect(try ProtectiveLanguage.matches(in: r.stdout + runSightline(["copresence", "--db", db]).stdout + runSightline(["copresence", "--help"]).stdout) == [])
    }

    @Test("co-presence stays apart: the stored links and the analysed network are unchanged")
    func keptApart() throws {
        let before = try runSightline(["stats", "--db", db]).stdout
        let wide = try runSightline(["copresence", "--db", db, "--window", "48", "--format", "csv"])
        #expect(wide.status == 0)
        #expect(wide.stdout.split(whereSeparator: \.isNewline).count > 100)
        #expect(try runSightline(["stats", "--db", db]).stdout == before)
        let bad = try runSightline(["copresence", "--db", db, "--hubs", "account"])
        #expect(bad.status == 2 && bad.stderr.contains("--hubs"))
    }
}

/// `sightline render ego` on the samples.
@Suite("render ego", .serialized)
struct RenderEgoCommandTests {
    let dir = TemporaryDirectory("render")
    var db: String { dir.file("s.sqlite") }

    init() throws {
        let r = try runSightline(["ingest", PackagePaths.samples, "--db", dir.file("s.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    @Test("an ego picture in every format; the SVG parses and names the centre and its neighbours")
    func formats() throws {
        for ext in ["svg", "png", "pdf", "dot"] {
            let r = try runSightline(["render", "ego", "Darren Quillfeather", "--db", db, "-o", dir.file("ego.\(ext)")])
            #expect(r.status == 0, "\(ext): \(r.stderr)")
            #expect(r.stderr.contains("wrote") && r.stderr.contains(ext))
        }
        let svg = try Data(contentsOf: URL(fileURLWithPath: dir.file("ego.svg")))
        #expect(XMLParser(data: svg).parse())
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("Darren Quillfeather") && text.contains("Callum Mallowby") && text.contains("child at risk"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("ego.png"))).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("ego.pdf"))).starts(with: Array("%PDF".utf8)))
        #expect(try String(contentsOfFile: dir.file("ego.dot"), encoding: .utf8).hasPrefix("digraph sightline {"))
        #expect(try ProtectiveLanguage.matches(in: text + runSightline(["render", "--help"]).stdout) == [])
        // Inferred co-presence, dotted and explained; sizes by a centrality, written in the source.
        let co = try runSightline(["render", "ego", "Darren Quillfeather", "--db", db, "--copresence", "3", "-o", dir.file("co.svg")])
        #expect(co.status == 0, "\(co.stderr)")
        let coText = try String(contentsOfFile: dir.file("co.svg"), encoding: .utf8)
        #expect(coText.contains("stroke-dasharray=\"1,5\"") && coText.contains("inferred: together") && coText.contains("inferred co&#45;presence"))
        #expect(!text.contains("inferred: together"), "co-presence drawn without being asked for")
        let sized = try runSightline(["render", "ego", "Darren Quillfeather", "--db", db, "--size-by", "pagerank", "-o", dir.file("sized.dot")])
        #expect(sized.status == 0, "\(sized.stderr)")
        #expect(try String(contentsOfFile: dir.file("sized.dot"), encoding: .utf8).contains("Size of adults and places: pagerank"))
        let badSize = try runSightline(["render", "ego", "E1", "--db", db, "-o", dir.file("x.svg"), "--size-by", "fame"])
        #expect(badSize.status == 2)
        let bad = try runSightline(["render", "ego", "E1", "--db", db, "-o", dir.file("x.svg"), "--engine", "circus"])
        #expect(bad.status == 2 && bad.stderr.contains("--engine must be one of dot, neato, sfdp"))
    }

    @Test("--pseudonymise leaves no name or identifier in the picture")
    func pseudonymised() throws {
        let r = try runSightline(["render", "ego", "Darren Quillfeather", "--db", db, "--pseudonymise", "-o", dir.file("p.svg")])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: dir.file("p.svg"), encoding: .utf8)
        for real in ["Quillfeather", "Mallowby", "Marblewood", "+4477", "WX19KPQ", "Anchorage"] { #expect(!text.contains(real), "\(real) shown") }
        #expect(text.contains("Person P&#45;") && text.contains("Child C&#45;") && text.contains("Place L&#45;")) // SVG writes "-" as &#45;
        // The same store, seed and options give the same bytes.
        _ = try runSightline(["render", "ego", "Darren Quillfeather", "--db", db, "--pseudonymise", "-o", dir.file("q.svg")])
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("q.svg"))) == Data(contentsOf: URL(fileURLWithPath: dir.file("p.svg"))))
    }

    @Test("path, connect, cluster and overview render; the overview collapses its clusters above the threshold")
    func otherViews() throws {
        func svg(_ args: [String], _ file: String) throws -> String {
            let r = try runSightline(["render"] + args + ["--db", db, "-o", dir.file(file)])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            let data = try Data(contentsOf: URL(fileURLWithPath: dir.file(file)))
            #expect(XMLParser(data: data).parse(), "\(file) is not XML")
            return String(decoding: data, as: UTF8.self)
        }
        let path = try svg(["path", "Darren Quillfeather", "person:lccs/C-2216"], "path.svg")
        #expect(path.contains("Darren Quillfeather") && path.contains("1 shortest path of 2 links"))
        let connect = try svg(["connect", "Callum Mallowby", "Elliot Junipercott", "Darren Quillfeather"], "connect.svg")
        #expect(connect.contains("Callum Mallowby") && connect.contains("Elliot Junipercott"))
        let cluster = try svg(["cluster", "Darren Quillfeather"], "cluster.svg")
        #expect(cluster.contains("Darren Quillfeather") && cluster.contains("Cluster "))
        let full = try svg(["overview"], "overview.svg")
        #expect(full.contains("The network: 193 linked entities") && full.contains("Callum Mallowby"))
        let collapsed = try svg(["overview", "--threshold", "50"], "collapsed.svg")
        #expect(collapsed.contains("193 linked entities in") && collapsed.contains("children at risk"))
        #expect(!collapsed.contains("Callum Mallowby"), "a collapsed overview names no one")
        let fewer = try svg(["overview", "--threshold", "10", "--resolution", "20"], "fewer.svg")
        #expect(fewer.contains("smaller clusters"))
        #expect(ProtectiveLanguage.matches(in: path + connect + cluster + collapsed + fewer) == [])
        let none = try runSightline(["render", "cluster", "999", "--db", db, "-o", dir.file("x.svg")])
        #expect(none.status == 4 && none.stderr.contains("there is no cluster 999"))
    }

    @Test("the hotspot view shows the people at a planted hotel with dates; the timeline a child's chronology")
    func hotspotAndTimeline() throws {
        let hot = try runSightline(["render", "hotspot", "location:uprn/900000000017", "--db", db, "-o", dir.file("hot.svg")])
        #expect(hot.status == 0, "\(hot.stderr)")
        let h = try String(contentsOfFile: dir.file("hot.svg"), encoding: .utf8)
        #expect(XMLParser(data: Data(h.utf8)).parse())
        #expect(h.contains("Who was recorded at The Anchorage Hotel") && h.contains("children at risk"))
        #expect(h.contains("Darren Quillfeather") && h.range(of: #"\d+×: 20\d\d&#45;\d\d&#45;\d\d"#, options: .regularExpression) != nil) // SVG writes "-" as &#45;
        let notPlace = try runSightline(["render", "hotspot", "Darren Quillfeather", "--db", db, "-o", dir.file("x.svg")])
        #expect(notPlace.status == 4 && notPlace.stderr.contains("not a place"))

        let time = try runSightline(["render", "timeline", "person:lccs/C-2201", "--db", db, "--limit", "20", "-o", dir.file("time.svg")])
        #expect(time.status == 0, "\(time.stderr)")
        let t = try String(contentsOfFile: dir.file("time.svg"), encoding: .utf8)
        #expect(XMLParser(data: Data(t.utf8)).parse())
        #expect(t.contains("Chronology of Zoë Marblewood") && t.contains("missing from") && t.contains("found at"))
        // Dates read like text, left to right in rows from the top: in that order they rise.
        let dates = t.matches(of: /<text[^>]*x="([0-9.]+)" y="([0-9.-]+)"[^>]*>(20\d\d&#45;\d\d&#45;\d\d)[^<]*<\/text>/)
            .map { (x: Double($0.output.1)!, y: Double($0.output.2)!, date: String($0.output.3)) }
        #expect(dates.count >= 10)
        let rows = Set(dates.map(\.y)).count
        #expect(rows == 4, "20 events in rows of 6 make 4 rows, not \(rows)")
        #expect(dates.sorted { ($0.y, $0.x) < ($1.y, $1.x) }.map(\.date) == dates.map(\.date).sorted())
        let oneRow = try runSightline(["render", "timeline", "person:lccs/C-2201", "--db", db, "--limit", "20", "--per-row", "20", "-o", dir.file("row.svg")])
        #expect(oneRow.status == 0)
        let r = try String(contentsOfFile: dir.file("row.svg"), encoding: .utf8)
        #expect(Set(r.matches(of: /<text[^>]*x="[0-9.]+" y="([0-9.-]+)"[^>]*>20\d\d&#45;/).map { String($0.output.1) }).count == 1)
        let pseudo = try runSightline(["render", "timeline", "person:lccs/C-2201", "--db", db, "--pseudonymise", "-o", dir.file("p.svg")])
        #expect(pseudo.status == 0)
        let pt = try String(contentsOfFile: dir.file("p.svg"), encoding: .utf8)
        for real in ["Marblewood", "Quillfeather", "Anchorage"] { #expect(!pt.contains(real), "\(real) shown") }
        #expect(ProtectiveLanguage.matches(in: h + t) == [])
    }
}
