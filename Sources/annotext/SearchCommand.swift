import AnnotextCore
import AnnotextExport
import AnnotextIndex
import ArgumentParser
import Foundation

/// `annotext search QUERY`: sentences that match a concept query.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the sentences that match a concept query.",
        discussion: """
            A query names concepts by id or label; a concept matches its narrower ones
            too (alliance finds NATO) unless --exact is given.
              alliance  "balance of power"       a concept, by id or label
              text:deterrent  text:"armed attack"  text:secur*
                                                full-text word, phrase, prefix
              alliance AND nato  (or & , or nothing between)
                                                both in the same sentence
              nato OR csto  (or |)              either
              alliance AND NOT nato  (or -nato) the first without the second
              (nato OR csto) AND deterrence     grouping; AND binds tighter
              NEAR/2(alliance, text:treaty)     within 2 sentences, same document
              alliance:negated  alliance:-negated
                                                (not) negated; also hedged, attributed
              kind:heading  doc:'notes/*'       unit kind; document name glob
            People see a concordance of the first 20 hits: document, sentence index
            (from 0), the sentence around the match. --json prints every hit unless
            --limit is given.
              annotext search 'alliance AND collective-security'
              annotext search '"balance of power" AND NOT realism' --sort relevance
              annotext search 'NEAR/1(deterrence, text:nuclear)' --context 1
              annotext search 'specific-enemy:negated' --count
            """)

    @Argument(help: "The query.")
    var query: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Show the evidence of a concept-map edge instead of a query: the sentences where both concepts occur.",
            valueName: "a,b"))
    var edge: String?

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var output: JSONOption

    @Flag(name: .long, help: "Match the named concepts only, not their narrower ones.")
    var exact = false

    @Option(name: .long, help: "At most this many hits (default: 20 for people, all with --json).")
    var limit: Int?

    @Option(name: .long, help: "Skip this many hits first.")
    var offset: Int = 0

    @Option(name: .long, help: "Order hits by document (default) or relevance.")
    var sort: SearchOrder = .document

    @Option(name: .long, help: ArgumentHelp("Show this many sentences before and after each hit.", valueName: "N"))
    var context: Int = 0

    @Flag(name: .long, help: "Print only the number of hits.")
    var count = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more.") }
        if offset < 0 { throw ValidationError("--offset must be 0 or more.") }
        if context < 0 { throw ValidationError("--context must be 0 or more.") }
        if (query == nil) == (edge == nil) { throw ValidationError("Give a query, or --edge a,b, but not both.") }
        if let edge, edge.split(separator: ",").count != 2 { throw ValidationError("--edge takes two concept ids: --edge a,b") }
    }

    func run() async throws {
        let store = try CorpusStore(path: corpus.path, readOnly: true)
        if let edge {
            try showEvidence(edge, in: store)
            return
        }
        let query = self.query ?? ""
        // The outline (ids, labels, broader links) resolves names without decoding the lexicon.
        let parsed = try ConceptQuery(parsing: query, scheme: try store.conceptOutline(), exact: exact)
        if count {
            print(try store.count(parsed))
            return
        }
        let sink = ByteSink()
        if output.json {
            let writer = SentenceRecordWriter(sink: sink, layout: .array)
            try store.forEachMatch(parsed, limit: limit, offset: offset, order: sort) { writer.write($0) }
            writer.finish()
            return
        }
        let shown = limit ?? 20
        let hits = try store.search(parsed, limit: shown, offset: offset, order: sort)
        if hits.isEmpty {
            sink.write("No sentence matches \(query).\n")
            sink.flush()
            return
        }
        let entries = try hits.map { hit -> (hit: SentenceRecord, before: [SentenceRecord], after: [SentenceRecord]) in
            guard context > 0 else { return (hit: hit, before: [SentenceRecord](), after: [SentenceRecord]()) }
            let around = try store.units(ofDocument: hit.document, indices: (hit.index - context)...(hit.index + context))
            return (hit: hit, before: around.filter { $0.index < hit.index }, after: around.filter { $0.index > hit.index })
        }
        let concordance = Concordance(
            highlight: isTerminal(1), concepts: parsed.highlightedConcepts, phrases: parsed.highlightedPhrases)
        for line in concordance.lines(for: entries) { sink.write(line + "\n") }
        sink.flush()
        if hits.count == shown && limit == nil && isTerminal(1) {
            printNote("(first \(shown) hits from \(offset + 1); --limit and --offset show others, --count counts them)")
        }
    }
}

extension SearchCommand {
    /// Prints the sentences behind the map edge `a,b`, in the same layouts as hits.
    func showEvidence(_ edge: String, in store: CorpusStore) throws {
        let ends = edge.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let records = try store.evidence(forEdge: ends[0], ends[1], limit: limit ?? (output.json ? nil : 20))
        let sink = ByteSink()
        if output.json {
            let writer = SentenceRecordWriter(sink: sink, layout: .array)
            writer.write(contentsOf: records)
            writer.finish()
            return
        }
        if count {
            print(records.count)
            return
        }
        if records.isEmpty {
            sink.write("\(ends[0]) and \(ends[1]) never occur in the same sentence.\n")
        }
        let concordance = Concordance(highlight: isTerminal(1), concepts: Set(ends), phrases: [])
        let entries = records.map { (hit: $0, before: [SentenceRecord](), after: [SentenceRecord]()) }
        for line in concordance.lines(for: entries) { sink.write(line + "\n") }
        sink.flush()
    }
}

extension SearchOrder: ExpressibleByArgument {}
