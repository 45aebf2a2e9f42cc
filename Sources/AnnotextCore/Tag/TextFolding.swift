/// How the tagger reads characters: a class for every ASCII byte and a decoder for the few
/// non-ASCII scalars that matter (Latin letters with diacritics, curly quotes, dashes, special
/// spaces). Text and lexicon terms are folded by the same code, so they meet on equal terms.
enum TextFolding {
    /// What a character is to the tokenizer.
    enum Kind: UInt8 {
        case lower = 1, upper, digit, space, newline, hyphen, apostrophe, comma, clause, period
        /// A non-ASCII scalar: decode it with `scalar(in:at:end:)`.
        case nonASCII
        /// A character that is invisible inside a word (soft hyphen, zero-width, combining mark).
        case ignorable
        /// A letter without case (or outside the folded blocks): kept as its own bytes.
        case caseless
        /// An opening or closing quote, bracket, slash or other mark: a barrier between words.
        case punctuation
        /// A dash (`–`, `—`): a barrier and a clause boundary.
        case dash
    }

    /// The class of every byte below 0x80; bytes from 0x80 are `.nonASCII`.
    static let asciiKinds: [UInt8] = {
        var table = [UInt8](repeating: Kind.punctuation.rawValue, count: 256)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = Kind.lower.rawValue }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = Kind.upper.rawValue }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = Kind.digit.rawValue }
        for byte: UInt8 in [0x20, 0x09, 0x0D, 0x0B, 0x0C] { table[Int(byte)] = Kind.space.rawValue }
        table[0x0A] = Kind.newline.rawValue
        table[Int(UInt8(ascii: "-"))] = Kind.hyphen.rawValue
        table[Int(UInt8(ascii: "'"))] = Kind.apostrophe.rawValue
        table[Int(UInt8(ascii: ","))] = Kind.comma.rawValue
        for byte in ";:?!".utf8 { table[Int(byte)] = Kind.clause.rawValue }
        table[Int(UInt8(ascii: "."))] = Kind.period.rawValue
        for byte in 0x80...0xFF { table[byte] = Kind.nonASCII.rawValue }
        return table
    }()

    /// Each ASCII letter or digit folded (`A` → `a`), 0 for every other byte.
    static let asciiFold: [UInt8] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) | 0x20
        default: 0
        }
    }

    /// One decoded non-ASCII scalar.
    struct Scalar {
        /// Its class; letters are `.lower`, `.upper` or `.caseless`.
        var kind: Kind
        /// Its length in bytes.
        var length: Int
        /// Up to two folded ASCII bytes (low byte first) for Latin letters; 0 for none.
        var folded: UInt16
    }

    /// Base letters of U+00C0…U+00FF (`*` marks × and ÷, `2` a two-letter fold: æ, ß).
    private static let latin1 = Array("aaaaaa2ceeeeiiiidnooooo*ouuuuyt2aaaaaa2ceeeeiiiidnooooo*ouuuuyty".utf8)
    /// Base letters of U+0100…U+017F.
    private static let latinExtendedA = Array(
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii22jjkkkllllllllllnnnnnnnnnoooooo22rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
            .utf8)

    /// Decodes the non-ASCII scalar at `index` (a lead byte) and classifies it.
    @inline(__always)
    static func scalar(in bytes: UnsafePointer<UInt8>, at index: Int, end: Int) -> Scalar {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= end else { return Scalar(kind: .punctuation, length: 1, folded: 0) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Scalar(kind: kind(of: value), length: length, folded: fold(value))
    }

    /// The class of a non-ASCII scalar value.
    static func kind(of value: UInt32) -> Kind {
        switch value {
        case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF, 0x0300...0x036F: return .ignorable
        case 0x2028, 0x2029, 0x85: return .newline
        case 0x2010, 0x2011: return .hyphen
        case 0x2012...0x2015, 0x2E3A, 0x2E3B: return .dash
        case 0x2018, 0x2019, 0x201B, 0x02BC: return .apostrophe
        case 0x3001: return .comma
        case 0xAA, 0xBA, 0xB5: return .caseless
        case 0x80...0xBF, 0xD7, 0xF7, 0x2016...0x2017, 0x201A, 0x201C...0x206F, 0x3002...0x303F: return .punctuation
        case 0xC0...0xDE: return .upper
        case 0xDF...0xFF: return .lower
        case 0x100...0x17F: return isUpperExtendedA(value) ? .upper : .lower
        case 0x2070...0x2BFF, 0xE000...0xF8FF, 0xFE30...0xFE4F, 0xFF01...0xFF0F: return .punctuation
        case 0x1F000...0x1FFFF: return .punctuation
        default: return .caseless
        }
    }

    /// Folded ASCII for a Latin letter with diacritics (`é` → `e`, `ß` → `ss`, `Œ` → `oe`).
    static func fold(_ value: UInt32) -> UInt16 {
        let base: UInt8
        switch value {
        case 0xC0...0xFF: base = latin1[Int(value - 0xC0)]
        case 0x100...0x17F: base = latinExtendedA[Int(value - 0x100)]
        default: return 0
        }
        guard base == UInt8(ascii: "2") else { return base == UInt8(ascii: "*") ? 0 : UInt16(base) }
        switch value {
        case 0xC6, 0xE6: return UInt16(ascii2: "ae")
        case 0xDF: return UInt16(ascii2: "ss")
        case 0x132, 0x133: return UInt16(ascii2: "ij")
        default: return UInt16(ascii2: "oe")
        }
    }

    /// Latin Extended-A alternates capital and small letters, with a change of parity at U+0139.
    private static func isUpperExtendedA(_ value: UInt32) -> Bool {
        switch value {
        case 0x100...0x137: return value & 1 == 0 && value != 0x131
        case 0x139...0x148: return value & 1 == 1
        case 0x14A...0x177: return value & 1 == 0
        case 0x178: return true
        case 0x179...0x17E: return value & 1 == 1
        default: return false
        }
    }
}

extension UInt16 {
    /// Two ASCII letters packed low byte first.
    fileprivate init(ascii2 text: StaticString) {
        let pointer = text.utf8Start
        self = UInt16(pointer[0]) | UInt16(pointer[1]) << 8
    }
}
