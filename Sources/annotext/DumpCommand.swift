import AnnotextCore
import AnnotextExport
import AnnotextIndex
import ArgumentParser

/// `annotext dump`: every tagged sentence of the corpus, in document order.
struct DumpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the tagged sentences of the corpus as JSON.",
        discussion: "json: one array; jsonl: one sentence a line, streamed in constant memory.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl
    }

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .long, help: "json (one array) or jsonl (one object a line).")
    var format: Format = .json

    @Option(name: .long, help: ArgumentHelp("Only this document (repeatable).", valueName: "name"))
    var doc: [String] = []

    @Flag(name: .long, help: "The same as --format json.")
    var json = false

    func run() async throws {
        let store = try CorpusStore(path: corpus.path, readOnly: true)
        let sink = ByteSink()
        let writer = SentenceRecordWriter(sink: sink, layout: format == .jsonl && !json ? .lines : .array)
        try store.forEachSentence(documents: doc.isEmpty ? nil : doc) { writer.write($0) }
        writer.finish()
    }
}
