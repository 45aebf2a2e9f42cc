import AnnotextCore
import AnnotextExport
import AnnotextIndex
import ArgumentParser

/// `annotext search QUERY`: sentences that match a concept query.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the sentences that match a concept query.",
        discussion: """
            A query names concepts by id or label (narrower concepts included), combined with AND, OR, NOT and parentheses; AND means in the same sentence.
              annotext search alliance
              annotext search 'alliance AND collective-security'
              annotext search '"balance of power" AND NOT realism'
              annotext search 'text:"armed attack"'     (full-text words)
              annotext search 'specific-enemy:negated'  (negated mentions)
              annotext search 'kind:heading AND doc:*.xml'
            People see a concordance of the first 20 hits; --json prints every hit as JSON.
            """)

    @Argument(help: "The query.")
    var query: String

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var output: JSONOption

    @Flag(name: .long, help: "Match the named concepts only, not their narrower ones.")
    var exact = false

    @Option(name: .long, help: "At most this many hits (default: 20 for people, all with --json).")
    var limit: Int?

    @Option(name: .long, help: "Skip this many hits first.")
    var offset: Int = 0

    @Flag(name: .long, help: "Print only the number of hits.")
    var count = false

    func run() async throws {
        let store = try CorpusStore(path: corpus.path, readOnly: true)
        let parsed = try ConceptQuery(parsing: query, scheme: try store.scheme(), exact: exact)
        if count {
            print(try store.count(parsed))
            return
        }
        let sink = ByteSink()
        if output.json {
            let writer = SentenceRecordWriter(sink: sink, layout: .array)
            try store.forEachMatch(parsed, limit: limit, offset: offset) { writer.write($0) }
            writer.finish()
            return
        }
        let hits = try store.search(parsed, limit: limit ?? 20, offset: offset)
        let concordance = Concordance(highlight: isTerminal(1))
        for hit in hits {
            sink.write(concordance.line(for: hit))
            sink.buffer.append(0x0A)
        }
        if hits.isEmpty { sink.write("No sentence matches \(query).\n") }
        sink.flush()
    }
}
