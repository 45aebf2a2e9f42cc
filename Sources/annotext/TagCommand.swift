import AnnotextCore
import AnnotextExport
import ArgumentParser

/// `annotext tag FILE|-`: the tagged units of one document, without a corpus.
struct TagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Segment a document and tag the concepts of the lexicon in it.",
        discussion: "Prints one JSON array of tagged sentences in the contract of DESIGN.md.")

    @OptionGroup var input: InputOptions
    @OptionGroup var lexicon: LexiconOptions
    @OptionGroup var output: JSONOption

    @Flag(name: .long, help: "Add each mention's lexicon term and the variant rule that matched it.")
    var explain = false

    @Option(name: .long, help: "longest (default): nested matches kept inside the longest; all: every match.")
    var overlaps: OverlapPolicy = .longest

    func run() async throws {
        let compiled = try lexicon.compiled()
        let document = try input.document()
        let annotator = DocumentAnnotator(tagger: ConceptTagger(lexicon: compiled, overlaps: overlaps))
        let writer = TaggedSentenceWriter(
            sink: ByteSink(), layout: .array, scheme: compiled.scheme, includesProvenance: explain)
        writer.write(document, annotator: annotator)
        writer.finish()
    }
}

extension OverlapPolicy: ExpressibleByArgument {}
