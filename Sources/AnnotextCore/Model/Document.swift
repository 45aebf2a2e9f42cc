/// A document as ingest hands it on: its name, where it came from, its text and block structure.
///
/// `text` is the document text of DESIGN.md: for plain text the decoded input itself, for
/// Markdown, HTML and XML the extracted text (blocks separated by a blank line). Every offset
/// in the pipeline points into it.
public struct Document: Sendable, Hashable {
    /// The name that identifies the document in a corpus (path relative to the ingested folder).
    public var name: String
    /// The title, when the format carries one (`<title>`, a TEI title, a first heading).
    public var title: String?
    /// Where the document was read from: a path, or `stdin`.
    public var source: String?
    /// The format it was read as.
    public var format: DocumentFormat
    /// The language of the document as a whole (`en`, or another code, or nil when unknown).
    public var language: String?
    /// The document text.
    public var text: String
    /// The block structure in UTF-8 byte ranges of `text`. Empty for plain text, whose layout
    /// the segmenter judges from line breaks.
    public var blocks: [Block]

    /// Creates a document.
    public init(
        name: String, title: String? = nil, source: String? = nil, format: DocumentFormat = .text,
        language: String? = nil, text: String, blocks: [Block] = []
    ) {
        self.name = name
        self.title = title
        self.source = source
        self.format = format
        self.language = language
        self.text = text
        self.blocks = blocks
    }
}

/// The formats annotext reads.
public enum DocumentFormat: String, Sendable, Hashable, CaseIterable, Codable {
    case text
    case markdown
    case html
    case xml
}

/// A block of a document: a paragraph, heading or list item, as the source marked it.
public struct Block: Sendable, Hashable {
    /// What the source marked the block as.
    public var kind: BlockKind
    /// The block's UTF-8 byte range in the document text.
    public var range: Range<Int>
    /// The block's language (`en`, another code, or nil when not judged).
    public var language: String?

    /// Creates a block.
    public init(kind: BlockKind, range: Range<Int>, language: String? = nil) {
        self.kind = kind
        self.range = range
        self.language = language
    }
}

/// The kinds of block a reader can mark.
public enum BlockKind: String, Sendable, Hashable, CaseIterable, Codable {
    case paragraph
    case heading
    case listItem = "list-item"
}
