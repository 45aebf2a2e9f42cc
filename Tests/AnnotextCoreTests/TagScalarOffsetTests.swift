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

    @Test func countsScalarsOfLongRunsFromAnyStart() {
        // Long enough for the 32-byte steps, with non-ASCII at every alignment.
        var text = (0..<40).map { String(repeating: "a", count: $0) + "é𝔘“" }.joined()
        let scalars = Array(text.unicodeScalars)
        text.withUTF8 { bytes in
            var byte = 0
            for (k, scalar) in scalars.enumerated() where k % 5 == 0 {
                let rest = scalars.count - k
                #expect(ScalarOffsetCursor.scalarCount(bytes, from: byte, to: bytes.count) == rest)
                var cursor = ScalarOffsetCursor(bytes, byte: byte, scalar: k)
                #expect(cursor.scalarOffset(ofByte: bytes.count) == scalars.count)
                byte += String(scalar).utf8.count
                // Keep `byte` in step with `k` for the scalars skipped by the filter.
                for skipped in scalars[(k + 1)..<min(k + 5, scalars.count)] { byte += String(skipped).utf8.count }
            }
        }
    }
}
