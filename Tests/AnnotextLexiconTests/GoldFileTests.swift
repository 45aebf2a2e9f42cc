import AnnotextCore
import AnnotextLexicon
import Foundation
import Testing

@Suite struct GoldFileTests {
    static let sample = PackagePaths.fixtures.appendingPathComponent("gold-sample.jsonl")

    @Test func readsTheSampleGoldFile() throws {
        let passages = try GoldFile.passages(contentsOf: Self.sample)
        #expect(passages.count == 20)
        #expect(passages.reduce(0) { $0 + $1.annotation.sentences.count } == 48)
        #expect(passages.reduce(0) { $0 + $1.annotation.mentions.count } == 71)
        #expect(passages[0].id == "lecture-balance")
        #expect(passages[0].annotation.sentences == [0..<45, 46..<125, 126..<211])
        #expect(
            passages[0].annotation.mentions.last
                == EvalMention(range: 183..<199, concept: "specific-enemy", isNegated: true))
    }

    /// The sample is annotated by ANNOTATION.md; the default lexicon and segmenter follow the same
    /// rules, so any change here is a change in what annotext finds.
    @Test func scoresTheSampleWithTheBuiltInLexicon() throws {
        let passages = try GoldFile.passages(contentsOf: Self.sample)
        let tagger = ConceptTagger(lexicon: try CompiledLexicon(scheme: ConceptScheme.builtIn))
        let report = Evaluator(annotator: DocumentAnnotator(tagger: tagger)).evaluate(passages)
        #expect(report.boundaries == Score(truePositives: 48))
        #expect(report.sentences == Score(truePositives: 48))
        #expect(report.exactMentions == Score(truePositives: 71))
        #expect(report.negation == Agreement(agreeing: 71, total: 71))
    }

    @Test func readsCodePointOffsetsAndSkipsBlankLines() throws {
        let text =
            #"{"id": "e", "text": "e\u0301 NATO", "sentences": [[0, 7]], "mentions": [{"start": 3, "end": 7, "concept": "nato", "text": "NATO", "negated": false}]}"#
        let passages = try GoldFile.passages(text: "\n" + text + "\n\n", file: "g.jsonl")
        #expect(passages.map(\.annotation.mentions) == [[EvalMention(range: 3..<7, concept: "nato")]])
    }

    @Test(arguments: [
        ("[1, 2]", "g.jsonl:1:1: is not a JSON object"),
        ("{\"id\": 3}", "g.jsonl:1:1: needs \"id\", a non-empty string"),
        ("{\"id\": \"p\"}", "g.jsonl:1:1: passage \"p\" needs \"text\", a string"),
        (
            "{\"id\": \"p\", \"text\": \"abc\"}",
            "g.jsonl:1:1: passage \"p\" needs \"sentences\", a list of [start, end] pairs"
        ),
        (
            "{\"id\": \"p\", \"text\": \"abc\", \"sentences\": [[0, true]]}",
            "g.jsonl:1:1: sentence 1 of \"p\" is not a [start, end] pair of whole numbers"
        ),
        (
            "{\"id\": \"p\", \"text\": \"abc\", \"sentences\": [[0, 4]]}",
            "g.jsonl:1:1: sentence 1 of \"p\" [0, 4] is not a span of the text (0 to 3)"
        ),
        (
            "{\"id\": \"p\", \"text\": \"abc\", \"sentences\": [], \"mentions\": [{\"start\": 0, \"end\": 1}]}",
            "g.jsonl:1:1: mention 1 of \"p\" needs \"concept\", a concept id"
        ),
        (
            "{\"id\": \"p\", \"text\": \"abc\", \"sentences\": [], \"mentions\": [{\"start\": 0, \"end\": 1, \"concept\": \"x\", \"text\": \"b\"}]}",
            "g.jsonl:1:1: mention 1 of \"p\" has \"text\" that differs from the text at [0, 1]"
        ),
        (
            "{\"id\": \"p\", \"text\": \"abc\", \"sentences\": [], \"mentions\": [{\"start\": 0, \"end\": 1, \"concept\": \"x\", \"negated\": 1}]}",
            "g.jsonl:1:1: \"negated\" of mention 1 of \"p\" is not true or false"
        ),
        (
            "{\"id\": \"p\", \"text\": \"a\", \"sentences\": []}\n{\"id\": \"p\", \"text\": \"b\", \"sentences\": []}",
            "g.jsonl:2:1: duplicate passage id \"p\", first on line 1"
        ),
        ("\n\n", "g.jsonl: holds no passage"),
    ])
    func refusesABrokenGoldFileWithItsLine(_ text: String, _ message: String) {
        #expect(throws: (any Error).self) { try GoldFile.passages(text: text, file: "g.jsonl") }
        do {
            _ = try GoldFile.passages(text: text, file: "g.jsonl")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
