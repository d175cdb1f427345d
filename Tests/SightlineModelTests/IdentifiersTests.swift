import Testing
@testable import SightlineModel

/// Typed identifiers: entity IDs as written in reports, and item citations `AGENCY/REFERENCE`.
struct IdentifiersTests {
    @Test(arguments: [("E123", Int64(123)), ("e7", 7), ("123", 123), ("E9223372036854775807", Int64.max)])
    func entityIDParses(text: String, value: Int64) {
        #expect(EntityID(parsing: text) == EntityID(value))
    }

    @Test(arguments: ["", "E", "E0", "0", "-5", "E-5", "E12x", " E1", "EE1", "E9223372036854775808", "P123"])
    func entityIDRejected(text: String) {
        #expect(EntityID(parsing: text) == nil)
    }

    @Test func entityIDWritingAndOrder() {
        #expect(EntityID(123).description == "E123")
        #expect(EntityID(parsing: EntityID(42).description) == EntityID(42))
        #expect(EntityID(2) < EntityID(10))
        #expect([EntityID(10), EntityID(2), EntityID(7)].sorted() == [EntityID(2), EntityID(7), EntityID(10)])
        #expect(ItemID(rawValue: 1) < ItemID(rawValue: 2))
    }

    @Test(arguments: [
        ("police/WX-24-000123", Agency.police, "WX-24-000123"),
        ("POLICE/WX-24-000123", .police, "WX-24-000123"),
        ("social_care/ LCS-88120 ", .socialCare, "LCS-88120"),
        ("licensing/a/b", .licensing, "a/b"),          // only the first / separates
        ("other/x", .other, "x"),
    ])
    func citations(text: String, agency: Agency, reference: String) throws {
        let ref = try #require(IntelRef(parsing: text))
        #expect(ref == IntelRef(agency: agency, reference: reference))
        #expect(ref.description == agency.rawValue + "/" + reference)
        #expect(IntelRef(parsing: ref.description) == ref)
    }

    @Test(arguments: ["", "police", "police/", "police/   ", "/WX-1", "fire/1", "socialcare/1", " police/1"])
    func citationsRejected(text: String) {
        #expect(IntelRef(parsing: text) == nil)
    }

    @Test func everyAgencyCites() {
        #expect(Agency.allCases.map(\.rawValue) == ["police", "social_care", "health", "education", "voluntary", "licensing", "housing", "other"])
        for a in Agency.allCases { #expect(IntelRef(parsing: a.rawValue + "/R-1") == IntelRef(agency: a, reference: "R-1")) }
    }

    @Test func trimmedWhitespace() {
        #expect(" \t\r\n x y \r\n".trimmedWhitespace() == "x y")
        #expect("x".trimmedWhitespace() == "x")
        #expect("   ".trimmedWhitespace() == "")
        #expect("\u{00A0}x\u{00A0}".trimmedWhitespace() == "\u{00A0}x\u{00A0}") // only ASCII space, tab and line breaks
    }
}
