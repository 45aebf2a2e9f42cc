/// Splits a document into units: sentences, headings, list items and quiz options.
/// (Stub: to be replaced.)
public struct SentenceSegmenter: Sendable {
    /// The abbreviations that do not end a sentence.
    public let abbreviations: AbbreviationList

    /// Creates a segmenter with the given abbreviation lists.
    public init(abbreviations: AbbreviationList = .default) {
        self.abbreviations = abbreviations
    }

    /// The units of `document`, in order, trimmed, with byte ranges into its text.
    public func sentences(in document: Document) -> [Sentence] {
        []
    }
}

/// Abbreviations that do not end a sentence, read from the lists in `Lexicons/abbreviations/`.
public struct AbbreviationList: Sendable {
    /// The lists built into annotext.
    public static let `default` = AbbreviationList()
}
