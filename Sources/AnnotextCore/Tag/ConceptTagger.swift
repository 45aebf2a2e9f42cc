/// Finds the concepts of a compiled lexicon in a document's units.
///
/// Each unit is read once: cut into folded tokens (`TokenScanner`), matched against the automaton
/// of every term form (`TermMatcher`), checked (acronym case, web addresses, exclusions, context
/// guards), resolved by the overlap policy, and given its attributes (negated, hedged,
/// attributed) from the cue words of its clause. Units never share a mention, and a unit in a
/// block whose language differs from the scheme's is left untagged.
public struct ConceptTagger: Sendable {
    /// The lexicon it matches.
    public let lexicon: CompiledLexicon
    /// What it does with overlapping matches.
    public let overlaps: OverlapPolicy

    /// Creates a tagger.
    public init(lexicon: CompiledLexicon, overlaps: OverlapPolicy = .longest) {
        self.lexicon = lexicon
        self.overlaps = overlaps
    }

    /// The mentions in each unit of `document`, one tagged unit per given unit, in order.
    public func tag(_ sentences: [Sentence], in document: Document) -> [TaggedSentence] {
        var result: [TaggedSentence] = []
        result.reserveCapacity(sentences.count)
        tag(sentences, in: document) { result.append($0) }
        return result
    }

    /// Hands each unit of `document` with its mentions to `body`, in order, so a writer can
    /// stream them without holding the whole document's units.
    public func tag(_ sentences: [Sentence], in document: Document, each body: (TaggedSentence) -> Void) {
        sentences.withUnsafeBufferPointer { tag($0, in: document, each: body) }
    }

    /// The tagging loop over `sentences`, with its own scanner and builder: one run of it per
    /// core when a document is tagged on several.
    func tag(_ sentences: UnsafeBufferPointer<Sentence>, in document: Document, each body: (TaggedSentence) -> Void) {
        var text = document.text
        let languages = BlockLanguages(blocks: document.blocks, schemeLanguage: lexicon.language)
        let tables = lexicon.tables
        let scanner = TokenScanner(vocabulary: tables.vocabulary)
        let matcher = TermMatcher(tables: tables, automaton: lexicon.automaton)
        var builder = MentionBuilder(lexicon: lexicon, policy: overlaps)
        var candidates: [Candidate] = []
        candidates.reserveCapacity(64)
        text.withUTF8 { bytes in
            for sentence in sentences {
                let range = sentence.range.clamped(to: 0..<bytes.count)
                guard !range.isEmpty, !languages.excludes(range.lowerBound) else {
                    body(TaggedSentence(sentence: sentence))
                    continue
                }
                scanner.scan(bytes, range: range)
                let tokens = scanner.tokens
                matcher.matches(in: tokens, into: &candidates)
                guard !candidates.isEmpty,
                    let entries = builder.mentions(from: candidates, in: tokens, webAddresses: scanner.hasWebAddress)
                else {
                    body(TaggedSentence(sentence: sentence))
                    continue
                }
                body(TaggedSentence(sentence: sentence, entries: entries))
            }
        }
        withExtendedLifetime(tables) {}
    }
}

/// The languages of a document's blocks, to leave units in another language untagged.
struct BlockLanguages {
    private let blocks: [Block]
    private let schemeLanguage: String

    init(blocks: [Block], schemeLanguage: String) {
        self.blocks = blocks.contains { $0.language != nil } ? blocks.sorted { $0.range.lowerBound < $1.range.lowerBound } : []
        self.schemeLanguage = schemeLanguage
    }

    /// Whether the unit starting at byte `start` lies in a block of another language.
    func excludes(_ start: Int) -> Bool {
        guard !blocks.isEmpty, !schemeLanguage.isEmpty else { return false }
        let low = blocks.partitionPoint { $0.range.lowerBound > start }
        guard low > 0, blocks[low - 1].range.contains(start), let language = blocks[low - 1].language else { return false }
        let primary = CompiledLexicon.primaryLanguage(language)
        if primary.isEmpty || primary == "und" || primary == "mul" || primary == "zxx" { return false }
        return primary != schemeLanguage
    }
}
