import AnnotextExport
import AnnotextIndex
import ArgumentParser

/// `annotext concepts`: the concepts of the corpus's scheme with their counts.
struct ConceptsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concepts",
        abstract: "List the concepts with their mention, sentence and document counts.")

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var output: JSONOption

    @Flag(name: .long, help: "Count the mentions of narrower concepts into their broader ones too.")
    var rollup = false

    func run() async throws {
        let store = try CorpusStore(path: corpus.path, readOnly: true)
        let concepts = try store.concepts(rolledUp: rollup)
        let sink = ByteSink()
        if output.json {
            sink.writeJSON(
                .array(
                    concepts.map {
                        .object([
                            ("id", .string($0.id)), ("label", .string($0.label)), ("mentions", .int($0.mentions)),
                            ("sentences", .int($0.sentences)), ("documents", .int($0.documents)),
                        ])
                    }))
            sink.write("\n")
        } else {
            let rows = concepts.map { [$0.id, $0.label, "\($0.mentions)", "\($0.sentences)", "\($0.documents)"] }
            sink.write(Table(header: ["concept", "label", "mentions", "sentences", "documents"], rows: rows).text)
            if let tagging = try store.tagging() { sink.write("\n\(tagging.summary)\n") }
        }
        sink.flush()
    }
}
