import Testing

@testable import AnnotextCore

/// Abbreviations, initials and several-period forms inside and at the end of sentences.
@Suite struct SegmentAbbreviationTests {
    @Test func keepsTitleBeforeName() {
        #expect(SegmentFixture.texts("Mr. Smith met Dr. Jones and Prof. Lee. Gen. Marshall agreed.")
            == ["Mr. Smith met Dr. Jones and Prof. Lee.", "Gen. Marshall agreed."])
    }

    @Test func keepsLatinAbbreviationInsideSentence() {
        #expect(SegmentFixture.texts("Small states, e.g. Belgium, i.e. neutral ones, cf. Luxembourg, joined. Others did not.")
            == ["Small states, e.g. Belgium, i.e. neutral ones, cf. Luxembourg, joined.", "Others did not."])
    }

    @Test func keepsOpCitAndEtAl() {
        #expect(SegmentFixture.texts("See Carr, op. cit. p. 12, and Keohane et al. on regimes. The debate continued.")
            == ["See Carr, op. cit. p. 12, and Keohane et al. on regimes.", "The debate continued."])
    }

    @Test func keepsReferenceBeforeNumber() {
        let text = "Under Art. 5 and No. 3 of para. 2, Vol. II says so on pp. 12–14. It was signed on Jan. 5 in ch. 7."
        #expect(SegmentFixture.texts(text)
            == ["Under Art. 5 and No. 3 of para. 2, Vol. II says so on pp. 12–14.", "It was signed on Jan. 5 in ch. 7."])
    }

    @Test func endsAtReferenceWordBeforeCapital() {
        #expect(SegmentFixture.texts("He said no. Nobody listened.") == ["He said no.", "Nobody listened."])
    }

    @Test func keepsSingleInitials() {
        #expect(SegmentFixture.texts("Dwight D. Eisenhower and E. H. Carr wrote about it.")
            == ["Dwight D. Eisenhower and E. H. Carr wrote about it."])
    }

    @Test func keepsMultiPeriodAbbreviationInsideSentence() {
        #expect(SegmentFixture.texts("The U.S. alliance system and U.N. forces met U.K. troops. The U.S.-led coalition won.")
            == ["The U.S. alliance system and U.N. forces met U.K. troops.", "The U.S.-led coalition won."])
    }

    @Test func endsAtMultiPeriodAbbreviationWhenNewSentenceFollows() {
        #expect(SegmentFixture.texts("I live in the U.S. How about you?") == ["I live in the U.S.", "How about you?"])
        #expect(SegmentFixture.texts("The veto belongs to the U.N. The Council decides.")
            == ["The veto belongs to the U.N.", "The Council decides."])
    }

    @Test func keepsMultiPeriodAbbreviationBeforeName() {
        #expect(SegmentFixture.texts("I work for the U.S. Government in Virginia.")
            == ["I work for the U.S. Government in Virginia."])
    }

    @Test func keepsJuniorBeforeComma() {
        #expect(SegmentFixture.texts("Claude Jr., notes that the idea is old. It is.")
            == ["Claude Jr., notes that the idea is old.", "It is."])
    }

    @Test func endsAtOrdinaryAbbreviationBeforeSentenceStarter() {
        #expect(SegmentFixture.texts("They closed the deal with Pitt, Briggs & Co. It closed yesterday.")
            == ["They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."])
    }

    @Test func usesCustomAbbreviationList() {
        let list = AbbreviationList(files: ["titles.txt": "# titles\nAmb.\n", "extra.txt": "Org. # org\n"])
        let segmenter = SentenceSegmenter(abbreviations: list)
        let text = "We met Amb. Smith of the Org. for Peace."
        #expect(segmenter.sentences(in: Document(name: "t", text: text)).count == 1)
        #expect(SentenceSegmenter(abbreviations: AbbreviationList(texts: [])).sentences(in: Document(name: "t", text: text)).count == 2)
    }
}
