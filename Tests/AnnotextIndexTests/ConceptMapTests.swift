import AnnotextCore
import AnnotextIndex
import Foundation
import Testing

@Suite struct ConceptMapTests {
    /// Four units: {alliance ×2, nato}, {alliance}, {nato, hegemon}, {}.
    static var corpus: [AnnotatedDocument] {
        typealias U = Fixtures.U
        typealias M = Fixtures.M
        return [
            Fixtures.document("map.txt", [
                U("The alliance and its allies include NATO.", [
                    M(concept: "alliance", surface: "alliance"), M(concept: "alliance", surface: "allies"),
                    M(concept: "nato", surface: "NATO"),
                ]),
                U("An alliance.", [M(concept: "alliance", surface: "alliance")]),
            ]),
            Fixtures.document("map2.txt", [
                U("NATO faces a hegemon.", [M(concept: "nato", surface: "NATO"), M(concept: "hegemon", surface: "hegemon")]),
                U("Nothing."),
            ]),
        ]
    }

    @Test func conceptsCountEveryConceptOfTheScheme() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            let counts = try store.concepts()
            #expect(counts.map(\.id) == Fixtures.scheme.concepts.map(\.id))
            #expect(counts.map(\.mentions) == [4, 1, 1, 0, 1, 2, 2])
            #expect(counts.map(\.sentences) == [4, 1, 1, 0, 1, 2, 2])
            #expect(counts.map(\.documents) == [2, 1, 1, 0, 1, 2, 2])
            #expect(counts[5].label == "Balance of power")
        }
    }

    @Test func mapCountsAndScoresMatchHandComputedValues() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Self.corpus, scheme: Fixtures.scheme)
            let map = try store.conceptMap()
            #expect(map.sentences == 4)
            #expect(map.nodes == [
                ConceptMap.Node(id: "alliance", label: "Alliance", mentions: 3, sentences: 2, documents: 1),
                ConceptMap.Node(id: "nato", label: "NATO", mentions: 2, sentences: 2, documents: 2),
                ConceptMap.Node(id: "hegemon", label: "Hegemon", mentions: 1, sentences: 1, documents: 1),
            ])
            #expect(map.edges.map { "\($0.a)-\($0.b):\($0.count)" } == ["alliance-nato:1", "nato-hegemon:1"])
            // alliance–nato: N=4, nA=nB=2, k=1 → independent.
            let first = map.edges[0]
            #expect(abs(first.pmi) < 1e-12)
            #expect(abs(first.npmi) < 1e-12)
            #expect(first.dice == 0.5)
            #expect(abs(first.jaccard - 1.0 / 3.0) < 1e-12)
            #expect(abs(first.g2) < 1e-12)
            // nato–hegemon: nA=2, nB=1, k=1; table [[1,1],[0,2]], expected [[.5,1.5],[.5,1.5]].
            let second = map.edges[1]
            #expect(abs(second.pmi - 1) < 1e-12)
            #expect(abs(second.npmi - 0.5) < 1e-12)
            #expect(abs(second.dice - 2.0 / 3.0) < 1e-12)
            #expect(abs(second.jaccard - 0.5) < 1e-12)
            #expect(abs(second.g2 - 2 * (log(2.0) + log(2.0 / 3.0) + 2 * log(4.0 / 3.0))) < 1e-12)
            #expect(map.relations == [ConceptMap.Relation(from: "nato", to: "alliance", kind: .broader)])
        }
    }

    @Test func minimumCountDropsRareNodesAndEdges() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Self.corpus, scheme: Fixtures.scheme)
            let map = try store.conceptMap(minCount: 2)
            #expect(map.nodes.map(\.id) == ["alliance", "nato"])
            #expect(map.edges.isEmpty)
            #expect(map.relations.count == 1)
        }
    }
}
