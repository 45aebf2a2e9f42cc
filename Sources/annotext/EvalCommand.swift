import AnnotextCore
import AnnotextLexicon
import ArgumentParser
import Foundation

/// `annotext eval --gold FILE`: how well the segmenter and the tagger agree with a gold file.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the segmenter and the tagger against a gold file: precision, recall, F1.",
        discussion: """
            The gold file is JSON Lines, one passage per line, offsets [start, end) in Unicode code points of "text":

              {"id": "p1", "text": "NATO is no alliance.",
               "sentences": [[0, 20]],
               "mentions": [{"start": 0, "end": 4, "concept": "nato"},
                 {"start": 11, "end": 19, "concept": "alliance", "negated": true}]}

            (one line in the file). A mention may carry "text", which must equal the text it spans. Each passage is read as plain text, segmented and tagged. Reported: unit boundaries (unit ends after trimming white space) and whole units, mentions exact (same span and concept) and overlapping (same concept, spans overlap, one to one), negation accuracy over the overlapping matches, and exact scores by concept. Counts are summed over passages. See Docs/EVAL.md.
            """)

    @Option(name: .long, help: ArgumentHelp("The gold file (JSON Lines, one passage per line).", valueName: "file"))
    var gold: String

    @OptionGroup var lexicon: LexiconOptions
    @OptionGroup var output: JSONOption

    func run() async throws {
        let passages = try GoldFile.passages(contentsOf: URL(fileURLWithPath: gold))
        let annotator = DocumentAnnotator(tagger: ConceptTagger(lexicon: try lexicon.compiled()))
        let report = Evaluator(annotator: annotator).evaluate(passages)
        print(output.json ? report.json : report.text, terminator: output.json ? "\n" : "")
    }
}
