import Foundation
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// The stored concept postings (schema v2): per concept, the sorted ids of the units with a
/// top-level mention of it, in runs of up to `PostingsChunk.capacity` (see `PostingsChunk`).
///
/// Why runs in one table: a first page of hits reads one row, a conjunction skips whole runs
/// by seeking on `last_id`, and a count of an expanded concept reads a few rows per thousand
/// units — where the `mentions` index costs a B-tree step per posting.
///
/// Keeping them current: triggers on `document_concepts` (one row per document and concept,
/// kept by the writer) queue each touched (concept, document) pair in `postings_pending`;
/// `update(in:)` rewrites the runs of the queued pairs from `mentions` and empties the queue.
/// Readers use the postings only while the queue is empty, so a write that did not call
/// `update(in:)` makes queries slower, never wrong.
enum ConceptPostings {
    /// Creates the tables and triggers and indexes what the corpus already holds.
    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE postings (
                    concept TEXT NOT NULL,
                    last_id INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    PRIMARY KEY (concept, last_id)
                ) WITHOUT ROWID;

                CREATE TABLE postings_pending (
                    concept TEXT NOT NULL,
                    doc_id INTEGER NOT NULL,
                    PRIMARY KEY (concept, doc_id)
                ) WITHOUT ROWID;

                CREATE TRIGGER postings_queue_insert AFTER INSERT ON document_concepts BEGIN
                    INSERT OR IGNORE INTO postings_pending (concept, doc_id) VALUES (NEW.concept, NEW.doc_id);
                END;
                CREATE TRIGGER postings_queue_delete AFTER DELETE ON document_concepts BEGIN
                    INSERT OR IGNORE INTO postings_pending (concept, doc_id) VALUES (OLD.concept, OLD.doc_id);
                END;
                CREATE TRIGGER postings_queue_update AFTER UPDATE ON document_concepts BEGIN
                    INSERT OR IGNORE INTO postings_pending (concept, doc_id) VALUES (OLD.concept, OLD.doc_id);
                    INSERT OR IGNORE INTO postings_pending (concept, doc_id) VALUES (NEW.concept, NEW.doc_id);
                END;

                INSERT OR IGNORE INTO postings_pending (concept, doc_id) SELECT concept, doc_id FROM document_concepts;
                """)
        try update(in: db)
    }

    /// Brings the postings of every queued (concept, document) pair up to date with
    /// `mentions`, inside the caller's write transaction. The writer calls it once at the end
    /// of each write transaction that adds, replaces or removes documents.
    static func update(in db: Database) throws {
        var pending: [(concept: String, documents: [Int64])] = []
        for row in try Row.fetchAll(db, sql: "SELECT concept, doc_id FROM postings_pending ORDER BY concept, doc_id") {
            let concept: String = row[0]
            let document: Int64 = row[1]
            if pending.last?.concept == concept {
                pending[pending.count - 1].documents.append(document)
            } else {
                pending.append((concept, [document]))
            }
        }
        guard !pending.isEmpty else { return }
        for (concept, documents) in pending { try rewrite(concept, documents: documents, in: db) }
        try db.execute(sql: "DELETE FROM postings_pending")
        // Readers keep runs per write generation (`ReaderCache`): changed runs make a new one,
        // whichever write path changed them.
        try CorpusStore.bumpGeneration(db)
    }

    /// Rewrites the runs of `concept` that cover `documents` (sorted): drops their old
    /// entries, reads their current ones from `mentions`, and packs the region again. The run
    /// before the region joins it when it has room, so appended documents fill runs up.
    private static func rewrite(_ concept: String, documents: [Int64], in db: Database) throws {
        guard let firstDocument = documents.first, let lastDocument = documents.last else { return }
        let low = CorpusSchema.firstSentenceID(ofDocument: firstDocument)
        let high = CorpusSchema.lastSentenceID(ofDocument: lastDocument)
        var kept: [(id: Int64, mask: UInt8)] = []
        var replaced: [Int64] = []
        func take(_ lastID: Int64, _ data: Data) throws {
            guard let chunk = data.withUnsafeBytes({ PostingsChunk(data: $0) }) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "postings of \(concept) are damaged")
            }
            replaced.append(lastID)
            for (id, mask) in zip(chunk.ids, chunk.masks) { kept.append((id, mask)) }
        }
        let previous = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT last_id, data FROM postings WHERE concept = ? AND last_id < ? ORDER BY last_id DESC LIMIT 1"),
            arguments: [concept, low])
        if let previous, let header = (previous[1] as Data).withUnsafeBytes(PostingsChunk.header),
            header.count < PostingsChunk.capacity
        {
            try take(previous[0], previous[1])
        }
        // The cursor ends (and its statement resets) before the runs are deleted.
        func takeFollowing() throws {
            let following = try Row.fetchCursor(
                db.cachedStatement(sql: "SELECT last_id, data FROM postings WHERE concept = ? AND last_id >= ? ORDER BY last_id"),
                arguments: [concept, low])
            while let row = try following.next() {
                let data: Data = row[1]
                // A run that starts after the region is left as it is.
                if let header = data.withUnsafeBytes(PostingsChunk.header), header.base > high { break }
                try take(row[0], data)
            }
        }
        try takeFollowing()
        let queued = Set(documents)
        kept.removeAll { queued.contains($0.id >> Int64(CorpusSchema.indexBits)) }
        let fresh = try currentEntries(of: concept, documents: documents, in: db)
        var merged: [(id: Int64, mask: UInt8)] = []
        merged.reserveCapacity(kept.count + fresh.count)
        var i = 0
        var j = 0
        while i < kept.count || j < fresh.count {
            if j == fresh.count || (i < kept.count && kept[i].id < fresh[j].id) {
                merged.append(kept[i])
                i += 1
            } else {
                merged.append(fresh[j])
                j += 1
            }
        }
        let delete = try db.cachedStatement(sql: "DELETE FROM postings WHERE concept = ? AND last_id = ?")
        for lastID in replaced { try delete.execute(arguments: [concept, lastID]) }
        let insert = try db.cachedStatement(sql: "INSERT INTO postings (concept, last_id, data) VALUES (?, ?, ?)")
        var chunk = PostingsChunk()
        func flush() throws {
            guard let last = chunk.ids.last else { return }
            try insert.execute(arguments: [concept, last, Data(chunk.encoded())])
            chunk = PostingsChunk()
        }
        for entry in merged {
            if !chunk.accepts(entry.id) { try flush() }
            chunk.append(entry.id, mask: entry.mask)
        }
        try flush()
    }

    /// The postings of `concept` in `documents` as `mentions` holds them now, in id order.
    private static func currentEntries(
        of concept: String, documents: [Int64], in db: Database
    ) throws -> [(id: Int64, mask: UInt8)] {
        let statement = try db.cachedStatement(
            sql: """
                SELECT sentence_id, negated, hedged, attributed FROM mentions
                WHERE concept = ? AND parent IS NULL AND sentence_id BETWEEN ? AND ? ORDER BY sentence_id
                """)
        var entries: [(id: Int64, mask: UInt8)] = []
        for document in documents {
            try statement.setArguments([
                concept, CorpusSchema.firstSentenceID(ofDocument: document),
                CorpusSchema.lastSentenceID(ofDocument: document),
            ])
            try statement.forEachRow { handle in
                let id = sqlite3_column_int64(handle, 0)
                let bit = PostingsChunk.bit(
                    negated: sqlite3_column_int64(handle, 1) != 0, hedged: sqlite3_column_int64(handle, 2) != 0,
                    attributed: sqlite3_column_int64(handle, 3) != 0)
                if entries.last?.id == id {
                    entries[entries.count - 1].mask |= bit
                } else {
                    entries.append((id, bit))
                }
            }
        }
        return entries
    }
}

extension CorpusStore {
    /// Brings the stored concept postings up to date with the corpus (what the writer does at
    /// the end of each write; a repair for corpora written without it).
    public func updatePostings() throws(IndexError) {
        try write { db in try ConceptPostings.update(in: db) }
    }
}
