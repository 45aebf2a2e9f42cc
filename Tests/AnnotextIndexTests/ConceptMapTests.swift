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
            // Ranked by G²: nato–hegemon is attracted, alliance–nato independent.
            #expect(map.edges.map { "\($0.a)-\($0.b):\($0.count)" } == ["nato-hegemon:1", "alliance-nato:1"])
            // alliance–nato: N=4, nA=nB=2, k=1 → independent.
            let first = map.edges[1]
            #expect(abs(first.pmi) < 1e-12)
            #expect(abs(first.npmi) < 1e-12)
            #expect(first.dice == 0.5)
            #expect(abs(first.jaccard - 1.0 / 3.0) < 1e-12)
            #expect(abs(first.g2) < 1e-12)
            // nato–hegemon: nA=2, nB=1, k=1; table [[1,1],[0,2]], expected [[.5,1.5],[.5,1.5]].
            let second = map.edges[0]
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

    /// One document, three paragraphs: {alliance} {nato} | {hegemon} {} | {nato, hegemon}.
    static var paragraphs: AnnotatedDocument {
        let paragraphs: [[(String, [(String, String)])]] = [
            [("Alliance here.", [("alliance", "Alliance")]), ("NATO there.", [("nato", "NATO")])],
            [("A hegemon.", [("hegemon", "hegemon")]), ("Nothing.", [])],
            [("NATO and a hegemon.", [("nato", "NATO"), ("hegemon", "hegemon")])],
        ]
        var text = ""
        var records: [SentenceRecord] = []
        for (number, paragraph) in paragraphs.enumerated() {
            if number > 0 { text += "\n\n" }
            for (position, (unit, mentions)) in paragraph.enumerated() {
                if position > 0 { text += " " }
                let start = text.unicodeScalars.count
                text += unit
                let found = mentions.map { concept, surface -> MentionRecord in
                    let offset = start + unit.components(separatedBy: surface)[0].unicodeScalars.count
                    return MentionRecord(
                        concept: concept, label: concept, start: offset, end: offset + surface.unicodeScalars.count,
                        text: surface)
                }
                records.append(
                    SentenceRecord(
                        document: "p.txt", index: records.count, start: start, end: text.unicodeScalars.count,
                        kind: .sentence, text: unit, mentions: found))
            }
        }
        return AnnotatedDocument(document: Document(name: "p.txt", text: text), sentences: records, contentHash: "p")
    }

    @Test func paragraphWindowCountsUnitsBetweenBlankLinesTogether() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write([Self.paragraphs], scheme: Fixtures.scheme)
            let map = try store.conceptMap(ConceptMap.Options(window: .paragraph, measure: .count))
            #expect(map.sentences == 5)
            #expect(map.windows == 3)
            #expect(map.nodes.map { "\($0.id):\($0.windows)/\($0.sentences)" } == ["alliance:1/1", "nato:2/2", "hegemon:2/2"])
            #expect(map.edges.map { "\($0.a)-\($0.b):\($0.count)" } == ["alliance-nato:1", "nato-hegemon:1"])
            #expect(map.edges[0].evidence == [ConceptMap.Evidence(document: "p.txt", index: 0, through: 1)])
            let sentences = try store.conceptMap(ConceptMap.Options(window: .sentence))
            #expect(sentences.edges.map { "\($0.a)-\($0.b):\($0.count)" } == ["nato-hegemon:1"])
        }
    }

    @Test func slidingWindowMatchesHandComputedScores() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write([Self.paragraphs], scheme: Fixtures.scheme)
            // Windows [0,1] [1,2] [2,3] [3,4]: alliance 1, nato 3, hegemon 3; nato–hegemon 2, alliance–nato 1.
            let map = try store.conceptMap(ConceptMap.Options(window: .sentences(2), measure: .count, evidence: 5))
            #expect(map.windows == 4)
            #expect(map.nodes.map(\.windows) == [1, 3, 3])
            #expect(map.edges.map { "\($0.a)-\($0.b):\($0.count)" } == ["nato-hegemon:2", "alliance-nato:1"])
            let edge = map.edges[0]
            #expect(edge.evidence.map { "\($0.index)-\($0.through)" } == ["1-2", "4-4"])
            #expect(abs(edge.pmi - log2(8.0 / 9.0)) < 1e-12)
            #expect(abs(edge.npmi - log2(8.0 / 9.0)) < 1e-12)
            #expect(abs(edge.dice - 2.0 / 3.0) < 1e-12)
            #expect(abs(edge.jaccard - 0.5) < 1e-12)
            #expect(abs(edge.g2 - 2 * (2 * log(8.0 / 9.0) + 2 * log(4.0 / 3.0))) < 1e-12)
            #expect(edge.isBelowChance)
            // Ranked by G², the pair seen less often than chance comes last.
            let ranked = try store.conceptMap(ConceptMap.Options(window: .sentences(2)))
            #expect(ranked.edges.map(\.a) == ["alliance", "nato"])
        }
    }

    @Test func rollupCountsNarrowerConceptsAsBroaderOnes() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Self.corpus, scheme: Fixtures.scheme)
            let map = try store.conceptMap(ConceptMap.Options(rollsUp: true))
            #expect(map.nodes == [
                ConceptMap.Node(id: "alliance", label: "Alliance", mentions: 5, sentences: 3, documents: 2),
                ConceptMap.Node(id: "hegemon", label: "Hegemon", mentions: 1, sentences: 1, documents: 1),
            ])
            #expect(map.edges.map { "\($0.a)-\($0.b):\($0.count)" } == ["alliance-hegemon:1"])
            #expect(abs(map.edges[0].pmi - log2(4.0 / 3.0)) < 1e-12)
            #expect(map.relations.isEmpty)

            let counts = try store.concepts(rolledUp: true)
            #expect(counts.map(\.id) == Fixtures.scheme.concepts.map(\.id))
            #expect(counts[0] == ConceptCount(id: "alliance", label: "Alliance", mentions: 5, sentences: 3, documents: 2))
            #expect(counts[1] == ConceptCount(id: "nato", label: "NATO", mentions: 2, sentences: 2, documents: 2))
        }
    }

    @Test func edgesKeepEvidenceAndTopKeepsTheStrongest() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Self.corpus, scheme: Fixtures.scheme)
            let map = try store.conceptMap(ConceptMap.Options(top: 1, includesEvidenceText: true))
            #expect(map.edges.count == 1)
            #expect(map.edges[0].evidence == [
                ConceptMap.Evidence(document: "map2.txt", index: 0, text: "NATO faces a hegemon.")
            ])
            #expect(try store.conceptMap(ConceptMap.Options(evidence: 0)).edges.allSatisfy { $0.evidence.isEmpty })
        }
    }

    @Test func evidenceForAnEdgeGivesTheUnitsBehindIt() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Self.corpus, scheme: Fixtures.scheme)
            let records = try store.evidence(forEdge: "nato", "hegemon")
            #expect(records.map { "\($0.document)#\($0.index)" } == ["map2.txt#0"])
            #expect(records[0].mentions?.count == 2)
            let rolled = try store.evidence(forEdge: "alliance", "hegemon", options: ConceptMap.Options(rollsUp: true))
            #expect(rolled.map { "\($0.document)#\($0.index)" } == ["map2.txt#0"])
            #expect(try store.evidence(forEdge: "alliance", "hegemon").isEmpty)
        }
    }

    @Test func sameCorpusAndOptionsGiveTheSameMap() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Self.corpus + [Self.paragraphs], scheme: Fixtures.scheme)
            for window in [ConceptMap.Window.sentence, .paragraph, .sentences(3)] {
                let options = ConceptMap.Options(window: window, includesEvidenceText: true)
                #expect(try store.conceptMap(options) == store.conceptMap(options))
            }
        }
    }

    @Test func forEachDocumentGivesEachDocumentThenItsUnits() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Self.corpus + [Self.paragraphs], scheme: Fixtures.scheme)
            var seen: [String] = []
            try store.forEachDocument(named: ["p.txt", "map.txt"]) { document in
                seen.append("\(document.name):\(document.text.unicodeScalars.count)")
            } unit: { record in
                seen.append("\(record.document)#\(record.index)")
            }
            #expect(seen == ["map.txt:54", "map.txt#0", "map.txt#1", "p.txt:68", "p.txt#0", "p.txt#1", "p.txt#2", "p.txt#3", "p.txt#4"])
        }
    }
}
