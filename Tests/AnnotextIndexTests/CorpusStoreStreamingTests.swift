import AnnotextCore
import AnnotextIndex
import Testing

/// `CorpusStore.write(_:contentHash:scheme:units:)`: one document whose units arrive in parts.
@Suite struct CorpusStoreStreamingTests {
    struct SourceFailed: Error {}

    /// Hands `annotated`'s units over one part of `size` units at a time.
    func parts(of annotated: AnnotatedDocument, size: Int) -> () -> [SentenceRecord]? {
        var rest = annotated.sentences[...]
        return {
            guard !rest.isEmpty else { return nil }
            defer { rest = rest.dropFirst(size) }
            return Array(rest.prefix(size))
        }
    }

    func stream(_ annotated: AnnotatedDocument, into store: CorpusStore, size: Int = 1) throws -> WriteOutcome {
        try store.write(
            annotated.document, contentHash: annotated.contentHash, scheme: Fixtures.scheme,
            units: parts(of: annotated, size: size))
    }

    func dump(_ store: CorpusStore) throws -> [SentenceRecord] {
        var records: [SentenceRecord] = []
        try store.forEachSentence { records.append($0) }
        return records
    }

    @Test func streamedDocumentsStoreWhatWholeOnesStore() throws {
        try Fixtures.withCorpusPath { wholePath in
            try Fixtures.withCorpusPath { streamedPath in
                let whole = try CorpusStore(path: wholePath)
                let streamed = try CorpusStore(path: streamedPath)
                _ = try whole.write(Fixtures.corpus, scheme: Fixtures.scheme)
                for annotated in Fixtures.corpus { #expect(try stream(annotated, into: streamed) == .added) }
                #expect(try dump(streamed) == dump(whole))
                // Everything but the time of ingest.
                let summary = { (store: CorpusStore) in
                    try store.documents().map { "\($0.name) \($0.sentences) \($0.mentions) \($0.bytes) \($0.contentHash)" }
                }
                #expect(try summary(streamed) == summary(whole))
                #expect(try streamed.concepts() == whole.concepts())
                let query = try ConceptQuery(parsing: "alliance", scheme: Fixtures.scheme)
                #expect(try streamed.count(query) == whole.count(query))
            }
        }
    }

    @Test func unchangedStreamedDocumentAsksForNoUnits() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            let annotated = Fixtures.corpus[1]
            var asked = false
            let outcome = try store.write(annotated.document, contentHash: annotated.contentHash, scheme: Fixtures.scheme) {
                asked = true
                return nil
            }
            #expect(outcome == .unchanged)
            #expect(!asked)
        }
    }

    @Test func streamedDocumentReplacesAnOlderOne() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            let changed = Fixtures.document(
                "a.txt", [Fixtures.U("A hegemon.", [Fixtures.M(concept: "hegemon", surface: "hegemon")])])
            #expect(try stream(changed, into: store) == .replaced)
            let documents = try store.documents()
            #expect(documents.map(\.name) == ["a.txt", "b.md", "notes/c.txt"])
            #expect(documents[0].sentences == 1)
            #expect(try store.count(ConceptQuery(parsing: "nato", scheme: Fixtures.scheme)) == 0)
        }
    }

    @Test func holdsUnchangedOnlyTheSameContentTaggedByTheSameScheme() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            let annotated = Fixtures.corpus[1]
            #expect(try !store.holdsUnchanged(named: "b.md", contentHash: annotated.contentHash, scheme: Fixtures.scheme))
            #expect(try !store.holds(named: "b.md"))
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            #expect(try store.holds(named: "b.md"))
            #expect(try !store.holds(named: "c.md"))
            #expect(try store.holdsUnchanged(named: "b.md", contentHash: annotated.contentHash, scheme: Fixtures.scheme))
            #expect(try !store.holdsUnchanged(named: "b.md", contentHash: "other", scheme: Fixtures.scheme))
            #expect(try !store.holdsUnchanged(named: "c.md", contentHash: annotated.contentHash, scheme: Fixtures.scheme))
            var retagged = Fixtures.scheme
            retagged.version = "2"
            #expect(try !store.holdsUnchanged(named: "b.md", contentHash: annotated.contentHash, scheme: retagged))
        }
    }

    @Test func unitsOutOfOrderLeaveTheCorpusAsItWas() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write([Fixtures.corpus[0]], scheme: Fixtures.scheme)
            let before = try dump(store)
            var annotated = Fixtures.corpus[1]
            annotated.sentences.reverse()
            #expect {
                _ = try stream(annotated, into: store)
            } throws: { error in
                (error as? IndexError)?.description == "b.md: unit 0 comes after unit 1: units must be in index order"
            }
            #expect(try dump(store) == before)
            #expect(try store.documents().map(\.name) == ["a.txt"])
        }
    }

    @Test func failingSourceLeavesTheCorpusAsItWas() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            let before = try dump(store)
            let changed = Fixtures.document("b.md", [Fixtures.U("New text.", [])])
            var handed = 0
            #expect(throws: IndexError.self) {
                _ = try store.write(changed.document, contentHash: changed.contentHash, scheme: Fixtures.scheme) {
                    handed += 1
                    if handed > 1 { throw SourceFailed() }
                    return changed.sentences
                }
            }
            #expect(try dump(store) == before)
        }
    }
}
