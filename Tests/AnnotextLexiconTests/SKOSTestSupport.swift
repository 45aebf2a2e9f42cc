import AnnotextCore
import AnnotextLexicon
import Foundation

/// Helpers for the SKOS import tests.
enum SKOSFixture {
    static let url = PackagePaths.fixtures.appendingPathComponent("skos-ir.rdf")

    /// The fixture imported for `language`.
    static func imported(language: String = "en") throws -> SKOSImport {
        try SKOSImporter(language: language).importScheme(contentsOf: url)
    }

    /// Imports RDF/XML text given inline, named `inline.rdf` in messages.
    static func importing(_ text: String, language: String = "en") throws -> SKOSImport {
        try SKOSImporter(language: language).importScheme(bytes: Array(text.utf8), file: "inline.rdf")
    }

    /// An RDF/XML document around `body`, with the usual prefixes.
    static func rdf(_ body: String) -> String {
        """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                 xmlns:skos="http://www.w3.org/2004/02/skos/core#"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
        \(body)
        </rdf:RDF>
        """
    }
}

extension ConceptScheme {
    /// The scheme without source locations, to compare a scheme with its YAML read back.
    var withoutLocations: ConceptScheme {
        var copy = self
        copy.concepts = concepts.map { concept in
            var concept = concept
            concept.location = nil
            concept.terms = concept.terms.map { Term($0.text, options: $0.options) }
            concept.hidden = concept.hidden.map { Term($0.text, options: $0.options) }
            return concept
        }
        return copy
    }
}
