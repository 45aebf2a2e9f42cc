/// Turns the raw matches of one unit into mentions: drops the ones that fail a check (acronym
/// case, case-sensitive terms, web addresses, exclusions, context guards), lets the overlap
/// policy choose, and gives each mention its span, provenance and attributes.
///
/// One builder serves a whole document: its scratch lists keep their capacity from unit to unit,
/// so a unit costs no allocation beyond the mentions it returns. It is not copyable: a copy
/// would retain every table of the lexicon.
struct MentionBuilder: ~Copyable {
    let lexicon: CompiledLexicon
    let policy: OverlapPolicy
    /// The lexicon's strings in an object of this builder's own, which every mention it makes
    /// holds: builders on other cores retain their own copies, not one shared count.
    private let provenance: ProvenanceTable
    private var matches: [TokenMatch] = []
    private var exclusions: [TokenMatch] = []
    private var exclusionSweep = ExclusionSweep()
    private var resolver = OverlapResolver()
    /// Scratch for `ClauseScope`, `hedgedCapacity` entries.
    private var hedged: UnsafeMutablePointer<Bool>
    private var hedgedCapacity = 256

    init(lexicon: CompiledLexicon, policy: OverlapPolicy) {
        self.lexicon = lexicon
        self.policy = policy
        provenance = lexicon.provenance.copy()
        hedged = .allocate(capacity: hedgedCapacity)
    }

    deinit {
        hedged.deallocate()
    }

    /// The mentions of a unit from the raw matches in its tokens, nil when there are none.
    /// `webAddresses`: whether any token is part of a web address (else none is looked at).
    mutating func mentions(
        from candidates: [Candidate], in tokens: UnsafeBufferPointer<Token>, webAddresses: Bool = true
    ) -> MentionEntries? {
        matches.removeAll(keepingCapacity: true)
        exclusions.removeAll(keepingCapacity: true)
        var guarded = false
        for candidate in candidates {
            let output = candidate.output
            if output.flags & MatchOutput.checksCase != 0, !passesCase(candidate, tokens) { continue }
            if webAddresses, touchesWebAddress(candidate, tokens) { continue }
            let match = TokenMatch(
                first: candidate.first, end: candidate.end, concept: output.concept, pattern: output.pattern,
                rank: output.rank, flags: output.flags, hyphens: output.hyphens)
            if output.flags & MatchOutput.exclusion != 0 {
                exclusions.append(match)
            } else {
                guarded = guarded || output.flags & MatchOutput.guarded != 0
                matches.append(match)
            }
        }
        if !exclusions.isEmpty { exclusionSweep.removeExcluded(from: &matches, by: exclusions, conceptCount: lexicon.conceptIDs.count) }
        if guarded {
            // Taken out of `self` while the closure reads `self`.
            var list: [TokenMatch] = []
            swap(&list, &matches)
            list.removeAll { !passesContext($0, tokens) }
            swap(&list, &matches)
        }
        guard !matches.isEmpty else { return nil }
        resolver.resolve(matches, policy: policy)
        if hedgedCapacity < tokens.count {
            hedged.deallocate()
            hedgedCapacity = max(tokens.count, hedgedCapacity * 2)
            hedged = .allocate(capacity: hedgedCapacity)
        }
        let scope = ClauseScope(
            tokens: tokens, hedged: UnsafeMutableBufferPointer(start: hedged, count: tokens.count))
        // One flat array per unit, made by `reserveCapacity` and `append`:
        // `Array(unsafeUninitializedCapacity:)` goes through the standard library's
        // unspecialized allocator, which looks the array's type up in the runtime's metadata
        // cache on every call.
        var list: [MentionEntry] = []
        list.reserveCapacity(resolver.chosen.count + resolver.nested.count)
        for chosen in resolver.chosen {
            list.append(entry(for: chosen.match, tokens, scope, nestedCount: UInt32(chosen.nested.count)))
            for index in chosen.nested { list.append(entry(for: resolver.nested[index], tokens, scope, nestedCount: 0)) }
        }
        return MentionEntries(list: list, table: provenance, topLevelCount: resolver.chosen.count)
    }

    /// Acronym words in capitals (or capitalised from four letters, not before a hyphen), and
    /// case-sensitive terms in the lexicon's case.
    private func passesCase(_ candidate: Candidate, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        let shape = lexicon.formShapes[Int(candidate.output.pattern)]
        let acronymMask = shape.acronymMask
        if acronymMask != 0 {
            for word in 0..<min(Int(shape.wordCount), 64) where acronymMask & (1 << UInt64(word)) != 0 {
                let index = tokenIndex(ofWord: word, candidate, shape)
                let token = tokens[index]
                if token.shape & (Shape.upper | Shape.dotted) != 0 { continue }
                let beforeHyphen = index + 1 < tokens.count && tokens[index + 1].separator & Separator.hyphen != 0
                if token.shape & Shape.title != 0, token.end - token.start >= 4, !beforeHyphen { continue }
                return false
            }
        }
        let term = Int(lexicon.patterns[Int(candidate.output.pattern)].term)
        if let shapes = lexicon.terms[term].caseShapes, shapes.count == Int(shape.wordCount) {
            let caseBits = Shape.lower | Shape.upper | Shape.title
            for (word, wordShape) in shapes.enumerated() where wordShape & caseBits != 0 {
                let token = tokens[tokenIndex(ofWord: word, candidate, shape)]
                let written = token.shape & Shape.dotted != 0 ? Shape.upper : token.shape & caseBits
                if written != wordShape & caseBits { return false }
            }
        }
        return true
    }

    /// The token that matched word `word` of a form, counting from the end after a gap.
    private func tokenIndex(ofWord word: Int, _ candidate: Candidate, _ shape: FormShape) -> Int {
        word < Int(shape.wordsBeforeGap) ? candidate.first + word : candidate.end - (Int(shape.wordCount) - word)
    }

    private func touchesWebAddress(_ candidate: Candidate, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        for index in candidate.first..<candidate.end where tokens[index].shape & Shape.webAddress != 0 { return true }
        return false
    }

    /// A guarded term counts only with one of its context words within its window.
    private func passesContext(_ match: TokenMatch, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        let index = Int(lexicon.patterns[Int(match.pattern)].term)
        guard !lexicon.terms[index].context.isEmpty else { return true }
        let window = lexicon.terms[index].contextWindow
        let low = max(0, match.first - window)
        let high = min(tokens.count, match.end + window)
        for sequence in lexicon.terms[index].context where !sequence.isEmpty && sequence.count <= high - low {
            for start in low...(high - sequence.count) {
                if sequence.indices.allSatisfy({ tokens[start + $0].id == sequence[$0] }) { return true }
            }
        }
        return false
    }

    private func entry(
        for match: TokenMatch, _ tokens: UnsafeBufferPointer<Token>, _ scope: ClauseScope, nestedCount: UInt32
    ) -> MentionEntry {
        var flags: UInt8 = 0
        if scope.isNegated(at: match.first) { flags |= MentionEntry.Flag.negated }
        if scope.isHedged(at: match.first) { flags |= MentionEntry.Flag.hedged }
        if scope.isAttributed(at: match.first) { flags |= MentionEntry.Flag.attributed }
        // Indexes only: the concept, term and rule strings are looked up when someone asks.
        return MentionEntry(
            range: tokens[match.first].start..<tokens[match.end - 1].end, pattern: match.pattern,
            conceptIndex: match.concept, extras: extras(match, tokens), flags: flags, nestedCount: nestedCount)
    }

    /// How the text joins the form's words and a possessive ending, as `ProvenanceTable.Extra` bits.
    private func extras(_ match: TokenMatch, _ tokens: UnsafeBufferPointer<Token>) -> UInt8 {
        var extras: UInt8 = 0
        // A form without a gap matched one token per word.
        let wordCount = match.end - match.first
        if wordCount > 1, match.flags & MatchOutput.gap == 0 {
            let hyphenMask =
                match.flags & MatchOutput.longForm != 0
                ? lexicon.formShapes[Int(match.pattern)].hyphenMask : UInt64(match.hyphens)
            for word in 1..<wordCount where word < 64 {
                let textHyphen = tokens[match.first + word].separator & Separator.hyphen != 0
                let formHyphen = hyphenMask & (1 << UInt64(word)) != 0
                if textHyphen && !formHyphen { extras |= ProvenanceTable.Extra.hyphen }
                if !textHyphen && formHyphen { extras |= ProvenanceTable.Extra.space }
            }
        }
        if tokens[match.end - 1].shape & Shape.possessive != 0 { extras |= ProvenanceTable.Extra.possessive }
        return extras
    }
}
