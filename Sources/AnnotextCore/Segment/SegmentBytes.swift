/// Byte-level helpers for the segmenter: white space, letter case, quotes and brackets, read
/// straight from UTF-8 without decoding whole scalars.
///
/// Every function takes the buffer, a position and the end of the range being read, so that
/// no helper ever reads past a block.
enum SegmentBytes {
    /// The case of the scalar at a position, as far as boundary decisions care.
    enum LetterCase {
        case upper
        case lower
        case digit
        /// Not a letter or digit (punctuation, symbols, spaces).
        case none
        /// A letter without case, or one outside the scripts judged here.
        case uncased
    }

    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always)
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    @inline(__always)
    static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }

    /// The byte length of the white-space scalar at `i`, or 0. Knows the ASCII spaces, the
    /// no-break space, the typographic spaces, line and paragraph separators and U+3000.
    @inline(__always)
    static func spaceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        if b < 0x80 { return isASCIISpace(b) ? 1 : 0 }
        return wideSpaceLength(p, i, end)
    }

    static func wideSpaceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        if b == 0xC2, i + 1 < end, p[i + 1] == 0xA0 || p[i + 1] == 0x85 { return 2 }
        guard i + 2 < end else { return 0 }
        let b1 = p[i + 1]
        let b2 = p[i + 2]
        if b == 0xE2 {
            if b1 == 0x80, (b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF { return 3 }
            if b1 == 0x81, b2 == 0x9F { return 3 }
        }
        if b == 0xE3, b1 == 0x80, b2 == 0x80 { return 3 }
        return 0
    }

    /// The byte length of the white-space scalar that ends just before `end`, or 0.
    static func spaceLengthBefore(_ p: UnsafeBufferPointer<UInt8>, _ end: Int, _ start: Int) -> Int {
        let b = p[end - 1]
        if b < 0x80 { return isASCIISpace(b) ? 1 : 0 }
        if end - 2 >= start, p[end - 2] == 0xC2 { return wideSpaceLength(p, end - 2, end) == 2 ? 2 : 0 }
        if end - 3 >= start { return wideSpaceLength(p, end - 3, end) == 3 ? 3 : 0 }
        return 0
    }

    @inline(__always)
    static func isSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        spaceLength(p, i, end) > 0
    }

    /// The first position at or after `i` that is not white space.
    static func skipSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end {
            let n = spaceLength(p, i, end)
            if n == 0 { break }
            i += n
        }
        return i
    }

    /// The position just after the last scalar before `end` that is not white space.
    static func trimEnd(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start {
            let n = spaceLengthBefore(p, end, start)
            if n == 0 { break }
            end -= n
        }
        return end
    }

    /// Tokens are read at most this far, so that a pathological run without spaces costs
    /// linear time, not quadratic.
    static let tokenLimit = 256

    /// The first position at or after `i` that is white space (or `end`, or `tokenLimit` on).
    static func tokenEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var i = i
        let stop = min(end, i + tokenLimit)
        while i < stop, !isSpace(p, i, end) { i += 1 }
        return i
    }

    /// The position where the token holding `i - 1` starts (just after white space), at most
    /// `tokenLimit` bytes back.
    static func tokenStart(_ p: UnsafeBufferPointer<UInt8>, before i: Int, _ start: Int) -> Int {
        var j = i
        let start = max(start, i - tokenLimit)
        while j > start {
            let b = p[j - 1]
            if b < 0x80 ? isASCIISpace(b) : spaceLengthBefore(p, j, start) > 0 { break }
            j -= 1
        }
        return j
    }

    /// The letter case of the scalar at `i`: ASCII, Latin-1, Latin Extended-A and Greek are
    /// judged; other letters are `uncased`.
    static func letterCase(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> LetterCase {
        let b = p[i]
        if b < 0x80 {
            if isUpper(b) { return .upper }
            if isLower(b) { return .lower }
            if isDigit(b) { return .digit }
            return .none
        }
        guard i + 1 < end else { return .none }
        let b1 = p[i + 1]
        switch b {
        case 0xC3:
            if b1 == 0x97 || b1 == 0xB7 { return .none }
            return b1 < 0x9F ? .upper : .lower
        case 0xC4, 0xC5:
            return (b1 & 1) == 0 ? .upper : .lower
        case 0xCE:
            if b1 >= 0x91 && b1 <= 0xA9 { return .upper }
            if b1 >= 0xAC { return .lower }
            return .none
        case 0xCF:
            return b1 <= 0x8E ? .lower : .none
        case 0xC2, 0xE2:
            return .none
        default:
            return b >= 0xC6 ? .uncased : .none
        }
    }

    /// The byte length of a closing quote or bracket at `i`, or 0: `" ' ) ] }`, `” ’ › »`.
    static func closerLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        switch b {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D: return 1
        case 0xC2: return i + 1 < end && p[i + 1] == 0xBB ? 2 : 0
        case 0xE2:
            guard i + 2 < end, p[i + 1] == 0x80 else { return 0 }
            let b2 = p[i + 2]
            return b2 == 0x9D || b2 == 0x99 || b2 == 0xBA ? 3 : 0
        default: return 0
        }
    }

    /// The byte length of an opening quote or bracket at `i`, or 0: `" ' ( [ {`, `“ ‘ ‹ «`,
    /// `¿ ¡`, and the emphasis marks `*` and `_`.
    static func openerLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        switch b {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0x2A, 0x5F: return 1
        case 0xC2:
            guard i + 1 < end else { return 0 }
            let b1 = p[i + 1]
            return b1 == 0xAB || b1 == 0xBF || b1 == 0xA1 ? 2 : 0
        case 0xE2:
            guard i + 2 < end, p[i + 1] == 0x80 else { return 0 }
            let b2 = p[i + 2]
            return b2 == 0x9C || b2 == 0x98 || b2 == 0xB9 ? 3 : 0
        default: return 0
        }
    }

    /// Whether `i` starts the horizontal ellipsis `…`.
    @inline(__always)
    static func isEllipsis(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        p[i] == 0xE2 && i + 2 < end && p[i + 1] == 0x80 && p[i + 2] == 0xA6
    }

    /// The byte length of an ideographic full stop or full-width `！ ？` at `i`, or 0. These end
    /// a sentence without a space after them.
    @inline(__always)
    static func fullStopLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        guard i + 2 < end else { return 0 }
        let b = p[i]
        if b == 0xE3 { return p[i + 1] == 0x80 && p[i + 2] == 0x82 ? 3 : 0 }
        if b == 0xEF { return p[i + 1] == 0xBC && (p[i + 2] == 0x81 || p[i + 2] == 0x9F) ? 3 : 0 }
        return 0
    }

    /// The byte length of a full-width closing bracket or corner quote at `i` (`」 』 ）`), or 0.
    static func wideCloserLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        guard i + 2 < end else { return 0 }
        let (b, b1, b2) = (p[i], p[i + 1], p[i + 2])
        if b == 0xE3, b1 == 0x80, b2 == 0x8D || b2 == 0x8F || b2 == 0x89 || b2 == 0x8B { return 3 }
        if b == 0xEF, b1 == 0xBC, b2 == 0x89 { return 3 }
        return 0
    }

    /// Whether the range holds a letter or a digit (any non-ASCII scalar counts as one unless it
    /// is punctuation this reader knows).
    static func hasAlphanumeric(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            let b = p[i]
            if b < 0x80 {
                if isAlphanumeric(b) { return true }
                i += 1
                continue
            }
            switch letterCase(p, i, end) {
            case .upper, .lower, .digit, .uncased: return true
            case .none: break
            }
            i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        }
        return false
    }

    /// The number of scalars in the range (UTF-8 lead bytes).
    static func scalarCount(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var n = 0
        for i in start..<end where p[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
