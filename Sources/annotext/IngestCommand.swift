import AnnotextCore
import AnnotextIndex
import AnnotextIngest
import AnnotextPipeline
import ArgumentParser
import Foundation

/// `annotext ingest PATH...`: read, segment, tag and store documents.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add files and folders (recursively) to the corpus.",
        discussion: """
            Each document is read (text, Markdown, HTML, XML/TEI), split into sentences, tagged with the lexicon and stored whole. A changed file replaces its older version; an unchanged one is skipped. A file that cannot be read is reported and skipped, and the exit code is 1.
            """)

    @Argument(help: ArgumentHelp("Files or folders to ingest, or - for standard input.", valueName: "path"))
    var paths: [String]

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var lexicon: LexiconOptions

    @Option(name: .long, help: ArgumentHelp("Only files whose relative name matches this glob (repeatable).", valueName: "glob"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("Skip files whose relative name matches this glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Option(name: .long, help: "Read every input as text, markdown, html or xml (default: from the extension or content).")
    var format: DocumentFormat?

    @Option(name: .long, help: "The document name for standard input (default: stdin).")
    var name: String?

    @Option(name: .long, help: ArgumentHelp("Refuse files larger than this many MB (1 MB = 1,000,000 bytes).", valueName: "MB"))
    var maxSize: Int = 256

    @Flag(name: .long, help: "Print nothing but errors and warnings: no progress bar, no notes, no summary.")
    var quiet = false

    func validate() throws {
        guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of MB.") }
    }

    func run() async throws {
        let started = Date()
        let scheme = try lexicon.scheme()
        let annotator = DocumentAnnotator(tagger: ConceptTagger(lexicon: try CompiledLexicon(scheme: scheme)))
        let (maxBytes, overflow) = maxSize.multipliedReportingOverflow(by: 1_000_000)
        let reader = DocumentReader(options: ReadOptions(maxSize: overflow ? Int.max : maxBytes))
        let store = try corpus.openForWriting(quiet: quiet)
        let ingester = CorpusIngester(reader: reader, annotator: annotator, scheme: scheme, format: format)
        let progress = IngestProgress(showsBar: !quiet && isTerminal(2), showsNotes: !quiet)
        var summary = IngestSummary()
        if paths.contains("-") {
            do {
                let result = try reader.readStandardInput(name: name ?? "stdin", format: format)
                summary.merge(try ingester.ingest(result, into: store, report: progress.report))
            } catch let error as IngestError {
                summary.failed += 1
                progress.report(.failed(name: error.name, message: error.description))
            }
        }
        let found = DocumentFinder.search(paths.filter { $0 != "-" }, include: include, exclude: exclude)
        for problem in found.problems {
            summary.failed += 1
            progress.report(.failed(name: problem.name, message: problem.description))
        }
        progress.start(files: found.files)
        defer { progress.finish() }
        summary.merge(try await ingester.ingest(found.files, into: store, report: progress.report))
        progress.finish()
        if summary.added + summary.replaced > 0 { try store.recordLexiconSource(lexicon.lexicon ?? "built-in") }
        if !quiet { print(summary.line(seconds: Date().timeIntervalSince(started), corpus: corpus.path)) }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
