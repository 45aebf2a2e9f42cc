/// How a mention knows its concept id and provenance. Both cases hold one class reference, so
/// the enum takes the size of the tagger's case and a mention stays small.
enum MentionSource: Sendable {
    /// Given as strings (a mention made by hand, or read back from storage).
    case given(GivenSource)
    /// Made by a tagger: form `pattern` of `table`'s lexicon, for concept index `concept`, with
    /// the match-time rules of `ProvenanceTable.Extra` in `extras`.
    case lexicon(ProvenanceTable, pattern: UInt32, concept: Int32, extras: UInt8)

    var concept: String {
        switch self {
        case .given(let given): return given.concept
        case .lexicon(let table, _, let concept, _): return table.conceptID(Int(concept))
        }
    }

    var provenance: Provenance? {
        switch self {
        case .given(let given): return given.provenance
        case .lexicon(let table, let pattern, _, let extras): return table.provenance(pattern: Int(pattern), extras: extras)
        }
    }
}

/// The concept id and provenance of a mention made by hand, boxed: rare, and kept out of the
/// inline size of every mention.
final class GivenSource: Sendable {
    let concept: String
    let provenance: Provenance?

    init(concept: String, provenance: Provenance?) {
        self.concept = concept
        self.provenance = provenance
    }
}

/// The strings behind a compiled lexicon's forms, shared by every mention a tagger makes, so that
/// a mention holds indexes and its provenance strings are built only when asked for.
final class ProvenanceTable: Sendable {
    /// Rules the matcher adds to a form's own rule, as bits of `extras`.
    enum Extra {
        static let hyphen: UInt8 = 1
        static let space: UInt8 = 2
        static let possessive: UInt8 = 4
    }

    /// The lexicon term of each form.
    let terms: [String]
    /// The variant rule of each form.
    let rules: [String]
    /// The concept ids, by concept index.
    let conceptIDs: [String]

    init(terms: [String], rules: [String], conceptIDs: [String]) {
        self.terms = terms
        self.rules = rules
        self.conceptIDs = conceptIDs
    }

    /// A table with the same strings in an object of its own: every mention holds its table, so
    /// a tagging run on each core takes its own copy rather than having the cores fight over
    /// one reference count.
    func copy() -> ProvenanceTable {
        ProvenanceTable(terms: terms, rules: rules, conceptIDs: conceptIDs)
    }

    /// The id of the concept at `index`.
    func conceptID(_ index: Int) -> String {
        conceptIDs.indices.contains(index) ? conceptIDs[index] : ""
    }

    func provenance(pattern: Int, extras: UInt8) -> Provenance? {
        guard pattern < terms.count else { return nil }
        return Provenance(term: terms[pattern], variant: Self.variant(rules[pattern], extras: extras))
    }

    /// The form's rule, plus how the text joins its words and a possessive ending.
    static func variant(_ rule: String, extras: UInt8) -> String {
        guard extras != 0 else { return rule }
        var parts = rule == "exact" ? [] : [rule]
        if extras & Extra.hyphen != 0 { parts.append("hyphen") }
        if extras & Extra.space != 0 { parts.append("space") }
        if extras & Extra.possessive != 0 { parts.append("possessive") }
        return parts.joined(separator: "+")
    }
}
