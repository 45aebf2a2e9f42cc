/// A unit of a document: a sentence, heading, list item or quiz option.
public struct Sentence: Sendable, Hashable {
    /// The unit's position among the document's units, from 0.
    public var index: Int
    /// The unit's UTF-8 byte range in the document text, trimmed of surrounding white space.
    public var range: Range<Int>
    /// What kind of unit it is.
    public var kind: UnitKind

    /// Creates a unit.
    public init(index: Int, range: Range<Int>, kind: UnitKind = .sentence) {
        self.index = index
        self.range = range
        self.kind = kind
    }
}

/// The kinds of unit the segmenter makes.
public enum UnitKind: String, Sendable, Hashable, CaseIterable, Codable {
    case sentence
    case heading
    case listItem = "list-item"
    case option
}
