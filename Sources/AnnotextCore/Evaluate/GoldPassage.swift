/// A passage of a gold file: its text and the units and concept mentions a person marked in it.
///
/// Offsets are half-open ranges in Unicode scalars (code points) of `text`, as in the JSON
/// contract of DESIGN.md; `Docs/EVAL.md` describes the file.
public struct GoldPassage: Sendable, Hashable {
    /// The passage's id, unique in its file.
    public var id: String
    /// The passage text, read as plain text.
    public var text: String
    /// The units and mentions the annotator marked.
    public var annotation: PassageAnnotation

    /// Creates a passage.
    public init(id: String, text: String, annotation: PassageAnnotation) {
        self.id = id
        self.text = text
        self.annotation = annotation
    }
}

/// The units and mentions of one passage, gold or predicted, in scalar offsets of its text.
public struct PassageAnnotation: Sendable, Hashable {
    /// Unit spans (sentences, headings, list items), in text order.
    public var sentences: [Range<Int>]
    /// Concept mentions, in text order; only top-level mentions (never nested ones).
    public var mentions: [EvalMention]

    /// Creates an annotation.
    public init(sentences: [Range<Int>] = [], mentions: [EvalMention] = []) {
        self.sentences = sentences
        self.mentions = mentions
    }
}

/// A concept mention as the evaluation compares it: a span, a concept id, and negation.
public struct EvalMention: Sendable, Hashable {
    /// The span in Unicode scalars of the passage text.
    public var range: Range<Int>
    /// The concept id.
    public var concept: String
    /// Whether a negator denies the mention.
    public var isNegated: Bool

    /// Creates a mention.
    public init(range: Range<Int>, concept: String, isNegated: Bool = false) {
        self.range = range
        self.concept = concept
        self.isNegated = isNegated
    }
}
