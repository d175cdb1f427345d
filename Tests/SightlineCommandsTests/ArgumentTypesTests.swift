@testable import SightlineCommands
import SightlineModel
import Testing

/// The one type each for dates, grade thresholds and comma lists that every command's options use.
@Suite("argument types")
struct ArgumentTypesTests {
    @Test("a date is a real calendar day written YYYY-MM-DD; anything else names the option and the form")
    func days() throws {
        #expect(try DayArgument("2024-03-04", option: "--as-of").text == "2024-03-04")
        for bad in ["2024", "2024-03", "~2024-03-04", "2024-02-30", "31/02/2024", "June", "2024-03-04T10:00", ""] {
            #expect(throws: (any Error).self, "\(bad)") { _ = try DayArgument(bad, option: "--as-of") }
        }
        #expect(Sightline.message(for: { try DayArgument("June", option: "--since") }) == "--since must be a date YYYY-MM-DD, a real calendar day (got \"June\")")
    }

    @Test("a grade threshold is a source 1 to 3 and an assessment A to E")
    func grades() throws {
        let g = try GradeThreshold("2b")
        #expect(g.source == 2 && g.assessment == "B")
        for bad in ["4A", "2F", "B2", "2BP", "", "22"] {
            #expect(throws: (any Error).self, "\(bad)") { _ = try GradeThreshold(bad) }
        }
    }

    @Test("a comma list is checked word by word against its vocabulary, which the message lists")
    func lists() throws {
        #expect(try CommaList<Agency>("police, social_care", option: "--agencies", what: "agenc(ies)").set == [.police, .socialCare])
        #expect(Sightline.message(for: { try CommaList<Agency>("police,fbi", option: "--agencies", what: "agenc(ies)") })
            .hasPrefix("--agencies: unknown agenc(ies) fbi; choose from police, social_care"))
        #expect(throws: (any Error).self) { _ = try CommaList<LinkType>(",", option: "--link-types", what: "link type(s)") }
    }

    @Test("every date option of every command refuses a year alone, exit 2", arguments: [
        ["ego", "E1", "--as-of"], ["ego", "E1", "--from"], ["ego", "E1", "--until"], ["disrupt", "people", "--since"],
        ["disrupt", "people", "--as-of"], ["missing", "brief", "E1", "--as-of"], ["trawl", "missing", "--until"],
        ["notices", "record", "cawn", "--subject", "E1", "--issued"],
    ])
    func everyDateOption(_ args: [String]) throws {
        #expect(SightlineMain.execute(args + ["2024", "--db", "/nonexistent/s.sqlite"]) == 2)
    }
}

extension Sightline {
    /// The message of the error `body` throws ("" when it throws none).
    static func message(for body: () throws -> Any) -> String {
        do { _ = try body(); return "" } catch { return "\(error)" }
    }
}
