import Testing

@testable import AnnotextCore

/// Numbers, money, times, e-mail and web addresses, file names.
@Suite struct SegmentNumberAndAddressTests {
    @Test func keepsDecimalsAndMoney() {
        #expect(Segment.texts("The budget rose 14.2 percent to $1.4 billion in 2002. It fell later.")
            == ["The budget rose 14.2 percent to $1.4 billion in 2002.", "It fell later."])
    }

    @Test func endsAfterAmountOfMoney() {
        #expect(Segment.texts("She has $100.00. It is in her bag.") == ["She has $100.00.", "It is in her bag."])
    }

    @Test func keepsTimesInsideSentence() {
        #expect(Segment.texts("At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.")
            == ["At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."])
        #expect(Segment.texts("The vote came at 9 p.m. on Tuesday.") == ["The vote came at 9 p.m. on Tuesday."])
    }

    @Test func keepsEmailAddress() {
        #expect(Segment.texts("Write to Jane.Doe@example.com. I sent her an email.")
            == ["Write to Jane.Doe@example.com.", "I sent her an email."])
    }

    @Test func keepsWebAddress() {
        #expect(Segment.texts("See www.nato.int/cps/en/natohq/Topics.htm. The site is official.")
            == ["See www.nato.int/cps/en/natohq/Topics.htm.", "The site is official."])
        #expect(Segment.texts("The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.")
            == ["The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out."])
    }

    @Test func keepsFileNames() {
        #expect(Segment.texts("Open report.pdf and data.csv first. Then read notes.txt.")
            == ["Open report.pdf and data.csv first.", "Then read notes.txt."])
    }

    @Test func keepsNumberAfterPeriodThatIsNoSentenceEnd() {
        #expect(Segment.texts("You can find it at N°. 1026.253.553. That is where the treasure is.")
            == ["You can find it at N°. 1026.253.553.", "That is where the treasure is."])
    }

    @Test func keepsNoteNumberWithSentenceBefore() {
        #expect(Segment.texts("against states outside their own membership . 47 This distinguishes them.")
            == ["against states outside their own membership . 47", "This distinguishes them."])
    }
}
