import AnnotextCore
import AnnotextLexicon
import ArgumentParser
import Foundation

/// `annotext lexicon …`: work with lexicon files.
struct LexiconCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Check lexicon files.",
        subcommands: [LexiconCheckCommand.self, LexiconImportSKOSCommand.self])
}

/// `annotext lexicon check FILE`: report what is wrong with a lexicon.
struct LexiconCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a lexicon: FILE:LINE:COLUMN: message for each problem.",
        discussion: "Exits 1 when there is an error; warnings alone exit 0. Without a file, checks the built-in lexicon.")

    @Argument(help: ArgumentHelp("A lexicon file or folder.", valueName: "file"))
    var file: String?

    func run() async throws {
        guard let file else {
            let concepts = ConceptScheme.builtIn.concepts.count
            _ = try CompiledLexicon(scheme: ConceptScheme.builtIn)
            print("built-in lexicon: \(concepts) concepts, no problems")
            return
        }
        let diagnostics = LexiconChecker.check(contentsOf: URL(fileURLWithPath: file))
        for diagnostic in diagnostics { print(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if errors == 0 {
            do {
                let scheme = try ConceptScheme(contentsOf: URL(fileURLWithPath: file))
                _ = try CompiledLexicon(scheme: scheme)
                printNote("\(file): \(scheme.concepts.count) concepts, \(warnings) warnings\n")
            } catch let error as any AnnotextError {
                print(error.description)
                throw ExitCode(1)
            }
        } else {
            printNote("\(file): \(errors) errors, \(warnings) warnings\n")
            throw ExitCode(1)
        }
    }
}
