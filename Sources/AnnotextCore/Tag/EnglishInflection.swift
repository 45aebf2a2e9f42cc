/// Number and verb inflections of folded (lower-case ASCII) English words, for the variants the
/// lexicon compiler generates. A form that never occurs in text costs nothing but a table entry,
/// so the rules may over-generate; what they must not do is turn a term into another real word
/// with another sense, hence the short-word and suffix guards.
enum EnglishInflection {
    /// Irregular plurals (singular → plural) of words an IR lexicon may use.
    static let irregularPlurals: [String: String] = [
        "man": "men", "woman": "women", "child": "children", "person": "people", "crisis": "crises",
        "analysis": "analyses", "thesis": "theses", "hypothesis": "hypotheses", "basis": "bases",
        "criterion": "criteria", "phenomenon": "phenomena", "datum": "data", "medium": "media",
        "memorandum": "memoranda", "foot": "feet", "life": "lives", "wife": "wives", "knife": "knives",
        "half": "halves", "self": "selves", "leaf": "leaves", "thief": "thieves", "wolf": "wolves",
        "axis": "axes", "chief": "chiefs", "mouse": "mice", "ox": "oxen",
    ]
    /// The same table read the other way.
    static let irregularSingulars: [String: String] = Dictionary(
        irregularPlurals.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })

    /// Plural forms of a singular noun (`alliance` → `alliances`, `enemy` → `enemies`).
    static func plurals(of word: String) -> [String] {
        if let irregular = irregularPlurals[word] { return [irregular] }
        guard word.utf8.count >= 3, let last = word.utf8.last else { return [] }
        if irregularSingulars[word] != nil { return [] }
        let bytes = Array(word.utf8)
        let beforeLast = bytes[bytes.count - 2]
        if last == UInt8(ascii: "y"), !isVowel(beforeLast) { return [String(word.dropLast()) + "ies"] }
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch")
            || word.hasSuffix("sh")
        {
            return [word + "es"]
        }
        if word.hasSuffix("is") { return [String(word.dropLast(2)) + "es"] }
        return [word + "s"]
    }

    /// Singular forms of a word that looks plural (`allies` → `ally`, `forces` → `force`).
    static func singulars(of word: String) -> [String] {
        if let irregular = irregularSingulars[word] { return [irregular] }
        guard word.utf8.count >= 4, word.hasSuffix("s") else { return [] }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") || word.hasSuffix("ics") {
            return []
        }
        if word.hasSuffix("ies") { return [String(word.dropLast(3)) + "y"] }
        for suffix in ["sses", "xes", "zes", "ches", "shes"] where word.hasSuffix(suffix) {
            return [String(word.dropLast(2))]
        }
        return [String(word.dropLast())]
    }

    /// Verb forms of a one-word term (`deter` → `deters`, `deterred`, `deterring`; `ally` →
    /// `allied`), each with its rule name. Both the doubled and the plain final consonant are
    /// generated: which one English uses depends on stress, and the wrong one never occurs.
    static func verbForms(of word: String) -> [(form: String, rule: String)] {
        let bytes = Array(word.utf8)
        guard bytes.count >= 3, bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }),
            let last = bytes.last
        else { return [] }
        let beforeLast = bytes[bytes.count - 2]
        var forms: [(String, String)] = []
        if last == UInt8(ascii: "e") {
            let stem = String(word.dropLast())
            forms = [(word + "s", "verb-s"), (word + "d", "past"), (stem + "ing", "gerund")]
        } else if last == UInt8(ascii: "y"), !isVowel(beforeLast) {
            let stem = String(word.dropLast())
            forms = [(stem + "ies", "verb-s"), (stem + "ied", "past"), (word + "ing", "gerund")]
        } else {
            let sibilant = word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("ch") || word.hasSuffix("sh")
            forms = [(word + (sibilant ? "es" : "s"), "verb-s"), (word + "ed", "past"), (word + "ing", "gerund")]
            let third = bytes[bytes.count - 3]
            if !isVowel(last), last != UInt8(ascii: "w"), last != UInt8(ascii: "x"), last != UInt8(ascii: "y"),
                isVowel(beforeLast), !isVowel(third)
            {
                let doubled = word + String(UnicodeScalar(last))
                forms += [(doubled + "ed", "past"), (doubled + "ing", "gerund")]
            }
        }
        return forms
    }

    static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): true
        default: false
        }
    }

    /// Prefixes that English writes joined, hyphenated or apart (`non-proliferation`).
    /// Longer first, so `counter` wins over `co`.
    static let separablePrefixes = ["counter", "multi", "cross", "anti", "self", "post", "non", "neo", "co"]

    /// A joined word split after a separable prefix (`nonproliferation` → `non`, `proliferation`).
    /// `co` splits only before a vowel (`cooperation`), where English hyphenates it.
    static func prefixSplit(of word: String) -> (prefix: String, rest: String)? {
        for prefix in separablePrefixes where word.hasPrefix(prefix) && word.utf8.count >= prefix.utf8.count + 4 {
            let rest = String(word.dropFirst(prefix.count))
            if prefix == "co", let first = rest.utf8.first, !isVowel(first) { continue }
            return (prefix, rest)
        }
        return nil
    }
}
