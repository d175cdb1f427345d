import Testing
@testable import SightlineModel

/// Name folding for matching (never for identity).
struct NameFoldingTests {
    @Test(arguments: [
        ("SMITH, John", ["john", "smith"]),
        ("John Smith", ["john", "smith"]),
        ("O'Brien", ["obrien"]),
        ("O\u{2019}Brien", ["obrien"]),            // typographic apostrophe
        ("O`Brien", ["obrien"]),
        ("Amy-Lou FICTIONAL", ["amy", "lou", "fictional"]),
        ("  O'Brien-SMITH, Zoë ", ["zoe", "obrien", "smith"]),   // the example in the doc comment
        ("Zoë", ["zoe"]),
        ("Siân", ["sian"]),
        ("Łukasz", ["lukasz"]),
        ("Strauß", ["strauss"]),
        ("ÆTHELRED Þórsson", ["aethelred", "thorsson"]),
        ("Œuvre", ["oeuvre"]),
        ("Darren QUILLFEATHER", ["darren", "quillfeather"]),
        ("SMITH, John, Jr", ["john", "jr", "smith"]),
        ("John  Smith 2nd", ["john", "smith", "2nd"]),
        ("Иван Петров", ["иван", "петров"]),         // other alphabets lower-cased, kept
        ("", []),
        ("  ,  ", []),
        ("---", []),
    ])
    func tokens(name: String, expected: [String]) {
        #expect(NameFolding.tokens(name) == expected)
    }

    /// Text in decomposed form (NFD: a letter followed by a combining accent) folds like the
    /// precomposed form: the accent is dropped and does not split the name.
    @Test(arguments: [
        ("Zoe\u{0308}", "Zoë"),
        ("Sia\u{0302}n", "Siân"),
        ("Rene\u{0301}e O\u{0301}lafsdo\u{0301}ttir", "Renée Ólafsdóttir"),
    ])
    func decomposedAccents(decomposed: String, precomposed: String) {
        #expect(NameFolding.tokens(decomposed) == NameFolding.tokens(precomposed))
    }

    @Test func fold() {
        #expect(NameFolding.fold("SMITH, John") == "john smith")
        #expect(NameFolding.fold("Amy-Lou FICTIONAL") == "amy lou fictional")
        #expect(NameFolding.fold("Siân O'Brien") == "sian obrien")
    }

    @Test func keyIgnoresOrder() {
        #expect(NameFolding.key("John Smith") == "john smith")
        #expect(NameFolding.key("SMITH, John") == "john smith")
        #expect(NameFolding.key("Smith John") == "john smith")
        #expect(NameFolding.key("Zoë O'Brien") == "obrien zoe")
        #expect(NameFolding.key("O'BRIEN, Zoe") == "obrien zoe")
        #expect(NameFolding.key("Amy-Lou Fictional") == NameFolding.key("FICTIONAL, Lou Amy"))
        #expect(NameFolding.key("John Smith") != NameFolding.key("Jon Smith"))
    }
}
