import AnnotextCore
import Foundation
import Testing

@testable import AnnotextIngest

/// Reads the twelve public-domain documents of ../shared/corpus (skipped when absent).
@Suite struct SharedCorpusTests {
    private func corpusFiles() throws -> [URL]? {
        guard let corpus = TestSupport.sharedCorpus else {
            print("skipped: ../shared/corpus is absent")
            return nil
        }
        return try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func readsEveryFileWithoutErrorOrWarning() throws {
        guard let files = try corpusFiles() else { return }
        #expect(files.count == 12)
        for url in files {
            let result = try DocumentReader().read(contentsOf: url, name: url.lastPathComponent)
            #expect(result.warnings.isEmpty, "\(url.lastPathComponent)")
            #expect(!result.document.text.isEmpty)
            if result.document.format == .text {
                #expect(result.document.blocks.isEmpty)
            } else {
                #expect(result.document.blocks.allSatisfy { $0.language != nil })
                TestSupport.checkExtractedText(result.document)
            }
            #expect(result.document.language != nil)
        }
    }

    @Test func keepsPlainTextExactly() throws {
        guard let files = try corpusFiles() else { return }
        for url in files where url.pathExtension == "txt" {
            let bytes = try Data(contentsOf: url)
            let document = try DocumentReader().read(contentsOf: url, name: url.lastPathComponent).document
            var expected = String(decoding: bytes, as: UTF8.self)
            if expected.hasPrefix("\u{FEFF}") { expected.removeFirst() }
            #expect(document.text == expected)
            #expect(document.language == "en")
        }
    }

    @Test func readsMarkdownWithoutHeadingMarksAndFindsTheDutchTranslation() throws {
        guard let files = try corpusFiles() else { return }
        for url in files where url.pathExtension == "md" {
            let document = try DocumentReader().read(contentsOf: url, name: url.lastPathComponent).document
            let blocks = TestSupport.blocks(document)
            #expect(!document.text.contains("#"))
            #expect(!document.text.contains("<meta"))
            #expect(blocks.filter { $0.0 == .heading }.count >= 4)
            let languages = Set(document.blocks.compactMap(\.language))
            #expect(languages.contains("en"))
            #expect(languages.contains("nl"))
            // Every article heading comes with its own language: "Artikel" is Dutch.
            for (block, (kind, text)) in zip(document.blocks, blocks) where kind == .heading {
                if text.hasPrefix("Article") { #expect(block.language == "en", "\(text)") }
                if text.hasPrefix("Artikel") { #expect(block.language == "nl", "\(text)") }
            }
        }
    }

    @Test func readsTheNorthAtlanticTreatyProvisionsAsListItems() throws {
        guard let corpus = TestSupport.sharedCorpus else {
            print("skipped: ../shared/corpus is absent")
            return
        }
        let url = corpus.appendingPathComponent("north-atlantic-treaty-1949.md")
        let document = try DocumentReader().read(contentsOf: url, name: url.lastPathComponent).document
        let items = TestSupport.blocks(document).filter { $0.0 == .listItem }.map(\.1)
        #expect(items.count == 4)
        #expect(items.first?.hasPrefix("(i)on the territory of any of the Parties") == true)
        #expect(document.title == "Noord-Atlantisch Verdrag")
    }
}
