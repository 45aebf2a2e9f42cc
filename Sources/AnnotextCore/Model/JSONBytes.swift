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

    /// Appends a non-negative decimal integer (offsets and indexes).
    package mutating func appendInteger(_ value: Int) {
        guard value >= 10 else {
            bytes.append(UInt8(truncatingIfNeeded: 0x30 &+ max(value, 0)))
            return
        }
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
            let byte = text[i]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                i += 1
                continue
            }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i])) }
            appendEscape(byte)
            i += 1
            runStart = i
        }
        if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<count])) }
        bytes.append(0x22)
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
