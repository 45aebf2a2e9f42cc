import AnnotextExport
import AnnotextIndex
import ArgumentParser

/// `annotext map`: which concepts co-occur in the corpus, and how strongly.
struct MapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Print the concept map: concepts, their co-occurrence in sentences, and the lexicon's links.",
        discussion: """
            JSON: {"nodes", "edges", "relations", "window"}. An edge joins two concepts that occur in the same sentence, with its count and the association scores pmi, npmi, g2, dice and jaccard.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .long, help: "Output format (json).")
    var format: Format = .json

    @Option(name: .long, help: "Leave out edges seen in fewer sentences than this.")
    var minCount: Int = 1

    @Flag(name: .long, help: "The same as --format json.")
    var json = false

    func run() async throws {
        let store = try CorpusStore(path: corpus.path, readOnly: true)
        let map = try store.conceptMap(minCount: minCount)
        let sink = ByteSink()
        sink.writeJSON(map.jsonValue)
        sink.write("\n")
        sink.flush()
    }
}

extension ConceptMap {
    /// The map in the JSON layout of `annotext map`.
    var jsonValue: JSONValue {
        .object([
            (
                "nodes",
                .array(
                    nodes.map {
                        .object([
                            ("id", .string($0.id)), ("label", .string($0.label)), ("mentions", .int($0.mentions)),
                            ("sentences", .int($0.sentences)), ("documents", .int($0.documents)),
                        ])
                    })
            ),
            (
                "edges",
                .array(
                    edges.map {
                        .object([
                            ("source", .string($0.a)), ("target", .string($0.b)), ("count", .int($0.count)),
                            ("pmi", .double($0.pmi)), ("npmi", .double($0.npmi)), ("g2", .double($0.g2)),
                            ("dice", .double($0.dice)), ("jaccard", .double($0.jaccard)),
                        ])
                    })
            ),
            (
                "relations",
                .array(
                    relations.map {
                        .object([("source", .string($0.from)), ("target", .string($0.to)), ("type", .string($0.kind.rawValue))])
                    })
            ),
            ("window", .string("sentence")),
            ("sentences", .int(sentences)),
        ])
    }
}
