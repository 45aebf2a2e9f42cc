/// The word-level readings of a scan: dotted acronyms, line-break hyphenation, possessive and
/// `n't` endings, web addresses.
extension ScanRun {
    /// Scans the word at `start` (with its possessive, dotted-acronym or line-break forms),
    /// appends its token and returns where scanning goes on.
    mutating func word(at start: Int, separator: UInt8) -> Int {
        let foldStart = foldCount
        var upper = 0
        var lower = 0
        var index = letters(from: start, upper: &upper, lower: &lower)
        let first = bytes[start]
        let firstIsUpper =
            upper > 0 && (first < 0x80 ? kinds[Int(first)] == Kind.upper.rawValue : character(at: start).kind == .upper)
        var tokenEnd = index
        var shape: UInt8 = 0
        if foldCount - foldStart == 1, let dottedEnd = dottedAcronym(from: index, upper: &upper, lower: &lower) {
            shape |= Shape.dotted
            index = dottedEnd
            tokenEnd = dottedEnd
        } else if index < end, bytes[index] != 0x20 {
            // Only a word followed by a mark (not a space) can be joined, possessive or an address.
            if let joinedEnd = lineBreakJoin(at: index, foldStart: foldStart, upper: &upper, lower: &lower) {
                index = joinedEnd
                tokenEnd = joinedEnd
            }
            let (suffixShape, suffixEnd) = apostropheSuffix(at: index, foldStart: foldStart)
            shape |= suffixShape
            index = suffixEnd
            if index < end, isWebAddressMark(at: index) { markWebAddress(around: start) }
        }
        if upper == 0 && lower > 0 {
            shape |= Shape.lower
        } else if lower == 0 && upper > 0 {
            shape |= Shape.upper
        } else if upper == 1 && firstIsUpper {
            shape |= Shape.title
        }
        if start < webAddressEnd { shape |= Shape.webAddress }
        // One load gives the id (low half) and the clause-cue roles (high half).
        let entry = vocabulary?.entry(for: hash(from: foldStart)) ?? 0
        tokens.append(
            Token(
                start: start, end: tokenEnd, id: UInt32(truncatingIfNeeded: entry), foldStart: UInt32(foldStart),
                foldLength: UInt16(truncatingIfNeeded: foldCount - foldStart), separator: separator, shape: shape,
                role: UInt32(truncatingIfNeeded: entry >> 32)))
        return index
    }

    /// `U.N.`, `e.g.`: after one letter, more single letters each followed by a period.
    mutating func dottedAcronym(from index: Int, upper: inout Int, lower: inout Int) -> Int? {
        var index = index
        var letters = 0
        while index + 2 < end, bytes[index] == UInt8(ascii: "."), bytes[index + 2] == UInt8(ascii: ".") {
            let kind = kinds[Int(bytes[index + 1])]
            guard kind == Kind.upper.rawValue || kind == Kind.lower.rawValue else { break }
            if kind == Kind.upper.rawValue { upper += 1 } else { lower += 1 }
            put(bytes[index + 1] | 0x20)
            letters += 1
            index += 2
        }
        return letters > 0 ? index + 1 : nil
    }

    /// The word after a hyphen at `index`, directly or after one line break (`balance-of-\npower`).
    func wordAfterHyphen(at index: Int) -> (index: Int, acrossLine: Bool)? {
        var next = index + character(at: index).length
        var sawNewline = false
        while next < end {
            let (kind, length, _) = character(at: next)
            if kind == .newline {
                if sawNewline { return nil }
                sawNewline = true
            } else if kind != .space {
                break
            } else if !sawNewline {
                return nil
            }
            next += length
        }
        return isWordStart(at: next) ? (next, sawNewline) : nil
    }

    /// `collec-\ntive`: joins the two halves when the joined word is in the vocabulary.
    mutating func lineBreakJoin(at index: Int, foldStart: Int, upper: inout Int, lower: inout Int) -> Int? {
        let byte = bytes[index]
        guard byte == UInt8(ascii: "-") || byte == 0xE2, let vocabulary, character(at: index).kind == .hyphen,
            let after = wordAfterHyphen(at: index), after.acrossLine
        else { return nil }
        let next = after.index
        let firstEnd = foldCount
        var upper2 = 0
        var lower2 = 0
        let joinedEnd = letters(from: next, upper: &upper2, lower: &lower2)
        guard vocabulary.value(for: hash(from: foldStart)) != 0 else {
            foldCount = firstEnd
            return nil
        }
        upper += upper2
        lower += lower2
        return joinedEnd
    }

    /// A possessive (`’s`, `s’`) or `n’t` after a word: its shape flag and where scanning goes on.
    func apostropheSuffix(at index: Int, foldStart: Int) -> (UInt8, Int) {
        guard index < end, bytes[index] == UInt8(ascii: "'") || bytes[index] >= 0xC0 else { return (0, index) }
        let (kind, length, _) = character(at: index)
        guard kind == .apostrophe else { return (0, index) }
        let after = index + length
        let last = fold[foldCount - 1]
        if after < end, bytes[after] | 0x20 == UInt8(ascii: "s"), !isWordStart(at: after + 1) {
            return (Shape.possessive, after + 1)
        }
        if after < end, bytes[after] | 0x20 == UInt8(ascii: "t"), last == UInt8(ascii: "n"), !isWordStart(at: after + 1) {
            return (Shape.negativeContraction, after + 1)
        }
        if last == UInt8(ascii: "s"), foldCount - foldStart > 1, !isWordStart(at: after) {
            return (Shape.possessive, after)
        }
        return (0, index)
    }
}

extension ScanRun {
    /// A mark after a word that may put it inside a web or e-mail address.
    func isWebAddressMark(at index: Int) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "."), UInt8(ascii: "/"): return isWordStart(at: index + 1)
        case UInt8(ascii: "@"): return true
        case UInt8(ascii: ":"): return index + 2 < end && bytes[index + 1] == UInt8(ascii: "/")
        default: return false
        }
    }

    /// Marks the tokens of the white-space-free chunk around `start` when it is a web address.
    mutating func markWebAddress(around start: Int) {
        var low = start
        while low > rangeStart, !isBlank(bytes[low - 1]) { low -= 1 }
        var high = start
        while high < end, !isBlank(bytes[high]) { high += 1 }
        guard WebAddress.isAddress(UnsafeBufferPointer(start: bytes + low, count: high - low)) else { return }
        webAddressEnd = high
        var last = tokens.count - 1
        while last >= 0, tokens.base[last].start >= low {
            tokens.base[last].shape |= Shape.webAddress
            last -= 1
        }
    }

    func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
}
