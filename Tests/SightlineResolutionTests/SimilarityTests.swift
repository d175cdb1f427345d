import SightlineResolution
import Testing

/// Reference values: Jaro-Winkler from Winkler (1990) and the examples reproduced in every
/// implementation since (tolerance 1e-3, as published to three places); Soundex codes from the
/// US National Archives' rules (h and w do not separate letters with the same code).
struct SimilarityTests {
    @Test(arguments: [
        ("martha", "marhta", 0.961), ("dwayne", "duane", 0.840), ("dixon", "dicksonx", 0.813),
        ("abc", "abc", 1.0), ("abc", "xyz", 0.0), ("", "", 1.0), ("a", "", 0.0),
    ])
    func jaroWinklerReference(a: String, b: String, expected: Double) {
        #expect(abs(jaroWinkler(a, b) - expected) < 1e-3)
        #expect(abs(jaroWinkler(b, a) - expected) < 1e-3) // symmetric
    }

    @Test func diceByHand() {
        // "night"/"nacht": pairs ni ig gh ht / na ac ch ht: one shared of 4 + 4 -> 2/8.
        #expect(diceBigrams("night", "nacht") == 0.25)
        #expect(diceBigrams("quillfeather", "quillfeather") == 1)
        // Repeated pairs count once each: "aaa" has aa twice, "aa" once -> 2*1/3.
        #expect(abs(diceBigrams("aaa", "aa") - 2.0 / 3.0) < 1e-12)
        #expect(diceBigrams("a", "a") == 1 && diceBigrams("a", "b") == 0)
    }

    @Test func compoundSurnamesAreToldApartButMisspellingsAreNot() {
        #expect(tokenSimilarity("rushybury", "rushycombe") < 0.78)
        #expect(tokenSimilarity("quillfeather", "quilfeather") > 0.92)
        #expect(tokenSimilarity("fallowgate", "falowgate") > 0.92)
    }

    @Test func nameSimilarityIgnoresOrderAndMatchesInitials() {
        #expect(nameSimilarity(["darren", "quillfeather"], ["quillfeather", "darren"]) == 1)
        #expect(nameSimilarity(["d", "quillfeather"], ["darren", "quillfeather"]) > 0.92)
        #expect(nameSimilarity([], ["x"]) == 0)
        // A middle name costs a little, not a match.
        let withMiddle = nameSimilarity(["darren", "quillfeather"], ["darren", "john", "quillfeather"])
        #expect(withMiddle > 0.95 && withMiddle < 1)
    }

    @Test(arguments: [
        ("robert", "R163"), ("rupert", "R163"), ("rubin", "R150"), ("ashcraft", "A261"), ("ashcroft", "A261"),
        ("tymczak", "T522"), ("pfister", "P236"), ("honeyman", "H555"), ("quillfeather", "Q413"), ("a", "A000"),
    ])
    func soundexReference(name: String, code: String) {
        #expect(soundex(name) == code)
    }
}
