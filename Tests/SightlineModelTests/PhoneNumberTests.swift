import Testing
@testable import SightlineModel

/// Phone numbers to E.164 from the spellings agencies write. Numbers are in Ofcom's drama ranges
/// (07700 900xxx, 01632 960xxx, 020 7946 0xxx) and the North American 555-01xx fictional range.
struct PhoneNumberTests {
    @Test(arguments: [
        "07700 900123", "+44 (0)7700 900123", "447700900123", "0044 7700 900123", "07700-900-123", "(07700) 900123",
        "07700900123", "+447700900123", "+44 7700 900123", "+44 07700 900123", "0044 (0)7700 900123", "7700900123",
        "07700.900.123", "07700/900123", "\t07700 900123 ", "07700\u{00A0}900123", "44 7700 900123", "+44-7700-900-123",
        "(0)7700 900123",
    ])
    func ukMobileSpellings(text: String) throws {
        #expect(try PhoneNumber.normalise(text) == "+447700900123")
    }

    @Test(arguments: [
        ("01632 960123", "+441632960123"),
        ("020 7946 0123", "+442079460123"),
        ("+44 20 7946 0123", "+442079460123"),
        ("01632 96012", "+44163296012"),        // 9-digit national numbers exist (some area codes)
        ("44163296012", "+44163296012"),
        ("+1 202 555 0143", "+12025550143"),     // other countries kept with +
        ("001 202 555 0143", "+12025550143"),    // or with 00
        ("+353 1 555 0143", "+35315550143"),
        ("+33 1 23 45 67 89", "+33123456789"),
    ])
    func otherNumbers(text: String, e164: String) throws {
        #expect(try PhoneNumber.normalise(text) == e164)
    }

    @Test(arguments: [
        ("07700 9001AB", Character("A")), ("tel:07700900123", "t"), ("07700 900123 ext 2", "e"),
        ("07700_900123", "_"), ("+44 7700 900123 +", "+"), ("07700 900123#", "#"), ("O77OO 9OO123", "O"),
        ("07700\n900123", "\n"),
    ])
    func lettersAndSymbolsRejected(text: String, bad: Character) {
        #expect(throws: PhoneNumber.ParseError.invalidCharacter(bad)) { try PhoneNumber.normalise(text) }
    }

    @Test(arguments: ["", " ", "+", "() -", "(0)"])
    func noDigits(text: String) {
        #expect(throws: PhoneNumber.ParseError.noDigits) { try PhoneNumber.normalise(text) }
    }

    @Test(arguments: [
        ("12345", 5),                 // bare digits that are no known shape
        ("07700 9001", 8),            // UK national part too short
        ("07700 9001234", 11),        // UK national part too long
        ("+44 7700 9001", 8),
        ("0", 0),
        ("+1 202", 4),                // international too short (< 8)
        ("+1234567890123456", 16),    // international too long (> 15)
        ("123456789012", 12),
    ])
    func wrongLength(text: String, digits: Int) {
        #expect(throws: PhoneNumber.ParseError.wrongLength(digits: digits)) { try PhoneNumber.normalise(text) }
    }

    @Test func equivalentSpellingsAreOneIdentifier() throws {
        let a = try StrongIdentifier(parsing: "phone:07700 900123")
        let b = try StrongIdentifier(parsing: "phone:+44 (0)7700 900123")
        #expect(a == b)
        #expect(a.description == "phone:+447700900123")
    }

    @Test func descriptions() {
        #expect(PhoneNumber.ParseError.invalidCharacter("x").description == "a phone number cannot contain \"x\"")
        #expect(PhoneNumber.ParseError.wrongLength(digits: 8).description.contains("found 8"))
    }
}
