/// One hit of a search in its lean form: which unit matched and its text, without offsets,
/// kind or mentions.
///
/// What a result list or a peer engine returns (id, document, text); `CorpusStore.hits(_:limit:offset:)`
/// reads one stored row per hit where `search` reads the unit with all its mentions.
public struct SearchHit: Sendable, Hashable {
    /// The document's name.
    public var document: String
    /// The unit's index in its document, from 0.
    public var index: Int
    /// The unit's text.
    public var text: String

    /// Creates a hit.
    public init(document: String, index: Int, text: String) {
        self.document = document
        self.index = index
        self.text = text
    }
}
