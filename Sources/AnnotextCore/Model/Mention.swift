/// An occurrence of a lexicon concept in a sentence.
public struct Mention: Sendable, Hashable {
    /// The mention's UTF-8 byte range in the document text.
    public var range: Range<Int>
    /// Shorter mentions inside this one (kept, never at the top level).
    public var nested: [Mention]
    /// Where the concept id and the provenance come from: given as strings, or indexes into a
    /// compiled lexicon, which the tagger sets so that a match costs no string work (and no
    /// reference count on a shared string) until someone asks.
    var source: MentionSource
    /// A negator in the mention's own clause, before it, denies it.
    public var isNegated: Bool
    /// The mention is hedged (may, might, could, possibly …).
    public var isHedged: Bool
    /// The mention is attributed to someone (realists argue, according to …).
    public var isAttributed: Bool

    /// Creates a mention.
    public init(
        concept: String, range: Range<Int>, isNegated: Bool = false, isHedged: Bool = false,
        isAttributed: Bool = false, provenance: Provenance? = nil, nested: [Mention] = []
    ) {
        self.init(
            range: range, isNegated: isNegated, isHedged: isHedged, isAttributed: isAttributed, nested: nested,
            source: .given(GivenSource(concept: concept, provenance: provenance)))
    }

    /// A mention with every field given, `source` included: what a tagger's entries make. Setting
    /// `source` after the public initializer would make the optimizer copy the whole value and
    /// destroy the original (4% of tagging time with a 50,000-term lexicon).
    init(range: Range<Int>, isNegated: Bool, isHedged: Bool, isAttributed: Bool, nested: [Mention], source: MentionSource) {
        self.range = range
        self.nested = nested
        self.source = source
        self.isNegated = isNegated
        self.isHedged = isHedged
        self.isAttributed = isAttributed
    }

    /// The concept's id.
    public var concept: String {
        get { source.concept }
        set { source = .given(GivenSource(concept: newValue, provenance: source.provenance)) }
    }

    /// Why the mention was made: the lexicon term and the variant rule behind the matched form.
    public var provenance: Provenance? {
        get { source.provenance }
        set { source = .given(GivenSource(concept: source.concept, provenance: newValue)) }
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
    /// How the mentions are held: `Mention` values, or the tagger's flat entries.
    var storage: MentionStorage {
        didSet { mentionCount = storage.count }
    }
    /// The number of mentions (nested ones not counted), without making them.
    public private(set) var mentionCount: Int

    /// Creates a tagged unit.
    public init(sentence: Sentence, mentions: [Mention] = []) {
        self.sentence = sentence
        storage = .values(mentions)
        mentionCount = mentions.count
    }

    /// A unit with the tagger's entries: what a tagger makes.
    init(sentence: Sentence, entries: MentionEntries) {
        self.sentence = sentence
        storage = .entries(entries)
        mentionCount = entries.topLevelCount
    }

    /// Its chosen, non-overlapping mentions in text order. The tagger keeps a unit's mentions
    /// as one flat list of plain entries (no strings, no nested arrays, nothing with a reference
    /// count per mention); these `Mention` values are made from it when read. Writers that read
    /// every mention once use `mentionEntries` instead.
    public var mentions: [Mention] {
        get {
            switch storage {
            case .values(let mentions): return mentions
            case .entries(let entries): return entries.mentions
            }
        }
        set { storage = .values(newValue) }
    }

    /// The tagger's entries when the mentions are held as such (nil when given as values).
    public var mentionEntries: MentionEntries? {
        if case .entries(let entries) = storage { return entries }
        return nil
    }

    public static func == (a: TaggedSentence, b: TaggedSentence) -> Bool {
        a.sentence == b.sentence && a.mentions == b.mentions
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sentence)
        hasher.combine(mentions)
    }
}

/// How a tagged unit holds its mentions.
enum MentionStorage: Sendable {
    case values([Mention])
    case entries(MentionEntries)

    /// The number of top-level mentions.
    var count: Int {
        switch self {
        case .values(let mentions): return mentions.count
        case .entries(let entries): return entries.topLevelCount
        }
    }
}
