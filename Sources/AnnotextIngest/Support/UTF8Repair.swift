import AnnotextCore

/// Turns bytes that are not valid UTF-8 into text, moving block ranges with them.
///
/// libxml2 hands over its input's bytes unchanged in some recovered pages (a byte-order mark
/// followed by bytes that are not UTF-8), so extracted text can hold invalid sequences. Each
/// invalid byte becomes U+FFFD (three bytes), which shifts every later offset; the ranges are
/// remapped here so they keep pointing at the same text. A sequence that a block boundary cuts
/// in two counts as invalid, so no range ever starts or ends inside a scalar.
enum UTF8Repair {
    static func repair(_ bytes: [UInt8], blocks: [Block]) -> (text: String, blocks: [Block]) {
        // Every boundary, sorted, with where it lands in the repaired bytes.
        let boundaries = Array(Set(blocks.flatMap { [$0.range.lowerBound, $0.range.upperBound] })).sorted()
        var moved: [Int: Int] = [:]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var next = 0  // index into boundaries
        var i = 0
        while i <= bytes.count {
            while next < boundaries.count && boundaries[next] <= i {
                moved[boundaries[next]] = out.count
                next += 1
            }
            guard i < bytes.count else { break }
            let length = validSequenceLength(bytes, at: i)
            let cut = next < boundaries.count && boundaries[next] < i + length
            if length > 0 && !cut {
                out.append(contentsOf: bytes[i..<i + length])
                i += length
            } else {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                i += 1
            }
        }
        let remapped = blocks.map { block in
            var block = block
            let start = moved[block.range.lowerBound] ?? out.count
            block.range = start..<max(start, moved[block.range.upperBound] ?? out.count)
            return block
        }
        return (String(decoding: out, as: UTF8.self), remapped)
    }

    /// The length of the well-formed UTF-8 sequence at `i`, or 0 when there is none.
    static func validSequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let lead = bytes[i]
        if lead < 0x80 { return 1 }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, high) = (3, 0x9F)
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, high) = (4, 0x8F)
        default: return 0
        }
        guard i + length <= bytes.count else { return 0 }
        for k in 1..<length {
            let byte = bytes[i + k]
            let (min, max) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            if byte < min || byte > max { return 0 }
        }
        return length
    }
}
