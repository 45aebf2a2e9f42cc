/// Finds the concepts of a compiled lexicon in a document's units. (Stub: to be replaced.)
public struct ConceptTagger: Sendable {
    /// The lexicon it matches.
    public let lexicon: CompiledLexicon

    /// Creates a tagger.
    public init(lexicon: CompiledLexicon) {
        self.lexicon = lexicon
    }

    /// The mentions in each unit of `document`.
    public func tag(_ sentences: [Sentence], in document: Document) -> [TaggedSentence] {
        sentences.map { TaggedSentence(sentence: $0) }
    }
}

/// A concept scheme compiled for matching. (Stub: to be replaced.)
public struct CompiledLexicon: Sendable {
    /// The scheme it was compiled from.
    public let scheme: ConceptScheme

    /// Compiles a scheme.
    public init(scheme: ConceptScheme) throws {
        self.scheme = scheme
    }
}
