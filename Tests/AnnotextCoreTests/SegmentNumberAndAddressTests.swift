import Testing

@testable import AnnotextCore

/// Numbers, money, times, e-mail and web addresses, file names.
@Suite struct SegmentNumberAndAddressTests {
    @Test func keepsDecimalsAndMoney() {
        #expect(SegmentFixture.texts("The budget rose 14.2 percent to $1.4 billion in 2002. It fell later.")
            == ["The budget rose 14.2 percent to $1.4 billion in 2002.", "It fell later."])
    }

    @Test func endsAfterAmountOfMoney() {
        #expect(SegmentFixture.texts("She has $100.00. It is in her bag.") == ["She has $100.00.", "It is in her bag."])
    }

    @Test func keepsTimesInsideSentence() {
        #expect(SegmentFixture.texts("At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.")
            == ["At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."])
        #expect(SegmentFixture.texts("The vote came at 9 p.m. on Tuesday.") == ["The vote came at 9 p.m. on Tuesday."])
    }

    @Test func keepsEmailAddress() {
        #expect(SegmentFixture.texts("Write to Jane.Doe@example.com. I sent her an email.")
            == ["Write to Jane.Doe@example.com.", "I sent her an email."])
    }

    @Test func keepsWebAddress() {
        #expect(SegmentFixture.texts("See www.nato.int/cps/en/natohq/Topics.htm. The site is official.")
            == ["See www.nato.int/cps/en/natohq/Topics.htm.", "The site is official."])
        #expect(SegmentFixture.texts("The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.")
            == ["The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out."])
    }

    @Test func keepsFileNames() {
        #expect(SegmentFixture.texts("Open report.pdf and data.csv first. Then read notes.txt.")
            == ["Open report.pdf and data.csv first.", "Then read notes.txt."])
    }

    @Test func keepsNumberAfterPeriodThatIsNoSentenceEnd() {
        #expect(SegmentFixture.texts("You can find it at N°. 1026.253.553. That is where the treasure is.")
            == ["You can find it at N°. 1026.253.553.", "That is where the treasure is."])
    }

    @Test func keepsNoteNumberWithSentenceBefore() {
        #expect(SegmentFixture.texts("against states outside their own membership . 47 This distinguishes them.")
            == ["against states outside their own membership . 47", "This distinguishes them."])
    }

    @Test func keepsBracketedNoteWithSentence() {
        #expect(SegmentFixture.texts("It shaped the balance of power.[12] The next war came.")
            == ["It shaped the balance of power.[12]", "The next war came."])
    }

    @Test func readsSingleRomanNumeralAfterChapterAsNumber() {
        #expect(SegmentFixture.texts("This is dealt with in Chapter V. The Council acts.")
            == ["This is dealt with in Chapter V.", "The Council acts."])
    }
}
