import AnnotextCore
import Foundation
import GRDB
import Synchronization
import Testing

@testable import AnnotextIndex

/// The text index built beside the writer (`SideTextIndex`) and moved into the corpus index
/// (`TextIndexTransplant`): the result must be the index the writer would have built itself.
@Suite struct SideTextIndexTests {
    /// Documents of `count` units each, words varied by unit, mentions none.
    static func documents(_ names: [String], units count: Int) -> [AnnotatedDocument] {
        names.enumerated().map { d, name in
            Fixtures.document(
                name,
                (0..<count).map {
                    Fixtures.U("Doc\(d) unit \($0) says word\($0 % 11) about déterrence and the balance of power.")
                })
        }
    }

    /// FTS5's check that the index holds exactly the content table's text (it throws when not).
    func checkTextIndex(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.write { db in
            try db.execute(sql: "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    /// Rows of the index's segments and term table, in order: equal for equal indexes.
    func indexRows(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            let pages = try Row.fetchAll(db, sql: "SELECT id, hex(block) FROM sentences_fts_data ORDER BY id")
            let terms = try Row.fetchAll(db, sql: "SELECT segid, hex(term), pgno FROM sentences_fts_idx ORDER BY segid, term")
            return (pages + terms).map { $0.description }
        }
    }

    func count(_ query: String, in store: CorpusStore) throws -> Int {
        try store.count(ConceptQuery(parsing: query, scheme: Fixtures.scheme))
    }

    /// Writes `documents` in one transaction, with or without a side index; whether one was
    /// moved in.
    func write(_ documents: [AnnotatedDocument], at path: String, side: Bool) throws -> Bool {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.write { db in
            var writer = try DocumentWriter(db: db, schemeHash: "h", ingestedAt: "now", sideTextIndex: side)
            for document in documents { _ = try writer.write(document) }
            try writer.finishTransaction()
            return writer.movedSideTextIndex
        }
    }

    @Test func movedIndexIsTheOneTheWriterBuildsItself() throws {
        let documents = Self.documents(["a.txt", "b.txt", "c.txt"], units: 2_000)
        try Fixtures.withCorpusPath { beside in
            try Fixtures.withCorpusPath { itself in
                _ = try CorpusStore(path: beside)
                _ = try CorpusStore(path: itself)
                #expect(try write(documents, at: beside, side: true))
                #expect(try !write(documents, at: itself, side: false))
                try checkTextIndex(beside)
                // One segment, or two when the writer took part of the build's backlog: then
                // the same terms in two segments, so compare what a query finds instead.
                if try indexRows(beside).count == indexRows(itself).count {
                    #expect(try indexRows(beside) == indexRows(itself))
                }
                let store = try CorpusStore(path: beside)
                #expect(try count("text:word3", in: store) == 3 * (0..<2_000).filter { $0 % 11 == 3 }.count)
                #expect(try count("text:deterrence", in: store) == 6_000)
                #expect(try count("text:\"doc2 unit 1999\"", in: store) == 1)
            }
        }
    }

    @Test func writesAfterAMoveKeepWhatWasMoved() throws {
        // FTS5 caches the structure record per connection: the writer's next index write must
        // not write back a copy from before the move.
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            store.sideTextIndexBytes.store(0, ordering: .relaxed)
            _ = try store.write(Self.documents(["big.txt"], units: 3_000), scheme: Fixtures.scheme)
            store.sideTextIndexBytes.store(.max, ordering: .relaxed)
            _ = try store.write(Self.documents(["small.txt"], units: 10), scheme: Fixtures.scheme)
            store.sideTextIndexBytes.store(0, ordering: .relaxed)
            _ = try store.write(Self.documents(["big2.txt"], units: 3_000), scheme: Fixtures.scheme)
            try checkTextIndex(path)
            #expect(try count("text:doc0", in: store) == 6_010)
            // A replaced document deletes from the index first: then the writer indexes it.
            let changed = Fixtures.document("big.txt", [Fixtures.U("A new text about a hegemon.")])
            #expect(try store.write([changed], scheme: Fixtures.scheme) == [.replaced])
            try checkTextIndex(path)
            #expect(try count("text:doc0", in: store) == 3_010)
            #expect(try count("text:hegemon", in: store) == 1)
        }
    }

    @Test func aReplacedDocumentIsIndexedBesideTheWriterToo() throws {
        // Its new units take the old ones' ids: the index's deletions of the old text must not
        // hide the new text moved in after them.
        try Fixtures.withCorpusPath { path in
            _ = try CorpusStore(path: path)
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            func write(_ documents: [AnnotatedDocument]) throws -> Bool {
                try queue.write { db in
                    var writer = try DocumentWriter(db: db, schemeHash: "h", ingestedAt: "now", sideTextIndex: true)
                    for document in documents { _ = try writer.write(document) }
                    try writer.finishTransaction()
                    return writer.movedSideTextIndex
                }
            }
            let old = Self.documents(["a.txt", "b.txt"], units: 200)
            #expect(try write(old))
            // b.txt comes back with other words in its first units, and fewer units; a new
            // document follows it.
            var units = (0..<150).map { Fixtures.U("Doc1 unit \($0) says word\($0 % 11) about détente.") }
            units[0] = Fixtures.U("A hegemon changed everything.")
            let new = [Fixtures.document("b.txt", units), Self.documents(["x.txt", "c.txt"], units: 100)[1]]
            #expect(try write(new))
            try checkTextIndex(path)
            let store = try CorpusStore(path: path)
            #expect(try count("text:deterrence", in: store) == 200 + 100)
            #expect(try count("text:detente", in: store) == 149)
            #expect(try count("text:hegemon", in: store) == 1)
            #expect(try count("text:doc1", in: store) == 149 + 100)
        }
    }

    @Test func aConnectionThatReadTheIndexBeforeAMoveDoesNotWriteItsOldCopyBack() throws {
        // FTS5 keeps the structure record it read until it next writes one or another
        // connection commits: a query on the writer's connection between two moves leaves it a
        // copy that the second move makes stale.
        try Fixtures.withCorpusPath { path in
            _ = try CorpusStore(path: path)
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            let documents = Self.documents(["a.txt", "b.txt", "c.txt"], units: 300)
            func write(_ annotated: AnnotatedDocument, side: Bool) throws -> Bool {
                try queue.write { db in
                    var writer = try DocumentWriter(db: db, schemeHash: "h", ingestedAt: "now", sideTextIndex: side)
                    _ = try writer.write(annotated)
                    try writer.finishTransaction()
                    return writer.movedSideTextIndex
                }
            }
            #expect(try write(documents[0], side: true))
            let read = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sentences_fts('doc0')") }
            #expect(read == 300)
            #expect(try write(documents[1], side: true))
            #expect(try !write(documents[2], side: false))
            try checkTextIndex(path)
            let found = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sentences_fts('word2')") }
            #expect(found == 3 * (0..<300).filter { $0 % 11 == 2 }.count)
        }
    }

    /// Writes `documents` in one transaction without indexing their text, builds side indexes
    /// of their units with `build` (given each document's units and the id of its unit 0), moves
    /// those in, and checks the index.
    func moveBuiltByHand(
        _ documents: [AnnotatedDocument], at path: String,
        _ build: ([(base: Int64, records: [SentenceRecord])]) throws -> [DatabaseQueue]
    ) throws {
        _ = try CorpusStore(path: path)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.write { db in
            var writer = try DocumentWriter(db: db, schemeHash: "h", ingestedAt: "now")
            for document in documents { _ = try writer.write(document) }
            let runs = documents.enumerated().map { k, annotated in
                (base: CorpusSchema.firstSentenceID(ofDocument: Int64(k + 1)), records: annotated.sentences)
            }
            #expect(try TextIndexTransplant.move(from: build(runs), into: db))
            try ConceptPostings.update(in: db)
        }
        try checkTextIndex(path)
    }

    @Test func unitsLeftWhenTheWriterFinishesAreSharedWithTheBuildThread() throws {
        // Handed over faster than the build thread takes them, so that some are left at
        // `finish`: the caller's thread then builds a second index from the rest.
        let documents = Self.documents((0..<40).map { "d\($0).txt" }, units: 200)
        try Fixtures.withCorpusPath { path in
            try moveBuiltByHand(documents, at: path) { runs in
                let side = try #require(SideTextIndex())
                for run in runs { side.add(run.records, base: run.base) }
                let built = try #require(side.finish())
                #expect((1...2).contains(built.count))
                return built
            }
            #expect(try count("text:unit", in: CorpusStore(path: path)) == 40 * 200)
        }
    }

    @Test func segmentsOfTwoSideIndexesMoveTogether() throws {
        let documents = Self.documents(["a.txt", "b.txt"], units: 500)
        try Fixtures.withCorpusPath { path in
            try moveBuiltByHand(documents, at: path) { runs in
                try runs.map { run in
                    let side = try #require(SideTextIndex(runs: [run]))
                    #expect(side.build())
                    return side.queue
                }
            }
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            let segments = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(DISTINCT segid) FROM sentences_fts_idx") }
            #expect(segments == 2)
            #expect(try count("text:word5", in: CorpusStore(path: path)) == 2 * (0..<500).filter { $0 % 11 == 5 }.count)
        }
    }

    @Test func aTransactionThatWritesNoUnitsLeavesTheIndexAlone() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            store.sideTextIndexBytes.store(0, ordering: .relaxed)
            let documents = Self.documents(["a.txt", "b.txt"], units: 50)
            #expect(try store.write(documents, scheme: Fixtures.scheme) == [.added, .added])
            let before = try indexRows(path)
            #expect(try store.write(documents, scheme: Fixtures.scheme) == [.unchanged, .unchanged])
            #expect(try indexRows(path) == before)
            try checkTextIndex(path)
        }
    }

    @Test func aFailedWriteStopsTheSideIndexAndChangesNothing() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            store.sideTextIndexBytes.store(0, ordering: .relaxed)
            _ = try store.write(Self.documents(["kept.txt"], units: 20), scheme: Fixtures.scheme)
            let good = Self.documents(["new.txt"], units: 100)[0]
            var part = 0
            #expect(throws: IndexError.self) {
                _ = try store.write(good.document, contentHash: good.contentHash, scheme: Fixtures.scheme) {
                    part += 1
                    // Units out of order in the second part: the store refuses the document.
                    return part == 1 ? Array(good.sentences.prefix(50)) : part == 2 ? Array(good.sentences.prefix(2)) : nil
                }
            }
            try checkTextIndex(path)
            #expect(try count("text:doc0", in: store) == 20)
            #expect(try store.documents().map(\.name) == ["kept.txt"])
        }
    }

    @Test func structureRecordsReadBackAsTheyWere() throws {
        // A real index with segments on two levels: FTS5 merges four level-0 segments into one
        // on level 1 (automerge 4), and every statement here writes a segment.
        let queue = try DatabaseQueue()
        try queue.write { try $0.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(text)") }
        for k in 0..<6 { try queue.write { try $0.execute(sql: "INSERT INTO t (text) VALUES ('row \(k) text')") } }
        let bytes: [UInt8] = try queue.read { db in
            let block = try Data.fetchOne(db, sql: "SELECT block FROM t_data WHERE id = 10")
            return Array(try #require(block))
        }
        let structure = try #require(TextIndexStructure(bytes: bytes))
        #expect(structure.bytes == bytes)
        #expect(structure.levels.reduce(0) { $0 + $1.segments.count } >= 2)
        #expect(TextIndexStructure(bytes: Array(bytes.dropLast())) == nil)
        #expect(TextIndexStructure(bytes: bytes + [0]) == nil)
        #expect(TextIndexStructure(bytes: [0, 0, 0, 1]) == nil)
    }

    @Test(arguments: [0, 127, 128, 16_383, 16_384, 1 << 35, (1 << 56) - 1, 1 << 56, UInt64.max] as [UInt64])
    func varintsReadBackAsTheyWere(_ value: UInt64) {
        var bytes: [UInt8] = []
        Varint.append(value, to: &bytes)
        var reader = VarintReader(bytes: bytes, position: 0)
        #expect(reader.next() == value)
        #expect(reader.isAtEnd)
        #expect(bytes.count <= 9)
    }

    @Test func totalsAddValueByValue() throws {
        let one = try #require(TextIndexStructure.Totals(bytes: [2, 10]))
        let other = try #require(TextIndexStructure.Totals(bytes: []))
        #expect(one.adding(other).bytes == [2, 10])
        #expect(one.adding(one).values == [4, 20])
        #expect(TextIndexStructure.Totals(bytes: [0x81]) == nil)
    }
}
