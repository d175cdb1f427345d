import Testing
import SightlineModel

/// The protective-language list: every phrase is found in a sentence that uses it, carries what to
/// say instead, and leaves clean text (and the legal term "non-consent") alone.
struct ProtectiveLanguageTests {
    /// One sentence per phrase, written the way blaming records put it.
    static let samples: [String: String] = [
        "putting themselves at risk": "Records say she was Putting Herself At Risk by going to the flat.",
        "making choices": "He is making his own choices about who he sees.",
        "lifestyle choice": "Staff called it a lifestyle choice.",
        "promiscuous": "Described as promiscuous by a worker.",
        "sexually active": "The girl is sexually active.",
        "consenting": "The record says the child consented to going with him.",
        "child prostitution": "An old file calls it child prostitution.",
        "child sex worker": "Referred to as a child sex worker.",
        "older boyfriend or girlfriend": "She has an older boyfriend who drives a van.",
        "in a relationship with": "She is in a relationship with a 24-year-old.",
        "streetwise": "He is street-wise for his age.",
        "risk-taking behaviour": "Concerns about risk-taking behaviour.",
        "engaging in sexual activity": "Was engaging in sexual activity at the address.",
        "exchanging sex": "Reported to be trading sex for cigarettes.",
        "child pornography": "Seized devices held child pornography.",
        "drug runner": "Known locally as a drug runner.",
        "recruiting others": "Suspected of recruiting other children at school.",
        "absconding": "Absconded from placement overnight.",
        "unauthorised absence": "Logged as an unauthorized absence.",
    ]

    @Test("every phrase has a sample sentence, and each sentence is found")
    func everyPhraseMatchesItsSample() throws {
        #expect(Set(Self.samples.keys) == Set(ProtectiveLanguage.phrases.map(\.name)))
        for phrase in ProtectiveLanguage.phrases {
            let sentence = try #require(Self.samples[phrase.name], "no sample for \(phrase.name)")
            let found = ProtectiveLanguage.matches(in: sentence)
            #expect(found.contains { $0.phrase == phrase.name }, "\(phrase.name) not found in: \(sentence)")
        }
    }

    @Test("the match reports the text as written and what to say instead")
    func matchCarriesTextAndAlternative() {
        let found = ProtectiveLanguage.matches(in: "Earlier notes say she was Putting Herself At Risk.")
        #expect(found.count == 1)
        #expect(found.first?.matched == "Putting Herself At Risk")
        #expect(found.first?.phrase == "putting themselves at risk")
        #expect(found.first?.sayInstead.contains("adults") == true)
    }

    @Test("every phrase says what to write instead, and names are unique")
    func alternativesArePresent() {
        for p in ProtectiveLanguage.phrases {
            #expect(!p.sayInstead.trimmingCharacters(in: .whitespaces).isEmpty, "\(p.name)")
            #expect(!p.pattern.isEmpty, "\(p.name)")
            // No alternative may itself use a phrase to avoid.
            #expect(ProtectiveLanguage.matches(in: p.sayInstead) == [], "\(p.name)")
        }
        #expect(Set(ProtectiveLanguage.phrases.map(\.name)).count == ProtectiveLanguage.phrases.count)
    }

    @Test("clean text passes", arguments: [
        "",
        "Darren Quillfeather was found with the child on two missing episodes; the child is at risk of being exploited.",
        "The adult drove the child to the flat. The child was missing from placement for two nights.",
        "Disruption list: locations ranked by children linked and suspects present.",
        "A parent's non-consent is recorded (item social_care/LCS-00041).",
    ])
    func cleanTextPasses(text: String) {
        #expect(ProtectiveLanguage.matches(in: text) == [])
    }

    @Test("the legal term non-consent is never flagged", arguments: [
        "non-consent", "Non-consent recorded", "Record of non-consent: the mother does not consent to any contact.",
        "NON-CONSENT", "nonConsentRecorded", "the authority's consent was not given",
    ])
    func nonConsentPasses(text: String) {
        #expect(ProtectiveLanguage.matches(in: text) == [])
    }

    @Test("every occurrence is reported, in order")
    func everyOccurrence() {
        let found = ProtectiveLanguage.matches(in: "absconded on Monday, absconding again on Friday")
        #expect(found.map(\.matched) == ["absconded", "absconding"])
    }
}
