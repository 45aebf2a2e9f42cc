/// Scores the segmenter and the tagger against gold passages (`annotext eval`).
///
/// Each passage is read as a plain-text document named by its id, segmented and tagged with
/// `annotator`, and its units and top-level mentions are compared with the gold in Unicode
/// scalar offsets. Counts are summed over passages (micro-averaging).
public struct Evaluator: Sendable {
    /// The segmenter and tagger under evaluation.
    public let annotator: DocumentAnnotator

    /// Creates an evaluator.
    public init(annotator: DocumentAnnotator) {
        self.annotator = annotator
    }

    /// Annotates every passage and scores the result against its gold.
    public func evaluate(_ passages: [GoldPassage]) -> EvaluationReport {
        Self.score(passages, predictions: passages.map(prediction(for:)))
    }

    /// What the annotator makes of a passage, in scalar offsets of its text.
    public func prediction(for passage: GoldPassage) -> PassageAnnotation {
        let document = Document(name: passage.id, text: passage.text)
        let tagged = annotator.annotate(document)
        var text = passage.text
        return text.withUTF8 { bytes in
            var cursor = ScalarOffsetCursor(bytes)
            var result = PassageAnnotation()
            for unit in tagged {
                let start = cursor.scalarOffset(ofByte: unit.sentence.range.lowerBound)
                for mention in unit.mentions {
                    let lower = cursor.scalarOffset(ofByte: mention.range.lowerBound)
                    let upper = cursor.scalarOffset(ofByte: mention.range.upperBound)
                    result.mentions.append(
                        EvalMention(range: lower..<upper, concept: mention.concept, isNegated: mention.isNegated))
                }
                let end = cursor.scalarOffset(ofByte: unit.sentence.range.upperBound)
                result.sentences.append(start..<end)
            }
            return result
        }
    }

    /// Scores `predictions` against the gold of `passages`, pairwise (the same count of each).
    public static func score(_ passages: [GoldPassage], predictions: [PassageAnnotation]) -> EvaluationReport {
        var report = EvaluationReport(passages: passages.count)
        var byConcept: [String: Score] = [:]
        for (passage, predicted) in zip(passages, predictions) {
            let scalars = Array(passage.text.unicodeScalars)
            let gold = passage.annotation
            let goldUnits = Set(gold.sentences.compactMap { trimmed($0, in: scalars) })
            let predictedUnits = Set(predicted.sentences.compactMap { trimmed($0, in: scalars) })
            report.sentences += compare(goldUnits, predictedUnits)
            report.boundaries += compare(Set(goldUnits.map(\.upperBound)), Set(predictedUnits.map(\.upperBound)))

            let pairing = MentionPairing(gold: gold.mentions, predicted: predicted.mentions)
            report.exactMentions += pairing.exactScore
            report.overlappingMentions += pairing.overlapScore
            report.negation.total += pairing.overlapPairs.count
            report.negation.agreeing +=
                pairing.overlapPairs.filter { pair in
                    gold.mentions[pair.gold].isNegated == predicted.mentions[pair.predicted].isNegated
                }.count
            for (concept, score) in pairing.exactScoresByConcept {
                byConcept[concept, default: Score()] += score
            }
        }
        report.concepts = byConcept.keys.sorted().map { ConceptScore(concept: $0, score: byConcept[$0] ?? Score()) }
        return report
    }

    /// Set agreement: hits, predictions not in the gold, gold items not predicted.
    static func compare<T: Hashable>(_ gold: Set<T>, _ predicted: Set<T>) -> Score {
        let hits = gold.intersection(predicted).count
        return Score(truePositives: hits, falsePositives: predicted.count - hits, falseNegatives: gold.count - hits)
    }

    /// `range` clamped to the text and trimmed of white space at both ends; nil when nothing is left.
    static func trimmed(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        var lower = min(max(range.lowerBound, 0), scalars.count)
        var upper = min(max(range.upperBound, lower), scalars.count)
        while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
        while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }
}
