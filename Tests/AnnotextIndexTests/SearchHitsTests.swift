import AnnotextCore
import AnnotextIndex
import Foundation
import Testing

@Suite struct SearchHitsTests {
    /// Queries over every path: postings (concepts, AND, OR, NOT, filters) and SQL (text,
    /// kinds, documents, NEAR).
    static let queries: [(query: String, exact: Bool)] =
        ConceptPostingsTests.queries + [
            ("text:m1", false), ("text:m1 AND alliance", false), ("kind:sentence AND hegemon", false),
            ("doc:d1* AND nato", false), ("NEAR/1(nato, hegemon)", false),
        ]

    static let pages: [(limit: Int?, offset: Int)] = [(nil, 0), (20, 0), (1, 0), (20, 700), (5, 1500), (0, 0)]

    /// Every query's pages as hits and as full records cut down to hits.
    static func compare(_ store: CorpusStore) throws {
        let scheme = try store.scheme()
        for (query, exact) in queries {
            let parsed = try ConceptQuery(parsing: query, scheme: scheme, exact: exact)
            for (limit, offset) in pages {
                let hits = try store.hits(parsed, limit: limit, offset: offset)
                let records = try store.search(parsed, limit: limit, offset: offset)
                #expect(
                    hits == records.map { SearchHit(document: $0.document, index: $0.index, text: $0.text) },
                    "\(query) exact=\(exact) limit=\(limit ?? -1) offset=\(offset)")
            }
        }
    }

    @Test func hitsAreTheSearchRecordsInTheirLeanForm() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(ConceptPostingsTests.generated(documents: 12, units: 150, seed: 11), scheme: Fixtures.scheme)
            let alliance = try store.hits(ConceptQuery(parsing: "alliance", scheme: store.scheme()))
            #expect(alliance.count > 1000)
            try Self.compare(store)
            try Self.compare(CorpusStore(path: path, readOnly: true))
        }
    }

    @Test func hitsAnswerFromSQLWhilePostingsAreStale() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(ConceptPostingsTests.generated(documents: 6, units: 120, seed: 5), scheme: Fixtures.scheme)
            let query = try ConceptQuery(parsing: "alliance AND NOT nato", scheme: store.scheme())
            let current = try store.hits(query, limit: 30, offset: 10)
            try ConceptPostingsTests.markPostingsStale(path)
            #expect(try store.hits(query, limit: 30, offset: 10) == current)
            try Self.compare(store)
            // Brought up to date, the postings answer again, with the runs read anew.
            try store.updatePostings()
            #expect(try store.hits(query, limit: 30, offset: 10) == current)
            try Self.compare(store)
        }
    }

    @Test func hitsGiveDocumentIndexAndTextOfEachUnit() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            let query = try ConceptQuery(parsing: "alliance AND NOT nato", scheme: store.scheme())
            #expect(
                try store.hits(query) == [
                    SearchHit(document: "a.txt", index: 0, text: "Alliances"),
                    SearchHit(document: "a.txt", index: 2, text: "The hegemon is not an ally of the Élysée."),
                    SearchHit(
                        document: "b.md", index: 0, text: "The Collective Security Treaty Organization may deter aggression."),
                    SearchHit(
                        document: "notes/c.txt", index: 0, text: "Deterrence rests on the balance of power among allied states."),
                ])
            #expect(try store.hits(query, limit: 1, offset: 3).map(\.document) == ["notes/c.txt"])
        }
    }

    /// Queries read through one kept connection: each must still see every write committed
    /// before it started.
    @Test func queriesSeeEveryWriteCommittedBeforeThem() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            let documents = ConceptPostingsTests.generated(documents: 3, units: 40, seed: 3)
            let query = try ConceptQuery(parsing: "alliance", scheme: Fixtures.scheme)
            _ = try store.write([documents[0]], scheme: Fixtures.scheme)
            let first = try store.hits(query)
            #expect(Set(first.map(\.document)) == ["d0.txt"])
            _ = try store.write([documents[1], documents[2]], scheme: Fixtures.scheme)
            let all = try store.hits(query)
            #expect(Set(all.map(\.document)) == ["d0.txt", "d1.txt", "d2.txt"])
            #expect(try store.count(query) == all.count)
            #expect(try store.remove(named: "d1.txt"))
            #expect(Set(try store.hits(query).map(\.document)) == ["d0.txt", "d2.txt"])
            #expect(Set(try store.search(query).map(\.document)) == ["d0.txt", "d2.txt"])
        }
    }

    /// Queries from several threads at once: one reads through the kept connection, the
    /// others through the pool; all give the serial answers.
    @Test func concurrentQueriesGiveTheSerialAnswers() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(ConceptPostingsTests.generated(documents: 8, units: 100, seed: 9), scheme: Fixtures.scheme)
            let scheme = try store.scheme()
            let parsed = try Self.queries.map { try ConceptQuery(parsing: $0.query, scheme: scheme, exact: $0.exact) }
            let expected = try parsed.map { try store.hits($0, limit: 20) }
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: 8) { worker in
                for round in 0..<10 {
                    let k = (worker + round) % parsed.count
                    do {
                        if try store.hits(parsed[k], limit: 20) != expected[k] { failures.add("\(Self.queries[k].query)") }
                    } catch {
                        failures.add("\(error)")
                    }
                }
            }
            #expect(failures.all.isEmpty)
        }
    }
}

/// Failures gathered from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ failure: String) {
        lock.lock()
        list.append(failure)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}
