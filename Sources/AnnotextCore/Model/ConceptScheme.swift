/// A concept scheme, SKOS in spirit: the concepts a tagger looks for, with their labels, terms
/// and links. Readers (YAML, TSV, SKOS) build it; `CompiledLexicon` compiles it for matching.
public struct ConceptScheme: Sendable, Hashable {
    /// The scheme's id.
    public var id: String
    /// A title for people.
    public var title: String
    /// The language of its terms (`en`).
    public var language: String
    /// The scheme's version.
    public var version: String
    /// Its concepts, in file order.
    public var concepts: [Concept]

    /// Creates a scheme.
    public init(id: String, title: String = "", language: String = "en", version: String = "", concepts: [Concept]) {
        self.id = id
        self.title = title
        self.language = language
        self.version = version
        self.concepts = concepts
    }

    /// The concept with this id, if any.
    public func concept(withID id: String) -> Concept? {
        concepts.first { $0.id == id }
    }

    /// The ids of every concept narrower than `id` (through `broader`, transitively), and `id`.
    public func selfAndNarrower(_ id: String) -> Set<String> {
        var result: Set<String> = [id]
        var frontier = [id]
        while let next = frontier.popLast() {
            for concept in concepts where concept.broader.contains(next) && !result.contains(concept.id) {
                result.insert(concept.id)
                frontier.append(concept.id)
            }
        }
        return result
    }
}

/// One concept of a scheme.
public struct Concept: Sendable, Hashable {
    /// A stable kebab-case id.
    public var id: String
    /// The preferred label.
    public var label: String
    /// Alternative terms that signal the concept (the label is matched too).
    public var terms: [Term]
    /// Forms that match but are never shown (misspellings).
    public var hidden: [Term]
    /// Ids of broader concepts.
    public var broader: [String]
    /// Ids of related concepts.
    public var related: [String]
    /// What the concept covers, in a sentence or two.
    public var definition: String?
    /// A note for the lexicon's editors.
    public var note: String?
    /// Options that apply to every term of the concept unless a term overrides them.
    public var options: MatchOptions
    /// Where the concept is defined, for messages.
    public var location: SourceLocation?

    /// Creates a concept.
    public init(
        id: String, label: String, terms: [Term] = [], hidden: [Term] = [], broader: [String] = [],
        related: [String] = [], definition: String? = nil, note: String? = nil,
        options: MatchOptions = MatchOptions(), location: SourceLocation? = nil
    ) {
        self.id = id
        self.label = label
        self.terms = terms
        self.hidden = hidden
        self.broader = broader
        self.related = related
        self.definition = definition
        self.note = note
        self.options = options
        self.location = location
    }
}

/// A term of a concept, with options of its own.
public struct Term: Sendable, Hashable {
    /// The term as written in the lexicon.
    public var text: String
    /// Options for this term; nil fields fall back to the concept's.
    public var options: MatchOptions
    /// Where the term is written, for messages.
    public var location: SourceLocation?

    /// Creates a term.
    public init(_ text: String, options: MatchOptions = MatchOptions(), location: SourceLocation? = nil) {
        self.text = text
        self.options = options
        self.location = location
    }
}

/// How a term matches. Every field is optional so a term can override its concept.
public struct MatchOptions: Sendable, Hashable {
    /// Match as an acronym: in capitals or capitalised (`NATO`, `Nato`), never in lower case.
    /// Nil means: decided from the term (all capitals → acronym).
    public var isAcronym: Bool?
    /// Match case exactly.
    public var isCaseSensitive: Bool?
    /// Longer phrases that contain the term and cancel it (`balance of power supply`).
    public var exclusions: [String]
    /// Words of which one must be near for the term to count; empty means no guard.
    public var context: [String]
    /// How many words either side the context guard looks at (nil: 10).
    public var contextWindow: Int?
    /// Whether the compiler generates number and verb forms of the term (plural, singular,
    /// `deterred` …). Nil means yes; false keeps the written forms (with their spelling, hyphen
    /// and possessive variants), for a word whose inflection has another sense (`liberals`).
    public var inflects: Bool?

    /// Creates match options.
    public init(
        isAcronym: Bool? = nil, isCaseSensitive: Bool? = nil, exclusions: [String] = [],
        context: [String] = [], contextWindow: Int? = nil, inflects: Bool? = nil
    ) {
        self.isAcronym = isAcronym
        self.isCaseSensitive = isCaseSensitive
        self.exclusions = exclusions
        self.context = context
        self.contextWindow = contextWindow
        self.inflects = inflects
    }
}

/// A place in a source file, 1-based.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file, as given by the user.
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`.
    public var description: String { "\(file):\(line):\(column)" }
}
