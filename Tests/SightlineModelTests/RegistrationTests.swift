import Testing
@testable import SightlineModel

/// Vehicle registration marks: upper case, letters and digits only, at most 8 of them.
struct RegistrationTests {
    @Test(arguments: [
        ("ab12 cde", "AB12CDE"), ("WX09 ABC", "WX09ABC"), ("wx09abc", "WX09ABC"), ("wx09-abc", "WX09ABC"),
        (" WX19 KQP ", "WX19KQP"), ("\tA 1\t", "A1"), ("A123 BCD", "A123BCD"), ("1 ABC", "1ABC"),
        ("ABCD EFGH", "ABCDEFGH"), ("w x 0 9 a b c", "WX09ABC"),
    ])
    func normalised(text: String, expected: String) throws {
        #expect(try Registration.normalise(text) == expected)
    }

    @Test(arguments: ["", " ", " - \t"])
    func empty(text: String) {
        #expect(throws: Registration.ParseError.empty) { try Registration.normalise(text) }
    }

    @Test(arguments: [("AB12 CD!", Character("!")), ("ÅB12 CDE", "Å"), ("AB.12", "."), ("AB12_CDE", "_"),
                      ("AB12\nCDE", "\n"), ("ＡB12", "Ａ"), ("AB12/CDE", "/")])
    func invalidCharacters(text: String, bad: Character) {
        #expect(throws: Registration.ParseError.invalidCharacter(bad)) { try Registration.normalise(text) }
    }

    @Test(arguments: [("ABCDEFGHI", 9), ("AB12 CDE FG", 9), ("1234567890", 10)])
    func tooLong(text: String, count: Int) {
        #expect(throws: Registration.ParseError.tooLong(count)) { try Registration.normalise(text) }
    }

    @Test func asIdentifier() throws {
        #expect(try StrongIdentifier(parsing: "vehicle:wx09 abc") == StrongIdentifier(parsing: "vehicle:WX09ABC"))
        #expect(try StrongIdentifier(parsing: "vehicle:wx09 abc").description == "vehicle:WX09ABC")
    }
}
