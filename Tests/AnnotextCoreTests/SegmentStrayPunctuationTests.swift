import Testing

@testable import AnnotextCore

/// Stray punctuation makes no unit of its own.
@Suite struct SegmentStrayPunctuationTests {
    @Test func dropsLonePeriodAfterFinishedSentence() {
        #expect(SegmentFixture.texts("is not limited to a specific enemy. . The theory behind it was simple.")
            == ["is not limited to a specific enemy.", "The theory behind it was simple."])
        #expect(SegmentFixture.texts("adopted by the Security Council. . As Glenn Snyder explains, they are formal.")
            == ["adopted by the Security Council.", "As Glenn Snyder explains, they are formal."])
    }

    @Test func keepsLonePeriodAfterEnumerator() {
        #expect(SegmentFixture.texts("Outline of Lecture 10: Security Dilemma 1. . B) Collective security fails.")
            == ["Outline of Lecture 10: Security Dilemma 1. .", "B) Collective security fails."])
        #expect(SegmentFixture.texts("2. .\nThe next point follows.") == ["2. .", "The next point follows."])
    }

    @Test func makesNoPunctuationOnlyUnit() {
        #expect(SegmentFixture.texts("The end.\n\n. . .\n\n=====\n\n* * *\n\nA new start.") == ["The end.", "A new start."])
        #expect(SegmentFixture.texts(" . ").isEmpty)
        #expect(SegmentFixture.texts("").isEmpty)
    }

    @Test func keepsPeriodAfterColonWithSentence() {
        #expect(SegmentFixture.texts("Set forth below is a list of U.S. collective defense arrangements and the parties thereto:.")
            == ["Set forth below is a list of U.S. collective defense arrangements and the parties thereto:."])
    }
}
