/// The segmenter's one pass over the UTF-8 bytes of a document: it walks each run of text that
/// the line layout hands it, stops only at the bytes that can matter (`. ? ! …`, brackets,
/// bullets) and cuts units there.
///
/// The state is the unit being read: where it starts, its kind, how many parentheses are open
/// in it. Finished units go to `units`, already trimmed, numbered and stripped of empty or
/// punctuation-only ones.
struct BoundaryScanner {
    /// The UTF-8 bytes of the whole document text; every position is an offset into them.
    let p: UnsafeBufferPointer<UInt8>
    /// The abbreviations that may not end a sentence.
    let abbreviations: AbbreviationList
    /// The finished units, in order.
    var units: [Sentence] = []
    /// The last list label read, to tell the next one in the same list (`1.` → `2.`).
    var lastLabel: EnumeratorValue?

    /// Where the current unit starts.
    var unitStart = 0
    /// What the current unit is.
    var unitKind: UnitKind = .sentence
    /// The end of the run being scanned.
    var end = 0
    /// Parentheses opened and not yet closed in the current unit.
    var depth = 0
    /// Whether the current unit holds a letter or digit before `contentChecked`.
    var hasContent = false
    /// How far the current unit has been searched for a letter or digit.
    var contentChecked = 0

    /// Lines of the current block, reused from block to block.
    var lines: [LayoutLine] = []
    /// Whether each line break of the current block ends a unit, reused likewise.
    var hardBreaks: [Bool] = []

    init(_ p: UnsafeBufferPointer<UInt8>, abbreviations: AbbreviationList) {
        self.p = p
        self.abbreviations = abbreviations
    }

    /// Cuts `p[s..<e]` — text that holds whole units — into units.
    mutating func scan(_ s: Int, _ e: Int) {
        end = e
        var i = SegmentBytes.skipSpace(p, s, e)
        guard i < e else { return }
        i = openUnit(at: i)
        guard let base = p.baseAddress else { return }
        let dot = SIMD16<UInt8>(repeating: 0x2E)
        let question = SIMD16<UInt8>(repeating: 0x3F)
        let bang = SIMD16<UInt8>(repeating: 0x21)
        let open = SIMD16<UInt8>(repeating: 0x28)
        let close = SIMD16<UInt8>(repeating: 0x29)
        let wide = SIMD16<UInt8>(repeating: 0xE2)  // `…`, bullets, full stops: 0xE2–0xEF lead bytes
        while i < e {
            // Most bytes are letters and spaces: skip sixteen at a time while none can matter.
            while i + 16 <= e {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                let hit =
                    (v .== dot) .| (v .== question) .| (v .== bang) .| (v .== open) .| (v .== close) .| (v .>= wide)
                if any(hit) { break }
                i += 16
            }
            var b = base[i]
            while b == 0x20 || (b > 0x29 && b != 0x2E && b != 0x3F && b < 0xE2) || b > 0xEF {
                i += 1
                if i == e { break }
                b = base[i]
            }
            if i == e { break }
            switch b {
            case 0x2E, 0x3F, 0x21:
                i = terminal(at: i)
            case 0x28:
                depth += 1
                i += 1
            case 0x29:
                i = closingParenthesis(at: i)
            case 0xE2:
                i = wideMark(at: i)
            case 0xE3, 0xEF:
                i = fullStop(at: i)
            default:
                i += 1
            }
        }
        emit(unitStart, e, unitKind)
    }

    /// Starts a unit at `i`; a list label there gives the unit its kind and is read past.
    mutating func openUnit(at i: Int) -> Int {
        unitStart = i
        unitKind = .sentence
        depth = 0
        hasContent = false
        contentChecked = i
        guard i < end, let label = EnumeratorLabel.parse(p, at: i, end) else { return i }
        unitKind = label.kind
        if let value = label.value { lastLabel = value }
        return label.end
    }

    /// Ends the current unit at `unitEnd` and starts the next at `next`; returns where to read on.
    mutating func split(unitEnd: Int, next: Int) -> Int {
        emit(unitStart, unitEnd, unitKind)
        return openUnit(at: next)
    }

    /// Whether the current unit holds a letter or digit before `i`. Remembers how far it looked,
    /// so that a long run of marks is searched once.
    mutating func unitHasContent(before i: Int) -> Bool {
        if hasContent { return true }
        let from = max(contentChecked, unitStart)
        if from < i, SegmentBytes.hasAlphanumeric(p, from, i) {
            hasContent = true
            return true
        }
        contentChecked = max(from, i)
        return false
    }

    /// Adds `p[s..<e]`, trimmed, as a unit — unless it holds no letter or digit.
    mutating func emit(_ s: Int, _ e: Int, _ kind: UnitKind) {
        let start = SegmentBytes.skipSpace(p, s, e)
        let stop = SegmentBytes.trimEnd(p, start, e)
        guard stop > start, SegmentBytes.hasAlphanumeric(p, start, stop) else { return }
        units.append(Sentence(index: units.count, range: start..<stop, kind: kind))
    }

    /// A `)`: closes a parenthesis, or — unmatched, after white space — ends a label such as
    /// `b)`, `2)`, `B)` in the middle of a unit, which then starts a new one.
    mutating func closingParenthesis(at i: Int) -> Int {
        if depth > 0 {
            depth -= 1
            return i + 1
        }
        let tokenStart = SegmentBytes.tokenStart(p, before: i, unitStart)
        guard tokenStart > unitStart, i + 1 < end, SegmentBytes.isSpace(p, i + 1, end),
            let label = EnumeratorLabel.parse(p, at: tokenStart, end), label.end == i + 1, !label.isBullet,
            SegmentBytes.skipSpace(p, i + 1, end) < end,
            unitHasContent(before: tokenStart),
            !continuesEnumeration(before: tokenStart, isOption: label.kind == .option)
        else { return i + 1 }
        return split(unitEnd: tokenStart, next: tokenStart)
    }

    /// Whether a label at `start` is part of an enumeration running through a sentence
    /// (`reasons: 1) cost, 2) time, and 3) risk`): after a comma, a semicolon, `and`, `or`, or —
    /// unless it is a quiz option — a colon.
    func continuesEnumeration(before start: Int, isOption: Bool) -> Bool {
        let previousEnd = SegmentBytes.trimEnd(p, unitStart, start)
        guard previousEnd > unitStart else { return false }
        let b = p[previousEnd - 1]
        if b == 0x2C || b == 0x3B || (b == 0x3A && !isOption) { return true }
        let wordStart = SegmentBytes.tokenStart(p, before: previousEnd, unitStart)
        let word = FoldedWordHash.hash(p, wordStart, previousEnd)
        return word == LayoutLine.and || word == LayoutLine.or
    }

    /// An ideographic full stop (`。`, `！`, `？`) ends the unit wherever text follows it.
    mutating func fullStop(at i: Int) -> Int {
        var j = i
        while j < end {
            let n = SegmentBytes.fullStopLength(p, j, end)
            if n == 0 { break }
            j += n
        }
        guard j > i else { return i + 1 }
        while j < end {
            let n = max(SegmentBytes.wideCloserLength(p, j, end), SegmentBytes.closerLength(p, j, end))
            if n == 0 { break }
            j += n
        }
        guard j < end, unitHasContent(before: i) else { return j }
        return split(unitEnd: j, next: SegmentBytes.skipSpace(p, j, end))
    }

    /// A byte 0xE2: an ellipsis `…`, a bullet after white space (which starts a new unit), or
    /// any other mark of General Punctuation (quotes, dashes), read past.
    mutating func wideMark(at i: Int) -> Int {
        if SegmentBytes.isEllipsis(p, i, end) { return terminal(at: i) }
        guard i > unitStart, i + 2 < end, SegmentBytes.isASCIISpace(p[i - 1]),
            p[i + 1] != 0x80 || p[i + 2] == 0xA2 || p[i + 2] == 0xA3,
            EnumeratorLabel.bulletEnd(p, i, end) != nil,
            unitHasContent(before: i)
        else { return i + 1 }
        return split(unitEnd: i, next: i)
    }
}
