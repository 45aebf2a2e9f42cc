import AnnotextCore

/// A document with its tagged units, ready to store: what `CorpusStore.write` takes.
///
/// The units are the JSON-contract records (scalar offsets, texts, labels), so the corpus holds
/// exactly what `dump` and `search --json` print.
public struct AnnotatedDocument: Sendable, Hashable {
    /// The document, its text and block structure.
    public var document: Document
    /// Its units in document order, with their mentions.
    public var sentences: [SentenceRecord]
    /// A digest of everything that went into `sentences` except the scheme (the store compares
    /// the scheme itself): a document whose hash and scheme did not change is left alone.
    public var contentHash: String

    /// Creates an annotated document from records made elsewhere.
    public init(document: Document, sentences: [SentenceRecord], contentHash: String) {
        self.document = document
        self.sentences = sentences
        self.contentHash = contentHash
    }

    /// Creates an annotated document from tagged units, converting byte offsets to scalar
    /// offsets and taking labels from `scheme`. The hash defaults to `contentHash(of:)`.
    public init(
        document: Document, tagged: [TaggedSentence], scheme: ConceptScheme, contentHash: String? = nil
    ) {
        var labels: [String: String] = [:]
        for concept in scheme.concepts { labels[concept.id] = concept.label }
        self.document = document
        self.sentences = SentenceRecord.records(for: tagged, in: document) { labels[$0] ?? $0 }
        self.contentHash = contentHash ?? Self.contentHash(of: document)
    }

    /// A digest of a document's text, title, format and language (64-bit FNV-1a, hex).
    public static func contentHash(of document: Document) -> String {
        var hash = StableHash()
        for part in [document.format.rawValue, document.language ?? "", document.title ?? "", document.text] {
            hash.combine(part)
        }
        return hash.hexDigest
    }
}

/// What `CorpusStore.write` did with one document.
public enum WriteOutcome: String, Sendable, Hashable {
    /// The name was new to the corpus.
    case added
    /// A document of that name was there and was replaced (it keeps its place in ingest order).
    case replaced
    /// A document of that name with the same content hash and scheme was there; nothing changed.
    case unchanged
}
