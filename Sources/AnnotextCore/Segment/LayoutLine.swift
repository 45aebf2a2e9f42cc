/// One line of a block, with what the layout judgement needs to know about it.
struct LayoutLine {
    /// The first byte that is not white space.
    var start: Int
    /// Just after the last byte that is not white space.
    var end: Int
    /// The length in scalars (measured only for blocks of several lines; 0 until then).
    var length = 0
    /// Ends with `.`, `?`, `!` or `…` (before any closing quote or bracket).
    var endsSentence = false
    /// Ends with `:` or `;` (or `; and`, `; or`).
    var endsClause = false
    /// Ends with `:`.
    var endsColon = false
    /// Ends with a comma, a hyphen after a letter (`collec-`) or a title (`Mr.`): it runs on.
    var endsRunOn = false
    /// Ends with a hyphen after a letter or a title: it cannot end there, whatever follows.
    var endsOpen = false
    /// Starts with a lower-case letter (after any opening quote or bracket).
    var startsLower = false
    /// Starts with a typographic bullet (`•`, `◦`, `⁃`).
    var startsLabel = false
    /// What starts the line: 0 nothing, 1 an enumerator (`1.`, `(a)`), 2 a dash or ASCII
    /// bullet, 3 a typographic bullet.
    var labelStyle: UInt8 = 0
    /// Starts with any other label (`1.`, `IV.`, `(a)`, `2)`, `B)`, `-`, `*`): a list item, or in
    /// wrapped prose perhaps a number, initial or dash that the line break happens to put first
    /// (`85.`, `M.`, `17)`, `— these`).
    var startsWeakLabel = false
    /// Is a list label and nothing else (`I.`, `V.`, `12.`): a section number.
    var isBareLabel = false
    /// Opens with a term and a separator (`alliance: …`, `hegemon – …`): a glossary entry.
    var hasLeadTerm = false
    /// Holds no letter or digit (`=====`, `* * *`).
    var isRule = false
    /// Capitals or title case without final punctuation: a heading when it stands alone.
    var isHeadingLike = false

    /// Whether `next`, the line after this one, opens a list item: it starts with a bullet, or
    /// with another label after a line that closes something, is an item of the same style or
    /// stops short of the measure (`longest`).
    func isFollowed(byItem next: LayoutLine, longest: Int) -> Bool {
        if next.startsLabel { return true }
        return next.startsWeakLabel
            && (endsSentence || endsClause || isHeadingLike || labelStyle == next.labelStyle
                || length * 10 < longest * 7)
    }

    /// The line `p[start..<end]` (untrimmed, without its line break), not yet read.
    init(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        let s = SegmentBytes.skipSpace(p, start, end)
        self.start = s
        self.end = SegmentBytes.trimEnd(p, s, end)
    }

    /// Reads what the layout judgement needs. A line that is a block of its own (`alone`) needs
    /// only what tells a heading, a section number or a rule; the rest is skipped for speed.
    mutating func read(_ p: UnsafeBufferPointer<UInt8>, abbreviations: AbbreviationList, alone: Bool) {
        let s = start
        let e = end
        guard e > s else {
            isRule = true
            return
        }
        isRule = !SegmentBytes.hasAlphanumeric(p, s, e)
        if isRule { return }
        var last = e
        while last > s {
            // Step back over closing quotes and brackets.
            if SegmentBytes.closerLength(p, last - 1, e) == 1 {
                last -= 1
            } else if last - 3 >= s, SegmentBytes.closerLength(p, last - 3, e) == 3 {
                last -= 3
            } else if last - 2 >= s, SegmentBytes.closerLength(p, last - 2, e) == 2 {
                last -= 2
            } else {
                break
            }
        }
        if last > s {
            let b = p[last - 1]
            endsSentence =
                b == 0x2E || b == 0x3F || b == 0x21
                || (last - 3 >= s
                    && (SegmentBytes.isEllipsis(p, last - 3, e) || SegmentBytes.fullStopLength(p, last - 3, e) == 3))
            endsColon = b == 0x3A
            endsClause = b == 0x3A || b == 0x3B
            // `…; and` / `…; or` closes an item of a list laid out line by line.
            if !alone, !endsClause, SegmentBytes.isLetter(b) {
                let wordStart = SegmentBytes.tokenStart(p, before: last, s)
                let word = FoldedWordHash.hash(p, wordStart, last)
                if word == Self.and || word == Self.or {
                    let before = SegmentBytes.trimEnd(p, s, wordStart)
                    endsClause = before > s && p[before - 1] == 0x3B
                }
            }
            endsOpen = b == 0x2D && last - 2 >= s && SegmentBytes.isLetter(p[last - 2])
            endsRunOn = b == 0x2C || endsOpen
            if !alone, SegmentBytes.isLower(b), !endsClause {
                // A line ending in `the`, `of`, `and` breaks a sentence in the middle.
                var wordStart = last - 1
                while wordStart > s, SegmentBytes.isLetter(p[wordStart - 1]) { wordStart -= 1 }
                if Self.functionWords.contains(FoldedWordHash.hash(p, wordStart, last)) { endsOpen = true }
            }
            if !alone, b == 0x2E, last == e {
                // A title or a linking abbreviation leads into the next line (`by Mr.` / `Wilson`).
                var wordStart = last - 1
                while wordStart > s, SegmentBytes.isLetter(p[wordStart - 1]) { wordStart -= 1 }
                switch abbreviations.kind(p, wordStart, last - 1) {
                case .title? where SegmentBytes.isUpper(p[wordStart]),
                    .linking? where SegmentBytes.isLower(p[wordStart]):
                    endsSentence = false
                    endsRunOn = true
                    endsOpen = true
                default:
                    break
                }
            }
        }
        if endsOpen { endsRunOn = true }
        if !alone {
            var first = s
            while first < e {
                let n = SegmentBytes.openerLength(p, first, e)
                if n == 0 || p[first] == 0x28 && EnumeratorLabel.parse(p, at: first, e) != nil { break }
                first += n
            }
            if first < e { startsLower = SegmentBytes.letterCase(p, first, e) == .lower }
            hasLeadTerm = Self.hasLeadTerm(p, s, e)
        }
        if let label = EnumeratorLabel.parse(p, at: s, e) {
            // Only a typographic bullet surely opens an item; `1.`, `17)`, `(a)`, `-`, `*` may be
            // what a line break happens to put first in wrapped prose.
            startsWeakLabel =
                !label.isBullet || p[s] < 0x80 || (p[s + 1] == 0x80 && (p[s + 2] == 0x93 || p[s + 2] == 0x94))
            startsLabel = !startsWeakLabel
            labelStyle = !label.isBullet ? 1 : startsLabel ? 3 : 2
            isBareLabel = label.end == e && !label.isBullet
        }
        if !endsSentence && !endsClause && !endsRunOn && !startsLabel && !startsWeakLabel {
            isHeadingLike = Self.isHeadingLike(p, s, e)
        }
    }
}
