import AnnotextCore
import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

@main
struct Annotext: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotext",
        abstract: "Turn lecture notes and articles into an annotated, searchable corpus.",
        discussion: """
            annotext splits documents into sentences, tags the concepts of a lexicon in every sentence, and keeps an index to search by concept. The corpus is annotext.sqlite in the current folder unless --db or ANNOTEXT_DB names another.
            """,
        version: AnnotextVersion.current,
        subcommands: [
            IngestCommand.self, SearchCommand.self, DumpCommand.self, TagCommand.self,
            SegmentCommand.self, MapCommand.self, ConceptsCommand.self, DocumentsCommand.self,
            RemoveCommand.self, LexiconCommand.self, RetagCommand.self, EvalCommand.self,
        ])

    /// Runs the command line, printing our own failures as one line on stderr.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            printError(failure.message)
            Glibc.exit(failure.exitCode)
        } catch let error as any AnnotextError {
            printError(error.description)
            Glibc.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

/// The version printed by `--version`.
enum AnnotextVersion {
    static let current = "0.1.0"
}
