import AnnotextCore
import GRDB
import Synchronization
import Testing

@testable import AnnotextIndex

/// The full-text index (`sentences_fts`): written once per transaction by the writer, kept in
/// step with the sentences through replacement and removal, and upgraded from schemas 2 and 3.
@Suite struct TextIndexTests {
    /// FTS5's own check that an external-content index holds exactly what its content table
    /// holds; it throws (SQLITE_CORRUPT_VTAB) when they differ.
    func checkTextIndex(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.write { db in
            try db.execute(sql: "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    func count(_ query: String, in store: CorpusStore) throws -> Int {
        try store.count(ConceptQuery(parsing: query, scheme: Fixtures.scheme))
    }

    /// The number of segments in the text index: FTS5 adds one each time it writes out its
    /// pending terms.
    func segments(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(DISTINCT segid) FROM sentences_fts_idx") ?? 0 }
    }

    /// Turns a corpus back into its form before schema 4: document texts stored whole (given by
    /// name) without `outside_units`, and the document id and index of units stored, with a
    /// foreign key.
    static func makeSchemaThree(_ db: Database, texts: [String: String]) throws {
        for (name, text) in texts {
            try db.execute(
                sql: "UPDATE document_texts SET text = ? WHERE doc_id = (SELECT id FROM documents WHERE name = ?)",
                arguments: [text, name])
        }
        try db.execute(sql: "ALTER TABLE document_texts DROP COLUMN outside_units")
        try db.execute(sql: storedUnitColumns)
    }

    /// Whole texts by name, as a store reads them.
    static func texts(_ store: CorpusStore) throws -> [String: String] {
        var texts: [String: String] = [:]
        for name in try store.documents().map(\.name) { texts[name] = try store.document(named: name)?.text }
        return texts
    }

    private static let storedUnitColumns = """
        CREATE TABLE old_sentences (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id),
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL
        );
        INSERT INTO old_sentences SELECT id, doc_id, idx, start, "end", kind, text FROM sentences;
        DROP TABLE sentences;
        ALTER TABLE old_sentences RENAME TO sentences;
        DELETE FROM sentences_fts_config WHERE k = 'hashsize';
        DELETE FROM grdb_migrations WHERE identifier = 'v4-lean-units';
        """

    @Test func oneWriteIndexesAllItsDocumentsInOneSegment() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            #expect(try segments(path) == 1)
            // A replaced document between new ones: its units keep their ids, the new ones
            // follow the last document.
            let first = Fixtures.corpus[0].document.name
            let batch = [
                Fixtures.document("new1.txt", [Fixtures.U("Fresh words about deterrence.", [])]),
                Fixtures.document(first, [Fixtures.U("A hegemon alone.", [])]),
                Fixtures.document("new2.txt", [Fixtures.U("More fresh words.", []), Fixtures.U("And an ending.", [])]),
            ]
            #expect(try store.write(batch, scheme: Fixtures.scheme) == [.added, .replaced, .added])
            #expect(try count("text:fresh", in: store) == 2)
            #expect(try count("text:alone", in: store) == 1)
            #expect(try count("text:ending", in: store) == 1)
            try checkTextIndex(path)
        }
    }

    @Test func textIndexedWhileTheProducerWaitsIsAllFound() throws {
        // About 10 MB of units: more than twice what `indexWhileWaiting` needs before it indexes.
        let units = (0..<100_000).map {
            Fixtures.U("Unit \($0) of a long text says word\($0 % 7) and goes on with filler text, long enough for megabytes.")
        }
        let annotated = Fixtures.document("long.txt", units)
        #expect(annotated.sentences.reduce(0) { $0 + $1.text.utf8.count } > 9_000_000)
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            // The writer's own indexing, as where a side index cannot be had (SideTextIndexTests).
            store.sideTextIndexBytes.store(.max, ordering: .relaxed)
            var rest = annotated.sentences[...]
            var worked: [Bool] = []
            _ = try store.write(annotated.document, contentHash: annotated.contentHash, scheme: Fixtures.scheme) {
                whileWaiting in
                worked.append(try whileWaiting())
                guard !rest.isEmpty else { return nil }
                defer { rest = rest.dropFirst(2_000) }
                return Array(rest.prefix(2_000))
            }
            // Twice at most, once enough text is written, each time one more segment.
            #expect(worked.filter { $0 }.count == 2)
            #expect(worked.prefix(10).allSatisfy { !$0 })
            #expect(try segments(path) == 3)
            #expect(try count("text:word3", in: store) == 100_000 / 7 + (100_000 % 7 > 3 ? 1 : 0))
            #expect(try count("text:\"unit 99999\"", in: store) == 1)
            try checkTextIndex(path)
        }
    }

    @Test func unitIDsGiveTheirDocumentAndIndex() throws {
        try Fixtures.withCorpusPath { path in
            _ = try CorpusStore(path: path).write(Fixtures.corpus, scheme: Fixtures.scheme)
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            let rows = try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT d.name, s.idx FROM sentences s JOIN documents d ON d.id = s.doc_id ORDER BY s.id
                        """)
            }
            let expected = Fixtures.corpus.flatMap { annotated in
                annotated.sentences.map { "\(annotated.document.name) \($0.index)" }
            }
            #expect(rows.map { "\($0[0] as String) \($0[1] as Int)" } == expected)
        }
    }

    @Test func unitsWrittenInRunsOfAnySizeAreAllIndexed() throws {
        for size in [1, 2, 5] {
            try Fixtures.withCorpusPath { path in
                let store = try CorpusStore(path: path)
                for annotated in Fixtures.corpus {
                    var rest = annotated.sentences[...]
                    _ = try store.write(annotated.document, contentHash: annotated.contentHash, scheme: Fixtures.scheme) {
                        guard !rest.isEmpty else { return nil }
                        defer { rest = rest.dropFirst(size) }
                        return Array(rest.prefix(size))
                    }
                }
                #expect(try count("text:the", in: store) == 4)
                #expect(try count("text:\"balance of power\"", in: store) == 2)
                #expect(try count("text:alliances", in: store) == 1)
                #expect(try count("text:elysee", in: store) == 1)
                try checkTextIndex(path)
            }
        }
    }

    @Test func documentOfManyUnitsKeepsEveryUnitAndItsText() throws {
        // More units than one many-row INSERT takes, and a remainder, whole and in odd runs.
        let units = (0..<75).map { Fixtures.U("Unit number \($0) says word\($0 % 10).") }
        let annotated = Fixtures.document("long.txt", units)
        for size in [75, 7, 40] {
            try Fixtures.withCorpusPath { path in
                let store = try CorpusStore(path: path)
                var rest = annotated.sentences[...]
                _ = try store.write(annotated.document, contentHash: annotated.contentHash, scheme: Fixtures.scheme) {
                    guard !rest.isEmpty else { return nil }
                    defer { rest = rest.dropFirst(size) }
                    return Array(rest.prefix(size))
                }
                var stored: [SentenceRecord] = []
                try store.forEachSentence { stored.append($0) }
                #expect(stored == annotated.sentences)
                #expect(try count("text:word3", in: store) == 8)
                #expect(try count("text:\"number 74\"", in: store) == 1)
                try checkTextIndex(path)
            }
        }
    }

    @Test func replacedAndRemovedDocumentsLeaveNoTextBehind() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write(Fixtures.corpus, scheme: Fixtures.scheme)
            let changed = Fixtures.document("a.txt", [Fixtures.U("A hegemon alone.", [])])
            #expect(try store.write([changed], scheme: Fixtures.scheme) == [.replaced])
            #expect(try count("text:nato", in: store) == 0)
            #expect(try count("text:alone", in: store) == 1)
            #expect(try store.remove(named: "b.md"))
            #expect(try count("text:realists", in: store) == 0)
            #expect(try count("text:\"balance of power\"", in: store) == 1)
            try checkTextIndex(path)
        }
    }

    @Test func schemaTwoCorpusGetsTheLeanerTablesWhenOpenedForWriting() throws {
        try Fixtures.withCorpusPath { path in
            _ = try CorpusStore(path: path).write(Fixtures.corpus, scheme: Fixtures.scheme)
            let texts = try Fixtures.corpus.map { try CorpusStore(path: path).document(named: $0.document.name)?.text }
            // What annotext with schema 2 left: document texts inside `documents`, a text index
            // with per-row column sizes.
            let whole = try Self.texts(CorpusStore(path: path))
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try Self.makeSchemaThree(db, texts: whole)
                try db.execute(
                    sql: """
                        ALTER TABLE documents ADD COLUMN text TEXT NOT NULL DEFAULT '';
                        UPDATE documents SET text = (SELECT text FROM document_texts WHERE doc_id = documents.id);
                        DROP TABLE document_texts;
                        DROP TABLE sentences_fts;
                        CREATE VIRTUAL TABLE sentences_fts USING fts5(
                            text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
                        INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');
                        DELETE FROM grdb_migrations WHERE identifier = 'v3-text-index';
                        UPDATE meta SET value = '2' WHERE key = 'schema_version';
                        """)
            }
            let old = try CorpusStore(path: path, readOnly: true)
            #expect(try count("text:\"balance of power\"", in: old) == 2)
            #expect(try Fixtures.corpus.map { try old.document(named: $0.document.name)?.text } == texts)
            var upgrades: [String] = []
            let upgraded = try CorpusStore(path: path) { upgrades.append("\($0) to \($1)") }
            #expect(upgrades == ["2 to 4"])
            _ = try CorpusStore(path: path) { upgrades.append("again \($0) to \($1)") }
            #expect(upgrades == ["2 to 4"])
            #expect(try count("text:\"balance of power\"", in: upgraded) == 2)
            let state = try queue.read { db in
                (
                    try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'"),
                    try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'sentences_fts'") ?? "",
                    try Bool.fetchOne(
                        db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE name = 'sentences_fts_docsize'") ?? true
                )
            }
            try queue.close()
            #expect(state.0 == "4")
            #expect(state.1.contains("columnsize=0"))
            #expect(!state.2)
            #expect(try Fixtures.corpus.map { try upgraded.document(named: $0.document.name)?.text } == texts)
            #expect(texts.allSatisfy { !($0 ?? "").isEmpty })
            try checkTextIndex(path)
        }
    }

    @Test func schemaThreeCorpusGetsLeanUnitsWhenOpenedForWriting() throws {
        try Fixtures.withCorpusPath { path in
            _ = try CorpusStore(path: path).write(Fixtures.corpus, scheme: Fixtures.scheme)
            var before: [SentenceRecord] = []
            try CorpusStore(path: path).forEachSentence { before.append($0) }
            let whole = try Self.texts(CorpusStore(path: path))
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try Self.makeSchemaThree(db, texts: whole)
                try db.execute(sql: "UPDATE meta SET value = '3' WHERE key = 'schema_version'")
            }
            #expect(try Self.texts(CorpusStore(path: path, readOnly: true)) == whole)
            var upgrades: [String] = []
            let upgraded = try CorpusStore(path: path) { upgrades.append("\($0) to \($1)") }
            #expect(upgrades == ["3 to 4"])
            var after: [SentenceRecord] = []
            try upgraded.forEachSentence { after.append($0) }
            #expect(after == before)
            // Older texts stay whole, and read as before.
            #expect(try Self.texts(upgraded) == whole)
            #expect(try count("text:\"balance of power\"", in: upgraded) == 2)
            let state = try queue.read { db in
                (
                    try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'sentences'") ?? "",
                    try Int.fetchOne(db, sql: "SELECT v FROM sentences_fts_config WHERE k = 'hashsize'")
                )
            }
            try queue.close()
            #expect(state.0.contains("doc_id INTEGER GENERATED ALWAYS AS (id >> 24) VIRTUAL"))
            #expect(!state.0.contains("REFERENCES"))
            #expect(state.1 == 32 << 20)
            // The upgraded corpus takes new documents as a new one does.
            let added = Fixtures.document("later.txt", [Fixtures.U("A later balance of power.", [])])
            #expect(try upgraded.write([added], scheme: Fixtures.scheme) == [.added])
            #expect(try count("text:\"balance of power\"", in: upgraded) == 3)
            try checkTextIndex(path)
        }
    }
}
