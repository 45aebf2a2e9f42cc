import Testing

@testable import AnnotextCore

/// Sentences glued together without a space, and the tokens that only look like them.
@Suite struct SegmentMissingSpaceTests {
    @Test func splitsSentencesWithoutSpace() {
        #expect(SegmentFixture.texts("such as the North Atlantic Treaty Organization.Both the League and the UN failed.")
            == ["such as the North Atlantic Treaty Organization.", "Both the League and the UN failed."])
        #expect(SegmentFixture.texts("peace with all governments.They are determined.”The end")
            == ["peace with all governments.", "They are determined.”", "The end"])
    }

    @Test func keepsAbbreviationsWithoutSpace() {
        #expect(SegmentFixture.texts("The U.S.Army and e.g.Belgium, Mr.Smith too.") == ["The U.S.Army and e.g.Belgium, Mr.Smith too."])
    }

    @Test func keepsNumbersAddressesAndFilesWithoutSpace() {
        let text = "It rose 3.5 percent, see www.nato.int/Docs.Page, Jane.Doe@example.com and Report.Final.docx today."
        #expect(SegmentFixture.texts(text) == [text])
    }

    @Test func keepsCommaWithoutSpace() {
        #expect(SegmentFixture.texts("a balance of power,while realist ideas of deterrence do not.")
            == ["a balance of power,while realist ideas of deterrence do not."])
    }
}
