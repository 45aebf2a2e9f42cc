import AnnotextCore
import AnnotextIndex
import Testing

@Suite struct CorpusStoreSearchTests {
    /// `document#index` of the hits of `query` over the fixture corpus, answered the same from
    /// SQL alone and from the stored postings.
    static func hits(_ query: String, exact: Bool = false, limit: Int? = nil, offset: Int = 0) throws -> [String] {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            try ConceptPostingsTests.markPostingsStale(path)
            let parsed = try ConceptQuery(parsing: query, scheme: store.scheme(), exact: exact)
            let records = try store.search(parsed, limit: limit, offset: offset)
            if limit == nil && offset == 0 { #expect(try store.count(parsed) == records.count) }
            try store.updatePostings()
            #expect(try store.search(parsed, limit: limit, offset: offset) == records)
            if limit == nil && offset == 0 { #expect(try store.count(parsed) == records.count) }
            return records.map { "\($0.document)#\($0.index)" }
        }
    }

    @Test(arguments: [
        // concepts by id and label, narrower ones included
        ("alliance", ["a.txt#0", "a.txt#1", "a.txt#2", "b.md#0", "notes/c.txt#0"]),
        ("NATO", ["a.txt#1"]),
        ("nato", ["a.txt#1"]),
        ("\"balance of power\"", ["b.md#1", "notes/c.txt#0"]),
        ("balance of power", ["b.md#1", "notes/c.txt#0"]),
        ("Balance-Of-Power", ["b.md#1", "notes/c.txt#0"]),
        // nested mentions are not mentions
        ("collective-security", []),
        // boolean operators
        ("alliance AND deterrence", ["b.md#0", "notes/c.txt#0"]),
        ("alliance deterrence", ["b.md#0", "notes/c.txt#0"]),
        ("nato OR hegemon", ["a.txt#1", "a.txt#2"]),
        ("nato | hegemon", ["a.txt#1", "a.txt#2"]),
        ("alliance AND NOT hegemon", ["a.txt#0", "a.txt#1", "b.md#0", "notes/c.txt#0"]),
        ("alliance -hegemon", ["a.txt#0", "a.txt#1", "b.md#0", "notes/c.txt#0"]),
        ("NOT alliance", ["b.md#1", "notes/c.txt#1"]),
        ("hegemon OR deterrence AND \"balance of power\"", ["a.txt#2", "notes/c.txt#0"]),
        ("(hegemon OR deterrence) AND \"balance of power\"", ["notes/c.txt#0"]),
        ("(nato OR csto) AND (deterrence OR hegemon)", ["b.md#0"]),
        ("alliance AND NOT alliance", []),
        // full text
        ("text:hegemon", ["a.txt#2"]),
        ("text:\"balance of power\"", ["b.md#1", "notes/c.txt#0"]),
        ("text:\"power balance\"", []),
        ("text:deter*", ["b.md#0", "notes/c.txt#0"]),
        ("text:elysee", ["a.txt#2"]),
        ("text:hegemon OR nato", ["a.txt#1", "a.txt#2"]),
        ("alliance AND text:allied", ["notes/c.txt#0"]),
        // attributes, kinds, documents
        ("alliance:negated", ["a.txt#2"]),
        ("alliance:-negated", ["a.txt#0", "a.txt#1", "b.md#0", "notes/c.txt#0"]),
        ("deterrence:hedged", ["b.md#0"]),
        ("\"balance of power\":attributed", ["b.md#1"]),
        ("kind:heading", ["a.txt#0"]),
        ("alliance AND NOT kind:heading", ["a.txt#1", "a.txt#2", "b.md#0", "notes/c.txt#0"]),
        ("doc:notes/*", ["notes/c.txt#0", "notes/c.txt#1"]),
        ("alliance doc:*.md", ["b.md#0"]),
    ])
    func findsUnitsInDocumentOrder(query: String, expected: [String]) throws {
        #expect(try Self.hits(query) == expected)
    }

    @Test func exactSearchLeavesOutNarrowerConcepts() throws {
        #expect(try Self.hits("alliance", exact: true) == ["a.txt#0", "a.txt#1", "a.txt#2", "notes/c.txt#0"])
    }

    @Test func limitAndOffsetPage() throws {
        #expect(try Self.hits("alliance", limit: 2, offset: 1) == ["a.txt#1", "a.txt#2"])
        #expect(try Self.hits("alliance", limit: 10, offset: 4) == ["notes/c.txt#0"])
    }

    @Test func streamsManyHitsInBatchesInOrder() throws {
        let units = (0..<300).map { Fixtures.U("Alliance \($0).", [Fixtures.M(concept: "alliance", surface: "Alliance")]) }
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write([Fixtures.document("long.txt", units), Fixtures.corpus[0]], scheme: Fixtures.scheme)
            let query = try ConceptQuery(parsing: "alliance", scheme: Fixtures.scheme)
            var seen: [String] = []
            try store.forEachMatch(query) { seen.append("\($0.document)#\($0.index)") }
            #expect(seen == (0..<300).map { "long.txt#\($0)" } + ["a.txt#0", "a.txt#1", "a.txt#2"])
            let page = try store.search(query, limit: 3, offset: 299).map { "\($0.document)#\($0.index)" }
            #expect(page == ["long.txt#299", "a.txt#0", "a.txt#1"])
            #expect(try store.count(query) == 303)
        }
    }

    @Test func hitsCarryAllMentionsWithLabels() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            let records = try store.search(ConceptQuery(parsing: "csto", scheme: Fixtures.scheme))
            #expect(records == [Fixtures.corpus[1].sentences[0]])
            #expect(records.first?.mentions?.map(\.label) == ["CSTO", "Deterrence"])
        }
    }
}
