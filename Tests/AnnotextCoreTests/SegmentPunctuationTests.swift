import Testing

@testable import AnnotextCore

/// Ellipses, quotes and brackets after the final mark, `?!` and repeated marks.
@Suite struct SegmentPunctuationTests {
    @Test func endsAtEllipsisBeforeCapital() {
        #expect(SegmentFixture.texts("while adopting some America … The guarantee is firm.")
            == ["while adopting some America …", "The guarantee is firm."])
        #expect(SegmentFixture.texts("I never meant that.... She left the store.")
            == ["I never meant that....", "She left the store."])
    }

    @Test func keepsEllipsisBeforeLowerCase() {
        #expect(SegmentFixture.texts("I wasn’t really ... well, what I mean...see . . . what I'm saying.")
            == ["I wasn’t really ... well, what I mean...see . . . what I'm saying."])
    }

    @Test func keepsSpacedEllipsisBeforePronounI() {
        #expect(SegmentFixture.texts("the thing is . . . I didn’t mean it.") == ["the thing is . . . I didn’t mean it."])
    }

    @Test func endsAtFourDotEllipsisBeforeCapital() {
        #expect(SegmentFixture.texts("indicate the end with a period . . . . Next sentence.")
            == ["indicate the end with a period . . . .", "Next sentence."])
        #expect(SegmentFixture.texts("into compounds. . . . The practice was not abandoned. . . .")
            == ["into compounds.", ". . . The practice was not abandoned. . . ."])
    }

    @Test func keepsEllipsisInBrackets() {
        #expect(SegmentFixture.texts("\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).")
            == ["\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."])
    }

    @Test func keepsClosingQuoteWithSentence() {
        #expect(SegmentFixture.texts("She turned to him, \"This is great.\" She held the book out.")
            == ["She turned to him, \"This is great.\"", "She held the book out."])
        #expect(SegmentFixture.texts("in the context of a “new world order,” of a revival. The UN met.")
            == ["in the context of a “new world order,” of a revival.", "The UN met."])
    }

    @Test func splitsQuotationHoldingSeveralSentences() {
        #expect(SegmentFixture.texts("He said: “We will not yield. We will fight.” Then he left.")
            == ["He said: “We will not yield.", "We will fight.”", "Then he left."])
    }

    @Test func keepsQuoteFollowedByLowerCase() {
        #expect(SegmentFixture.texts("She turned to him, 'This is great.' she said.")
            == ["She turned to him, 'This is great.' she said."])
    }

    @Test func keepsParentheticalSentenceInside() {
        #expect(SegmentFixture.texts("He teaches science (He previously worked for 5 years as an engineer.) at the local University.")
            == ["He teaches science (He previously worked for 5 years as an engineer.) at the local University."])
    }

    @Test func keepsClosingParenthesisWithSentence() {
        #expect(SegmentFixture.texts("The war ended (in 1945.) The peace began.")
            == ["The war ended (in 1945.)", "The peace began."])
    }

    @Test func endsAtRepeatedMarks() {
        #expect(SegmentFixture.texts("Hello!! Long time no see. Hello?! Is that you?? Yes.")
            == ["Hello!!", "Long time no see.", "Hello?!", "Is that you??", "Yes."])
        #expect(SegmentFixture.texts("founded on collective security.. In effect, it failed.")
            == ["founded on collective security..", "In effect, it failed."])
    }

    @Test func keepsExclamationInsideName() {
        #expect(SegmentFixture.texts("She works at Yahoo! in the accounting department.")
            == ["She works at Yahoo! in the accounting department."])
    }

    @Test func endsAtIdeographicFullStop() {
        #expect(SegmentFixture.texts("一、維持國際和平及安全。並為此目的：採取有效集體辦法。") == ["一、維持國際和平及安全。", "並為此目的：採取有效集體辦法。"])
    }
}
