/// A generated form of a term as the matcher reports it.
struct CompiledPattern: Sendable {
    /// Index of its term in `CompiledLexicon.terms`.
    var term: Int32
    /// The variant rule that made the form (`exact`, `plural`, `us-spelling+plural` …).
    var rule: String
    /// How many rules it took.
    var rank: Int
    /// Words in the form, a gap not counted.
    var wordCount: Int
    /// Words before its gap (`wordCount` when it has none).
    var wordsBeforeGap: Int
    /// Bit `i`: word `i` is an acronym.
    var acronymMask: UInt64
    /// Bit `i`: the form writes a hyphen before word `i`.
    var hyphenMask: UInt64
}

/// A term (or exclusion) with its options resolved against its concept's.
struct CompiledTerm: Sendable {
    /// Index of its concept in the scheme.
    var concept: Int32
    /// The term as the lexicon writes it (for provenance).
    var text: String
    /// An exclusion cancels matches of its concept inside it; it is never a mention.
    var isExclusion: Bool
    /// Shapes of the lexicon's words, checked against the text when the term is case-sensitive.
    var caseShapes: [UInt8]?
    /// Token-id sequences of which one must be near (empty: no guard).
    var context: [[UInt32]]
    /// How many words either side the guard looks at.
    var contextWindow: Int
}

/// Builds the tables of a `CompiledLexicon` from a scheme.
struct LexiconCompiler {
    /// How many words either side a context guard looks at when the lexicon does not say.
    static let defaultContextWindow = 10

    private(set) var vocabulary = HashTable64(capacity: 4096)
    private(set) var vocabularySize = 0
    private(set) var automaton = MatchAutomaton()
    private(set) var patterns: [CompiledPattern] = []
    private(set) var terms: [CompiledTerm] = []
    private(set) var roles: [UInt32] = [0]
    let scheme: ConceptScheme

    init(scheme: ConceptScheme) {
        self.scheme = scheme
        for (word, role) in ClauseCue.words {
            let id = self.id(of: word)
            roles[Int(id)] |= role
        }
    }

    /// The vocabulary id of a folded word, added when new.
    mutating func id(of word: String) -> UInt32 {
        let hash = HashTable64.hash(of: word.utf8)
        let found = vocabulary.value(for: hash)
        if found != 0 { return found }
        vocabularySize += 1
        vocabulary.set(UInt32(vocabularySize), for: hash)
        roles.append(0)
        return UInt32(vocabularySize)
    }

    /// Compiles every concept: its label (skipped when it is not a plain term), terms, hidden
    /// terms, exclusions and context words.
    mutating func compileScheme() throws(LexiconCompileError) {
        for (index, concept) in scheme.concepts.enumerated() {
            let conceptIndex = Int32(index)
            let conceptPlace = concept.location?.description ?? (scheme.id.isEmpty ? "lexicon" : scheme.id)
            if let pattern = try? TermPattern(parsing: concept.label) {
                try add(pattern, text: concept.label, concept: conceptIndex, options: concept.options, place: conceptPlace)
            }
            for term in concept.terms + concept.hidden {
                let options = term.options.resolved(over: concept.options)
                let place = term.location?.description ?? conceptPlace
                let pattern = try parse(term.text, kind: "term", concept: concept.id, place: place)
                try add(pattern, text: term.text, concept: conceptIndex, options: options, place: place)
                for exclusion in term.options.exclusions {
                    try addExclusion(exclusion, concept: conceptIndex, options: options, place: place)
                }
            }
            for exclusion in concept.options.exclusions {
                try addExclusion(exclusion, concept: conceptIndex, options: concept.options, place: conceptPlace)
            }
        }
        automaton.finish(vocabularySize: vocabularySize)
        let patterns = self.patterns
        let terms = self.terms
        automaton.describeOutputs { index in
            let pattern = patterns[Int(index)]
            let term = terms[Int(pattern.term)]
            var flags: UInt8 = term.isExclusion ? MatchOutput.exclusion : 0
            if pattern.acronymMask != 0 || term.caseShapes != nil { flags |= MatchOutput.checksCase }
            if !term.context.isEmpty { flags |= MatchOutput.guarded }
            if pattern.wordsBeforeGap != pattern.wordCount { flags |= MatchOutput.gap }
            if pattern.wordCount > 16 { flags |= MatchOutput.longForm }
            return MatchOutput(
                pattern: index, concept: term.concept, rank: UInt8(min(pattern.rank, 255)), flags: flags,
                hyphens: UInt16(truncatingIfNeeded: pattern.hyphenMask))
        }
    }

    private func parse(_ text: String, kind: String, concept: String, place: String) throws(LexiconCompileError) -> TermPattern {
        do {
            return try TermPattern(parsing: text)
        } catch {
            throw LexiconCompileError(place: place, concept: concept, kind: kind, term: text, reason: error.reason)
        }
    }

    private mutating func addExclusion(_ text: String, concept: Int32, options: MatchOptions, place: String) throws(LexiconCompileError) {
        let id = scheme.concepts[Int(concept)].id
        let pattern = try parse(text, kind: "exclusion", concept: id, place: place)
        var exclusionOptions = options
        exclusionOptions.context = []
        exclusionOptions.isCaseSensitive = false
        try add(pattern, text: text, concept: concept, options: exclusionOptions, place: place, isExclusion: true)
    }

    private mutating func add(
        _ pattern: TermPattern, text: String, concept: Int32, options: MatchOptions, place: String,
        isExclusion: Bool = false
    ) throws(LexiconCompileError) {
        var context: [[UInt32]] = []
        for word in options.context {
            let parsed = try parse(word, kind: "context word", concept: scheme.concepts[Int(concept)].id, place: place)
            for form in parsed.forms {
                for variant in TermVariants.variants(of: form, isAcronym: false, inflects: true) {
                    context.append(variant.items.compactMap { if case .word(let w) = $0 { id(of: w) } else { nil } })
                }
            }
        }
        let firstForm = pattern.forms[0].compactMap { if case .word(let word) = $0 { word.shape } else { nil } }
        let termIndex = Int32(terms.count)
        terms.append(
            CompiledTerm(
                concept: concept, text: text, isExclusion: isExclusion,
                caseShapes: options.isCaseSensitive == true ? firstForm : nil, context: context,
                contextWindow: options.contextWindow ?? Self.defaultContextWindow))
        for form in pattern.forms {
            for variant in TermVariants.variants(of: form, isAcronym: options.isAcronym, inflects: options.inflects ?? true) {
                insert(variant, term: termIndex, concept: concept, isExclusion: isExclusion)
            }
        }
    }

    private mutating func insert(_ variant: TermVariant, term: Int32, concept: Int32, isExclusion: Bool) {
        var node: UInt32 = 0
        var words = 0
        var wordsBeforeGap = -1
        for item in variant.items {
            switch item {
            case .word(let word):
                node = automaton.child(of: node, id: id(of: word), create: true)
                words += 1
            case .gap(let low, let high):
                node = automaton.gapTarget(of: node, min: low, max: high)
                wordsBeforeGap = words
            }
        }
        let index = UInt32(patterns.count)
        patterns.append(
            CompiledPattern(
                term: term, rule: variant.rule, rank: variant.rank, wordCount: words,
                wordsBeforeGap: wordsBeforeGap < 0 ? words : wordsBeforeGap, acronymMask: variant.acronymMask,
                hyphenMask: variant.hyphenMask))
        let patterns = self.patterns
        let terms = self.terms
        automaton.addOutput(
            index, at: node,
            isSame: { other in
                let otherTerm = terms[Int(patterns[Int(other)].term)]
                return otherTerm.concept == concept && otherTerm.isExclusion == isExclusion
            },
            isBetter: { other in variant.rank < patterns[Int(other)].rank })
    }
}

extension MatchOptions {
    /// These options with every unset field taken from `concept`.
    func resolved(over concept: MatchOptions) -> MatchOptions {
        var result = self
        result.isAcronym = isAcronym ?? concept.isAcronym
        result.isCaseSensitive = isCaseSensitive ?? concept.isCaseSensitive
        result.context = context.isEmpty ? concept.context : context
        result.contextWindow = contextWindow ?? concept.contextWindow
        result.inflects = inflects ?? concept.inflects
        return result
    }
}
