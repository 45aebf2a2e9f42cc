/// Counts of agreement between predictions and gold, with the figures people read from them.
///
/// A figure whose denominator is zero is nil (no predictions: no precision), printed as `-`
/// and written as JSON `null`. F1 is `2·tp / (2·tp + fp + fn)`, the harmonic mean of precision
/// and recall when both exist, and 0 when there is something to find or predicted but no hit.
public struct Score: Sendable, Hashable {
    /// Predictions that match the gold.
    public var truePositives: Int
    /// Predictions that match nothing in the gold.
    public var falsePositives: Int
    /// Gold items no prediction matches.
    public var falseNegatives: Int

    /// Creates a score from its counts.
    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// tp / (tp + fp), or nil without predictions.
    public var precision: Double? {
        Self.ratio(truePositives, truePositives + falsePositives)
    }

    /// tp / (tp + fn), or nil without gold items.
    public var recall: Double? {
        Self.ratio(truePositives, truePositives + falseNegatives)
    }

    /// 2·tp / (2·tp + fp + fn), or nil when there is neither gold nor prediction.
    public var f1: Double? {
        Self.ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives)
    }

    /// The counts of both scores added (micro-averaging over passages).
    public static func + (lhs: Score, rhs: Score) -> Score {
        Score(
            truePositives: lhs.truePositives + rhs.truePositives,
            falsePositives: lhs.falsePositives + rhs.falsePositives,
            falseNegatives: lhs.falseNegatives + rhs.falseNegatives)
    }

    /// Adds `other`'s counts to this score.
    public static func += (lhs: inout Score, rhs: Score) {
        lhs = lhs + rhs
    }

    private static func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }
}
