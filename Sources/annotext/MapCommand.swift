import AnnotextCore
import AnnotextExport
import AnnotextIndex
import ArgumentParser

/// `annotext map`: which concepts co-occur in the corpus, and how strongly.
struct MapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Print the concept map: concepts, their co-occurrence, and the lexicon's links.",
        discussion: """
            An edge joins two concepts that occur in the same window (a sentence, a paragraph, or N consecutive sentences) with its count, the association scores pmi, npmi, g2, dice and jaccard, and the sentences behind it (document and index).
              annotext map --format html > map.html
              annotext map --window paragraph --measure npmi --top 30 --format dot | dot -Tsvg > map.svg
            json: {"nodes", "edges", "relations", "window", ...}; dot: Graphviz; graphml; html: one self-contained page.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, dot, graphml, html
    }

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .long, help: "Output format: json, dot, graphml or html.")
    var format: Format = .json

    @Option(name: .long, help: ArgumentHelp("sentence, paragraph, or a number of consecutive sentences.", valueName: "window"))
    var window: String = "sentence"

    @Option(name: .long, help: "The score that ranks edges and sets their width: g2, pmi, npmi, dice, jaccard or count.")
    var measure: String = "g2"

    @Option(name: .long, help: "Leave out concepts and edges seen in fewer windows than this.")
    var minCount: Int = 1

    @Option(name: .long, help: ArgumentHelp("Keep only the N strongest edges.", valueName: "N"))
    var top: Int?

    @Flag(name: .long, help: "Count narrower concepts as their broadest ones.")
    var rollup = false

    @Option(name: .long, help: ArgumentHelp("Keep up to K evidence sentences per edge.", valueName: "K"))
    var evidence: Int = 3

    @Flag(name: .long, help: "The same as --format json.")
    var json = false

    func validate() throws {
        if ConceptMap.Window(window) == nil {
            throw ValidationError("--window must be sentence, paragraph or a positive number, not \(window).")
        }
        if ConceptMap.Measure(rawValue: measure) == nil {
            throw ValidationError("--measure must be one of g2, pmi, npmi, dice, jaccard, count, not \(measure).")
        }
        if let top, top < 0 { throw ValidationError("--top must be 0 or more.") }
        if evidence < 0 { throw ValidationError("--evidence must be 0 or more.") }
    }

    func run() async throws {
        let store = try CorpusStore(path: corpus.path, readOnly: true)
        let format = json ? .json : format
        let options = ConceptMap.Options(
            window: ConceptMap.Window(window) ?? .sentence, measure: ConceptMap.Measure(rawValue: measure) ?? .g2,
            minCount: minCount, top: top, rollsUp: rollup, evidence: evidence,
            includesEvidenceText: format == .html)
        let map = try store.conceptMap(options)
        let sink = ByteSink()
        switch format {
        case .json: MapJSONWriter().write(map, to: sink)
        case .dot: MapDOTWriter().write(map, to: sink)
        case .graphml: MapGraphMLWriter().write(map, to: sink)
        case .html: MapHTMLWriter().write(map, to: sink)
        }
        sink.flush()
    }
}
