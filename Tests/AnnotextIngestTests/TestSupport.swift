import AnnotextCore
import Foundation
import Testing

@testable import AnnotextIngest

/// Helpers shared by the ingest tests: fixtures, temporary folders, block texts.
enum TestSupport {
    /// Tests/AnnotextIngestTests/Fixtures.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The package root (two levels above this test folder).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// ../shared/corpus beside the package root, when present.
    static var sharedCorpus: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
            ? url : nil
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// A fresh temporary folder, removed by the caller's `defer`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("annotext-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The text of each block, in order.
    static func blockTexts(_ document: Document) -> [String] {
        let bytes = Array(document.text.utf8)
        return document.blocks.map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    /// (kind, text) of each block.
    static func blocks(_ document: Document) -> [(BlockKind, String)] {
        Array(zip(document.blocks.map(\.kind), blockTexts(document)))
    }

    /// Reads `text` as `format` with a default reader.
    static func read(_ text: String, name: String, format: DocumentFormat? = nil) throws -> ReadResult {
        try DocumentReader().read(Array(text.utf8), name: name, format: format)
    }

    /// The error `body` throws, or nil.
    static func error(_ body: () throws -> Void) -> IngestError? {
        do {
            try body()
            return nil
        } catch let error as IngestError {
            return error
        } catch {
            return nil
        }
    }

    /// Whether the extracted text keeps the contract: blocks in order, joined by one blank
    /// line, no white space at either end of a block and no runs inside.
    static func checkExtractedText(_ document: Document) {
        let bytes = Array(document.text.utf8)
        var expected = 0
        for (index, block) in document.blocks.enumerated() {
            if index > 0 {
                #expect(Array(bytes[expected..<block.range.lowerBound]) == [0x0A, 0x0A])
            } else {
                #expect(block.range.lowerBound == 0)
            }
            let text = bytes[block.range]
            #expect(!text.isEmpty)
            #expect(text.first != 0x20 && text.last != 0x20 && text.first != 0x0A && text.last != 0x0A)
            #expect(!String(decoding: text, as: UTF8.self).contains("  "))
            expected = block.range.upperBound
        }
        #expect(expected == bytes.count)
    }
}
