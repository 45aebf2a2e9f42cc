import AnnotextCore
import AnnotextIndex
import AnnotextLexicon
import ArgumentParser
import Foundation

/// `--db`: where the corpus lives.
struct CorpusOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The corpus file (default: $ANNOTEXT_DB, else annotext.sqlite in the current folder).",
            valueName: "path"))
    var db: String?

    /// Opens the corpus for writing, saying on stderr (unless `quiet`) when an older corpus is
    /// upgraded first, since that can take a while.
    func openForWriting(quiet: Bool = false) throws -> CorpusStore {
        let path = path
        return try CorpusStore(path: path) { from, to in
            if !quiet {
                printNote("Upgrading \(path) from schema \(from) to \(to) (once; a large corpus takes a while).")
            }
        }
    }

    /// The corpus path the options name.
    var path: String {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment["ANNOTEXT_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "annotext.sqlite"
    }
}

/// `--lexicon`: the concept scheme that replaces the built-in one.
struct LexiconOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A lexicon (YAML, or concept-id<TAB>term lines) or a folder of them, instead of the built-in one.",
            valueName: "path"))
    var lexicon: String?

    /// The scheme the options name, or the built-in one.
    func scheme() throws -> ConceptScheme {
        guard let lexicon else { return ConceptScheme.builtIn }
        return try ConceptScheme(contentsOf: URL(fileURLWithPath: lexicon))
    }

    /// The compiled lexicon the options name.
    func compiled() throws -> CompiledLexicon {
        try CompiledLexicon(scheme: scheme())
    }
}

/// `--json`: print records as JSON.
struct JSONOption: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text for people.")
    var json = false
}
