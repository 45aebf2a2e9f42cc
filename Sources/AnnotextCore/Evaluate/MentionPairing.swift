/// Pairs the predicted mentions of a passage with its gold mentions, one to one.
///
/// Exact pairs (same span and concept) are taken first; the overlap pairing then adds, for each
/// gold mention left in text order, the first unpaired prediction of the same concept whose span
/// overlaps it. So every exact pair is an overlap pair too, and no mention is counted twice.
struct MentionPairing {
    /// Indices of a gold mention and the prediction paired with it.
    struct Pair: Hashable {
        var gold: Int
        var predicted: Int
    }

    /// Pairs with the same span and concept.
    private(set) var exactPairs: [Pair] = []
    /// Pairs of the same concept whose spans overlap (the exact pairs included).
    private(set) var overlapPairs: [Pair] = []
    private let gold: [EvalMention]
    private let predicted: [EvalMention]

    init(gold: [EvalMention], predicted: [EvalMention]) {
        self.gold = gold
        self.predicted = predicted
        var goldPaired = [Bool](repeating: false, count: gold.count)
        var predictedPaired = [Bool](repeating: false, count: predicted.count)
        // Passages are short: a quadratic pass over their mentions costs nothing.
        for g in gold.indices {
            if let p = predicted.indices.first(where: {
                !predictedPaired[$0] && predicted[$0].range == gold[g].range && predicted[$0].concept == gold[g].concept
            }) {
                goldPaired[g] = true
                predictedPaired[p] = true
                exactPairs.append(Pair(gold: g, predicted: p))
            }
        }
        overlapPairs = exactPairs
        let order = gold.indices.sorted { gold[$0].range.lowerBound < gold[$1].range.lowerBound }
        for g in order where !goldPaired[g] {
            if let p = predicted.indices.first(where: {
                !predictedPaired[$0] && predicted[$0].concept == gold[g].concept
                    && predicted[$0].range.overlaps(gold[g].range)
            }) {
                goldPaired[g] = true
                predictedPaired[p] = true
                overlapPairs.append(Pair(gold: g, predicted: p))
            }
        }
    }

    /// Counts for exact matching.
    var exactScore: Score {
        Score(
            truePositives: exactPairs.count, falsePositives: predicted.count - exactPairs.count,
            falseNegatives: gold.count - exactPairs.count)
    }

    /// Counts for overlap matching.
    var overlapScore: Score {
        Score(
            truePositives: overlapPairs.count, falsePositives: predicted.count - overlapPairs.count,
            falseNegatives: gold.count - overlapPairs.count)
    }

    /// Exact counts split by concept id.
    var exactScoresByConcept: [String: Score] {
        var scores: [String: Score] = [:]
        var predictedPaired = Set<Int>()
        var goldPaired = Set<Int>()
        for pair in exactPairs {
            scores[gold[pair.gold].concept, default: Score()].truePositives += 1
            goldPaired.insert(pair.gold)
            predictedPaired.insert(pair.predicted)
        }
        for (index, mention) in predicted.enumerated() where !predictedPaired.contains(index) {
            scores[mention.concept, default: Score()].falsePositives += 1
        }
        for (index, mention) in gold.enumerated() where !goldPaired.contains(index) {
            scores[mention.concept, default: Score()].falseNegatives += 1
        }
        return scores
    }
}
