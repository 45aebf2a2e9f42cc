/// British and American spellings of folded English words (`defence` ↔ `defense`,
/// `organisation` ↔ `organization`, `behaviour` ↔ `behavior`), for the compiler's variants.
enum SpellingVariants {
    /// Whole words or stems spelt differently, British first.
    private static let pairs: [(uk: String, us: String)] = [
        ("defence", "defense"), ("offence", "offense"), ("licence", "license"), ("pretence", "pretense"),
        ("centre", "center"), ("theatre", "theater"), ("metre", "meter"), ("fibre", "fiber"),
        ("programme", "program"), ("judgement", "judgment"), ("sceptic", "skeptic"), ("manoeuvre", "maneuver"),
        ("catalogue", "catalog"), ("dialogue", "dialog"), ("grey", "gray"), ("ageing", "aging"),
        ("analyse", "analyze"), ("paralyse", "paralyze"), ("travelled", "traveled"), ("travelling", "traveling"),
        ("cancelled", "canceled"), ("modelling", "modeling"), ("labelled", "labeled"), ("counsellor", "counselor"),
        ("enrolment", "enrollment"), ("fulfil", "fulfill"), ("instalment", "installment"), ("plough", "plow"),
        ("behaviour", "behavior"), ("honour", "honor"), ("labour", "labor"), ("neighbour", "neighbor"),
        ("favour", "favor"), ("colour", "color"), ("armour", "armor"), ("vigour", "vigor"),
        ("endeavour", "endeavor"), ("rumour", "rumor"), ("harbour", "harbor"), ("humour", "humor"),
        ("valour", "valor"), ("saviour", "savior"), ("rigour", "rigor"), ("fervour", "fervor"),
        ("aeroplane", "airplane"), ("encyclopaedia", "encyclopedia"), ("mediaeval", "medieval"),
    ]
    private static let usByUK: [String: String] = Dictionary(pairs.map { ($0.uk, $0.us) }, uniquingKeysWith: { a, _ in a })
    private static let ukByUS: [String: String] = Dictionary(pairs.map { ($0.us, $0.uk) }, uniquingKeysWith: { a, _ in a })
    /// The stems of five letters or more that derive other words, in `pairs` order, by the first
    /// byte of either spelling: a 50,000-term lexicon asks for every word, so each word looks
    /// only at the few stems that can start it.
    private static let stemsByFirstByte: [UInt8: [(uk: String, us: String)]] = {
        var table: [UInt8: [(uk: String, us: String)]] = [:]
        for pair in pairs where pair.uk.utf8.count >= 5 {
            let firsts = Set([pair.uk.utf8.first, pair.us.utf8.first].compactMap { $0 })
            for first in firsts { table[first, default: []].append(pair) }
        }
        return table
    }()

    /// Suffixes spelt `-ise` in British and `-ize` in American use, with their derivations.
    private static let suffixes: [(uk: String, us: String)] = [
        ("isation", "ization"), ("isations", "izations"), ("ising", "izing"), ("ised", "ized"),
        ("iser", "izer"), ("isers", "izers"), ("ises", "izes"), ("ise", "ize"),
        ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"),
    ]
    /// Words in `-ise` that have no `-ize` form.
    private static let plainISE: Set<String> = [
        "exercise", "advise", "compromise", "enterprise", "surprise", "promise", "premise", "expertise",
        "franchise", "merchandise", "disguise", "concise", "precise", "noise", "raise", "praise", "cruise",
        "treatise", "otherwise", "likewise", "supervise", "revise", "televise", "devise", "despise",
        "chastise", "excise", "incise", "improvise", "demise", "apprise", "comprise", "advertise", "arise",
    ]

    /// The other spellings of `word`, each with its rule (`us-spelling`, `uk-spelling`).
    static func variants(of word: String) -> [(form: String, rule: String)] {
        var result: [(String, String)] = []
        if let us = usByUK[word] { result.append((us, "us-spelling")) }
        if let uk = ukByUS[word] { result.append((uk, "uk-spelling")) }
        if !result.isEmpty { return result }
        for (uk, us) in word.utf8.first.flatMap({ stemsByFirstByte[$0] }) ?? [] {
            // Derived forms of the listed stems: `behavioural`, `defences`, `honourable`.
            if word.hasPrefix(uk), word.utf8.count > uk.utf8.count {
                return [(us + word.dropFirst(uk.count), "us-spelling")]
            }
            if word.hasPrefix(us), word.utf8.count > us.utf8.count, !word.hasPrefix(uk) {
                return [(uk + word.dropFirst(us.count), "uk-spelling")]
            }
        }
        for (uk, us) in suffixes {
            if word.hasSuffix(uk), word.utf8.count >= uk.utf8.count + 4, !isPlainISE(word) {
                return [(word.dropLast(uk.count) + us, "us-spelling")]
            }
            if word.hasSuffix(us), word.utf8.count >= us.utf8.count + 4 {
                return [(word.dropLast(us.count) + uk, "uk-spelling")]
            }
        }
        if word.hasSuffix("our"), word.utf8.count >= 6 {
            return [(String(word.dropLast(2)) + "r", "us-spelling")]
        }
        return []
    }

    private static func isPlainISE(_ word: String) -> Bool {
        plainISE.contains { word.hasPrefix($0) }
    }
}
