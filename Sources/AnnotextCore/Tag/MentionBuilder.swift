/// Turns the raw matches of one unit into mentions: drops the ones that fail a check (acronym
/// case, case-sensitive terms, web addresses, exclusions, context guards), lets the overlap
/// policy choose, and gives each mention its span, provenance and attributes.
struct MentionBuilder {
    let lexicon: CompiledLexicon
    let tokens: [Token]
    let bytes: UnsafeBufferPointer<UInt8>

    func mentions(from candidates: [Candidate], policy: OverlapPolicy) -> [Mention] {
        var matches: [TokenMatch] = []
        var exclusions: [(first: Int, end: Int, concept: Int32)] = []
        for candidate in candidates {
            let pattern = lexicon.patterns[Int(candidate.pattern)]
            let term = lexicon.terms[Int(pattern.term)]
            guard passesCase(candidate, pattern, term), !touchesWebAddress(candidate) else { continue }
            if term.isExclusion {
                exclusions.append((candidate.first, candidate.end, term.concept))
            } else {
                matches.append(
                    TokenMatch(first: candidate.first, end: candidate.end, concept: term.concept, pattern: candidate.pattern))
            }
        }
        matches.removeAll { match in
            exclusions.contains { $0.concept == match.concept && $0.first <= match.first && match.end <= $0.end }
                || !passesContext(match)
        }
        guard !matches.isEmpty else { return [] }
        let ranks = lexicon.patterns
        return OverlapResolver.resolve(matches, policy: policy, rank: { ranks[Int($0)].rank }).map { chosen in
            var top = mention(for: chosen.match)
            top.nested = chosen.nested.map { mention(for: $0) }
            return top
        }
    }

    /// Acronym words in capitals (or capitalised from four letters, not before a hyphen), and
    /// case-sensitive terms in the lexicon's case.
    private func passesCase(_ candidate: Candidate, _ pattern: CompiledPattern, _ term: CompiledTerm) -> Bool {
        if pattern.acronymMask != 0 {
            for word in 0..<min(pattern.wordCount, 64) where pattern.acronymMask & (1 << UInt64(word)) != 0 {
                let index = tokenIndex(ofWord: word, candidate, pattern)
                let token = tokens[index]
                if token.shape & (Shape.upper | Shape.dotted) != 0 { continue }
                let beforeHyphen = index + 1 < tokens.count && tokens[index + 1].separator & Separator.hyphen != 0
                if token.shape & Shape.title != 0, token.end - token.start >= 4, !beforeHyphen { continue }
                return false
            }
        }
        if let shapes = term.caseShapes, shapes.count == pattern.wordCount {
            let caseBits = Shape.lower | Shape.upper | Shape.title
            for (word, shape) in shapes.enumerated() where shape & caseBits != 0 {
                let token = tokens[tokenIndex(ofWord: word, candidate, pattern)]
                let written = token.shape & Shape.dotted != 0 ? Shape.upper : token.shape & caseBits
                if written != shape & caseBits { return false }
            }
        }
        return true
    }

    /// The token that matched word `word` of a form, counting from the end after a gap.
    private func tokenIndex(ofWord word: Int, _ candidate: Candidate, _ pattern: CompiledPattern) -> Int {
        word < pattern.wordsBeforeGap ? candidate.first + word : candidate.end - (pattern.wordCount - word)
    }

    private func touchesWebAddress(_ candidate: Candidate) -> Bool {
        (candidate.first..<candidate.end).contains { tokens[$0].shape & Shape.webAddress != 0 }
    }

    /// A guarded term counts only with one of its context words within its window.
    private func passesContext(_ match: TokenMatch) -> Bool {
        let term = lexicon.terms[Int(lexicon.patterns[Int(match.pattern)].term)]
        guard !term.context.isEmpty else { return true }
        let low = max(0, match.first - term.contextWindow)
        let high = min(tokens.count, match.end + term.contextWindow)
        for sequence in term.context where !sequence.isEmpty && sequence.count <= high - low {
            for start in low...(high - sequence.count) {
                if sequence.indices.allSatisfy({ tokens[start + $0].id == sequence[$0] }) { return true }
            }
        }
        return false
    }

    private func mention(for match: TokenMatch) -> Mention {
        let pattern = lexicon.patterns[Int(match.pattern)]
        let term = lexicon.terms[Int(pattern.term)]
        let scope = ClauseScope(tokens: tokens, roles: lexicon.roles)
        return Mention(
            concept: lexicon.scheme.concepts[Int(term.concept)].id,
            range: tokens[match.first].start..<tokens[match.end - 1].end,
            isNegated: scope.isNegated(at: match.first), isHedged: scope.isHedged(at: match.first),
            isAttributed: scope.isAttributed(at: match.first),
            provenance: Provenance(term: term.text, variant: variantName(match, pattern)))
    }

    /// The form's rule, plus how the text joins its words and a possessive ending.
    private func variantName(_ match: TokenMatch, _ pattern: CompiledPattern) -> String {
        var extra: [String] = []
        if pattern.wordsBeforeGap == pattern.wordCount, pattern.wordCount == match.end - match.first {
            var hyphen = false
            var space = false
            for word in 1..<max(pattern.wordCount, 1) where word < 64 {
                let textHyphen = tokens[match.first + word].separator & Separator.hyphen != 0
                let formHyphen = pattern.hyphenMask & (1 << UInt64(word)) != 0
                if textHyphen && !formHyphen { hyphen = true }
                if !textHyphen && formHyphen { space = true }
            }
            if hyphen { extra.append("hyphen") }
            if space { extra.append("space") }
        }
        if tokens[match.end - 1].shape & Shape.possessive != 0 { extra.append("possessive") }
        guard !extra.isEmpty else { return pattern.rule }
        return (pattern.rule == "exact" ? [] : [pattern.rule]).appending(contentsOf: extra).joined(separator: "+")
    }
}

extension Array {
    fileprivate func appending(contentsOf other: [Element]) -> [Element] { self + other }
}
