import Foundation
import Testing

@testable import AnnotextIngest

@Suite struct DocumentFinderTests {
    private func makeTree() throws -> URL {
        let root = try TestSupport.temporaryFolder()
        for path in [
            "b.md", "a.txt", "sub/c.html", "sub/deeper/d.xml", "sub/image.png", ".hidden.txt", ".git/config.txt",
            "drafts/e.txt",
        ] {
            try TestSupport.write("text", to: root.appendingPathComponent(path))
        }
        return root
    }

    @Test func findsDocumentsRecursivelyInSortedOrder() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = try DocumentFinder.files(at: [root.path])
        #expect(files.map(\.name) == ["a.txt", "b.md", "drafts/e.txt", "sub/c.html", "sub/deeper/d.xml"])
        #expect(files.first?.url.path == root.appendingPathComponent("a.txt").path)
    }

    @Test func namesAFileGivenDirectlyByItsFileName() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = try DocumentFinder.files(at: [root.appendingPathComponent("sub/c.html").path])
        #expect(files.map(\.name) == ["c.html"])
    }

    @Test func filtersWithIncludeAndExcludeGlobs() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try DocumentFinder.files(at: [root.path], include: ["*.txt"]).map(\.name) == ["a.txt", "drafts/e.txt"])
        #expect(
            try DocumentFinder.files(at: [root.path], exclude: ["drafts", "*.xml"]).map(\.name) == [
                "a.txt", "b.md", "sub/c.html",
            ])
        #expect(
            try DocumentFinder.files(at: [root.path], include: ["sub/*"]).map(\.name) == [
                "sub/c.html", "sub/deeper/d.xml", "sub/image.png",
            ])
    }

    @Test func survivesASymbolicLinkLoop() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("sub/deeper/loop"), withDestinationURL: root.appendingPathComponent("sub"))
        let files = try DocumentFinder.files(at: [root.path])
        #expect(files.map(\.name) == ["a.txt", "b.md", "drafts/e.txt", "sub/c.html", "sub/deeper/d.xml"])
    }

    @Test func searchGoesOnPastAMissingPath() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = DocumentFinder.search(["/nonexistent/annotext/notes", root.appendingPathComponent("sub").path])
        #expect(result.files.map(\.name) == ["c.html", "deeper/d.xml"])
        #expect(result.files.map(\.size) == [4, 4])
        #expect(result.problems.map(\.description) == ["/nonexistent/annotext/notes: no such file or folder"])
    }

    @Test func reportsAMissingPath() {
        let error = TestSupport.error { _ = try DocumentFinder.files(at: ["/nonexistent/annotext/notes"]) }
        #expect(error?.description == "/nonexistent/annotext/notes: no such file or folder")
        #expect(error?.reason == .notFound)
    }
}
