/// How concepts co-occur in a corpus: concepts with their counts, pairs that share a window
/// (a unit, a paragraph, or a run of units) with their association scores, and the scheme's
/// links between the concepts.
///
/// Scores compare how often two concepts share a window (`count`) with how often each occurs
/// in a window at all, over `windows` windows. It lives in Core so that the index builds it
/// and the writers draw it without knowing each other.
public struct ConceptMap: Sendable, Hashable {
    /// The number of units in the corpus.
    public var sentences: Int
    /// What counts as occurring together.
    public var window: Window
    /// The number of windows in the corpus (N of the scores); `sentences` for `.sentence`.
    public var windows: Int
    /// The score that ranked and filtered the edges, and that drawings use.
    public var measure: Measure
    /// Whether narrower concepts were counted as their broadest ones.
    public var isRolledUp: Bool
    /// Concepts that occur in at least the minimum number of windows, in scheme order.
    public var nodes: [Node]
    /// Pairs of nodes that share at least the minimum number of windows, strongest first.
    public var edges: [Edge]
    /// Scheme links (broader, related) between nodes.
    public var relations: [Relation]

    /// Creates a map.
    public init(
        sentences: Int, window: Window = .sentence, windows: Int? = nil, measure: Measure = .g2,
        isRolledUp: Bool = false, nodes: [Node], edges: [Edge], relations: [Relation]
    ) {
        self.sentences = sentences
        self.window = window
        self.windows = windows ?? sentences
        self.measure = measure
        self.isRolledUp = isRolledUp
        self.nodes = nodes
        self.edges = edges
        self.relations = relations
    }

    /// A concept of the map: its id, label and counts.
    public struct Node: Sendable, Hashable {
        /// The concept's id.
        public var id: String
        /// Its preferred label (the id when the scheme does not know it).
        public var label: String
        /// How many top-level mentions.
        public var mentions: Int
        /// How many units mention it.
        public var sentences: Int
        /// How many documents mention it.
        public var documents: Int
        /// How many windows mention it (the concept's count in the scores).
        public var windows: Int

        /// Creates a node; `windows` defaults to `sentences` (the sentence window).
        public init(id: String, label: String, mentions: Int, sentences: Int, documents: Int, windows: Int? = nil) {
            self.id = id
            self.label = label
            self.mentions = mentions
            self.sentences = sentences
            self.documents = documents
            self.windows = windows ?? sentences
        }
    }

    /// Where an edge was seen: units `index` through `through` of a document.
    public struct Evidence: Sendable, Hashable {
        /// The document's name.
        public var document: String
        /// The first unit of the span.
        public var index: Int
        /// The last unit of the span (`index` for the sentence window).
        public var through: Int
        /// The span's text (units joined by a space), when it was asked for.
        public var text: String?

        /// Creates evidence.
        public init(document: String, index: Int, through: Int? = nil, text: String? = nil) {
            self.document = document
            self.index = index
            self.through = through ?? index
            self.text = text
        }
    }

    /// A scheme link between two nodes.
    public struct Relation: Sendable, Hashable {
        /// The concept the link belongs to.
        public var from: String
        /// The concept it points to.
        public var to: String
        /// `broader` (from is narrower than to) or `related`.
        public var kind: Kind

        /// Creates a relation.
        public init(from: String, to: String, kind: Kind) {
            self.from = from
            self.to = to
            self.kind = kind
        }

        /// The kinds of scheme link.
        public enum Kind: String, Sendable, Hashable {
            /// `from` is narrower than `to`.
            case broader
            /// The two are related.
            case related
        }
    }
}
