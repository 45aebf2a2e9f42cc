/// What `annotext eval` reports: how well the segmenter and the tagger agree with a gold file,
/// micro-averaged over its passages. `Docs/EVAL.md` defines each figure.
public struct EvaluationReport: Sendable, Hashable {
    /// How many passages were scored.
    public var passages: Int
    /// Unit ends (after trimming white space): a predicted end is right when a gold unit ends there.
    public var boundaries: Score
    /// Whole units: right when a gold unit has the same trimmed span.
    public var sentences: Score
    /// Mentions with the same span and concept as a gold mention.
    public var exactMentions: Score
    /// Mentions of the same concept whose span overlaps a gold mention's (one to one).
    public var overlappingMentions: Score
    /// Of the mentions matched by overlap, how many carry the gold's negation.
    public var negation: Agreement
    /// Exact mention scores by concept id, in id order.
    public var concepts: [ConceptScore]

    /// Creates a report.
    public init(
        passages: Int = 0, boundaries: Score = Score(), sentences: Score = Score(), exactMentions: Score = Score(),
        overlappingMentions: Score = Score(), negation: Agreement = Agreement(), concepts: [ConceptScore] = []
    ) {
        self.passages = passages
        self.boundaries = boundaries
        self.sentences = sentences
        self.exactMentions = exactMentions
        self.overlappingMentions = overlappingMentions
        self.negation = negation
        self.concepts = concepts
    }
}

/// The exact mention score of one concept.
public struct ConceptScore: Sendable, Hashable {
    /// The concept id.
    public var concept: String
    /// Its counts, matching span and concept exactly.
    public var score: Score

    /// Creates a concept score.
    public init(concept: String, score: Score) {
        self.concept = concept
        self.score = score
    }
}

/// How many of a set of paired items agree on an attribute (negation).
public struct Agreement: Sendable, Hashable {
    /// Pairs that agree.
    public var agreeing: Int
    /// All pairs.
    public var total: Int

    /// Creates an agreement count.
    public init(agreeing: Int = 0, total: Int = 0) {
        self.agreeing = agreeing
        self.total = total
    }

    /// agreeing / total, or nil when there is no pair.
    public var accuracy: Double? {
        total == 0 ? nil : Double(agreeing) / Double(total)
    }
}
