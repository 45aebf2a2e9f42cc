import AnnotextCore

/// A concept as a reader found it, with the places of the parts that `Concept` keeps no place
/// for (its id, each broader and related link), so that the validator can point at them.
struct ConceptDraft: Sendable {
    /// The concept as it will be handed on.
    var concept: Concept
    /// Where the id is written (the concept's place when there is no id).
    var idLocation: SourceLocation?
    /// Where each `broader` id is written, parallel to `concept.broader`.
    var broaderLocations: [SourceLocation?] = []
    /// Where each `related` id is written, parallel to `concept.related`.
    var relatedLocations: [SourceLocation?] = []
}

/// The `scheme:` block of a YAML lexicon.
struct SchemeHeader: Sendable {
    var id: String
    var title: String
    var language: String
    var version: String
}

/// What one lexicon file holds: its header (YAML only) and its concepts, in file order.
struct LexiconFragment: Sendable {
    var header: SchemeHeader?
    var concepts: [ConceptDraft] = []
}
