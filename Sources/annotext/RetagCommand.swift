import AnnotextCore
import AnnotextIndex
import ArgumentParser
import Foundation

/// `annotext retag`: tag the stored corpus again with the current lexicon.
struct RetagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retag",
        abstract: "Tag the stored documents again with the current lexicon.",
        discussion: """
            The documents' text and structure are in the corpus, so no file is read again: each document is segmented and tagged anew with --lexicon (default: the built-in lexicon) and rewritten whole. Documents already tagged by the same lexicon are left alone. The corpus records the lexicon and its hash (see annotext documents).
            """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var lexicon: LexiconOptions

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func run() async throws {
        let started = Date()
        let scheme = try lexicon.scheme()
        let annotator = DocumentAnnotator(tagger: ConceptTagger(lexicon: try CompiledLexicon(scheme: scheme)))
        let store = try corpus.openForWriting()
        if try store.documents().isEmpty { throw CommandFailure("\(corpus.path): no documents to retag") }
        let summary = try store.retag(scheme: scheme, source: lexicon.lexicon ?? "built-in") {
            annotator.records(for: $0)
        }
        guard !quiet else { return }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        print(
            "retagged \(summary.retagged) documents (\(summary.sentences) sentences, \(summary.mentions) mentions), "
                + "\(summary.unchanged) already up to date, in \(seconds) s")
        if let tagging = try store.tagging() { print(tagging.summary) }
    }
}
