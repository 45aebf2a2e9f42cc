import AnnotextCore
import AnnotextIndex
import Testing

@Suite struct CorpusStoreWritingTests {
    @Test func writeAddsThenLeavesUnchangedThenReplaces() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            #expect(try store.write(Fixtures.corpus, scheme: Fixtures.scheme) == [.added, .added, .added])
            #expect(try store.write(Fixtures.corpus, scheme: Fixtures.scheme) == [.unchanged, .unchanged, .unchanged])
            let changed = Fixtures.document("a.txt", [Fixtures.U("A hegemon.", [Fixtures.M(concept: "hegemon", surface: "hegemon")])])
            #expect(try store.write([changed], scheme: Fixtures.scheme) == [.replaced])
            let documents = try store.documents()
            #expect(documents.map(\.name) == ["a.txt", "b.md", "notes/c.txt"])
            #expect(documents[0].sentences == 1)
            #expect(documents[0].mentions == 1)
            #expect(try store.count(ConceptQuery(parsing: "nato", scheme: Fixtures.scheme)) == 0)
            #expect(try store.count(ConceptQuery(parsing: "hegemon", scheme: Fixtures.scheme)) == 1)
        }
    }

    @Test func changedSchemeReplacesDocumentWithSameText() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            var scheme = Fixtures.scheme
            scheme.concepts.append(Concept(id: "realism", label: "Realism"))
            #expect(try store.write([Fixtures.corpus[0]], scheme: scheme) == [.replaced])
            #expect(try store.scheme() == scheme)
        }
    }

    @Test func documentsSummariseEachDocumentInIngestOrder() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            let documents = try store.documents()
            #expect(documents.map(\.name) == ["a.txt", "b.md", "notes/c.txt"])
            #expect(documents.map(\.sentences) == [3, 2, 2])
            #expect(documents.map(\.mentions) == [5, 3, 3])
            #expect(documents[0].bytes == Fixtures.corpus[0].document.text.utf8.count)
            #expect(documents[1].format == .markdown)
            #expect(documents[1].title == "B")
            #expect(documents[0].contentHash == Fixtures.corpus[0].contentHash)
        }
    }

    @Test func removeDropsDocumentAndItsCounts() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            #expect(try store.remove(named: "b.md"))
            #expect(try !store.remove(named: "b.md"))
            #expect(try store.documents().map(\.name) == ["a.txt", "notes/c.txt"])
            #expect(try store.search(ConceptQuery(parsing: "csto", scheme: Fixtures.scheme)).isEmpty)
            #expect(try store.search(ConceptQuery(parsing: "text:treaty", scheme: Fixtures.scheme)).isEmpty)
            let deterrence = try store.concepts().first { $0.id == "deterrence" }
            #expect(deterrence == ConceptCount(id: "deterrence", label: "Deterrence", mentions: 1, sentences: 1, documents: 1))
        }
    }

    @Test func storedRecordsAreTheRecordsWritten() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            var records: [SentenceRecord] = []
            try store.forEachSentence { records.append($0) }
            #expect(records == Fixtures.corpus.flatMap(\.sentences))
            #expect(records[3].mentions?[0].nested.map(\.concept) == ["collective-security"])
        }
    }

    @Test func offsetsCountScalarsOfTheDocumentText() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            let text = Array(try #require(try store.document(named: "a.txt")).text.unicodeScalars)
            func slice(_ start: Int, _ end: Int) -> String {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: text[start..<end])
                return String(view)
            }
            try store.forEachSentence(documents: ["a.txt"]) { record in
                #expect(slice(record.start, record.end) == record.text)
                for mention in record.mentions ?? [] { #expect(slice(mention.start, mention.end) == mention.text) }
            }
        }
    }

    @Test func forEachSentenceKeepsIngestOrderAfterReplace() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            let changed = Fixtures.document("a.txt", [Fixtures.U("One."), Fixtures.U("Two.")])
            _ = try store.write([changed], scheme: Fixtures.scheme)
            var order: [String] = []
            try store.forEachSentence { order.append("\($0.document)#\($0.index)") }
            #expect(order == ["a.txt#0", "a.txt#1", "b.md#0", "b.md#1", "notes/c.txt#0", "notes/c.txt#1"])
            order = []
            try store.forEachSentence(documents: ["notes/c.txt", "a.txt", "missing"]) { order.append("\($0.document)#\($0.index)") }
            #expect(order == ["a.txt#0", "a.txt#1", "notes/c.txt#0", "notes/c.txt#1"])
        }
    }

    @Test func forEachSentenceRethrowsTheCallersError() throws {
        struct Stop: Error {}
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            #expect(throws: Stop.self) { try store.forEachSentence { _ in throw Stop() } }
        }
    }

    @Test func documentComesBackWithTextAndBlocks() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            var annotated = Fixtures.corpus[1]
            annotated.document.language = "en"
            annotated.document.blocks = [Block(kind: .paragraph, range: 0..<10, language: "en"), Block(kind: .heading, range: 11..<20)]
            _ = try store.write([annotated], scheme: Fixtures.scheme)
            #expect(try store.document(named: "b.md") == annotated.document)
            #expect(try store.document(named: "nope") == nil)
        }
    }

    @Test func schemeIsRecorded() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            #expect(try store.scheme() == nil)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            #expect(try store.scheme() == Fixtures.scheme)
        }
    }

    @Test func failingWriteLeavesEarlierDocumentsIntact() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write([Fixtures.corpus[0]], scheme: Fixtures.scheme)
            var bad = Fixtures.corpus[2]
            bad.sentences[1].index = 0
            let error = #expect(throws: IndexError.self) {
                try store.write([Fixtures.corpus[1], bad], scheme: Fixtures.scheme)
            }
            #expect(error?.description == "notes/c.txt: unit 0 comes after unit 0: units must be in index order")
            #expect(try store.documents().map(\.name) == ["a.txt"])
            var count = 0
            try store.forEachSentence { _ in count += 1 }
            #expect(count == 3)
        }
    }
}
