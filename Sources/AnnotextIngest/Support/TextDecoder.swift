#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the bytes of a text file into a `String`: UTF-8 (with or without a byte-order mark),
/// UTF-16 with a byte-order mark, or Windows-1252 when the bytes are not valid UTF-8.
///
/// Nothing is rewritten: line ends, tabs and control characters stay as they are, so offsets
/// into the document text point at what the user gave. Only the byte-order mark is dropped.
struct TextDecoder {
    /// The encodings the decoder recognises.
    enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case windows1252 = "Windows-1252"
    }

    /// What was decoded and how.
    struct Decoded {
        var text: String
        var encoding: Encoding
    }

    /// Why bytes could not be decoded as text.
    enum Failure: Error {
        case binary
    }

    /// Decodes `bytes`, refusing what looks like binary data.
    static func decode(_ bytes: [UInt8]) throws(Failure) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try decodeUTF8(bytes[3...])
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: decodeUTF16(bytes[2...], bigEndian: false), encoding: .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: decodeUTF16(bytes[2...], bigEndian: true), encoding: .utf16BE)
        }
        if let bigEndian = looksLikeUTF16WithoutMark(bytes) {
            return Decoded(
                text: decodeUTF16(bytes[...], bigEndian: bigEndian), encoding: bigEndian ? .utf16BE : .utf16LE)
        }
        return try decodeUTF8(bytes[...])
    }

    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>) throws(Failure) -> Decoded {
        if looksBinary(bytes) { throw .binary }
        // Validation is the fast path: one pass, no copy beyond the String's own storage.
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, encoding: .utf8)
        }
        return Decoded(text: decodeWindows1252(bytes), encoding: .windows1252)
    }

    /// A NUL byte, or a sample made mostly of control bytes, means this is not text.
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let hasNUL =
            bytes.withContiguousStorageIfAvailable { buffer -> Bool in
                guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
                return memchr(base, 0, buffer.count) != nil
            } ?? bytes.contains(0)
        if hasNUL { return true }
        let sample = bytes.prefix(8192)
        guard !sample.isEmpty else { return false }
        var control = 0
        for byte in sample where byte < 0x20 {
            switch byte {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B: break
            default: control += 1
            }
        }
        return control * 10 > sample.count * 3
    }

    /// Files saved as UTF-16 without a mark show NUL in every other byte of ASCII text.
    /// Returns whether such a file is big-endian, or nil when it does not look like UTF-16.
    private static func looksLikeUTF16WithoutMark(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(1024)
        guard sample.count >= 16, sample.count % 2 == 0 else { return nil }
        var evenZero = 0
        var oddZero = 0
        for (i, byte) in sample.enumerated() where byte == 0 {
            if i % 2 == 0 { evenZero += 1 } else { oddZero += 1 }
        }
        let pairs = sample.count / 2
        if oddZero * 10 >= pairs * 7 && evenZero == 0 { return false }
        if evenZero * 10 >= pairs * 7 && oddZero == 0 { return true }
        return nil
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252's 0x80–0x9F; the five unassigned bytes map to the C1 controls, as browsers do.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
