import AnnotextCore
import AnnotextLexicon
import ArgumentParser
import Foundation

/// `annotext lexicon import-skos FILE`: a SKOS concept scheme in RDF/XML as a YAML lexicon.
struct LexiconImportSKOSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-skos",
        abstract: "Convert a SKOS concept scheme (RDF/XML) into a YAML lexicon.",
        discussion: """
            skos:Concept resources become concepts (id: the URI's fragment or last path segment, kebab-case): prefLabel → label, altLabel → terms, hiddenLabel → hidden, broader and narrower → broader, related → related, definition → definition, scopeNote → note. Labels and notes in --lang (en also takes en-GB) and those without xml:lang are kept. The file is read without network access, DTDs or entity expansion. What cannot be imported is reported as a warning on stderr; the YAML loads with --lexicon and passes `annotext lexicon check`.
            """)

    @Argument(help: ArgumentHelp("The SKOS file (RDF/XML).", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The language of the labels to keep.", valueName: "code"))
    var lang = "en"

    @Option(
        name: .long, help: ArgumentHelp("Write the YAML to this file instead of standard output.", valueName: "file"))
    var out: String?

    func run() async throws {
        let result = try SKOSImporter(language: lang).importScheme(contentsOf: URL(fileURLWithPath: file))
        for warning in result.warnings { printNote(warning.description) }
        guard let out else {
            print(result.yaml, terminator: "")
            return
        }
        do {
            try Data(result.yaml.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw CommandFailure("\(out): cannot be written")
        }
        printNote("\(out): \(result.scheme.concepts.count) concepts imported from \(file)")
    }
}
