import AnnotextCore
import Foundation

extension ConceptScheme {
    /// Reads a lexicon: a YAML file (`Lexicons/FORMAT.md`), a `concept-id<TAB>term` file
    /// (recognised by its content, whatever its extension), or a folder whose `.yaml`, `.yml`,
    /// `.tsv` and `.txt` files are merged in name order.
    ///
    /// A lexicon with errors is refused with the first of them (`FILE:LINE:COLUMN: message`);
    /// warnings do not stop it. `LexiconChecker` lists everything.
    public init(contentsOf url: URL) throws {
        let result = LexiconLoader.load(url, warnings: false)
        if let error = result.diagnostics.first(where: \.isError) { throw LexiconError(error) }
        guard let scheme = result.scheme else {
            throw LexiconError(file: url.relativePath, message: "no concept scheme could be read")
        }
        self = scheme
    }

    /// The name of the default lexicon among the embedded files.
    static let builtInFileName = "international-relations.yaml"

    /// The default concept scheme built into annotext: `Lexicons/international-relations.yaml`,
    /// embedded at build time so that a copied binary works alone.
    ///
    /// The tests check that it loads without errors; should the embedded text ever fail to
    /// load, this is an empty scheme rather than a crash.
    public static let builtIn: ConceptScheme = {
        guard let text = EmbeddedLexicons.files[builtInFileName] else {
            return ConceptScheme(id: "international-relations", concepts: [])
        }
        let result = LexiconLoader.load(text: text, name: builtInFileName)
        guard let scheme = result.scheme, !result.diagnostics.contains(where: \.isError) else {
            return ConceptScheme(id: "international-relations", concepts: [])
        }
        return scheme
    }()
}
