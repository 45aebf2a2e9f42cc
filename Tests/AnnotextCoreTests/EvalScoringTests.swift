import Testing

@testable import AnnotextCore

/// A tiny gold set whose figures are worked out by hand in the comments.
enum EvalFixture {
    // "NATO is an alliance." [0, 20), "It is not a hegemon." [21, 41).
    static let text = "NATO is an alliance. It is not a hegemon."

    static let passage = GoldPassage(
        id: "a", text: text,
        annotation: PassageAnnotation(
            sentences: [0..<20, 21..<41],
            mentions: [
                EvalMention(range: 0..<4, concept: "nato"), EvalMention(range: 11..<19, concept: "alliance"),
                EvalMention(range: 33..<40, concept: "hegemon", isNegated: true),
            ]))

    /// One unit instead of two; alliance's span too long; hegemon's negation missed; a stray realism.
    static let prediction = PassageAnnotation(
        sentences: [0..<41],
        mentions: [
            EvalMention(range: 0..<4, concept: "nato"), EvalMention(range: 0..<4, concept: "realism"),
            EvalMention(range: 11..<20, concept: "alliance"), EvalMention(range: 33..<40, concept: "hegemon"),
        ])

    static var report: EvaluationReport { Evaluator.score([passage], predictions: [prediction]) }
}

@Suite struct EvalScoringTests {
    @Test func countsBoundariesAsUnitEnds() {
        // Gold ends {20, 41}, predicted {41}.
        #expect(EvalFixture.report.boundaries == Score(truePositives: 1, falsePositives: 0, falseNegatives: 1))
        #expect(EvalFixture.report.boundaries.precision == 1)
        #expect(EvalFixture.report.boundaries.recall == 0.5)
    }

    @Test func countsWholeUnitsOnlyWhenBothEndsAgree() {
        #expect(EvalFixture.report.sentences == Score(truePositives: 0, falsePositives: 1, falseNegatives: 2))
        #expect(EvalFixture.report.sentences.precision == 0)
        #expect(EvalFixture.report.sentences.f1 == 0)
    }

    @Test func scoresExactMentionsBySpanAndConcept() {
        let exact = EvalFixture.report.exactMentions
        #expect(exact == Score(truePositives: 2, falsePositives: 2, falseNegatives: 1))
        #expect(exact.precision == 0.5)
        #expect(exact.recall == 2.0 / 3.0)
        #expect(exact.f1 == 4.0 / 7.0)
    }

    @Test func scoresOverlappingMentionsOneToOne() {
        let overlap = EvalFixture.report.overlappingMentions
        #expect(overlap == Score(truePositives: 3, falsePositives: 1, falseNegatives: 0))
        #expect(overlap.f1 == 6.0 / 7.0)
    }

    @Test func measuresNegationOverOverlapMatches() {
        // nato and alliance agree (not negated), hegemon does not.
        #expect(EvalFixture.report.negation == Agreement(agreeing: 2, total: 3))
    }

    @Test func tabulatesExactScoresByConcept() {
        #expect(
            EvalFixture.report.concepts == [
                ConceptScore(concept: "alliance", score: Score(truePositives: 0, falsePositives: 1, falseNegatives: 1)),
                ConceptScore(concept: "hegemon", score: Score(truePositives: 1)),
                ConceptScore(concept: "nato", score: Score(truePositives: 1)),
                ConceptScore(concept: "realism", score: Score(falsePositives: 1)),
            ])
    }

    @Test func comparesUnitsAfterTrimmingWhiteSpace() {
        let passage = GoldPassage(
            id: "t", text: "  Deterrence works.\n\nIt does. ",
            annotation: PassageAnnotation(sentences: [0..<20, 19..<30]))
        let report = Evaluator.score([passage], predictions: [PassageAnnotation(sentences: [2..<19, 21..<29])])
        #expect(report.sentences == Score(truePositives: 2))
        #expect(report.boundaries == Score(truePositives: 2))
    }

    @Test func sumsCountsOverPassages() {
        let report = Evaluator.score(
            [EvalFixture.passage, EvalFixture.passage], predictions: [EvalFixture.prediction, EvalFixture.prediction])
        #expect(report.passages == 2)
        #expect(report.exactMentions == Score(truePositives: 4, falsePositives: 4, falseNegatives: 2))
        #expect(report.negation == Agreement(agreeing: 4, total: 6))
    }

    @Test func leavesFiguresWithoutDenominatorUndefined() {
        let score = Score(truePositives: 0, falsePositives: 0, falseNegatives: 3)
        #expect(score.precision == nil)
        #expect(score.recall == 0)
        #expect(score.f1 == 0)
        #expect(Score().f1 == nil)
        #expect(Agreement().accuracy == nil)
    }

    @Test func pairsEachPredictionWithOneGoldMentionOnly() {
        // Two gold mentions overlap one long prediction: only one pair.
        let passage = GoldPassage(
            id: "o", text: "collective security alliance",
            annotation: PassageAnnotation(mentions: [
                EvalMention(range: 0..<19, concept: "alliance"), EvalMention(range: 20..<28, concept: "alliance"),
            ]))
        let report = Evaluator.score(
            [passage], predictions: [PassageAnnotation(mentions: [EvalMention(range: 0..<28, concept: "alliance")])])
        #expect(report.overlappingMentions == Score(truePositives: 1, falsePositives: 0, falseNegatives: 1))
        #expect(report.exactMentions == Score(truePositives: 0, falsePositives: 1, falseNegatives: 2))
    }
}
