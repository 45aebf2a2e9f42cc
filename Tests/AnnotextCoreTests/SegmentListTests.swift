import Testing

@testable import AnnotextCore

/// Enumerations, bullets and quiz options: each item its own unit, label included.
@Suite struct SegmentListTests {
    @Test func splitsNumberedItemsOnOneLine() {
        #expect(SegmentFixture.units("1. The first item 2. The second item").map(\.text) == ["1. The first item", "2. The second item"])
        #expect(SegmentFixture.kinds("1) The first item. 2) The second item.") == [.listItem, .listItem])
    }

    @Test func splitsLetteredAndRomanItems() {
        #expect(SegmentFixture.units("a. The first item b. The second item c. The third list item").map(\.text)
            == ["a. The first item", "b. The second item", "c. The third list item"])
        let text = "(i) Members shall settle disputes.\n(ii) Members shall refrain from force.\n(iii) Members shall assist."
        let units = SegmentFixture.units(text)
        #expect(units.map(\.text) == ["(i) Members shall settle disputes.", "(ii) Members shall refrain from force.", "(iii) Members shall assist."])
        #expect(units.allSatisfy { $0.kind == .listItem })
    }

    @Test func splitsParenthesisLabelsInsideLine() {
        #expect(SegmentFixture.texts("Reassurance and other states a) friendly satisfied powers (Europe, Canada) b) implacable enemies (al Qaeda)")
            == ["Reassurance and other states", "a) friendly satisfied powers (Europe, Canada)", "b) implacable enemies (al Qaeda)"])
    }

    @Test func keepsParenthesisClosingInsideSentence() {
        #expect(SegmentFixture.texts("The rule (see note a) applies to states (b) and (c) alike.")
            == ["The rule (see note a) applies to states (b) and (c) alike."])
    }

    @Test func readsRomanNumeralOutline() {
        let text = "I. Introduction\nII. The Concert of Europe\nXIV. A general association of nations must be formed."
        let units = SegmentFixture.units(text)
        #expect(units.map(\.text) == ["I. Introduction", "II. The Concert of Europe", "XIV. A general association of nations must be formed."])
        #expect(units.allSatisfy { $0.kind == .listItem })
    }

    @Test func splitsBulletsAndDashes() {
        #expect(SegmentFixture.texts("• 9. The first item • 10. The second item") == ["• 9. The first item", "• 10. The second item"])
        #expect(SegmentFixture.texts("⁃9. The first item ⁃10. The second item") == ["⁃9. The first item", "⁃10. The second item"])
        let dashes = SegmentFixture.units("Members:\n- France\n- the United Kingdom\n* Italy")
        #expect(dashes.map(\.text) == ["Members:", "- France", "- the United Kingdom", "* Italy"])
        #expect(dashes.map(\.kind) == [.sentence, .listItem, .listItem, .listItem])
    }

    @Test func marksQuizOptions() {
        let units = SegmentFixture.units("Which is true? A) Alliances are general. B) Collective security requires a balance of power,while realists disagree. C) Neither")
        #expect(units.map(\.text) == [
            "Which is true?", "A) Alliances are general.",
            "B) Collective security requires a balance of power,while realists disagree.", "C) Neither",
        ])
        #expect(units.map(\.kind) == [.sentence, .option, .option, .option])
    }

    @Test func marksQuizOptionsOnTheirOwnLines() {
        let units = SegmentFixture.units("Question 3\nA) hegemony\nB) balance of power\nC) collective security")
        #expect(units.map(\.kind) == [.heading, .option, .option, .option])
    }

    @Test func splitsItemHoldingSeveralSentences() {
        let units = SegmentFixture.units("1. The Parties agree. They will consult.\n2. Each Party shall act.")
        #expect(units.map(\.text) == ["1. The Parties agree.", "They will consult.", "2. Each Party shall act."])
        #expect(units.map(\.kind) == [.listItem, .sentence, .listItem])
    }

    @Test func keepsMarkdownEscapedNumberAsLabel() {
        #expect(SegmentFixture.units("1\\. First point\n2\\. Second point").map(\.kind) == [.listItem, .listItem])
    }

    @Test func keepsNumberAfterReferenceWordInsideSentence() {
        #expect(SegmentFixture.texts("1. As stated in Article 2. The Parties agree.")
            == ["1. As stated in Article 2.", "The Parties agree."])
    }

    @Test func keepsEnumerationRunningThroughSentence() {
        #expect(SegmentFixture.texts("There are three reasons: 1) cost, 2) time, and 3) risk.")
            == ["There are three reasons: 1) cost, 2) time, and 3) risk."])
    }

    @Test func keepsQuestionNumberWithQuestion() {
        let units = SegmentFixture.units("Q1. What is a security dilemma?\n(a) A spiral of insecurity.\n(b) A military alliance.")
        #expect(units.map(\.text) == ["Q1. What is a security dilemma?", "(a) A spiral of insecurity.", "(b) A military alliance."])
        #expect(units.map(\.kind) == [.listItem, .listItem, .listItem])
    }
}
