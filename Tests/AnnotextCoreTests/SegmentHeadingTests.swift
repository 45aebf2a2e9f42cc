import Testing

@testable import AnnotextCore

/// Headings: lines in capitals or title case without final punctuation, and heading blocks.
@Suite struct SegmentHeadingTests {
    @Test func makesCapitalLineAHeading() {
        let units = SegmentFixture.units("NORTH ATLANTIC TREATY\nThe Parties to this Treaty reaffirm their faith.")
        #expect(units.map(\.text) == ["NORTH ATLANTIC TREATY", "The Parties to this Treaty reaffirm their faith."])
        #expect(units.map(\.kind) == [.heading, .sentence])
    }

    @Test func makesTitleCaseLineAHeading() {
        let text = "Chapter VII: Action with Respect to Threats to the Peace\nArticle 39\nThe Security Council shall determine the existence of any threat to the peace."
        let units = SegmentFixture.units(text)
        #expect(units.map(\.kind) == [.heading, .heading, .sentence])
        #expect(units[1].text == "Article 39")
    }

    @Test func makesSectionNumberAHeading() {
        let units = SegmentFixture.units("remain vigilant, alert and strong.\nI.\nThe Middle East has reached a new stage.")
        #expect(units.map(\.text) == ["remain vigilant, alert and strong.", "I.", "The Middle East has reached a new stage."])
        #expect(units[1].kind == .heading)
    }

    @Test func makesStandAloneTitleLineAHeading() {
        let units = SegmentFixture.units("Summary of the First Covenant\n\nThis homunculus in a bottle was not a league of peoples.")
        #expect(units.map(\.kind) == [.heading, .sentence])
    }

    @Test func keepsSentenceWithoutFinalMarkAsSentence() {
        #expect(SegmentFixture.kinds("the parties thereto agree") == [.sentence])
    }

    @Test func makesHeadingBlockOneHeadingUnit() {
        let text = "Article 5. Collective Defence\n\nThe Parties agree. An attack is an attack on all."
        let blocks = [Block(kind: .heading, range: 0..<29), Block(kind: .paragraph, range: 31..<text.utf8.count)]
        let units = SegmentFixture.units(text, blocks: blocks, format: .markdown)
        #expect(units.map(\.text) == ["Article 5. Collective Defence", "The Parties agree.", "An attack is an attack on all."])
        #expect(units.map(\.kind) == [.heading, .sentence, .sentence])
    }
}
