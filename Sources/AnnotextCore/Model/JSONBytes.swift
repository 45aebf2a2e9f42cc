/// Appends JSON pieces to a local byte array; the one JSON encoder of the package. The direct writers fill one of these and hand it
/// to a `ByteSink` in large pieces: appending to a class's stored array costs an exclusivity
/// check per call, a local array does not.
package struct JSONBytes {
    /// The bytes written so far.
    package var bytes: [UInt8] = []

    package init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    package mutating func append(_ string: StaticString) {
        string.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    package mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    @inline(__always)
    package mutating func append(_ other: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: other)
    }

    /// Appends a non-negative decimal integer (offsets and indexes).
    package mutating func appendInteger(_ value: Int) {
        guard value >= 10 else {
            bytes.append(UInt8(truncatingIfNeeded: 0x30 &+ max(value, 0)))
            return
        }
        guard value < 100_000_000 else { return appendLongInteger(value) }
        // Up to eight digits, built in one word (the first digit in the low byte) and appended
        // at once: offsets and indexes are almost always this short.
        var rest = UInt64(value)
        var word: UInt64 = 0
        var count = 0
        // Two digits a step, so the chain of divisions is half as long.
        while rest >= 100 {
            let next = rest / 100
            let pair = rest &- next &* 100
            let tens = pair / 10
            word = word << 16 | (0x30 | (pair &- tens &* 10)) << 8 | (0x30 | tens)
            rest = next
            count &+= 2
        }
        if rest >= 10 {
            let tens = rest / 10
            word = word << 16 | (0x30 | (rest &- tens &* 10)) << 8 | (0x30 | tens)
            count &+= 2
        } else {
            word = word << 8 | (0x30 | rest)
            count &+= 1
        }
        withUnsafeBytes(of: word.littleEndian) { raw in
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[0..<count]))
        }
    }

    private mutating func appendLongInteger(_ value: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            while rest > 0, count < 24 {
                raw[23 - count] = UInt8(truncatingIfNeeded: 0x30 &+ rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[(24 - count)...]))
        }
    }

    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters
    /// escaped, other bytes (valid UTF-8) copied in runs.
    package mutating func appendString(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var runStart = 0
        var i = 0
        let count = text.count
        while i < count {
            i = Self.nextSpecial(text, from: i)
            guard i < count else { break }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i])) }
            appendEscape(text[i])
            i += 1
            runStart = i
        }
        if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<count])) }
        bytes.append(0x22)
    }

    /// The position of the first byte at or after `i` that must be escaped (a control
    /// character, `"` or `\\`), or the end. Eight bytes at a time: most text has none.
    @inline(__always)
    static func nextSpecial(_ text: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var i = i
        let count = text.count
        if let base = text.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= count {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // A byte below 0x20 (its high bit clear), or equal to `"` or `\\`: the classic
                // "has a zero byte" test on x - 0x20…, x ^ 0x22… and x ^ 0x5C….
                let quote = x ^ (ones &* 0x22)
                let backslash = x ^ (ones &* 0x5C)
                let hit =
                    ((x &- ones &* 0x20) & ~x) | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                if hit & highs != 0 { break }
                i += 8
            }
        }
        while i < count {
            let byte = text[i]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return i }
            i += 1
        }
        return count
    }

    /// Appends a Swift string as a JSON string literal.
    package mutating func appendString(_ string: String) {
        var string = string
        string.withUTF8 { appendString($0) }
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(0x5C)
        switch byte {
        case 0x22, 0x5C: bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
            }
        }
    }
}
