import Foundation
import Testing

@testable import AnnotextCore

/// Segmenting a large document in parts on all cores must give exactly the units of one pass.
@Suite struct SegmentPartsTests {
    /// The sample documents that ship with the project, read as plain text one after the other.
    static var corpusText: String {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return names.compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n\n")
    }

    /// Blocks of lists, quiz options, headings, hard-wrapped prose and stray marks, with blank
    /// lines of spaces, tabs and carriage returns between them.
    static let mixedText = """
        I. THE CHARTER
        Art. 1. The Purposes of the U.N. are: (a) to maintain peace; (b) to develop relations.
        \t
        B) Collective security requires members to act. C) An alliance is aimed at a specific enemy.\r
        \r
        The balance of power is not limited to a specific enemy. . The theory holds...
        and it goes on across
        a hard-wrapped line.
           \u{20}
        1. First point
        2. Second point.Both go on.

        "Is it?" he asked. "Yes!"
        """

    func expectPartsMatchOnePass(_ document: Document, partBytes: Int) {
        let segmenter = SentenceSegmenter()
        let serial = segmenter.sentences(in: document)
        let parallel = segmenter.sentences(in: document, partBytes: partBytes)
        #expect(serial.count > 5)
        #expect(parallel == serial)
    }

    @Test(arguments: [1, 64, 700, 1 << 20])
    func segmentsPlainTextInPartsLikeOnePass(partBytes: Int) {
        let text = Self.corpusText + "\n\n" + String(repeating: Self.mixedText + "\n\n", count: 20)
        expectPartsMatchOnePass(Document(name: "mixed", text: text), partBytes: partBytes)
    }

    @Test(arguments: [1, 50, 400])
    func segmentsBlocksInPartsLikeOnePass(partBytes: Int) {
        let text = String(repeating: Self.mixedText + "\n\n", count: 8)
        // Blocks as a reader marks them: every line its own block, every third a heading,
        // every fifth a list item.
        var blocks: [Block] = []
        var start = 0
        for (k, line) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let kind: BlockKind = k % 3 == 0 ? .heading : k % 5 == 0 ? .listItem : .paragraph
            if !line.isEmpty { blocks.append(Block(kind: kind, range: start..<(start + line.count))) }
            start += line.count + 1
        }
        expectPartsMatchOnePass(Document(name: "blocks", format: .html, text: text, blocks: blocks), partBytes: partBytes)
    }

    @Test func cutsPlainTextOnlyJustAfterBlankLines() {
        let text = String(repeating: Self.mixedText + "\n\n", count: 10)
        var copy = text
        let parts = copy.withUTF8 { SentenceSegmenter.plainTextParts($0, size: 100) }
        #expect(parts.count > 5)
        let bytes = Array(text.utf8)
        var previousEnd = 0
        for part in parts {
            guard case .text(let range) = part else {
                Issue.record("plain text cut into blocks")
                continue
            }
            #expect(range.lowerBound == previousEnd)
            previousEnd = range.upperBound
            guard range.upperBound < bytes.count else { continue }
            // The part ends with a line feed that closes a line of nothing but white space.
            let lastLine = bytes[..<(range.upperBound - 1)].split(separator: 0x0A, omittingEmptySubsequences: false).last
            #expect(bytes[range.upperBound - 1] == 0x0A)
            #expect(lastLine?.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } == true)
        }
        #expect(previousEnd == bytes.count)
    }

    @Test func keepsTextWithoutBlankLinesInOnePart() {
        var text = String(repeating: "One line of prose. Another sentence follows it.\n", count: 200)
        let parts = text.withUTF8 { SentenceSegmenter.plainTextParts($0, size: 64) }
        #expect(parts.count == 1)
    }

    @Test func segmentsSmallDocumentsOnOneThread() {
        let document = Document(name: "small", text: Self.mixedText)
        let segmenter = SentenceSegmenter()
        #expect(segmenter.sentences(in: document, parallel: true) == segmenter.sentences(in: document))
    }
}
