import AnnotextCore
import AnnotextIndex
import Foundation
import Testing

/// NEAR, relevance order, context units, retagging and the benchmark export loader.
@Suite struct CorpusStoreQueryFeatureTests {
    static func withFixtureStore<T>(_ body: (CorpusStore) throws -> T) throws -> T {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            return try body(store)
        }
    }

    static func names(_ records: [SentenceRecord]) -> [String] { records.map { "\($0.document)#\($0.index)" } }

    @Test(arguments: [
        ("NEAR/1(nato, hegemon)", ["a.txt#1", "a.txt#2"]),
        ("NEAR(nato, hegemon)", ["a.txt#1", "a.txt#2"]),
        ("near/1(csto, \"balance of power\")", ["b.md#0", "b.md#1"]),
        // never across documents
        ("NEAR/5(hegemon, deterrence)", []),
        ("NEAR/1(kind:heading, hegemon)", []),
        ("NEAR/2(kind:heading, hegemon)", ["a.txt#0", "a.txt#2"]),
        // the same unit counts as distance 0; NEAR/0 is AND
        ("NEAR/1(deterrence, \"balance of power\")", ["b.md#0", "b.md#1", "notes/c.txt#0"]),
        ("NEAR/0(alliance, deterrence)", ["b.md#0", "notes/c.txt#0"]),
        // sides are whole queries, and NEAR combines like a term
        ("NEAR/1(nato OR csto, text:hegemon OR text:realists)", ["a.txt#1", "a.txt#2", "b.md#0", "b.md#1"]),
        ("NEAR/1(nato, hegemon) AND NOT kind:heading", ["a.txt#1", "a.txt#2"]),
        ("NEAR/1(nato, hegemon) OR deterrence", ["a.txt#1", "a.txt#2", "b.md#0", "notes/c.txt#0"]),
        ("NEAR/1(NEAR/1(nato, hegemon), alliance)", ["a.txt#0", "a.txt#1", "a.txt#2"]),
    ])
    func nearFindsUnitsWithinDistanceInTheSameDocument(query: String, expected: [String]) throws {
        try Self.withFixtureStore { store throws in
            let parsed = try ConceptQuery(parsing: query, scheme: Fixtures.scheme)
            #expect(Self.names(try store.search(parsed)) == expected)
            #expect(try store.count(parsed) == expected.count)
        }
    }

    @Test(arguments: [
        ("NEAR/2(alliance hegemon)", "query:1:24: expected ',' after \"alliance hegemon\" in NEAR"),
        ("NEAR/2(alliance, hegemon", "query:1:25: expected ')' after \"hegemon\" in NEAR"),
        ("NEAR/x(alliance, hegemon)", "query:1:6: expected a distance from 0 to 1000 after \"NEAR/\""),
    ])
    func nearSyntaxErrorsSayWhatWasExpected(query: String, message: String) {
        #expect(throws: IndexError.self) { try ConceptQuery(parsing: query, scheme: Fixtures.scheme) }
        do {
            _ = try ConceptQuery(parsing: query, scheme: Fixtures.scheme)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func conjunctionsFollowWritesAndRemovals() throws {
        let many = (0..<50).map { i in
            Fixtures.U(
                "Alliance \(i) and deterrence.",
                i % 3 == 0
                    ? [Fixtures.M(concept: "nato", surface: "Alliance"), Fixtures.M(concept: "deterrence", surface: "deterrence")]
                    : [Fixtures.M(concept: "alliance", surface: "Alliance")])
        }
        try Self.withFixtureStore { store throws in
            let query = try ConceptQuery(parsing: "alliance AND deterrence", scheme: Fixtures.scheme)
            #expect(Self.names(try store.search(query)) == ["b.md#0", "notes/c.txt#0"])
            _ = try store.write([Fixtures.document("many.txt", many)], scheme: Fixtures.scheme)
            let expected = ["b.md#0", "notes/c.txt#0"] + stride(from: 0, to: 50, by: 3).map { "many.txt#\($0)" }
            #expect(Self.names(try store.search(query)) == expected)
            #expect(try store.count(query) == expected.count)
            #expect(Self.names(try store.search(query, limit: 3, offset: 1)) == Array(expected[1...3]))
            try store.remove(named: "b.md")
            #expect(Self.names(try store.search(query, limit: 2)) == ["notes/c.txt#0", "many.txt#0"])
            #expect(try store.count(query) == expected.count - 1)
            let three = try ConceptQuery(parsing: "nato AND deterrence AND alliance", scheme: Fixtures.scheme)
            #expect(try store.count(three) == 17)
        }
    }

    @Test func relevanceRanksMoreAndEarlierMentionsFirst() throws {
        try Self.withFixtureStore { store throws in
            let query = try ConceptQuery(parsing: "alliance", scheme: Fixtures.scheme)
            let ranked = Self.names(try store.search(query, order: .relevance))
            #expect(ranked == ["a.txt#1", "a.txt#0", "b.md#0", "a.txt#2", "notes/c.txt#0"])
            #expect(Self.names(try store.search(query, limit: 2, offset: 1, order: .relevance)) == ["a.txt#0", "b.md#0"])
            var streamed: [SentenceRecord] = []
            try store.forEachMatch(query, order: .relevance) { streamed.append($0) }
            #expect(Self.names(streamed) == ranked)
        }
    }

    @Test func relevanceOrdersFullTextHitsByBM25() throws {
        try Self.withFixtureStore { store throws in
            let query = try ConceptQuery(parsing: "text:deter* OR text:power", scheme: Fixtures.scheme)
            let ranked = Self.names(try store.search(query, order: .relevance))
            #expect(Set(ranked) == Set(Self.names(try store.search(query))))
            // c.txt#0 matches both terms, so it ranks first.
            #expect(ranked.first == "notes/c.txt#0")
        }
    }

    @Test func contextUnitsAreClippedToTheDocument() throws {
        try Self.withFixtureStore { store throws in
            #expect(Self.names(try store.units(ofDocument: "a.txt", indices: 0...1)) == ["a.txt#0", "a.txt#1"])
            #expect(Self.names(try store.units(ofDocument: "a.txt", indices: -1...5)) == ["a.txt#0", "a.txt#1", "a.txt#2"])
            #expect(try store.units(ofDocument: "a.txt", indices: 1...1) == [Fixtures.corpus[0].sentences[1]])
            #expect(try store.units(ofDocument: "missing.txt", indices: 0...3).isEmpty)
        }
    }

    @Test func retagRewritesEveryDocumentWithTheNewScheme() throws {
        let scheme = ConceptScheme(
            id: "retag-test", concepts: [Concept(id: "hegemon", label: "Hegemon", terms: [Term("hegemon")])])
        let annotator = DocumentAnnotator(tagger: ConceptTagger(lexicon: try CompiledLexicon(scheme: scheme)))
        try Self.withFixtureStore { store throws in
            let before = try store.documents()
            let summary = try store.retag(scheme: scheme, source: "new.yaml") { annotator.records(for: $0) }
            #expect(summary.retagged == 3 && summary.unchanged == 0)
            #expect(try store.documents().map(\.name) == before.map(\.name))
            #expect(try store.documents().map(\.contentHash) == before.map(\.contentHash))
            let hegemon = try store.search(ConceptQuery(parsing: "hegemon", scheme: store.scheme()))
            // Segmented again from the stored text (the fixture has no blocks, so the heading
            // joins the next sentence): the hit is found by the new tagger, wherever it falls.
            #expect(hegemon.map(\.document) == ["a.txt"])
            #expect(hegemon.first?.text.hasSuffix("The hegemon is not an ally of the Élysée.") == true)
            #expect(hegemon.first?.mentions?.map(\.text) == ["hegemon"])
            #expect(throws: IndexError.self) { try ConceptQuery(parsing: "alliance", scheme: store.scheme()) }
            #expect(try store.concepts().map(\.id) == ["hegemon"])
            let tagging = try store.tagging()
            #expect(tagging?.schemeID == "retag-test")
            #expect(tagging?.source == "new.yaml")
            #expect(tagging?.concepts == 1)
            let again = try store.retag(scheme: scheme, source: "new.yaml") { annotator.records(for: $0) }
            #expect(again.retagged == 0 && again.unchanged == 3)
        }
    }

    @Test func loaderStoresExportSentencesAndConceptsAsTheyAre() throws {
        let lines = [
            #"{"id": 1, "doc": "d0", "text": "NATO is an alliance.", "concepts": ["nato", "alliance"]}"#,
            #"{"id": 2, "doc": "d0", "text": "Nothing here.", "concepts": []}"#,
            #"{"id": 3, "doc": "p1", "text": "The alliance, the alliance.", "concepts": ["alliance", "alliance"]}"#,
        ]
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            let summary = try SentenceExportLoader().load(Data(lines.joined(separator: "\n").utf8), named: "s.jsonl", into: store)
            #expect(summary.documents == ["d0", "p1"])
            #expect(summary.firstIDs == [1, 3])
            #expect(summary.sentences == 3 && summary.mentions == 4)
            #expect(summary.exportID(document: 1, index: 0) == 3)
            #expect(try store.document(named: "d0")?.text == "NATO is an alliance. Nothing here.")
            let scheme = try store.scheme()
            let hits = try store.search(ConceptQuery(parsing: "alliance", scheme: scheme))
            #expect(Self.names(hits) == ["d0#0", "p1#0"])
            #expect(hits.last?.mentions?.count == 2)
            #expect(hits.first.map { ($0.start, $0.end, $0.text) } ?? (0, 0, "") == (0, 20, "NATO is an alliance."))
            #expect(try store.count(ConceptQuery(parsing: "alliance", scheme: scheme)) == 2)
            #expect(Self.names(try store.search(ConceptQuery(parsing: "text:nothing", scheme: scheme))) == ["d0#1"])
        }
    }

    @Test func loaderRefusesIdsOutOfOrder() throws {
        let lines = #"{"id": 2, "doc": "d0", "text": "A.", "concepts": []}"#
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            #expect(throws: IndexError.self) {
                _ = try SentenceExportLoader().load(Data(lines.utf8), named: "s.jsonl", into: store)
            }
            do {
                _ = try SentenceExportLoader().load(Data(lines.utf8), named: "s.jsonl", into: store)
            } catch {
                #expect("\(error)" == "s.jsonl:1: id 2 where 1 was expected")
            }
        }
    }
}
