import Foundation
import Testing

@testable import AnnotextCore

/// Offsets, trimming, numbering and block boundaries.
@Suite struct SegmentOffsetTests {
    @Test func trimsUnitsAndKeepsExactByteOffsets() {
        let text = "  \u{00A0}Première phrase ici.  Deuxième — avec “guillemets”.\u{2003}\n"
        let units = SentenceSegmenter().sentences(in: Document(name: "t", text: text))
        let bytes = Array(text.utf8)
        #expect(units.map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["Première phrase ici.", "Deuxième — avec “guillemets”."])
        #expect(units.map(\.index) == [0, 1])
        let first = units[0].range
        #expect(first.lowerBound == 4)  // two spaces and a no-break space (2 bytes)
        #expect(first.upperBound == first.lowerBound + "Première phrase ici.".utf8.count)
    }

    @Test func numbersUnitsInOrderFromZero() {
        let units = SentenceSegmenter().sentences(in: Document(name: "t", text: "One. Two.\n\nThree. Four?"))
        #expect(units.map(\.index) == [0, 1, 2, 3])
        #expect(zip(units, units.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound })
    }

    @Test func neverCrossesBlockBoundary() {
        let text = "The Parties agree that Mr.\n\nSmith is the depositary\n\nof the treaty"
        let ranges = [0..<26, 28..<51, 53..<66]
        let blocks = ranges.map { Block(kind: .paragraph, range: $0) }
        let units = SentenceSegmenter().sentences(in: Document(name: "t", format: .html, text: text, blocks: blocks))
        #expect(units.map(\.range) == ranges)
    }

    @Test func marksFirstUnitOfListItemBlock() {
        let text = "Members shall settle disputes. They shall refrain from force."
        let blocks = [Block(kind: .listItem, range: 0..<text.utf8.count)]
        let units = SegmentFixture.units(text, blocks: blocks, format: .html)
        #expect(units.map(\.kind) == [.listItem, .sentence])
    }

    @Test func segmentsTextGivenAsString() {
        #expect(SentenceSegmenter().sentences(in: "One. Two.").count == 2)
    }

    @Test func ignoresBlockRangesOutsideText() {
        let blocks = [Block(kind: .paragraph, range: 0..<400)]
        #expect(SentenceSegmenter().sentences(in: Document(name: "t", format: .xml, text: "Short.", blocks: blocks)).count == 1)
    }
}
