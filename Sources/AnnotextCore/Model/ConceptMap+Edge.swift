#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ConceptMap {
    /// Two concepts that occur in the same windows. `a` comes before `b` in node order.
    public struct Edge: Sendable, Hashable {
        /// The first concept's id.
        public var a: String
        /// The second concept's id.
        public var b: String
        /// Windows in which both occur.
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
        /// Whether the pair occurs together less often than chance would have it.
        public var isBelowChance: Bool
        /// Up to the asked number of windows where both occur, in document order.
        public var evidence: [Evidence]

        /// Creates an edge.
        public init(
            a: String, b: String, count: Int, pmi: Double, npmi: Double, dice: Double, jaccard: Double, g2: Double,
            isBelowChance: Bool = false, evidence: [Evidence] = []
        ) {
            self.a = a
            self.b = b
            self.count = count
            self.pmi = pmi
            self.npmi = npmi
            self.dice = dice
            self.jaccard = jaccard
            self.g2 = g2
            self.isBelowChance = isBelowChance
            self.evidence = evidence
        }

        /// The edge between concepts in `count` shared windows, each occurring in `countA` and
        /// `countB` windows of `total`.
        public init(
            a: String, b: String, count: Int, countA: Int, countB: Int, total: Int, evidence: [Evidence] = []
        ) {
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
                jaccard: k / (na + nb - k), g2: 2 * g2, isBelowChance: k < expected[0], evidence: evidence)
        }
    }

    /// The score that ranks edges, filters them (`top`) and sets their width in drawings.
    public enum Measure: String, Sendable, Hashable, CaseIterable {
        /// Log-likelihood G², the default: reliable for both rare and frequent pairs.
        case g2
        /// Pointwise mutual information.
        case pmi
        /// Normalised PMI.
        case npmi
        /// Dice coefficient.
        case dice
        /// Jaccard index.
        case jaccard
        /// The raw number of shared windows.
        case count

        /// The edge's score for ranking: G² counts negatively for a pair seen less often than
        /// chance, so that avoidance never outranks attraction.
        public func score(of edge: Edge) -> Double {
            switch self {
            case .g2: edge.isBelowChance ? -edge.g2 : edge.g2
            case .pmi: edge.pmi
            case .npmi: edge.npmi
            case .dice: edge.dice
            case .jaccard: edge.jaccard
            case .count: Double(edge.count)
            }
        }
    }

    /// What counts as occurring together.
    public enum Window: Sendable, Hashable, CustomStringConvertible {
        /// The same unit (sentence, heading, list item).
        case sentence
        /// Units of the same paragraph: a run of units not separated by a blank line.
        case paragraph
        /// Any run of this many consecutive units of a document (a sliding window).
        case sentences(Int)

        /// Parses `sentence`, `paragraph` or a positive number of units.
        public init?(_ text: String) {
            switch text {
            case "sentence", "sentences", "1": self = .sentence
            case "paragraph": self = .paragraph
            default:
                guard let size = Int(text), size > 0 else { return nil }
                self = .sentences(size)
            }
        }

        /// `sentence`, `paragraph`, or the number of units.
        public var description: String {
            switch self {
            case .sentence: "sentence"
            case .paragraph: "paragraph"
            case .sentences(let size): size == 1 ? "sentence" : String(size)
            }
        }
    }
}
