import Testing

@testable import AnnotextCore

/// Line breaks: blank lines, text laid out line by line, hard-wrapped prose.
@Suite struct SegmentLayoutTests {
    @Test func endsUnitAtBlankLine() {
        #expect(SegmentFixture.texts("A unit without a final mark\n\nanother one starts here") == ["A unit without a final mark", "another one starts here"])
        #expect(SegmentFixture.texts("Mr.\n\nSmith arrived.") == ["Mr.", "Smith arrived."])
    }

    @Test func joinsHardWrappedProse() {
        let text = """
            This homunculus in a bottle which it was hoped might become at last Man
            ruling the Earth, this League of Nations as it was embodied in the Covenant of
            April 28th, 1919, was not a league of peoples at all. Yet the
            Concert of Europe had been no league either, and the French representative,
            M. Leon Bourgeois, insisted on the logical necessity of such powers.
            """
        let texts = SegmentFixture.texts(text)
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
        #expect(SegmentFixture.texts(text) == [
            "Article 2",
            "The Organization is based on the principle of the sovereign equality of all its Members",
            "All Members shall settle their international disputes by peaceful means;",
            "All Members shall refrain from the threat or use of force; and",
            "To be a centre for harmonizing the actions of nations.",
        ])
    }

    @Test func continuesLineThatRunsOnInLowerCase() {
        let text = "Accordingly, our respective Governments, through representatives assembled in the city of San Francisco, have agreed to\nthe present Charter of the United Nations."
        #expect(SegmentFixture.texts(text).count == 1)
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
        let units = SegmentFixture.units(text)
        #expect(units.map(\.kind) == [.heading, .sentence, .option, .option])
        #expect(units[1].text.hasPrefix("The Parties agree") && units[1].text.hasSuffix("so attacked."))
    }

    @Test func endsUnitBeforeLabelOnNextLine() {
        let text = "The Purposes of the United Nations are to maintain peace and security, and to that end\n1. to take effective collective measures\n2. to develop friendly relations"
        #expect(SegmentFixture.texts(text).count == 3)
    }

    @Test func readsWindowsLineEnds() {
        let text = "First line ends here.\r\nSecond line.\r\n\r\nThird."
        let units = SegmentFixture.units(text)
        #expect(units.map(\.text) == ["First line ends here.", "Second line.", "Third."])
    }

    @Test func endsUnitAtEachGlossaryEntry() {
        #expect(SegmentFixture.texts("alliance – a formal agreement between states\nhegemon – a dominant state\nbalance of power: an equilibrium")
            == ["alliance – a formal agreement between states", "hegemon – a dominant state", "balance of power: an equilibrium"])
    }

    @Test func continuesLineEndingInTitleOrFunctionWord() {
        let text = "The speech of January 8, 1918, before a joint session of Congress was given by Mr.\nWilson, who set out the terms of peace and the\nLeague of Nations that the Senate would later reject in full."
        #expect(SegmentFixture.texts(text).count == 1)
    }

    @Test func keepsNumberOrDashThatWrapPutsFirstInLine() {
        let text = """
            The terms shall be approved as provided for in Articles 83 and
            85. They bind the administering authority, as the Council said
            — these are the rules — and no state may depart from them at will.
            """
        #expect(SegmentFixture.texts(text).count == 2)
    }

    @Test func continuesLowerCaseLineAfterColonUnlessListOfClauses() {
        #expect(SegmentFixture.texts("A set of new functions has been added:\nisawaitable() and getcoroutinestate().\n(Contributed by Yury.)").count == 2)
        let list = "The Assembly shall make recommendations for the purpose of:\npromoting co-operation in the political field;\npromoting co-operation in the economic field."
        #expect(SegmentFixture.texts(list).count == 3)
    }
}
