import AnnotextCore

extension ConceptScheme {
    /// A stable fingerprint of everything in the scheme that a reader could see: ids, labels,
    /// terms and their options, links, definitions and notes, in order. Locations are left out,
    /// so moving or re-indenting the file does not change it.
    ///
    /// 64-bit FNV-1a (`StableHash`) over a canonical serialisation, as 16 lower-case hex digits;
    /// the corpus records it to tell which scheme tagged it.
    public var contentHash: String {
        var hasher = StableHash()
        hasher.combine("annotext-scheme/1")
        for field in [id, title, language, version] { hasher.combine(field) }
        hasher.combine(count: concepts.count)
        for concept in concepts {
            hasher.combine(concept.id)
            hasher.combine(concept.label)
            hasher.combine(optional: concept.definition)
            hasher.combine(optional: concept.note)
            hasher.combine(list: concept.broader)
            hasher.combine(list: concept.related)
            hasher.combine(options: concept.options)
            for terms in [concept.terms, concept.hidden] {
                hasher.combine(count: terms.count)
                for term in terms {
                    hasher.combine(term.text)
                    hasher.combine(options: term.options)
                }
            }
        }
        return hasher.hexDigest
    }
}

/// Canonical forms of the fields that are not plain strings. `StableHash` ends every string
/// with a byte that UTF-8 never uses, so counts before lists keep the serialisation unambiguous.
extension StableHash {
    fileprivate mutating func combine(count: Int) {
        combine("#\(count)")
    }

    fileprivate mutating func combine(optional text: String?) {
        guard let text else { return combine("-") }
        combine("+")
        combine(text)
    }

    fileprivate mutating func combine(list: [String]) {
        combine(count: list.count)
        for text in list { combine(text) }
    }

    fileprivate mutating func combine(flag: Bool?) {
        combine(flag.map { $0 ? "yes" : "no" } ?? "-")
    }

    fileprivate mutating func combine(options: MatchOptions) {
        combine(flag: options.isAcronym)
        combine(flag: options.isCaseSensitive)
        combine(list: options.exclusions)
        combine(list: options.context)
        combine(optional: options.contextWindow.map(String.init))
        combine(flag: options.inflects)
    }
}
