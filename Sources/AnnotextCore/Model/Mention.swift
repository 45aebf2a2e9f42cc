/// An occurrence of a lexicon concept in a sentence.
public struct Mention: Sendable, Hashable {
    /// The concept's id.
    public var concept: String
    /// The mention's UTF-8 byte range in the document text.
    public var range: Range<Int>
    /// A negator in the mention's own clause, before it, denies it.
    public var isNegated: Bool
    /// The mention is hedged (may, might, possibly …).
    public var isHedged: Bool
    /// The mention is attributed to someone (realists argue, according to …).
    public var isAttributed: Bool
    /// Shorter mentions inside this one (kept, never at the top level).
    public var nested: [Mention]
    /// Where the provenance comes from: given as strings, or indexes into a compiled lexicon,
    /// which the tagger sets so that a match costs no string work until someone asks.
    var source: MentionSource

    /// Creates a mention.
    public init(
        concept: String, range: Range<Int>, isNegated: Bool = false, isHedged: Bool = false,
        isAttributed: Bool = false, provenance: Provenance? = nil, nested: [Mention] = []
    ) {
        self.init(
            concept: concept, range: range, isNegated: isNegated, isHedged: isHedged, isAttributed: isAttributed,
            nested: nested, source: provenance.map { .given($0) } ?? .none)
    }

    /// A mention with every field given, `source` included: what the tagger makes. Setting
    /// `source` after the public initializer would make the optimizer copy the whole value and
    /// destroy the original (4% of tagging time with a 50,000-term lexicon).
    init(
        concept: String, range: Range<Int>, isNegated: Bool, isHedged: Bool, isAttributed: Bool, nested: [Mention],
        source: MentionSource
    ) {
        self.concept = concept
        self.range = range
        self.isNegated = isNegated
        self.isHedged = isHedged
        self.isAttributed = isAttributed
        self.nested = nested
        self.source = source
    }

    /// Why the mention was made: the lexicon term and the variant rule behind the matched form.
    public var provenance: Provenance? {
        get { source.provenance }
        set { source = newValue.map { .given($0) } ?? .none }
    }

    /// The concept's index in the scheme of the lexicon that tagged it, nil for a mention made
    /// by hand. Writers use it to look labels up by position instead of by id.
    public var conceptIndex: Int? {
        if case .lexicon(_, _, let concept, _) = source { return Int(concept) }
        return nil
    }

    public static func == (a: Mention, b: Mention) -> Bool {
        a.concept == b.concept && a.range == b.range && a.isNegated == b.isNegated && a.isHedged == b.isHedged
            && a.isAttributed == b.isAttributed && a.nested == b.nested && a.provenance == b.provenance
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(concept)
        hasher.combine(range)
        hasher.combine(isNegated)
        hasher.combine(isHedged)
        hasher.combine(isAttributed)
        hasher.combine(nested)
    }
}

/// The lexicon term a mention came from and the variant rule that produced the matched form.
public struct Provenance: Sendable, Hashable {
    /// The term as the lexicon lists it.
    public var term: String
    /// The variant rule (`exact`, `plural`, `us-spelling`, `hyphen`, …).
    public var variant: String

    /// Creates a provenance record.
    public init(term: String, variant: String) {
        self.term = term
        self.variant = variant
    }
}

/// A unit with the mentions found in it.
public struct TaggedSentence: Sendable, Hashable {
    /// The unit.
    public var sentence: Sentence
    /// Its chosen, non-overlapping mentions in text order.
    public var mentions: [Mention]

    /// Creates a tagged unit.
    public init(sentence: Sentence, mentions: [Mention] = []) {
        self.sentence = sentence
        self.mentions = mentions
    }
}
