import AnnotextCore
import Testing

@testable import AnnotextIngest

@Suite struct MarkdownReaderTests {
    @Test func extractsBlocksWithoutMarks() throws {
        let result = try DocumentReader().read(TestSupport.fixture("lecture.md"), name: "lecture.md")
        let blocks = TestSupport.blocks(result.document)
        let expected: [(BlockKind, String)] = [
            (.heading, "Alliances and the balance of power"),
            (.heading, "Realism without a space"),
            (
                .paragraph,
                "Realists hold that states form alliances to balance a rising hegemon. See Waltz and the balance."
            ),
            (.heading, "Setext heading"),
            (.listItem, "NATO is a collective defense alliance."),
            (.listItem, "The CSTO is another."),
            (.listItem, "Bullet three."),
            (.listItem, "1. First numbered item"),
            (.listItem, "2) Second numbered item"),
            (.listItem, "(i) a labelled provision"),
            (.listItem, "(ii)without a space"),
            (.paragraph, "A quoted remark about deterrence."),
            (.paragraph, "Concept Example"),
            (.paragraph, "Alliance NATO"),
            (.paragraph, "Escaped *stars* stay, snake_case stays, 2 * 3 stays, AT&T decodes."),
            (.heading, "Closing heading"),
        ]
        #expect(blocks.map(\.0) == expected.map(\.0))
        #expect(blocks.map(\.1) == expected.map(\.1))
        #expect(result.document.title == "Alliances and the balance of power")
        #expect(result.document.format == .markdown)
        #expect(!result.document.text.contains("<meta"))
        #expect(!result.document.text.contains("not prose"))
        #expect(result.warnings.isEmpty)
        TestSupport.checkExtractedText(result.document)
    }

    @Test func readsHeadingMarksWithoutASpace() throws {
        let result = try TestSupport.read("###Article 1 \n\nText of the article.\n", name: "a.md")
        #expect(TestSupport.blocks(result.document).map(\.1) == ["Article 1", "Text of the article."])
        #expect(result.document.blocks.first?.kind == .heading)
    }

    @Test func joinsHardWrappedLinesOfAParagraph() throws {
        let result = try TestSupport.read("One line\nand the next\r\nline.", name: "a.md")
        #expect(result.document.text == "One line and the next line.")
    }

    @Test func keepsLinkTextAndDropsImagesAndTags() throws {
        let result = try TestSupport.read(
            "See [the *treaty*](http://x.org/t) and [ref][1], <span>inline</span> <https://un.org>. ![pic](p.png)",
            name: "a.md")
        #expect(result.document.text == "See the treaty and ref, inline https://un.org.")
    }

    @Test func dropsAnHTMLCommentBlock() throws {
        let result = try TestSupport.read("<!-- a\ncomment -->\nText.", name: "a.md")
        #expect(result.document.text == "Text.")
    }

    @Test func marksDutchBlocksAsNonEnglish() throws {
        let source = """
            ###Article 1

            The Parties undertake, as set forth in the Charter of the United Nations, to settle any international disputes by peaceful means.

            ###Artikel 1

            De Partijen nemen op zich om, gelijk is geregeld in het Handvest van de Verenigde Naties, alle internationale geschillen te beslechten.
            """
        let document = try TestSupport.read(source, name: "t.md").document
        #expect(document.blocks.map(\.language) == ["en", "en", "nl", "nl"])
    }
}
