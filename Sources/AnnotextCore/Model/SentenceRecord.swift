/// A tagged unit as the JSON contract of DESIGN.md gives it: strings, and offsets in Unicode
/// scalars of the document text. This is what `tag`, `segment`, `dump` and `search --json` print
/// and what the index stores.
public struct SentenceRecord: Sendable, Hashable {
    /// The document's name.
    public var document: String
    /// The unit's index in its document, from 0.
    public var index: Int
    /// Start offset in Unicode scalars of the document text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the document text.
    public var end: Int
    /// The unit's kind.
    public var kind: UnitKind
    /// The unit's text: the document text from `start` to `end`.
    public var text: String
    /// The chosen mentions in text order; nil for plain segmentation, which prints none.
    public var mentions: [MentionRecord]?

    /// Creates a record.
    public init(
        document: String, index: Int, start: Int, end: Int, kind: UnitKind, text: String,
        mentions: [MentionRecord]? = nil
    ) {
        self.document = document
        self.index = index
        self.start = start
        self.end = end
        self.kind = kind
        self.text = text
        self.mentions = mentions
    }
}

/// A mention as the JSON contract gives it.
public struct MentionRecord: Sendable, Hashable {
    /// The concept's id.
    public var concept: String
    /// The concept's preferred label.
    public var label: String
    /// Start offset in Unicode scalars of the document text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars of the document text.
    public var end: Int
    /// The matched text.
    public var text: String
    /// Whether a negator denies the mention.
    public var negated: Bool
    /// Whether the mention is hedged.
    public var hedged: Bool
    /// Whether the mention is attributed.
    public var attributed: Bool
    /// The lexicon term the mention came from, when known.
    public var term: String?
    /// The variant rule that produced the matched form, when known.
    public var variant: String?
    /// Shorter mentions inside this one.
    public var nested: [MentionRecord]

    /// Creates a record.
    public init(
        concept: String, label: String, start: Int, end: Int, text: String, negated: Bool = false,
        hedged: Bool = false, attributed: Bool = false, term: String? = nil, variant: String? = nil,
        nested: [MentionRecord] = []
    ) {
        self.concept = concept
        self.label = label
        self.start = start
        self.end = end
        self.text = text
        self.negated = negated
        self.hedged = hedged
        self.attributed = attributed
        self.term = term
        self.variant = variant
        self.nested = nested
    }
}
