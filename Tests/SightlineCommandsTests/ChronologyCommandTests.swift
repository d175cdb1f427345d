import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SightlineTestSupport
import Testing

/// `sightline chronology CHILD` on a hand-built network (Fixtures/chronology.jsonl) with one of
/// every record type: a care period, links both ways, a missing episode, a non-consent, a warning
/// notice and a sighting after it, and an agency summary that uses two phrases of the
/// protective-language list.
@Suite("chronology", .serialized)
struct ChronologyCommandTests {
    let dir = TemporaryDirectory("chronology")
    var db: String { dir.file("c.sqlite") }
    static let fixture = PackagePaths.root + "/Tests/SightlineCommandsTests/Fixtures/chronology.jsonl"
    let env = ["SIGHTLINE_TODAY": "2025-01-31"]

    init() throws {
        let r = try runSightline(["ingest", Self.fixture, "--db", dir.file("c.sqlite")])
        guard r.status == 0 else { throw TestSupportError(r.stderr) }
    }

    func lines(_ extra: [String] = []) throws -> [[String: Any]] {
        let r = try runSightline(["chronology", "Ada Testchild", "--db", db, "--format", "json"] + extra, environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return o?["lines"] as? [[String: Any]] ?? []
    }

    @Test("every record type appears, in date order, each line with its agency, reference, recorded day, grade and handling")
    func everyRecordType() throws {
        let l = try lines()
        #expect(Set(l.compactMap { $0["kind"] as? String }) == ["care", "link", "missing", "non-consent", "notice", "breach"])
        let dates = l.compactMap { $0["date"] as? String }
        #expect(dates == dates.sorted())
        for line in l {
            for key in ["agency", "reference", "recorded", "grade", "handling"] { #expect((line[key] as? String)?.isEmpty == false, "\(key): \(line)") }
        }
        let texts = l.compactMap { $0["text"] as? String }
        #expect(texts.contains("Ada Testchild missing from Fernhill House for 12 h 30 min; found at Harbour Lights Hotel; found with Brent Fictitious"))
        #expect(texts.contains("looked after by Testshire County Council"))
        #expect(texts.contains("Child Abduction Warning Notice issued to Brent Fictitious about Ada Testchild"))
        #expect(texts.contains("after the Child Abduction Warning Notice of 2024-04-01: Brent Fictitious was seen with Ada Testchild"))
        // Only the sighting after the notice is a breach, not the one before it.
        #expect(l.filter { $0["kind"] as? String == "breach" }.compactMap { $0["reference"] as? String } == ["CH-P-07"])
        let c = l.first { $0["reference"] as? String == "CH-S-02" }
        #expect(c?["handling"] as? String == "C" && c?["conditions"] as? String == "Share only within the MACE panel")
    }

    @Test("the adult is the actor of every line that names the adult and the child, however the link was recorded")
    func adultActs() throws {
        let texts = try lines().compactMap { $0["text"] as? String }.filter { $0.contains("Brent Fictitious") && $0.contains("Ada Testchild") }
        #expect(texts.count >= 6)
        for t in texts where !t.hasPrefix("Ada Testchild missing") {
            #expect(t.range(of: "Brent Fictitious")!.lowerBound < t.range(of: "Ada Testchild")!.lowerBound, "\(t)")
        }
        // Recorded from the child to the adult, written with the adult first.
        #expect(texts.contains("Brent Fictitious was seen with Ada Testchild"))
    }

    @Test("a summary's protective-language phrases are flagged with what to say instead, and the agency's words are left as written")
    func languageFlagged() throws {
        let line = try lines(["--summaries"]).first { $0["reference"] as? String == "CH-S-02" }
        #expect(line?["summary"] as? String == "Worker notes Ada is putting herself at risk and is promiscuous; the man she calls B pays for her phone.")
        let flags = line?["language"] as? [[String: String]] ?? []
        #expect(flags.map { $0["asWritten"] ?? "" } == ["putting herself at risk", "promiscuous"])
        #expect(flags.allSatisfy { !($0["sayInstead"] ?? "").isEmpty })
        // Without --summaries there are neither summaries nor flags.
        let bare = try lines().first { $0["reference"] as? String == "CH-S-02" }
        #expect(bare?["summary"] == nil && bare?["language"] == nil)
    }

    @Test("gaps: more than 28 days after one agency's record with nothing from any other agency, each silence once (worked by hand)")
    func gaps() throws {
        let r = try runSightline(["chronology", "Ada Testchild", "--db", db, "--format", "json"], environment: env)
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let gaps = (o?["patterns"] as? [String: Any])?["gaps"] as? [[String: Any]] ?? []
        // social_care 2023-06-01 to police 2024-01-11 (224 days); social_care 2024-02-01 to police
        // 2024-03-03 (31); police 2024-04-01 to the newest item, 2024-05-06, with no other agency (35).
        #expect(gaps.map { "\($0["item"] ?? "") \($0["from"] ?? "") \($0["until"] ?? "-") \($0["days"] ?? "")" }
                == ["social_care/CH-S-03 2023-06-01 2024-01-11 224", "social_care/CH-S-02 2024-02-01 2024-03-03 31", "police/CH-P-05 2024-04-01 - 35"])
    }

    @Test("--from and --until choose the lines; a person who is not a child has no chronology")
    func windowAndChildOnly() throws {
        let l = try lines(["--from", "2024-03-01", "--until", "2024-04-30"])
        #expect(l.compactMap { $0["kind"] as? String } == ["missing", "link", "link", "non-consent", "notice"])
        let adult = try runSightline(["chronology", "Brent Fictitious", "--db", db], environment: env)
        #expect(adult.status != 0 && adult.stderr.contains("not a child"))
    }

    @Test("for mace_partner: the C-handled line is withheld, references are minted, no summary goes, and the run is logged")
    func partner() throws {
        let r = try runSightline(["chronology", "Ada Testchild", "--db", db, "--format", "json", "--summaries",
                                  "--audience", "mace_partner", "--purpose", "MACE panel", "--recipient", "chair"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("CH-S-02") && !r.stdout.contains("promiscuous") && !r.stdout.contains("MACE panel\""))
        #expect(!r.stdout.contains("\"reference\" : \"CH-") && r.stdout.contains("\"reference\" : \"D"))
        #expect(r.stderr.contains("summaries are source details"))
        let log = try runSightline(["audit", "show", "--db", db, "--audience", "mace_partner", "--format", "json"], environment: env)
        #expect(log.stdout.contains("chronology"))
    }

    @Test("--format html: one printable page, well-formed XML, every line and its item, the patterns, the flags and the handling marking")
    func htmlPage() throws {
        let file = dir.file("ada.html")
        let r = try runSightline(["chronology", "Ada Testchild", "--db", db, "--format", "html", "--summaries", "-o", file], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOfFile: file, encoding: .utf8)
        let parser = XMLParser(data: Data(page.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        let json = try lines(["--summaries"])
        for l in json { #expect(page.contains(">\(l["reference"] as? String ?? "-")<"), "\(l)") }
        #expect(page.contains("Patterns and triggers") && page.contains("missing episodes by weekday"))
        // A C-handled item is among the lines: the marking on every page says so, with its condition.
        #expect(page.contains("@top-center { content: \"Handling C, P: contains items handled C"))
        #expect(page.contains("Share only within the MACE panel"))
        #expect(page.contains("&quot;putting herself at risk&quot;: say"))
        #expect(!page.contains("<script") && !page.contains("src=\"http"))
    }
}
