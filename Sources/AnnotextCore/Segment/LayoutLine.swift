/// One line of a block, with what the layout judgement needs to know about it.
struct LayoutLine {
    /// The first byte that is not white space.
    var start: Int
    /// Just after the last byte that is not white space.
    var end: Int
    /// The length in scalars.
    var length: Int
    /// Ends with `.`, `?`, `!` or `…` (before any closing quote or bracket).
    var endsSentence = false
    /// Ends with `:` or `;`.
    var endsClause = false
    /// Ends with a comma or with a hyphen after a letter (`collec-`): it runs on.
    var endsRunOn = false
    /// Starts with a lower-case letter (after any opening quote or bracket).
    var startsLower = false
    /// Starts with a list label or bullet.
    var startsLabel = false
    /// Is a list label and nothing else (`I.`, `V.`, `12.`): a section number.
    var isBareLabel = false
    /// Holds no letter or digit (`=====`, `* * *`).
    var isRule = false
    /// Capitals or title case without final punctuation: a heading when it stands alone.
    var isHeadingLike = false

    /// Reads the line `p[start..<end]` (untrimmed, without its line break).
    init(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        let s = SegmentBytes.skipSpace(p, start, end)
        let e = SegmentBytes.trimEnd(p, s, end)
        self.start = s
        self.end = e
        self.length = SegmentBytes.scalarCount(p, s, e)
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
            endsSentence = b == 0x2E || b == 0x3F || b == 0x21 || (last - 3 >= s && SegmentBytes.isEllipsis(p, last - 3, e))
            endsClause = b == 0x3A || b == 0x3B
            // `…; and` / `…; or` closes an item of a list laid out line by line.
            if !endsClause, SegmentBytes.isLetter(b) {
                let wordStart = SegmentBytes.tokenStart(p, before: last, s)
                let word = FoldedWordHash.hash(p, wordStart, last)
                if word == Self.and || word == Self.or {
                    let before = SegmentBytes.trimEnd(p, s, wordStart)
                    endsClause = before > s && p[before - 1] == 0x3B
                }
            }
            endsRunOn = b == 0x2C || (b == 0x2D && last - 2 >= s && SegmentBytes.isLetter(p[last - 2]))
        }
        var first = s
        while first < e {
            let n = SegmentBytes.openerLength(p, first, e)
            if n == 0 || p[first] == 0x28 && EnumeratorLabel.parse(p, at: first, e) != nil { break }
            first += n
        }
        if first < e { startsLower = SegmentBytes.letterCase(p, first, e) == .lower }
        if let label = EnumeratorLabel.parse(p, at: s, e) {
            startsLabel = true
            isBareLabel = label.end == e && !label.isBullet
        }
        if !endsSentence && !endsClause && !endsRunOn && !startsLabel {
            isHeadingLike = Self.isHeadingLike(p, s, e)
        }
    }

    /// Whether the text reads as a heading: at most 25 words, the first word with letters
    /// capitalised, and every word capitalised or a short function word (`of`, `the`, `and`).
    static func isHeadingLike(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s <= 200 else { return false }
        var words = 0
        var capitalised = 0
        var i = s
        while i < e {
            i = SegmentBytes.skipSpace(p, i, e)
            guard i < e else { break }
            let tokenEnd = SegmentBytes.tokenEnd(p, i, e)
            words += 1
            if words > 25 { return false }
            // The first letter of the token decides; tokens without letters are neutral.
            var j = i
            while j < tokenEnd, SegmentBytes.letterCase(p, j, tokenEnd) == .none || SegmentBytes.isDigit(p[j]) {
                j += 1
            }
            if j < tokenEnd {
                switch SegmentBytes.letterCase(p, j, tokenEnd) {
                case .upper, .uncased:
                    capitalised += 1
                case .lower:
                    if capitalised == 0 { return false }
                    var wordEnd = j
                    while wordEnd < tokenEnd, SegmentBytes.isLetter(p[wordEnd]) { wordEnd += 1 }
                    if !smallWords.contains(FoldedWordHash.hash(p, j, wordEnd)) { return false }
                default:
                    break
                }
            }
            i = tokenEnd
        }
        return capitalised > 0
    }

    static let and = FoldedWordHash.hash("and")
    static let or = FoldedWordHash.hash("or")

    /// Function words that stay in lower case in a title.
    static let smallWords: Set<UInt64> = Set(
        [
            "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "from",
            "by", "with", "into", "upon", "as", "via", "vs", "v", "per", "de", "du", "des", "la",
            "le", "van", "von", "der", "den", "over", "under", "than", "its", "off", "out", "up",
            "about", "against", "between", "among", "through", "without", "within", "after",
            "before", "during", "since", "until", "e", "y", "et", "und",
        ].map { FoldedWordHash.hash($0) })
}
