import EdLintCore
@testable import EdLintRules
import EdLintTestSupport
import Testing

/// How words become the terms the paraphrase detector compares.
struct DocumentTermsTests {
    /// Term ids of each sentence-bearing block of `text`, read as plain text.
    func blocks(_ text: String, terms: DocumentTerms) -> [TermBlock] {
        let document = DocumentReader.parse(text, format: .plainText)
        return document.blocks.map { terms.analyze($0, source: document.source) }
    }

    @Test func acronymsSpelledLikeStopwordsAreContentAndDottedInitialsJoin() {
        let terms = DocumentTerms()
        let analysed = blocks("US troops left.\n\nU.S. troops left.\n\nThey told us the troops left.\n\nThe U.N. and the UN met.", terms: terms)
        #expect(analysed.count == 4)
        // "US" and "U.S." are one content term; the pronoun "us" is another, a stopword.
        #expect(analysed[0].terms == analysed[1].terms)
        #expect(analysed[0].contentTermCount == 3)
        let pronoun = Set(analysed[2].terms).subtracting(analysed[0].terms)
        #expect(pronoun.contains { terms.stems[Int($0)] == "us" && !terms.isContent[Int($0)] })
        #expect(!analysed[2].terms.contains { terms.stems[Int($0)] == "us." })
        // "U.N." and "UN" meet; "U.N." is not read as the letters "u" and "n".
        #expect(analysed[3].terms.filter { terms.stems[Int($0)] == "un" }.count == 1)
        #expect(!analysed[3].terms.contains { terms.stems[Int($0)] == "n" })
    }

    @Test func textAllInCapitalsHasNoAcronyms() {
        let terms = DocumentTerms()
        let analysed = blocks("TELL US WHAT HAPPENED.", terms: terms)
        #expect(analysed.first?.terms.contains { terms.stems[Int($0)] == "us" } == true)
        #expect(analysed.first?.terms.contains { terms.stems[Int($0)] == "us." } == false)
    }

    @Test func onlyNumbersThatBothGiveAndDisagreeMakeAPairDiffer() {
        let terms = DocumentTerms()
        let analysed = blocks(
            "Two soldiers were killed in the attack.\n\nA soldier was killed in the attack.\n\nThree soldiers were killed in the attack.",
            terms: terms)
        #expect(!ParaphraseRule.numbersDiffer(analysed[0], analysed[1], terms: terms))
        #expect(ParaphraseRule.numbersDiffer(analysed[0], analysed[2], terms: terms))
        #expect(!ParaphraseRule.numbersDiffer(analysed[0], analysed[0], terms: terms))
    }

    @Test func headlinesNamingTheCountryEitherWayAreCompared() throws {
        let text = "Clinton: US, Europe must do more against tyrants\n\nClinton: U.S., Europe Must Work to Defeat Tyrants\n"
        let diagnostics = try TestLint.diagnostics(text, format: .plainText, select: ["paraphrase"])
        #expect(diagnostics.count == 1)
    }
}
