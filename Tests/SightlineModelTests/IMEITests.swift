import Testing
@testable import SightlineModel

/// IMEIs canonical as the 14-digit TAC and serial. Check digits were worked by hand with the Luhn
/// rule and checked with a separate Python implementation; 490154203237518 is the example IMEI
/// from the GSMA/Wikipedia description of the check digit.
struct IMEITests {
    @Test(arguments: [
        "35209900176148",            // 14 digits: no check digit
        "352099001761481",           // 15 digits: check digit 1 verified
        "3520990017614823",          // 16 digits: IMEISV (software version 23), no check digit
        "35-209900-176148-1",        // as formats.md writes it
        "35 209900 176148 1",
        "35/209900/176148/1",
        "35.209900.176148.1",
        "35-209900-176148-23",
    ])
    func sameHandset(text: String) throws {
        #expect(try IMEI.normalise(text) == "35209900176148")
    }

    @Test func wikipediaExample() throws {
        #expect(IMEI.luhnCheckDigit([4, 9, 0, 1, 5, 4, 2, 0, 3, 2, 3, 7, 5, 1]) == 8)
        #expect(try IMEI.normalise("49-015420-323751-8") == "49015420323751")
        #expect(throws: IMEI.ParseError.checkDigit) { try IMEI.normalise("490154203237519") }
    }

    @Test(arguments: [
        ([3, 5, 2, 0, 9, 9, 0, 0, 1, 7, 6, 1, 4, 8], 1),
        ([3, 5, 6, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4], 0),
        ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0),
        ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 8),   // 1 doubled = 2 -> 10 - 2
        ([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5], 9),   // 5 doubled = 10 -> 1 -> 10 - 1
    ])
    func luhn(digits: [Int], check: Int) {
        #expect(IMEI.luhnCheckDigit(digits) == check)
    }

    // The last has two digits transposed (76 -> 67), which the Luhn check catches.
    @Test(arguments: ["352099001761480", "352099001761482", "352099001761489", "352099001671481"])
    func badCheckDigitRejected(text: String) {
        #expect(throws: IMEI.ParseError.checkDigit) { try IMEI.normalise(text) }
    }

    @Test(arguments: [("3520990017614", 13), ("35209900176148234", 17), ("", 0), ("- -", 0), ("1", 1)])
    func wrongLength(text: String, count: Int) {
        #expect(throws: IMEI.ParseError.wrongLength(count)) { try IMEI.normalise(text) }
    }

    @Test(arguments: [("35209900176148A", Character("A")), ("IMEI 352099001761481", "I"), ("35209900176148_1", "_"),
                      ("３5209900176148", "３"), ("35209900176148\t", "\t")])
    func invalidCharacters(text: String, bad: Character) {
        #expect(throws: IMEI.ParseError.invalidCharacter(bad)) { try IMEI.normalise(text) }
    }
}
