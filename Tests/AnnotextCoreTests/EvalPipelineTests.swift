import Testing

@testable import AnnotextCore

@Suite struct EvalPipelineTests {
    let evaluator = Evaluator(annotator: DocumentAnnotator(tagger: ConceptTagger(lexicon: TagFixture.lexicon)))

    @Test func predictsUnitsAndMentionsInScalarOffsets() {
        let passage = GoldPassage(id: "u", text: "The CSTO’s “alliance” is not NATO.", annotation: PassageAnnotation())
        let predicted = evaluator.prediction(for: passage)
        #expect(predicted.sentences == [0..<34])
        #expect(
            predicted.mentions == [
                EvalMention(range: 4..<8, concept: "csto"), EvalMention(range: 12..<20, concept: "alliance"),
                EvalMention(range: 29..<33, concept: "nato", isNegated: true),
            ])
    }

    @Test func scoresTheRealSegmenterAndTagger() {
        // The tagger finds everything in the first passage; "institutions" is no term for world-order.
        let second = GoldPassage(
            id: "b", text: "Realists distrust institutions.",
            annotation: PassageAnnotation(
                sentences: [0..<31],
                mentions: [
                    EvalMention(range: 0..<8, concept: "realism"), EvalMention(range: 18..<30, concept: "world-order"),
                ]))
        let report = evaluator.evaluate([EvalFixture.passage, second])
        #expect(report.boundaries == Score(truePositives: 3))
        #expect(report.sentences == Score(truePositives: 3))
        #expect(report.exactMentions == Score(truePositives: 4, falsePositives: 0, falseNegatives: 1))
        #expect(report.exactMentions.recall == 0.8)
        #expect(report.negation == Agreement(agreeing: 4, total: 4))
        #expect(report.concepts.map(\.concept) == ["alliance", "hegemon", "nato", "realism", "world-order"])
    }
}
