import AnnotextCore
import Foundation

/// Imports a SKOS concept scheme written in RDF/XML as an annotext concept scheme
/// (`annotext lexicon import-skos`).
///
/// `skos:Concept` resources (as `<skos:Concept>` or any node with `rdf:type skos:Concept`)
/// become concepts: the URI's fragment or last path segment, made kebab-case, is the id;
/// `prefLabel` the label, `altLabel` the terms, `hiddenLabel` the hidden terms, `definition`
/// and `scopeNote` the definition and note; `broader` and `narrower` (both directions) become
/// `broader` ids and `related` `related` ids. Labels and notes are kept in the requested
/// language (`en` also takes `en-GB`) and when they carry no `xml:lang`. The first
/// `skos:ConceptScheme` gives the scheme's id and its `dct:title` or `dc:title` the title.
public struct SKOSImporter: Sendable {
    /// The language whose labels are kept (`en`).
    public var language: String

    /// Creates an importer for `language`.
    public init(language: String = "en") {
        self.language = language
    }

    /// Imports the RDF/XML file at `url`; errors are `LexiconError`s naming the file and line.
    public func importScheme(contentsOf url: URL) throws -> SKOSImport {
        let file = url.relativePath
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw LexiconError(file: file, message: exists ? "cannot be read" : "no such file")
        }
        return try importScheme(bytes: [UInt8](data), file: file)
    }

    /// Imports RDF/XML `bytes`; `file` names them in messages.
    public func importScheme(bytes: [UInt8], file: String) throws -> SKOSImport {
        let graph = try SKOSXMLReader.graph(from: bytes, file: file)
        var builder = SKOSSchemeBuilder(graph: graph, file: file, language: language)
        let scheme = try builder.build()
        let result = SKOSImport(source: file, language: language, scheme: scheme, warnings: builder.warnings)
        try verify(result, file: file)
        return result
    }

    /// Compiles the scheme (errors point into the RDF file) and reads its YAML back, so a file
    /// that `ConceptScheme(contentsOf:)` would refuse is never written.
    private func verify(_ result: SKOSImport, file: String) throws {
        do {
            _ = try CompiledLexicon(scheme: result.scheme)
        } catch let error as LexiconCompileError {
            throw LexiconError(LexiconChecker.diagnostic(from: error, file: file))
        }
        let loaded = LexiconLoader.load(text: result.yaml, name: "imported.yaml")
        if let problem = loaded.diagnostics.first(where: \.isError) {
            throw LexiconError(file: file, message: "the imported lexicon would not load: \(problem.message)")
        }
    }
}
