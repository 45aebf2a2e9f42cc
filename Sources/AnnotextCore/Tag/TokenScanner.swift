/// Cuts a byte range of text into folded word tokens in one pass: letters and digits are words;
/// case, diacritics and quote styles are folded into a buffer as it goes; each token keeps its
/// byte range in the original text and gets its vocabulary id from one hash lookup.
///
/// It reads, without rewriting the text: a hyphen between words as a separator that a term may
/// cross (`balance-of-power`), a word hyphenated across a line break (`collec-\ntive`) as one
/// token when the joined word is in the vocabulary, dotted acronyms (`U.N.`) as one token, a
/// possessive ending (`’s`, `s’`) as a mark on the word before it, and the words of a web address
/// as untaggable.
struct TokenScanner {
    /// The vocabulary the tokens are looked up in; nil when compiling terms (no joins then).
    let vocabulary: VocabularyView?
    /// The folded bytes of the tokens of the current range.
    private(set) var folded: [UInt8] = []
    private let kinds = TextFolding.asciiKinds

    init(vocabulary: VocabularyView?) {
        self.vocabulary = vocabulary
    }

    /// Replaces `tokens` with the tokens of `range` of `bytes`.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into tokens: inout [Token]) {
        tokens.removeAll(keepingCapacity: true)
        let needed = range.count + 8
        if folded.count < needed { folded = [UInt8](repeating: 0, count: max(needed, folded.count * 2)) }
        guard let base = bytes.baseAddress, !range.isEmpty else { return }
        folded.withUnsafeMutableBufferPointer { fold in
            kinds.withUnsafeBufferPointer { kinds in
                var run = Run(
                    bytes: base, end: range.upperBound, fold: fold.baseAddress.unsafelyUnwrapped,
                    kinds: kinds.baseAddress.unsafelyUnwrapped, vocabulary: vocabulary)
                run.rangeStart = range.lowerBound
                run.scan(from: range.lowerBound, into: &tokens)
            }
        }
    }

    /// The folded bytes of `token`.
    func foldedBytes(of token: Token) -> ArraySlice<UInt8> {
        folded[Int(token.foldStart)..<Int(token.foldStart) + Int(token.foldLength)]
    }
}

/// A read-only view of the vocabulary table for the scan loop.
struct VocabularyView {
    let keys: UnsafePointer<UInt64>
    let values: UnsafePointer<UInt32>
    let mask: Int
    let shift: UInt64

    @inline(__always)
    func id(for hash: UInt64) -> UInt32 {
        HashTable64.lookup(hash, keys: keys, values: values, mask: mask, shift: shift)
    }
}

/// The state of one scan: pointers held in locals so the loop does no bounds or ARC work.
private struct Run {
    let bytes: UnsafePointer<UInt8>
    let end: Int
    let fold: UnsafeMutablePointer<UInt8>
    let kinds: UnsafePointer<UInt8>
    let vocabulary: VocabularyView?
    var foldCount = 0
    var webAddressEnd = -1
    var rangeStart = 0

    typealias Kind = TextFolding.Kind

    /// The kind and byte length of the character at `index`.
    @inline(__always)
    func character(at index: Int) -> (kind: Kind, length: Int, folded: UInt16) {
        let byte = bytes[index]
        if byte < 0x80 { return (Kind(rawValue: kinds[Int(byte)]).unsafelyUnwrapped, 1, 0) }
        let scalar = TextFolding.scalar(in: bytes, at: index, end: end)
        return (scalar.kind, scalar.length, scalar.folded)
    }

    @inline(__always)
    func isWordStart(at index: Int) -> Bool {
        guard index < end else { return false }
        switch character(at: index).kind {
        case .lower, .upper, .digit, .caseless: return true
        default: return false
        }
    }

    mutating func scan(from start: Int, into tokens: inout [Token]) {
        var index = start
        var separator: UInt8 = 0
        var newlines = 0
        while index < end {
            let (kind, length, _) = character(at: index)
            switch kind {
            case .lower, .upper, .digit, .caseless:
                index = word(at: index, separator: separator, into: &tokens)
                separator = tokens.last.map { $0.shape & Shape.possessive != 0 ? Separator.possessive : 0 } ?? 0
                newlines = 0
                continue
            case .space: separator |= Separator.space
            case .newline:
                newlines += 1
                separator |= newlines > 1 ? Separator.blankLine : Separator.newline
            case .hyphen:
                if tokens.last?.end == index, let next = wordAfterHyphen(at: index) {
                    separator |= next.acrossLine ? Separator.hyphen | Separator.newline : Separator.hyphen
                    index = next.index
                    continue
                }
                separator |= Separator.clause
            case .comma: separator |= Separator.comma
            case .clause, .dash: separator |= Separator.clause
            case .ignorable: break
            default: separator |= Separator.punctuation
            }
            index += length
        }
    }

    /// Folds the letters and digits from `index` into the buffer; returns where they stop.
    @inline(__always)
    mutating func letters(from index: Int, upper: inout Int, lower: inout Int) -> Int {
        var index = index
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                let kind = kinds[Int(byte)]
                if kind == Kind.lower.rawValue {
                    lower += 1
                } else if kind == Kind.upper.rawValue {
                    upper += 1
                } else if kind != Kind.digit.rawValue {
                    break
                }
                fold[foldCount] = byte | (kind == Kind.upper.rawValue ? 0x20 : 0)
                foldCount += 1
                index += 1
                continue
            }
            let scalar = TextFolding.scalar(in: bytes, at: index, end: end)
            switch scalar.kind {
            case .lower, .upper:
                if scalar.kind == .upper { upper += 1 } else { lower += 1 }
                if scalar.folded != 0 {
                    fold[foldCount] = UInt8(truncatingIfNeeded: scalar.folded)
                    foldCount += 1
                    if scalar.folded > 0xFF {
                        fold[foldCount] = UInt8(truncatingIfNeeded: scalar.folded >> 8)
                        foldCount += 1
                    }
                } else {
                    copyRaw(index, scalar.length)
                }
            case .caseless: copyRaw(index, scalar.length)
            case .ignorable: break
            default: return index
            }
            index += scalar.length
        }
        return index
    }

    @inline(__always)
    mutating func copyRaw(_ index: Int, _ length: Int) {
        for offset in 0..<length { fold[foldCount + offset] = bytes[index + offset] }
        foldCount += length
    }

    func hash(from start: Int) -> UInt64 {
        var value = HashTable64.seed
        for index in start..<foldCount { value = HashTable64.hash(value, fold[index]) }
        return value
    }
}

extension Run {
    /// Scans the word at `start` (with its possessive, dotted-acronym or line-break forms),
    /// appends its token and returns where scanning goes on.
    mutating func word(at start: Int, separator: UInt8, into tokens: inout [Token]) -> Int {
        let foldStart = foldCount
        var upper = 0
        var lower = 0
        var index = letters(from: start, upper: &upper, lower: &lower)
        let firstIsUpper = upper > 0 && character(at: start).kind == .upper
        var tokenEnd = index
        var shape: UInt8 = 0
        if foldCount - foldStart == 1, let dottedEnd = dottedAcronym(from: index, upper: &upper, lower: &lower) {
            shape |= Shape.dotted
            index = dottedEnd
            tokenEnd = dottedEnd
        } else if index < end {
            if let joinedEnd = lineBreakJoin(at: index, foldStart: foldStart, upper: &upper, lower: &lower) {
                index = joinedEnd
                tokenEnd = joinedEnd
            }
            let (suffixShape, suffixEnd) = apostropheSuffix(at: index, foldStart: foldStart)
            shape |= suffixShape
            index = suffixEnd
            if index < end, isWebAddressMark(at: index) { markWebAddress(around: start, tokens: &tokens) }
        }
        if upper == 0 && lower > 0 {
            shape |= Shape.lower
        } else if lower == 0 && upper > 0 {
            shape |= Shape.upper
        } else if upper == 1 && firstIsUpper {
            shape |= Shape.title
        }
        if start < webAddressEnd { shape |= Shape.webAddress }
        let id = vocabulary?.id(for: hash(from: foldStart)) ?? 0
        tokens.append(
            Token(
                start: start, end: tokenEnd, id: id, foldStart: UInt32(foldStart),
                foldLength: UInt16(truncatingIfNeeded: foldCount - foldStart), separator: separator, shape: shape))
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
            fold[foldCount] = bytes[index + 1] | 0x20
            foldCount += 1
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
        guard let vocabulary, character(at: index).kind == .hyphen,
            let after = wordAfterHyphen(at: index), after.acrossLine
        else { return nil }
        let next = after.index
        let firstEnd = foldCount
        var upper2 = 0
        var lower2 = 0
        let joinedEnd = letters(from: next, upper: &upper2, lower: &lower2)
        guard vocabulary.id(for: hash(from: foldStart)) != 0 else {
            foldCount = firstEnd
            return nil
        }
        upper += upper2
        lower += lower2
        return joinedEnd
    }

    /// A possessive (`’s`, `s’`) or `n’t` after a word: its shape flag and where scanning goes on.
    func apostropheSuffix(at index: Int, foldStart: Int) -> (UInt8, Int) {
        guard index < end else { return (0, index) }
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

extension Run {
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
    mutating func markWebAddress(around start: Int, tokens: inout [Token]) {
        var low = start
        while low > rangeStart, !isBlank(bytes[low - 1]) { low -= 1 }
        var high = start
        while high < end, !isBlank(bytes[high]) { high += 1 }
        guard WebAddress.isAddress(UnsafeBufferPointer(start: bytes + low, count: high - low)) else { return }
        webAddressEnd = high
        var last = tokens.count - 1
        while last >= 0, tokens[last].start >= low {
            tokens[last].shape |= Shape.webAddress
            last -= 1
        }
    }

    func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
}
