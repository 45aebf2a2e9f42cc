/// Splits a document into units: sentences, headings, list items and quiz options.
///
/// Rule-based and deterministic, in one pass over the UTF-8 bytes of the document text: it
/// knows abbreviations (from `AbbreviationList`), initials, numbers, addresses, ellipses,
/// quotes and brackets after the final mark, list labels and quiz options, headings, missing
/// spaces between sentences and stray periods, and it judges the layout of each block from
/// its line breaks (hard-wrapped prose, or one entry per line). See `eval/ANNOTATION.md`,
/// "Units", for the rules it follows.
public struct SentenceSegmenter: Sendable {
    /// The abbreviations that do not end a sentence.
    public let abbreviations: AbbreviationList

    /// Creates a segmenter with the given abbreviation lists.
    public init(abbreviations: AbbreviationList = .default) {
        self.abbreviations = abbreviations
    }

    /// The units of `document`, in order, numbered from 0, trimmed of white space, with UTF-8
    /// byte ranges into its text.
    ///
    /// Plain text (no `blocks`) splits into blocks at blank lines; otherwise each block is
    /// segmented on its own and no unit crosses a block boundary.
    public func sentences(in document: Document) -> [Sentence] {
        var text = document.text
        return text.withUTF8 { bytes in
            var scanner = BoundaryScanner(bytes, abbreviations: abbreviations)
            // Prose runs at about a hundred bytes a unit; growing the array costs more than this.
            scanner.units.reserveCapacity(bytes.count / 96 + 4)
            if document.blocks.isEmpty {
                scanner.segmentPlainText(0, bytes.count)
            } else {
                for block in document.blocks {
                    let lower = min(max(block.range.lowerBound, 0), bytes.count)
                    let upper = min(max(block.range.upperBound, lower), bytes.count)
                    scanner.segmentBlock(lower, upper, kind: block.kind)
                }
            }
            return scanner.units
        }
    }

    /// The units of a plain text.
    public func sentences(in text: String) -> [Sentence] {
        sentences(in: Document(name: "text", text: text))
    }
}
