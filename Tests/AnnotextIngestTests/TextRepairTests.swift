import AnnotextCore
import Foundation
import Testing

@testable import AnnotextIngest

@Suite struct TextRepairTests {
    /// Found by the reader fuzzer: libxml2 passes these bytes through unchanged, so the
    /// extracted text held invalid UTF-8 and block ranges ended inside a replacement character.
    @Test func keepsBlockRangesOnScalarBoundariesWhenHTMLHoldsInvalidUTF8() throws {
        let bytes: [UInt8] = [
            0xEF, 0xBB, 0xBF, 0x46, 0x6C, 0x69, 0x6E, 0x65, 0x26, 0xFF, 0x07, 0x0D, 0x0A, 0x0D, 0x0A, 0x26, 0x4E, 0x65,
            0x78, 0x74, 0x09, 0x70, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x2E, 0x0D, 0x0A,
        ]
        let document = try DocumentReader().read(bytes, name: "page.html", format: .html).document
        let utf8 = Array(document.text.utf8)
        #expect(!document.blocks.isEmpty)
        for block in document.blocks {
            #expect(block.range.upperBound <= utf8.count)
            #expect(String(validating: utf8[block.range], as: UTF8.self) != nil)
        }
    }

    @Test func replacesEachInvalidByteAndMovesLaterBlocks() {
        let bytes: [UInt8] = Array("ab".utf8) + [0xFF] + Array("\n\ncd".utf8)
        let blocks = [Block(kind: .paragraph, range: 0..<3), Block(kind: .heading, range: 5..<7)]
        let (text, repaired) = UTF8Repair.repair(bytes, blocks: blocks)
        #expect(text == "ab\u{FFFD}\n\ncd")
        #expect(repaired.map(\.range) == [0..<5, 7..<9])
        #expect(repaired.map(\.kind) == [.paragraph, .heading])
    }

    @Test func treatsASequenceCutByABoundaryAsInvalid() {
        let bytes: [UInt8] = [0x61, 0xC3, 0xA9, 0x62]  // "aéb", cut inside "é"
        let (text, repaired) = UTF8Repair.repair(bytes, blocks: [Block(kind: .paragraph, range: 0..<2)])
        #expect(text == "a\u{FFFD}\u{FFFD}b")
        #expect(repaired.map(\.range) == [0..<4])
    }
}
