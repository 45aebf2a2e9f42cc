/// Turns the raw matches of one unit into mentions: drops the ones that fail a check (acronym
/// case, case-sensitive terms, web addresses, exclusions, context guards), lets the overlap
/// policy choose, and gives each mention its span, provenance and attributes.
///
/// One builder serves a whole document, so its scratch lists are allocated once.
final class MentionBuilder {
    let lexicon: CompiledLexicon
    let policy: OverlapPolicy
    private var matches: [TokenMatch] = []
    private var exclusions: [(first: Int, end: Int, concept: Int32)] = []

    init(lexicon: CompiledLexicon, policy: OverlapPolicy) {
        self.lexicon = lexicon
        self.policy = policy
    }

    /// The mentions of a unit from the raw matches in its tokens.
    func mentions(from candidates: [Candidate], in tokens: UnsafeBufferPointer<Token>) -> [Mention] {
        matches.removeAll(keepingCapacity: true)
        exclusions.removeAll(keepingCapacity: true)
        var guarded = false
        for candidate in candidates {
            let output = candidate.output
            if output.flags & MatchOutput.checksCase != 0, !passesCase(candidate, tokens) { continue }
            if touchesWebAddress(candidate, tokens) { continue }
            if output.flags & MatchOutput.exclusion != 0 {
                exclusions.append((candidate.first, candidate.end, output.concept))
            } else {
                guarded = guarded || output.flags & MatchOutput.guarded != 0
                matches.append(
                    TokenMatch(
                        first: candidate.first, end: candidate.end, concept: output.concept, pattern: output.pattern,
                        rank: output.rank))
            }
        }
        if !exclusions.isEmpty {
            matches.removeAll { match in
                exclusions.contains { $0.concept == match.concept && $0.first <= match.first && match.end <= $0.end }
            }
        }
        if guarded { matches.removeAll { !passesContext($0, tokens) } }
        guard !matches.isEmpty else { return [] }
        let scope = ClauseScope(tokens: tokens, roles: lexicon.roles)
        return OverlapResolver.resolve(matches, policy: policy).map { chosen in
            var top = mention(for: chosen.match, tokens, scope)
            top.nested = chosen.nested.map { mention(for: $0, tokens, scope) }
            return top
        }
    }

    /// Acronym words in capitals (or capitalised from four letters, not before a hyphen), and
    /// case-sensitive terms in the lexicon's case.
    private func passesCase(_ candidate: Candidate, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        let pattern = lexicon.patterns[Int(candidate.output.pattern)]
        let term = Int(pattern.term)
        let acronymMask = pattern.acronymMask
        if acronymMask != 0 {
            for word in 0..<min(pattern.wordCount, 64) where pattern.acronymMask & (1 << UInt64(word)) != 0 {
                let index = tokenIndex(ofWord: word, candidate, pattern)
                let token = tokens[index]
                if token.shape & (Shape.upper | Shape.dotted) != 0 { continue }
                let beforeHyphen = index + 1 < tokens.count && tokens[index + 1].separator & Separator.hyphen != 0
                if token.shape & Shape.title != 0, token.end - token.start >= 4, !beforeHyphen { continue }
                return false
            }
        }
        if let shapes = lexicon.terms[term].caseShapes, shapes.count == pattern.wordCount {
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

    private func touchesWebAddress(_ candidate: Candidate, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        (candidate.first..<candidate.end).contains { tokens[$0].shape & Shape.webAddress != 0 }
    }

    /// A guarded term counts only with one of its context words within its window.
    private func passesContext(_ match: TokenMatch, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        let index = Int(lexicon.patterns[Int(match.pattern)].term)
        guard !lexicon.terms[index].context.isEmpty else { return true }
        let term = lexicon.terms[index]
        let low = max(0, match.first - term.contextWindow)
        let high = min(tokens.count, match.end + term.contextWindow)
        for sequence in term.context where !sequence.isEmpty && sequence.count <= high - low {
            for start in low...(high - sequence.count) {
                if sequence.indices.allSatisfy({ tokens[start + $0].id == sequence[$0] }) { return true }
            }
        }
        return false
    }

    private func mention(for match: TokenMatch, _ tokens: UnsafeBufferPointer<Token>, _ scope: ClauseScope) -> Mention {
        var mention = Mention(
            concept: lexicon.conceptIDs[Int(match.concept)],
            range: tokens[match.first].start..<tokens[match.end - 1].end,
            isNegated: scope.isNegated(at: match.first), isHedged: scope.isHedged(at: match.first),
            isAttributed: scope.isAttributed(at: match.first))
        // Indexes only: the term and rule strings are looked up when a writer asks (`--explain`).
        mention.source = .lexicon(
            lexicon.provenance, pattern: match.pattern, concept: match.concept, extras: extras(match, tokens))
        return mention
    }

    /// How the text joins the form's words and a possessive ending, as `ProvenanceTable.Extra` bits.
    private func extras(_ match: TokenMatch, _ tokens: UnsafeBufferPointer<Token>) -> UInt8 {
        var extras: UInt8 = 0
        let shape = lexicon.formShapes[Int(match.pattern)]
        let wordCount = Int(shape.wordCount)
        if wordCount > 1, Int(shape.wordsBeforeGap) == wordCount, wordCount == match.end - match.first {
            for word in 1..<wordCount where word < 64 {
                let textHyphen = tokens[match.first + word].separator & Separator.hyphen != 0
                let formHyphen = shape.hyphenMask & (1 << UInt64(word)) != 0
                if textHyphen && !formHyphen { extras |= ProvenanceTable.Extra.hyphen }
                if !textHyphen && formHyphen { extras |= ProvenanceTable.Extra.space }
            }
        }
        if tokens[match.end - 1].shape & Shape.possessive != 0 { extras |= ProvenanceTable.Extra.possessive }
        return extras
    }
}
