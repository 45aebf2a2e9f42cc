/// How a mention knows its provenance.
enum MentionSource: Sendable {
    /// Unknown.
    case none
    /// Given as strings (a mention made by hand, or read back from storage).
    case given(Provenance)
    /// Made by a tagger: form `pattern` of `table`'s lexicon, for concept index `concept`, with
    /// the match-time rules of `ProvenanceTable.Extra` in `extras`.
    case lexicon(ProvenanceTable, pattern: UInt32, concept: Int32, extras: UInt8)

    var provenance: Provenance? {
        switch self {
        case .none: return nil
        case .given(let provenance): return provenance
        case .lexicon(let table, let pattern, _, let extras): return table.provenance(pattern: Int(pattern), extras: extras)
        }
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

    init(terms: [String], rules: [String]) {
        self.terms = terms
        self.rules = rules
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
