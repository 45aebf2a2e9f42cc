/// Tells, walking forward through a document text, whether the gap between two units holds a
/// blank line (two line breaks with only spaces between): how the concept map's paragraph
/// window and the TEI export group units into paragraphs from what the corpus stores.
///
/// Offsets are Unicode scalar offsets of the document text, as records carry them; each call
/// must ask about a gap at or after the previous one, so a document is read once.
public struct ParagraphBreakScanner {
    private let scalars: String.UnicodeScalarView
    private var cursor: String.UnicodeScalarView.Index
    private var offset = 0

    /// Creates a scanner over a document text.
    public init(text: String) {
        scalars = text.unicodeScalars
        cursor = scalars.startIndex
    }

    /// Whether the text from `start` to `end` (scalar offsets) holds a blank line.
    public mutating func hasBlankLine(from start: Int, to end: Int) -> Bool {
        guard start < end else { return false }
        while offset < start, cursor < scalars.endIndex {
            scalars.formIndex(after: &cursor)
            offset += 1
        }
        var sawBreak = false
        var isBlank = false
        while offset < end, cursor < scalars.endIndex {
            switch scalars[cursor] {
            case "\n":
                if sawBreak { isBlank = true }
                sawBreak = true
            case " ", "\t", "\r", "\u{0B}", "\u{0C}": break
            default: sawBreak = false
            }
            scalars.formIndex(after: &cursor)
            offset += 1
        }
        return isBlank
    }
}
