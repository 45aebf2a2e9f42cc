import AnnotextCore
import Foundation
import Testing

@testable import AnnotextIngest

@Suite struct HTMLReaderTests {
    @Test func extractsVisibleTextAsBlocks() throws {
        let result = try DocumentReader().read(TestSupport.fixture("article.html"), name: "article.html")
        let blocks = TestSupport.blocks(result.document)
        let expected: [(BlockKind, String)] = [
            (.heading, "Collective security"),
            (.paragraph, "The League of Nations tried collective security. It failed & the war came."),
            (.heading, "Members"),
            (.listItem, "France"),
            (.listItem, "United Kingdom"),
            (.paragraph, "First line\nsecond line"),
            (.paragraph, "line one\nline two"),
            (.paragraph, "second block"),
            (.paragraph, "Cell A"),
            (.paragraph, "Cell B"),
            (.paragraph, "A quotation."),
        ]
        #expect(blocks.map(\.0) == expected.map(\.0))
        #expect(blocks.map(\.1) == expected.map(\.1))
        #expect(result.document.title == "Collective Security Explained")
        #expect(result.document.format == .html)
        #expect(result.warnings.isEmpty)
        TestSupport.checkExtractedText(result.document)
    }

    @Test(arguments: [
        "Site name", "Home", "Hidden paragraph", "Invisible div", "Enable JavaScript", "Template text",
        "Related links", "Search", "Copyright", "track", "color", "<",
    ])
    func leavesOutWhatIsNotContent(fragment: String) throws {
        let result = try DocumentReader().read(TestSupport.fixture("article.html"), name: "article.html")
        #expect(!result.document.text.contains(fragment))
    }

    @Test func warnsOnceAboutARecoveredPage() throws {
        let result = try DocumentReader().read(TestSupport.fixture("malformed.html"), name: "bad.html")
        #expect(result.warnings.map(\.description) == ["bad.html: malformed HTML, recovered"])
        #expect(TestSupport.blockTexts(result.document) == ["Unclosed paragraph bold italic", "Second & paragraph"])
    }

    @Test func takesTheFirstH1AsTitleWithoutATitleElement() throws {
        let result = try TestSupport.read("<body><p>Intro.</p><h1>The <i>Real</i> Title</h1></body>", name: "t.html")
        #expect(result.document.title == "The Real Title")
    }

    @Test func treatsAHeadingStyledDivAsAHeading() throws {
        let html =
            #"<div><div class="row"><a class="font-heading">Article 1</a> <span>Art. 1</span></div><div>The text of the article.</div></div>"#
        let blocks = TestSupport.blocks(try TestSupport.read(html, name: "t.html").document)
        #expect(blocks.map(\.0) == [.heading, .paragraph])
        #expect(blocks.map(\.1) == ["Article 1 Art. 1", "The text of the article."])
    }

    @Test func followsTheDeclaredCharset() throws {
        var bytes = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf".utf8)
        bytes += [0xE9, 0x20, 0x93, 0x71, 0x94]  // é “q”
        bytes += Array("</p></body></html>".utf8)
        let result = try DocumentReader().read(bytes, name: "w.html")
        #expect(result.document.text == "Café “q”")
        #expect(result.warnings.isEmpty)
    }

    @Test func fallsBackToWindows1252WithoutACharset() throws {
        let bytes = Array("<html><body><p>Caf".utf8) + [0xE9] + Array("</p></body></html>".utf8)
        let result = try DocumentReader().read(bytes, name: "w.html")
        #expect(result.document.text == "Café")
        #expect(
            result.warnings.map(\.description) == [
                "w.html: not valid UTF-8 and no charset declared; read as Windows-1252"
            ])
    }

    @Test func readsUndeclaredUTF8AsUTF8() throws {
        let result = try TestSupport.read("<html><body><p>Café “quoted” — 聯合國</p></body></html>", name: "u.html")
        #expect(result.document.text == "Café “quoted” — 聯合國")
        #expect(result.warnings.isEmpty)
    }

    @Test func readsUTF16HTMLWithAByteOrderMark() throws {
        let html = "<html><body><p>Équilibre des puissances</p></body></html>"
        let bytes: [UInt8] = [0xFF, 0xFE] + Array(html.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = try DocumentReader().read(bytes, name: "u.html")
        #expect(result.document.text == "Équilibre des puissances")
    }

    @Test func readsXHTMLThroughTheHTMLParser() throws {
        let xhtml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>
            <body><h2>Heading</h2><p>Body &amp; more.</p></body></html>
            """
        let result = try TestSupport.read(xhtml, name: "page.xhtml")
        #expect(TestSupport.blocks(result.document).map(\.1) == ["Heading", "Body & more."])
        #expect(result.document.title == "T")
    }

    @Test func survivesNestingAHundredThousandDeepKeepingTheTextBefore() throws {
        let depth = 100_000
        let html =
            "<html><body><p>before</p>" + String(repeating: "<div>", count: depth) + "deep text"
            + String(repeating: "</div>", count: depth) + "<p>after</p></body></html>"
        let result = try TestSupport.read(html, name: "deep.html")
        #expect(result.document.text == "before")
        #expect(
            result.warnings.map(\.description) == [
                "deep.html: HTML nested more than 256 levels deep; the text after that point is left out"
            ])
    }

    @Test func readsNestingWithinLibxml2sLimit() throws {
        let html =
            "<html><body>" + String(repeating: "<div>", count: 200) + "deep text"
            + String(repeating: "</div>", count: 200) + "<p>after</p></body></html>"
        let result = try TestSupport.read(html, name: "deep.html")
        #expect(TestSupport.blockTexts(result.document) == ["deep text", "after"])
        #expect(result.warnings.isEmpty)
    }

    @Test func readsTheSharedCharterWithoutMarkup() throws {
        guard let corpus = TestSupport.sharedCorpus else {
            print("skipped: ../shared/corpus is absent")
            return
        }
        let url = corpus.appendingPathComponent("charter-of-the-united-nations-1945.html")
        let result = try DocumentReader().read(contentsOf: url, name: url.lastPathComponent)
        let document = result.document
        #expect(!document.text.contains("<"))
        #expect(!document.text.contains("function("))
        #expect(!document.text.contains("tailwind"))
        #expect(result.warnings.isEmpty)
        let headings = TestSupport.blocks(document).filter { $0.0 == .heading }.map(\.1)
        #expect(headings.contains("第一條 Art. 一"))
        #expect(headings.contains("第一百一十一條 Art. 一百一十一"))
        #expect(headings.count >= 111)
        #expect(
            TestSupport.blockTexts(document).contains(
                "To be a centre for harmonizing the actions of nations in the attainment of these common ends."))
        TestSupport.checkExtractedText(document)
    }
}
