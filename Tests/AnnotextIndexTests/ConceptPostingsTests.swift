import AnnotextCore
import AnnotextIndex
import Foundation
import GRDB
import Testing

@Suite struct ConceptPostingsTests {
    /// Queues a pair no document has, so that queries answer from SQL until the next
    /// `updatePostings()`.
    static func markPostingsStale(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT OR IGNORE INTO postings_pending (concept, doc_id) VALUES ('~', 0)") }
        try queue.close()
    }

    /// A corpus of `documents` × `units` generated from `seed`: alliance in most units (so its
    /// postings span several runs), other concepts rarer, some mentions negated or hedged, some
    /// CSTO mentions with a nested collective-security one.
    static func generated(documents: Int, units: Int, seed: UInt64, names: Range<Int>? = nil) -> [AnnotatedDocument] {
        var state = seed
        func roll(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let concepts = ["alliance", "alliance", "alliance", "nato", "csto", "hegemon", "deterrence", "balance-of-power"]
        return (names ?? 0..<documents).map { number in
            let units = (0..<units).map { index -> Fixtures.U in
                var words = ["u\(index)"]
                var mentions: [Fixtures.M] = []
                for k in 0..<roll(4) {
                    let concept = concepts[roll(concepts.count)]
                    if concept == "csto" && roll(2) == 0 {
                        words.append("Xa\(k)")
                        mentions.append(
                            Fixtures.M(
                                concept: concept, surface: "Xa\(k)", nested: [Fixtures.M(concept: "collective-security", surface: "a\(k)")]))
                    } else {
                        words.append("m\(k)")
                        mentions.append(
                            Fixtures.M(concept: concept, surface: "m\(k)", negated: roll(5) == 0, hedged: roll(7) == 0))
                    }
                }
                return Fixtures.U(words.joined(separator: " ") + ".", mentions)
            }
            return Fixtures.document("d\(number).txt", units)
        }
    }

    static let queries: [(query: String, exact: Bool)] = [
        ("alliance", false), ("alliance", true), ("nato", false), ("collective-security", false),
        ("alliance AND deterrence", false), ("deterrence AND alliance AND hegemon", false),
        ("alliance AND NOT nato", true), ("alliance -deterrence -hegemon", false), ("nato OR csto", false),
        ("(nato OR hegemon) AND NOT deterrence:negated", false), ("alliance:negated", false),
        ("alliance:-negated", true), ("deterrence:hedged AND alliance:negated", false),
        ("balance-of-power AND NOT balance-of-power", false),
    ]

    /// Every query's hits (several pages) and count.
    static func answers(_ store: CorpusStore) throws -> [String] {
        var answers: [String] = []
        for (query, exact) in queries {
            let parsed = try ConceptQuery(parsing: query, scheme: store.scheme(), exact: exact)
            for (limit, offset) in [(nil, 0), (20, 0), (20, 700), (5, 1500)] as [(Int?, Int)] {
                let hits = try store.search(parsed, limit: limit, offset: offset)
                answers.append("\(query) \(exact) \(limit ?? -1)+\(offset): " + hits.map { "\($0.document)#\($0.index)" }.joined(separator: " "))
            }
            answers.append("\(query) \(exact) count: \(try store.count(parsed))")
        }
        return answers
    }

    @Test func postingsKeptAcrossWritesAnswerLikeSQL() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            let corpus = Self.generated(documents: 24, units: 80, seed: 7)
            // Written a few documents per transaction, postings updated after each, as ingest does.
            for start in stride(from: 0, to: corpus.count, by: 5) {
                _ = try store.write(Array(corpus[start..<min(corpus.count, start + 5)]), scheme: Fixtures.scheme)
                try store.updatePostings()
            }
            // Replaced in the middle (ids kept), removed, added at the end.
            let replacements = Self.generated(documents: 24, units: 60, seed: 99, names: 9..<12)
            #expect(try store.write(replacements, scheme: Fixtures.scheme) == [.replaced, .replaced, .replaced])
            try store.updatePostings()
            #expect(try store.remove(named: "d3.txt"))
            #expect(try store.remove(named: "d23.txt"))
            try store.updatePostings()
            _ = try store.write(Self.generated(documents: 26, units: 50, seed: 5, names: 24..<26), scheme: Fixtures.scheme)
            try store.updatePostings()
            let fromPostings = try Self.answers(store)
            try Self.markPostingsStale(path)
            let fromSQL = try Self.answers(store)
            #expect(fromPostings == fromSQL)
            // Alliance alone spans more than one run.
            let allianceCount = fromSQL.first { $0.hasPrefix("alliance false count: ") }.flatMap { Int($0.split(separator: " ").last ?? "") }
            #expect((allianceCount ?? 0) > 1024)
        }
    }

    @Test func conceptQueriesReadTheStoredPostings() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            try store.updatePostings()
            let query = try ConceptQuery(parsing: "alliance", scheme: store.scheme())
            #expect(try store.search(query).count == 5)
            // Emptied behind the store's back, the postings answer nothing; once they are
            // known to be behind the corpus, SQL answers again. (A write bumps the generation,
            // which is what tells readers to drop the runs they keep.)
            let queue = try DatabaseQueue(path: path)
            try queue.write {
                try $0.execute(sql: "DELETE FROM postings")
                try $0.execute(sql: "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
            }
            try queue.close()
            #expect(try store.search(query).isEmpty)
            try Self.markPostingsStale(path)
            #expect(try store.search(query).count == 5)
        }
    }

    @Test func version1CorpusReadsAsItIsAndGetsPostingsWhenOpenedForWriting() throws {
        try Fixtures.withCorpusPath { path in
            _ = try CorpusStore(path: path).write(Fixtures.corpus, scheme: Fixtures.scheme)
            // What annotext 1 left: no postings tables, schema version 1.
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(
                    sql: """
                        DROP TRIGGER postings_queue_insert; DROP TRIGGER postings_queue_delete;
                        DROP TRIGGER postings_queue_update; DROP TABLE postings; DROP TABLE postings_pending;
                        DELETE FROM grdb_migrations WHERE identifier = 'v2-postings';
                        UPDATE meta SET value = '1' WHERE key = 'schema_version';
                        """)
            }
            let reader = try CorpusStore(path: path, readOnly: true)
            let query = try ConceptQuery(parsing: "alliance AND deterrence", scheme: reader.scheme())
            #expect(try reader.search(query).map { "\($0.document)#\($0.index)" } == ["b.md#0", "notes/c.txt#0"])
            _ = try CorpusStore(path: path)
            let state = try queue.read { db in
                (
                    try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'"),
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM postings"),
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM postings_pending")
                )
            }
            try queue.close()
            #expect(state.0 == "2" && state.1 == 6 && state.2 == 0)
            let upgraded = try CorpusStore(path: path, readOnly: true)
            #expect(try upgraded.search(query).map { "\($0.document)#\($0.index)" } == ["b.md#0", "notes/c.txt#0"])
        }
    }
}
