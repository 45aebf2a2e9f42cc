/// One generated form of a term, ready to be hashed into the automaton.
struct TermVariant {
    /// Folded words and gaps.
    var items: [VariantItem]
    /// The rules that made it, joined by `+` (`plural+us-spelling`), or `exact`.
    var rule: String
    /// How many rules it took: fewer wins when two forms of a concept coincide.
    var rank: Int
    /// Bit `i` set: word `i` is an acronym, matched in capitals only.
    var acronymMask: UInt64
    /// Bit `i` set: the form joins word `i` to the word before with a hyphen.
    var hyphenMask: UInt64
}

/// A word or a gap of a generated form.
enum VariantItem: Hashable {
    case word(String)
    case gap(min: Int, max: Int)
}

/// Generates the forms of a term at compile time, so that the lexicon lists a term once:
///
/// - `us-spelling` / `uk-spelling`: each word in British and American spelling;
/// - `plural` / `singular`: the head noun (the word before the first `of`, else the last word);
/// - `verb-s`, `past`, `gerund`: verb forms of one-word terms (`deter` → `deterred`);
/// - `joined`: hyphenated words written as one (`self-defence` → `selfdefence`);
/// - `hyphen`: a joined word split after a separable prefix (`nonproliferation` → `non-proliferation`).
///
/// Hyphen-or-space, possessives, case, diacritics and quote styles need no forms: the scanner
/// folds them in the text, and the tagger names them in the provenance (`hyphen`, `space`,
/// `possessive`). Acronyms and proper names (every content word capitalised, as in `North
/// Atlantic Treaty Organization`) get spelling variants only; `inflects: false` turns off
/// number and verb forms.
enum TermVariants {
    private static let functionWords: Set<String> = ["of", "the", "and", "or", "for", "on", "in", "to", "a", "an", "against"]

    /// The forms of one parsed term form.
    static func variants(of form: [PatternItem], isAcronym: Bool?, inflects: Bool) -> [TermVariant] {
        let words = form.compactMap { item -> PatternWord? in if case .word(let word) = item { word } else { nil } }
        let acronyms = acronymMask(words, isAcronym: isAcronym)
        let isProperName = words.count > 1
            && words.allSatisfy { functionWords.contains($0.text) || $0.shape & (Shape.title | Shape.upper) != 0 }
        var hyphens: UInt64 = 0
        for (index, word) in words.enumerated() where word.hyphenBefore { hyphens |= 1 << UInt64(min(index, 63)) }

        // Spellings: every combination of each word's spellings (acronyms keep theirs).
        var spelled: [([String], [String])] = [([], [])]
        for (index, word) in words.enumerated() {
            var choices: [(String, String?)] = [(word.text, nil)]
            if acronyms & (1 << UInt64(min(index, 63))) == 0 {
                choices += SpellingVariants.variants(of: word.text).map { ($0.form, $0.rule) }
            }
            spelled = spelled.flatMap { texts, rules in
                choices.map { text, rule in (texts + [text], rule.map { rules + [$0] } ?? rules) }
            }
        }

        var result: [([String], [String])] = []
        let head = headIndex(words)
        for (texts, rules) in spelled {
            result.append((texts, rules))
            guard inflects, !isProperName, acronyms & (1 << UInt64(min(head, 63))) == 0, isPlainWord(texts[head]) else {
                continue
            }
            let singulars = EnglishInflection.singulars(of: texts[head])
            for singular in singulars { result.append((replacing(texts, head, singular), rules + ["singular"])) }
            if singulars.isEmpty {
                for plural in EnglishInflection.plurals(of: texts[head]) {
                    result.append((replacing(texts, head, plural), rules + ["plural"]))
                }
            }
            if words.count == 1 {
                for (form, rule) in EnglishInflection.verbForms(of: texts[head]) {
                    result.append(([form], rules + [rule]))
                }
            }
        }

        var variants = result.map { texts, rules in
            TermVariant(
                items: items(form, texts), rule: rules.isEmpty ? "exact" : rules.joined(separator: "+"),
                rank: rules.count, acronymMask: acronyms, hyphenMask: hyphens)
        }
        variants += joinedVariants(form, result, hyphens: hyphens, acronyms: acronyms)
        variants += prefixSplitVariants(form, words, acronyms: acronyms)
        return variants
    }

    /// Words the lexicon writes in capitals (`UN`, `NATO`, `U.N.`), or every word when the
    /// options say so; a term written wholly in capitals over several words is not an acronym.
    private static func acronymMask(_ words: [PatternWord], isAcronym: Bool?) -> UInt64 {
        if isAcronym == false { return 0 }
        var mask: UInt64 = 0
        let allUpper = words.count > 1 && words.allSatisfy { $0.shape & Shape.upper != 0 }
        for (index, word) in words.enumerated() where index < 64 {
            let capitals = word.shape & Shape.dotted != 0 || (word.shape & Shape.upper != 0 && word.text.utf8.count >= 2)
            if isAcronym == true || (capitals && !allUpper) { mask |= 1 << UInt64(index) }
        }
        return mask
    }

    /// The head noun: the word before the first `of`, else the last word.
    static func headIndex(_ words: [PatternWord]) -> Int {
        if let of = words.firstIndex(where: { $0.text == "of" }), of > 0 { return of - 1 }
        return words.count - 1
    }

    private static func isPlainWord(_ text: String) -> Bool {
        text.utf8.count >= 3 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }

    private static func replacing(_ texts: [String], _ index: Int, _ text: String) -> [String] {
        var copy = texts
        copy[index] = text
        return copy
    }

    /// Puts generated words back in the form, around its gap.
    private static func items(_ form: [PatternItem], _ texts: [String]) -> [VariantItem] {
        if texts.count == 1, form.count == 1 { return [.word(texts[0])] }
        var next = texts.makeIterator()
        return form.map { item in
            switch item {
            case .word: .word(next.next() ?? "")
            case .gap(let low, let high): .gap(min: low, max: high)
            }
        }
    }

    /// `self-defence` → `selfdefence` (and the same for every other form).
    private static func joinedVariants(
        _ form: [PatternItem], _ forms: [([String], [String])], hyphens: UInt64, acronyms: UInt64
    ) -> [TermVariant] {
        guard hyphens != 0, !form.contains(where: { if case .gap = $0 { true } else { false } }) else { return [] }
        return forms.map { texts, rules in
            var joined: [String] = []
            for (index, text) in texts.enumerated() {
                if index > 0, hyphens & (1 << UInt64(min(index, 63))) != 0, let last = joined.popLast() {
                    joined.append(last + text)
                } else {
                    joined.append(text)
                }
            }
            let all = rules + ["joined"]
            return TermVariant(
                items: joined.map(VariantItem.word), rule: all.joined(separator: "+"), rank: all.count,
                acronymMask: 0, hyphenMask: 0)
        }
    }

    /// `nonproliferation` → `non-proliferation`: one split per word with a separable prefix.
    private static func prefixSplitVariants(_ form: [PatternItem], _ words: [PatternWord], acronyms: UInt64) -> [TermVariant] {
        guard acronyms == 0, !form.contains(where: { if case .gap = $0 { true } else { false } }) else { return [] }
        var variants: [TermVariant] = []
        for (index, word) in words.enumerated() {
            guard isPlainWord(word.text), let split = EnglishInflection.prefixSplit(of: word.text) else { continue }
            var texts = words.map(\.text)
            texts.replaceSubrange(index...index, with: [split.prefix, split.rest])
            variants.append(
                TermVariant(
                    items: texts.map(VariantItem.word), rule: "hyphen", rank: 1, acronymMask: 0,
                    hyphenMask: 1 << UInt64(min(index + 1, 63))))
        }
        return variants
    }
}
