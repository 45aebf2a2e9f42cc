import Foundation

/// How concepts co-occur in the corpus: the window is one unit (sentence, heading, item).
///
/// Association scores compare how often two concepts share a unit (`count`) with how often
/// each occurs alone, over `sentences` units in all.
public struct ConceptMap: Sendable, Hashable {
    /// The number of units in the corpus (N of the scores).
    public var sentences: Int
    /// Concepts that occur in at least the minimum number of units, in scheme order.
    public var nodes: [Node]
    /// Pairs of nodes that share at least the minimum number of units.
    public var edges: [Edge]
    /// Scheme links (broader, related) between nodes.
    public var relations: [Relation]

    /// Creates a map.
    public init(sentences: Int, nodes: [Node], edges: [Edge], relations: [Relation]) {
        self.sentences = sentences
        self.nodes = nodes
        self.edges = edges
        self.relations = relations
    }

    /// A concept of the map: its id, label and counts.
    public typealias Node = ConceptCount

    /// Two concepts that occur in the same units. `a` comes before `b` in node order.
    public struct Edge: Sendable, Hashable {
        /// The first concept's id.
        public var a: String
        /// The second concept's id.
        public var b: String
        /// Units in which both occur.
        public var count: Int
        /// Pointwise mutual information, log2(count·N / (nA·nB)).
        public var pmi: Double
        /// PMI normalised to [-1, 1] by -log2(count / N).
        public var npmi: Double
        /// Dice coefficient, 2·count / (nA + nB).
        public var dice: Double
        /// Jaccard index, count / (nA + nB - count).
        public var jaccard: Double
        /// Log-likelihood ratio G² of the 2×2 contingency table (natural log).
        public var g2: Double

        /// Creates an edge.
        public init(a: String, b: String, count: Int, pmi: Double, npmi: Double, dice: Double, jaccard: Double, g2: Double) {
            self.a = a
            self.b = b
            self.count = count
            self.pmi = pmi
            self.npmi = npmi
            self.dice = dice
            self.jaccard = jaccard
            self.g2 = g2
        }

        /// The edge between concepts in `count` shared units, each occurring in `countA` and
        /// `countB` units of `total`.
        public init(a: String, b: String, count: Int, countA: Int, countB: Int, total: Int) {
            let k = Double(count), na = Double(countA), nb = Double(countB), n = Double(total)
            let pmi = log2(k * n / (na * nb))
            let npmi = count == total ? 1 : pmi / -log2(k / n)
            let cells = [k, na - k, nb - k, n - na - nb + k]
            let expected = [na * nb / n, na * (n - nb) / n, (n - na) * nb / n, (n - na) * (n - nb) / n]
            var g2 = 0.0
            for (observed, expectation) in zip(cells, expected) where observed > 0 {
                g2 += observed * log(observed / expectation)
            }
            self.init(
                a: a, b: b, count: count, pmi: pmi, npmi: npmi, dice: 2 * k / (na + nb),
                jaccard: k / (na + nb - k), g2: 2 * g2)
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
