import Testing

@testable import AnnotextCore

/// Line breaks: blank lines, text laid out line by line, hard-wrapped prose.
@Suite struct SegmentLayoutTests {
    @Test func endsUnitAtBlankLine() {
        #expect(Segment.texts("A unit without a final mark\n\nanother one starts here") == ["A unit without a final mark", "another one starts here"])
        #expect(Segment.texts("Mr.\n\nSmith arrived.") == ["Mr.", "Smith arrived."])
    }

    @Test func joinsHardWrappedProse() {
        let text = """
            This homunculus in a bottle which it was hoped might become at last Man
            ruling the Earth, this League of Nations as it was embodied in the Covenant of
            April 28th, 1919, was not a league of peoples at all. Yet the
            Concert of Europe had been no league either, and the French representative,
            M. Leon Bourgeois, insisted on the logical necessity of such powers.
            """
        let texts = Segment.texts(text)
        #expect(texts.count == 2)
        #expect(texts[1].hasPrefix("Yet the\nConcert of Europe"))
        #expect(texts[1].hasSuffix("such powers."))
    }

    @Test func endsUnitAtLineEndWhenLaidOutLineByLine() {
        let text = """
            Article 2
            The Organization is based on the principle of the sovereign equality of all its Members
            All Members shall settle their international disputes by peaceful means;
            All Members shall refrain from the threat or use of force; and
            To be a centre for harmonizing the actions of nations.
            """
        #expect(Segment.texts(text) == [
            "Article 2",
            "The Organization is based on the principle of the sovereign equality of all its Members",
            "All Members shall settle their international disputes by peaceful means;",
            "All Members shall refrain from the threat or use of force; and",
            "To be a centre for harmonizing the actions of nations.",
        ])
    }

    @Test func continuesLineThatRunsOnInLowerCase() {
        let text = "Accordingly, our respective Governments, through representatives assembled in the city of San Francisco, have agreed to\nthe present Charter of the United Nations."
        #expect(Segment.texts(text).count == 1)
    }

    @Test func judgesLayoutPerBlock() {
        let text = """
            Article 5
            The Parties agree that an armed attack against one or more of them in
            Europe or North America shall be considered an attack against them all
            and consequently they agree to assist the Party so attacked.

            A) hegemony
            B) alliance
            """
        let units = Segment.units(text)
        #expect(units.map(\.kind) == [.heading, .sentence, .option, .option])
        #expect(units[1].text.hasPrefix("The Parties agree") && units[1].text.hasSuffix("so attacked."))
    }

    @Test func endsUnitBeforeLabelOnNextLine() {
        let text = "The Purposes of the United Nations are to maintain peace and security, and to that end\n1. to take effective collective measures\n2. to develop friendly relations"
        #expect(Segment.texts(text).count == 3)
    }

    @Test func readsWindowsLineEnds() {
        let text = "First line ends here.\r\nSecond line.\r\n\r\nThird."
        let units = Segment.units(text)
        #expect(units.map(\.text) == ["First line ends here.", "Second line.", "Third."])
    }
}
