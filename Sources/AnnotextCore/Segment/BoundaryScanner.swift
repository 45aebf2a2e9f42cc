/// The segmenter's one pass over the UTF-8 bytes of a document: it walks each run of text that
/// the line layout hands it, stops only at the bytes that can matter (`. ? ! …`, brackets,
/// bullets) and cuts units there.
///
/// The state is the unit being read: where it starts, its kind, how many parentheses are open
/// in it. Finished units go to `units`, already trimmed, numbered and stripped of empty or
/// punctuation-only ones.
struct BoundaryScanner {
    let p: UnsafeBufferPointer<UInt8>
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
        while i < e {
            let b = p[i]
            // Most bytes are letters and spaces: one comparison chain and on.
            if b == 0x20 || (b > 0x29 && b != 0x2E && b != 0x3F && b != 0xE2) {
                i += 1
                continue
            }
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
            SegmentBytes.hasAlphanumeric(p, unitStart, tokenStart)
        else { return i + 1 }
        return split(unitEnd: tokenStart, next: tokenStart)
    }

    /// A byte 0xE2: an ellipsis `…`, a bullet after white space (which starts a new unit), or
    /// any other mark of General Punctuation (quotes, dashes), read past.
    mutating func wideMark(at i: Int) -> Int {
        if SegmentBytes.isEllipsis(p, i, end) { return terminal(at: i) }
        guard i > unitStart, i + 2 < end, SegmentBytes.isASCIISpace(p[i - 1]),
            p[i + 1] != 0x80 || p[i + 2] == 0xA2 || p[i + 2] == 0xA3,
            EnumeratorLabel.bulletEnd(p, i, end) != nil,
            SegmentBytes.hasAlphanumeric(p, unitStart, i)
        else { return i + 1 }
        return split(unitEnd: i, next: i)
    }
}
