import Testing

@testable import AnnotextCore

/// Ellipses, quotes and brackets after the final mark, `?!` and repeated marks.
@Suite struct SegmentPunctuationTests {
    @Test func endsAtEllipsisBeforeCapital() {
        #expect(Segment.texts("while adopting some America … The guarantee is firm.")
            == ["while adopting some America …", "The guarantee is firm."])
        #expect(Segment.texts("I never meant that.... She left the store.")
            == ["I never meant that....", "She left the store."])
    }

    @Test func keepsEllipsisBeforeLowerCase() {
        #expect(Segment.texts("I wasn’t really ... well, what I mean...see . . . what I'm saying.")
            == ["I wasn’t really ... well, what I mean...see . . . what I'm saying."])
    }

    @Test func keepsSpacedEllipsisBeforePronounI() {
        #expect(Segment.texts("the thing is . . . I didn’t mean it.") == ["the thing is . . . I didn’t mean it."])
    }

    @Test func endsAtFourDotEllipsisBeforeCapital() {
        #expect(Segment.texts("indicate the end with a period . . . . Next sentence.")
            == ["indicate the end with a period . . . .", "Next sentence."])
        #expect(Segment.texts("into compounds. . . . The practice was not abandoned. . . .")
            == ["into compounds.", ". . . The practice was not abandoned. . . ."])
    }

    @Test func keepsEllipsisInBrackets() {
        #expect(Segment.texts("\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55).")
            == ["\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."])
    }

    @Test func keepsClosingQuoteWithSentence() {
        #expect(Segment.texts("She turned to him, \"This is great.\" She held the book out.")
            == ["She turned to him, \"This is great.\"", "She held the book out."])
        #expect(Segment.texts("in the context of a “new world order,” of a revival. The UN met.")
            == ["in the context of a “new world order,” of a revival.", "The UN met."])
    }

    @Test func splitsQuotationHoldingSeveralSentences() {
        #expect(Segment.texts("He said: “We will not yield. We will fight.” Then he left.")
            == ["He said: “We will not yield.", "We will fight.”", "Then he left."])
    }

    @Test func keepsQuoteFollowedByLowerCase() {
        #expect(Segment.texts("She turned to him, 'This is great.' she said.")
            == ["She turned to him, 'This is great.' she said."])
    }

    @Test func keepsParentheticalSentenceInside() {
        #expect(Segment.texts("He teaches science (He previously worked for 5 years as an engineer.) at the local University.")
            == ["He teaches science (He previously worked for 5 years as an engineer.) at the local University."])
    }

    @Test func keepsClosingParenthesisWithSentence() {
        #expect(Segment.texts("The war ended (in 1945.) The peace began.")
            == ["The war ended (in 1945.)", "The peace began."])
    }

    @Test func endsAtRepeatedMarks() {
        #expect(Segment.texts("Hello!! Long time no see. Hello?! Is that you?? Yes.")
            == ["Hello!!", "Long time no see.", "Hello?!", "Is that you??", "Yes."])
        #expect(Segment.texts("founded on collective security.. In effect, it failed.")
            == ["founded on collective security..", "In effect, it failed."])
    }

    @Test func keepsExclamationInsideName() {
        #expect(Segment.texts("She works at Yahoo! in the accounting department.")
            == ["She works at Yahoo! in the accounting department."])
    }
}
