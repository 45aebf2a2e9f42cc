/// The shapes of a line's text that the layout judgement reads: a heading, a glossary term.
extension LayoutLine {
    /// Whether a line opens with a term of at most four words and a separator: `:`, or a
    /// dash between spaces.
    static func hasLeadTerm(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var i = s
        var spaces = 0
        let limit = min(e, s + 48)
        while i < limit {
            let b = p[i]
            if b == 0x3A { return i > s && i + 1 < e && SegmentBytes.isASCIISpace(p[i + 1]) }
            if b == 0x20 {
                spaces += 1
                if spaces > 4 { return false }
                if i + 2 < e, p[i + 1] == 0x2D, p[i + 2] == 0x20 { return i > s }
                if i + 4 < e, p[i + 1] == 0xE2, p[i + 2] == 0x80, p[i + 3] == 0x93 || p[i + 3] == 0x94,
                    p[i + 4] == 0x20
                {
                    return i > s
                }
            } else if b == 0x2E || b == 0x3F || b == 0x21 || b == 0x3B {
                return false
            }
            i += 1
        }
        return false
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
                case .upper:
                    capitalised += 1
                case .uncased:
                    return false  // a script without capitals has no headings to tell by case
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

    /// Words that cannot end a sentence: a line ending in one runs on.
    static let functionWords: Set<UInt64> = Set(
        [
            "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
            "and", "or", "nor", "but", "that", "which", "whose", "who", "whom", "is", "are", "was",
            "were", "be", "been", "has", "have", "had", "its", "their", "his", "her", "our", "this",
            "these", "those", "not", "as", "than", "upon", "under", "between", "among", "such",
        ].map { FoldedWordHash.hash($0) })

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
