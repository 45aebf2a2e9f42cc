/// A concept with how often the corpus mentions it (exactly that concept, no narrower ones;
/// top-level mentions only, as nested ones are not mentions of their own).
public struct ConceptCount: Sendable, Hashable {
    /// The concept's id.
    public var id: String
    /// Its preferred label (the id when the recorded scheme does not know it).
    public var label: String
    /// How many mentions.
    public var mentions: Int
    /// How many units mention it.
    public var sentences: Int
    /// How many documents mention it.
    public var documents: Int

    /// Creates a count.
    public init(id: String, label: String, mentions: Int, sentences: Int, documents: Int) {
        self.id = id
        self.label = label
        self.mentions = mentions
        self.sentences = sentences
        self.documents = documents
    }
}
