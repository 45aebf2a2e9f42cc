import Testing

@testable import AnnotextCore

/// The cursor that turns the tagger's byte offsets into the contract's scalar offsets.
@Suite struct TagScalarOffsetTests {
    static let text = "Plain ASCII run, then Ünïcödé “quotes” — and 𝔘𝔫𝔦 math, ünd a long ASCII tail to walk."

    /// Scalars before each scalar boundary, counted the slow way.
    static var expected: [(byte: Int, scalar: Int)] {
        var result: [(Int, Int)] = []
        var byte = 0
        for (scalar, unicodeScalar) in text.unicodeScalars.enumerated() {
            result.append((byte, scalar))
            byte += String(unicodeScalar).utf8.count
        }
        result.append((byte, text.unicodeScalars.count))
        return result
    }

    @Test func countsScalarsWalkingForward() {
        var text = Self.text
        text.withUTF8 { bytes in
            var cursor = ScalarOffsetCursor(bytes)
            for (byte, scalar) in Self.expected { #expect(cursor.scalarOffset(ofByte: byte) == scalar) }
        }
    }

    @Test func countsScalarsJumpingBothWays() {
        var text = Self.text
        let expected = Self.expected
        text.withUTF8 { bytes in
            var cursor = ScalarOffsetCursor(bytes)
            for (byte, scalar) in expected.reversed() { #expect(cursor.scalarOffset(ofByte: byte) == scalar) }
            for step in [7, 3, 11] {
                for i in stride(from: 0, to: expected.count, by: step) {
                    #expect(cursor.scalarOffset(ofByte: expected[i].byte) == expected[i].scalar)
                    let back = expected[i / 2]
                    #expect(cursor.scalarOffset(ofByte: back.byte) == back.scalar)
                }
            }
        }
    }
}
