import AnnotextCore

/// The result of importing a SKOS file: the concept scheme and what the import had to drop or
/// change (a concept without a label in the language, a link to a concept outside the file).
public struct SKOSImport: Sendable {
    /// The file the scheme came from, as the user gave it.
    public var source: String
    /// The language the labels were chosen for.
    public var language: String
    /// The scheme, valid for `ConceptScheme(contentsOf:)` once written as YAML.
    public var scheme: ConceptScheme
    /// Warnings, in file order; the scheme is usable all the same.
    public var warnings: [LexiconDiagnostic]

    /// Creates an import result.
    public init(source: String, language: String, scheme: ConceptScheme, warnings: [LexiconDiagnostic] = []) {
        self.source = source
        self.language = language
        self.scheme = scheme
        self.warnings = warnings
    }

    /// The scheme as a YAML lexicon (`Lexicons/FORMAT.md`), with a comment naming its source.
    public var yaml: String {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        let writer = YAMLLexiconWriter(headerComments: [
            "Imported from \(name) (SKOS, language \(language)) by annotext lexicon import-skos."
        ])
        return writer.yaml(for: scheme)
    }
}
