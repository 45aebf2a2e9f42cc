/// Segments a document and tags its units: the two stages of the pipeline that need no I/O.
public struct DocumentAnnotator: Sendable {
    /// The segmenter.
    public let segmenter: SentenceSegmenter
    /// The tagger, or nil to segment only.
    public let tagger: ConceptTagger?

    /// Creates an annotator.
    public init(segmenter: SentenceSegmenter = SentenceSegmenter(), tagger: ConceptTagger?) {
        self.segmenter = segmenter
        self.tagger = tagger
    }

    /// The document's units, each with its mentions (none when the annotator only segments).
    public func annotate(_ document: Document) -> [TaggedSentence] {
        let sentences = segmenter.sentences(in: document)
        guard let tagger else { return sentences.map { TaggedSentence(sentence: $0) } }
        return tagger.tag(sentences, in: document)
    }

    /// Hands each of the document's units with its mentions to `body`, in order, without
    /// collecting them: the streaming form of `annotate(_:)` for writers.
    public func annotate(_ document: Document, each body: (TaggedSentence) -> Void) {
        let sentences = segmenter.sentences(in: document)
        guard let tagger else {
            for sentence in sentences { body(TaggedSentence(sentence: sentence)) }
            return
        }
        tagger.tag(sentences, in: document, each: body)
    }

    /// The document's units as records of the JSON contract, labels from the tagger's scheme.
    public func records(for document: Document) -> [SentenceRecord] {
        let tagged = annotate(document)
        guard let scheme = tagger?.lexicon.scheme else {
            return SentenceRecord.records(for: tagged, in: document, includeMentions: false)
        }
        let labels = Dictionary(scheme.concepts.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        return SentenceRecord.records(for: tagged, in: document) { labels[$0] ?? $0 }
    }
}
