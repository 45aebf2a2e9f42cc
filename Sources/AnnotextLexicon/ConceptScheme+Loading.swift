import AnnotextCore
import Foundation

extension ConceptScheme {
    /// Reads a lexicon file (YAML, or `concept-id<TAB>term` lines) or a folder of them.
    /// (Stub: to be replaced.)
    public init(contentsOf url: URL) throws {
        self.init(id: url.lastPathComponent, concepts: [])
    }

    /// The default concept scheme built into annotext.
    public static var builtIn: ConceptScheme {
        ConceptScheme(id: "international-relations", concepts: [])
    }
}
