/// A concept scheme compiled for matching: every term parsed, its variants generated and folded,
/// and all of them merged into one automaton over folded token ids.
///
/// ## Term strings
///
/// A term is written as words separated by spaces or hyphens; the compiler folds case,
/// diacritics and quote styles, and a hyphen in the text matches a space in the term and the
/// other way round. Two constructs go further:
///
/// - `[a|b]`: optional alternatives. `specific [potential|particular] enemy` matches
///   `specific enemy`, `specific potential enemy` and `specific particular enemy`. An
///   alternative may have several words (`[very real|real]`); brackets do not nest.
/// - `{m,n}`: a gap of `m` to `n` arbitrary words (at most 5), between words only, at most one
///   per term. Commas may stand among the gap's words: `specific {0,2} enemy` matches
///   `specific enemy`, `specific potential enemy` and `particular, named enemy` (for a term
///   `particular {0,2} enemy`).
///
/// No other punctuation may stand between a term's words; a period belongs to a dotted acronym
/// (`U.N.`, which matches `UN` as well).
///
/// ## Generated variants
///
/// The lexicon lists each term once; the compiler adds (rule names as in `Provenance.variant`):
/// British and American spellings of each word (`us-spelling`, `uk-spelling`: defence/defense,
/// -ise/-ize, -isation/-ization, -our/-or …); the plural or singular of the head noun — the word
/// before the first `of`, else the last word (`plural`, `singular`: alliances, allies, balances
/// of power); for one-word terms the verb forms (`verb-s`, `past`, `gerund`: deters, deterred,
/// deterring, allied), so the lexicon need not list them; hyphenated words joined (`joined`:
/// selfdefence) and joined words split after a prefix (`hyphen`: non-proliferation). At match
/// time the tagger adds `hyphen` or `space` when the text joins words differently from the term,
/// and `possessive` for a possessive ending, which stays outside the span. Rules combine with
/// `+`. Set `MatchOptions.inflects` to false for a term whose inflections mean something else.
///
/// ## Case
///
/// A word the lexicon writes in capitals (`NATO`, `UN`, `U.N.`), or a term with `isAcronym`,
/// matches only in capitals (`NATO`, `N.A.T.O.`) or, from four letters, capitalised (`Nato`);
/// never in lower case, never inside a web address, never as a capitalised prefix (`Un-`).
/// `isCaseSensitive` makes every word match only in the case the lexicon writes it (capitals,
/// capitalised or small letters). Other words match in any case.
public struct CompiledLexicon: Sendable {
    /// The scheme it was compiled from.
    public let scheme: ConceptScheme
    let vocabulary: HashTable64
    let automaton: MatchAutomaton
    let patterns: [CompiledPattern]
    let terms: [CompiledTerm]
    /// `ClauseCue` roles by token id.
    let roles: [UInt32]
    /// The concept ids, by concept index.
    let conceptIDs: [String]
    /// The language of the scheme's terms, as a primary subtag (`en`).
    let language: String
    /// The term and rule strings of every form, shared by the mentions the tagger makes.
    let provenance: ProvenanceTable
    /// The word layout of every form, without strings, read per mention on the hot path.
    let formShapes: [FormShape]
    /// The tables read per token, as raw memory.
    let tables: MatchTables

    /// Compiles a scheme; throws a `LexiconCompileError` for a term that is empty, malformed or
    /// that no text could match, naming its concept and its place in the lexicon file.
    public init(scheme: ConceptScheme) throws {
        var compiler = LexiconCompiler(scheme: scheme)
        try compiler.compileScheme()
        self.scheme = scheme
        vocabulary = compiler.vocabulary
        automaton = compiler.automaton
        patterns = compiler.patterns
        terms = compiler.terms
        roles = compiler.roles
        conceptIDs = scheme.concepts.map(\.id)
        language = Self.primaryLanguage(scheme.language)
        let terms = compiler.terms
        provenance = ProvenanceTable(
            terms: compiler.patterns.map { terms[Int($0.term)].text }, rules: compiler.patterns.map(\.rule),
            conceptIDs: conceptIDs)
        formShapes = compiler.patterns.map {
            FormShape(
                wordCount: Int32($0.wordCount), wordsBeforeGap: Int32($0.wordsBeforeGap), hyphenMask: $0.hyphenMask,
                acronymMask: $0.acronymMask)
        }
        tables = MatchTables(vocabulary: compiler.vocabulary, automaton: compiler.automaton, roles: compiler.roles)
    }

    /// How many distinct forms the automaton holds (terms and exclusions with their variants).
    public var formCount: Int { patterns.count }

    /// `en-GB` → `en`.
    static func primaryLanguage(_ code: String) -> String {
        String(code.lowercased().prefix { $0 != "-" && $0 != "_" })
    }
}

/// The word layout of a compiled form: a trivial struct, so reading it copies no strings.
struct FormShape: Sendable {
    /// Words in the form, a gap not counted.
    var wordCount: Int32
    /// Words before its gap (`wordCount` when it has none).
    var wordsBeforeGap: Int32
    /// Bit `i`: the form writes a hyphen before word `i`.
    var hyphenMask: UInt64
    /// Bit `i`: word `i` is an acronym.
    var acronymMask: UInt64
}
