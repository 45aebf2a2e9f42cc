/// The state of one scan: pointers held in locals so the loop does no bounds or ARC work.
struct ScanRun {
    let bytes: UnsafePointer<UInt8>
    let end: Int
    let fold: UnsafeMutablePointer<UInt8>
    let kinds: UnsafePointer<UInt8>
    let foldTable: UnsafePointer<UInt8>
    let vocabulary: HashTable64.View?
    var tokens: TokenList
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

    mutating func scan(from start: Int) {
        var index = start
        var separator: UInt8 = 0
        var newlines = 0
        while index < end {
            let (kind, length, _) = character(at: index)
            switch kind {
            case .lower, .upper, .digit, .caseless:
                if index &+ 8 <= end, let next = shortWord(at: index, separator: separator) {
                    index = next
                    // The space after the word is consumed; a mark after it is read next.
                    separator = bytes[next &- 1] == 0x20 ? Separator.space : 0
                    newlines = 0
                    continue
                }
                index = word(at: index, separator: separator)
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

    /// The common word, fast: up to seven ASCII letters and digits followed by a space, read as
    /// one chunk, hashed from a register, appended with the space after it consumed; or followed
    /// by a mark that cannot join it to more (`isPlainMark`), which is left to be read next.
    /// Nil when the word is longer, not ASCII or followed by something else:
    /// `word(at:separator:)` then reads it (the results are the same). `start + 8` must not
    /// pass `end`.
    @inline(__always)
    mutating func shortWord(at start: Int, separator: UInt8) -> Int? {
        let raw = UnsafeRawPointer(bytes + start).loadUnaligned(as: UInt64.self)
        let chunk = ASCIIWordChunk(raw)
        let length = chunk.length
        guard length > 0, length < 8 else { return nil }
        let after = bytes[start &+ length]
        guard after == 0x20 || isPlainMark(after, at: start &+ length, wordLength: length) else { return nil }
        let foldStart = foldCount
        UnsafeMutableRawPointer(fold + foldStart).storeBytes(of: chunk.folded, as: UInt64.self)
        foldCount = foldStart &+ length
        var shape: UInt8 = 0
        if chunk.upperCount == 0 {
            shape = chunk.lowerCount > 0 ? Shape.lower : 0
        } else if chunk.lowerCount == 0 {
            shape = Shape.upper
        } else if chunk.upperCount == 1, UInt8(truncatingIfNeeded: raw) &- UInt8(ascii: "A") < 26 {
            shape = Shape.title
        }
        if start < webAddressEnd { shape |= Shape.webAddress }
        let word = chunk.folded & ((1 << UInt64(truncatingIfNeeded: length &* 8)) &- 1)
        let entry = vocabulary?.entry(for: HashTable64.hash(word: word, count: length)) ?? 0
        tokens.append(
            Token(
                start: start, end: start &+ length, id: UInt32(truncatingIfNeeded: entry), foldStart: UInt32(foldStart),
                foldLength: UInt16(truncatingIfNeeded: length), separator: separator, shape: shape,
                role: UInt32(truncatingIfNeeded: entry >> 32)))
        return after == 0x20 ? start &+ length &+ 1 : start &+ length
    }

    /// A mark after a word that `word(at:separator:)` would leave as it is: not a hyphen or an
    /// apostrophe (joins, possessives, `n't`), not part of a dotted acronym (`U.N.`, after one
    /// letter) or of a web address (`.` or `/` before a word, `@`, `:`).
    @inline(__always)
    func isPlainMark(_ byte: UInt8, at index: Int, wordLength: Int) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ")"), UInt8(ascii: "\""), UInt8(ascii: "!"),
            UInt8(ascii: "?"), 0x0A:
            return true
        case UInt8(ascii: "."): return wordLength > 1 && !isWordStart(at: index &+ 1)
        default: return false
        }
    }

    /// Folds the letters and digits from `index` into the buffer; returns where they stop.
    /// The ASCII loop keeps its state in locals (registers): it runs for every byte of a word.
    @inline(__always)
    mutating func letters(from index: Int, upper: inout Int, lower: inout Int) -> Int {
        // Locals, not fields: a store through `fold` could alias `self`, which would make the
        // compiler reload every field on every byte.
        let bytes = self.bytes
        let fold = self.fold
        let foldTable = self.foldTable
        let end = self.end
        var index = index
        var count = foldCount
        var uppers = 0
        var lowers = 0
        while index < end {
            if index &+ 8 <= end {
                // Eight bytes per step while the word is ASCII; the fold buffer has 8 bytes of
                // slack, so the whole chunk may be stored and the bytes past the word overwritten.
                let chunk = ASCIIWordChunk(UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
                UnsafeMutableRawPointer(fold + count).storeBytes(of: chunk.folded, as: UInt64.self)
                uppers &+= chunk.upperCount
                lowers &+= chunk.lowerCount
                count &+= chunk.length
                index &+= chunk.length
                if chunk.length == 8 { continue }
                guard bytes[index] >= 0x80 else { break }
            }
            let byte = bytes[index]
            let folded = foldTable[Int(byte)]
            if folded != 0 {
                fold[count] = folded
                uppers &+= folded != byte ? 1 : 0
                lowers &+= byte &- UInt8(ascii: "a") < 26 ? 1 : 0
                count &+= 1
                index &+= 1
                continue
            }
            guard byte >= 0x80 else { break }
            foldCount = count
            guard let next = nonASCIILetter(at: index, upper: &uppers, lower: &lowers) else { break }
            count = foldCount
            index = next
        }
        foldCount = count
        upper &+= uppers
        lower &+= lowers
        return index
    }

    /// Folds the non-ASCII letter at `index`; nil when it is not part of a word.
    mutating func nonASCIILetter(at index: Int, upper: inout Int, lower: inout Int) -> Int? {
        let scalar = TextFolding.scalar(in: bytes, at: index, end: end)
        switch scalar.kind {
        case .lower, .upper:
            if scalar.kind == .upper { upper += 1 } else { lower += 1 }
            if scalar.folded != 0 {
                put(UInt8(truncatingIfNeeded: scalar.folded))
                if scalar.folded > 0xFF { put(UInt8(truncatingIfNeeded: scalar.folded >> 8)) }
            } else {
                copyRaw(index, scalar.length)
            }
        case .caseless: copyRaw(index, scalar.length)
        case .ignorable: break
        default: return nil
        }
        return index + scalar.length
    }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        fold[foldCount] = byte
        foldCount += 1
    }

    /// The hash of the folded bytes from `start` to the end of the buffer.
    @inline(__always)
    func hash(from start: Int) -> UInt64 {
        HashTable64.hash(fold + start, count: foldCount - start)
    }

    @inline(__always)
    mutating func copyRaw(_ index: Int, _ length: Int) {
        for offset in 0..<length { put(bytes[index + offset]) }
    }
}
