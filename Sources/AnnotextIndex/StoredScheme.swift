import AnnotextCore
import Foundation

/// The concept scheme as the corpus records it in `meta`: a Codable mirror of `ConceptScheme`,
/// so `CorpusStore.scheme()` gives back the scheme that tagged the corpus, terms and all.
struct StoredScheme: Codable, Sendable {
    var id: String
    var title: String
    var language: String
    var version: String
    var concepts: [StoredConcept]

    init(_ scheme: ConceptScheme) {
        id = scheme.id
        title = scheme.title
        language = scheme.language
        version = scheme.version
        concepts = scheme.concepts.map(StoredConcept.init)
    }

    var scheme: ConceptScheme {
        ConceptScheme(
            id: id, title: title, language: language, version: version,
            concepts: concepts.map(\.concept))
    }

    /// Canonical JSON (sorted keys) and its FNV-1a hash, which identifies the scheme. The bytes
    /// are those of `encodeWithFoundation`, written by `StoredSchemeJSON`.
    static func encode(_ scheme: ConceptScheme) -> (json: String, hash: String) {
        let bytes = StoredSchemeJSON.bytes(StoredScheme(scheme))
        // `StableHash.combine(bytes:)` is generic and not specialized from this module; through a
        // buffer pointer its per-byte steps cost about a fifth of what they cost on the array.
        return (String(decoding: bytes, as: UTF8.self), bytes.withUnsafeBufferPointer { fnv1a($0) })
    }

    /// The reference encoding: `JSONEncoder` with sorted keys, which wrote the hashes of
    /// existing corpora. For the tests, which check that `encode` gives the same bytes.
    static func encodeWithFoundation(_ scheme: ConceptScheme) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(StoredScheme(scheme))
    }

    static func decode(_ json: String) throws -> ConceptScheme {
        try JSONDecoder().decode(StoredScheme.self, from: Data(json.utf8)).scheme
    }

    /// A 64-bit FNV-1a digest in hex: enough to tell schemes and texts apart, not a security hash.
    static func fnv1a<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        var hash = StableHash()
        hash.combine(bytes: bytes)
        return hash.hexDigest
    }
}

struct StoredConcept: Codable, Sendable {
    var id: String
    var label: String
    var terms: [StoredTerm]
    var hidden: [StoredTerm]
    var broader: [String]
    var related: [String]
    var definition: String?
    var note: String?
    var options: StoredOptions

    init(_ concept: Concept) {
        id = concept.id
        label = concept.label
        terms = concept.terms.map(StoredTerm.init)
        hidden = concept.hidden.map(StoredTerm.init)
        broader = concept.broader
        related = concept.related
        definition = concept.definition
        note = concept.note
        options = StoredOptions(concept.options)
    }

    var concept: Concept {
        Concept(
            id: id, label: label, terms: terms.map(\.term), hidden: hidden.map(\.term), broader: broader,
            related: related, definition: definition, note: note, options: options.options)
    }
}

struct StoredTerm: Codable, Sendable {
    var text: String
    var options: StoredOptions

    init(_ term: Term) {
        text = term.text
        options = StoredOptions(term.options)
    }

    var term: Term { Term(text, options: options.options) }
}

struct StoredOptions: Codable, Sendable {
    var isAcronym: Bool?
    var isCaseSensitive: Bool?
    var exclusions: [String]
    var context: [String]
    var contextWindow: Int?
    /// Left out when unset, like the other optionals: schemes that do not set it keep the JSON,
    /// and so the hash, they had before it was stored.
    var inflects: Bool?

    init(_ options: MatchOptions) {
        isAcronym = options.isAcronym
        isCaseSensitive = options.isCaseSensitive
        exclusions = options.exclusions
        context = options.context
        contextWindow = options.contextWindow
        inflects = options.inflects
    }

    var options: MatchOptions {
        MatchOptions(
            isAcronym: isAcronym, isCaseSensitive: isCaseSensitive, exclusions: exclusions, context: context,
            contextWindow: contextWindow, inflects: inflects)
    }
}
