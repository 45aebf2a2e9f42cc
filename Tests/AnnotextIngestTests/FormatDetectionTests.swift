import AnnotextCore
import Testing

@testable import AnnotextIngest

@Suite struct FormatDetectionTests {
    @Test(arguments: [
        ("a.txt", DocumentFormat.text), ("a.TEXT", .text), ("notes/a.md", .markdown), ("a.markdown", .markdown),
        ("a.html", .html), ("a.HTM", .html), ("a.xhtml", .html), ("a.xml", .xml), ("a.tei", .xml),
    ])
    func takesTheFormatFromTheExtension(name: String, format: DocumentFormat) {
        #expect(DocumentReader.format(forName: name) == format)
    }

    @Test(arguments: ["README", "a.csv", ".hidden", "dir.md/file"])
    func leavesUnknownExtensionsToTheContent(name: String) {
        #expect(DocumentReader.format(forName: name) == nil)
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", DocumentFormat.html),
        ("  <html><p>x</p></html>", .html),
        ("<?xml version=\"1.0\"?><doc><p>x</p></doc>", .xml),
        ("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><p>x</p></html>", .html),
        ("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>", .xml),
        ("Plain words < and > signs.", .text),
        ("# A Markdown heading", .text),
    ])
    func sniffsTheContentOfUnknownFiles(content: String, format: DocumentFormat) {
        #expect(DocumentReader.sniff(Array(content.utf8)) == format)
    }

    @Test func readsAnUnknownExtensionByItsContent() throws {
        let result = try TestSupport.read("<html><body><h1>Title</h1><p>Body text.</p></body></html>", name: "page.php")
        #expect(result.document.format == .html)
        #expect(result.document.text == "Title\n\nBody text.")
    }

    @Test func honoursAnExplicitFormat() throws {
        let result = try TestSupport.read("<p>kept as is</p>", name: "page.html", format: .text)
        #expect(result.document.text == "<p>kept as is</p>")
    }
}
