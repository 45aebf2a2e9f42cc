import AnnotextCore
import GRDB

/// Writes documents inside one write transaction with prepared statements: the bulk path of
/// ingest, so it avoids per-row SQL building.
///
/// A document goes in as `begin`, any number of `writeUnits` (its units in index order, in as
/// many parts as the caller likes) and `finish`. A new document's row goes in first; `finish`
/// writes its counts once they are known, and its text: only what lies outside its units
/// (see `DocumentText`).
struct DocumentWriter {
    private let db: Database
    private let schemeHash: String
    private let ingestedAt: String
    private var insertSentence: BulkStatement
    private var insertSentences: BulkStatement
    private var indexText: BulkStatement
    private var insertMention: BulkStatement
    private let insertBlock: Statement
    private let insertDocumentConcept: Statement
    private let addTotals: Statement
    private let findDocument: Statement
    private let nextDocumentID: Statement
    private let insertDocument: Statement
    private let updateDocument: Statement
    private let insertDocumentText: Statement
    /// Units per many-row INSERT: one statement step per 32 rows instead of one per row took a
    /// quarter off the time of inserting the sentences (C harness on prose.txt's 400k units:
    /// 1.0–1.1 s one row at a time, 0.67–0.94 s 32 at a time).
    static let rowsPerInsert = 32
    /// The document between `begin` and `finish`.
    private var current: Current?
    /// Sentence ids written in this transaction and not yet in the full-text index, as
    /// ranges; consecutive documents share one.
    private var unindexed: [ClosedRange<Int64>] = []
    /// Bytes of text in `unindexed`.
    private var unindexedBytes = 0
    /// Times `indexWhileWaiting` indexed in this transaction.
    private var indexedWhileWaiting = 0
    /// The text index built beside the writer for this transaction, if it has one (see
    /// `SideTextIndex`); `unindexed` is kept all the same, for when it cannot be moved in. With
    /// one, the writer indexes no text itself before `finishTransaction` (`indexWhileWaiting`
    /// does nothing), so the units are in one index or the other, never both. (Deletions from
    /// the index, of a replaced document's old units, are no obstacle: see
    /// `TextIndexTransplant.move`.)
    private var side: SideTextIndex?
    /// Whether `finishTransaction` moved a side index in (for tests).
    private(set) var movedSideTextIndex = false
    /// `indexWhileWaiting` indexes at least this much text, and at most this many times in a
    /// transaction: each time writes one more segment of the text index, and FTS5 merges
    /// segments once four pile up on a level, so a transaction makes three at most.
    static let waitingIndexBytes = 4 << 20
    static let waitingIndexTimes = 2

    /// What the writer keeps about the document it is writing.
    private struct Current {
        var document: Document
        var contentHash: String
        var id: Int64
        var outcome: WriteOutcome
        var units = 0
        var mentions = 0
        var counts: [String: (mentions: Int, sentences: Int)] = [:]
        var outside = DocumentText.OutsideBuilder()
    }

    /// A writer for one transaction; with `sideTextIndex`, its text is indexed beside it
    /// (`SideTextIndex`) when the corpus index can take what that builds.
    init(db: Database, schemeHash: String, ingestedAt: String, sideTextIndex: Bool = false) throws {
        self.db = db
        self.schemeHash = schemeHash
        self.ingestedAt = ingestedAt
        let sentenceColumns = "INSERT INTO sentences (id, start, \"end\", kind, text) VALUES "
        let sentenceRow = "(?, ?, ?, ?, ?)"
        insertSentence = try BulkStatement(db, sql: sentenceColumns + sentenceRow)
        insertSentences = try BulkStatement(
            db, sql: sentenceColumns + repeatElement(sentenceRow, count: Self.rowsPerInsert).joined(separator: ", "))
        // One statement indexes a whole range of units already written: a row at a time
        // through the virtual table cost half as much again (callgrind).
        indexText = try BulkStatement(
            db, sql: "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id BETWEEN ? AND ?")
        insertMention = try BulkStatement(
            db,
            sql: """
                INSERT INTO mentions (sentence_id, ord, parent, concept, start, "end", text, negated, hedged,
                    attributed, term, variant)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertBlock = try db.cachedStatement(
            sql: "INSERT INTO blocks (doc_id, ord, kind, start, \"end\", language) VALUES (?, ?, ?, ?, ?, ?)")
        insertDocumentConcept = try db.cachedStatement(
            sql: "INSERT INTO document_concepts (doc_id, concept, mentions, sentences) VALUES (?, ?, ?, ?)")
        addTotals = try db.cachedStatement(
            sql: """
                INSERT INTO concept_totals (concept, mentions, sentences, documents) VALUES (?, ?, ?, 1)
                ON CONFLICT (concept) DO UPDATE SET mentions = mentions + excluded.mentions,
                    sentences = sentences + excluded.sentences, documents = documents + 1
                """)
        findDocument = try db.cachedStatement(sql: "SELECT id, content_hash, scheme_hash FROM documents WHERE name = ?")
        nextDocumentID = try db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM documents")
        insertDocument = try db.cachedStatement(
            sql: """
                INSERT INTO documents (id, name, format, content_hash, scheme_hash, bytes, sentence_count,
                    mention_count, ingested_at)
                VALUES (?, ?, '', '', '', 0, 0, 0, '')
                """)
        updateDocument = try db.cachedStatement(
            sql: """
                UPDATE documents SET title = ?, source = ?, format = ?, language = ?, content_hash = ?,
                    scheme_hash = ?, bytes = ?, sentence_count = ?, mention_count = ?, ingested_at = ?
                WHERE id = ?
                """)
        insertDocumentText = try db.cachedStatement(
            sql: "INSERT INTO document_texts (doc_id, text, outside_units) VALUES (?, ?, ?)")
        // Last, when nothing can throw any more: its thread waits for `finishTransaction` or
        // `abandon`, which a writer that failed to initialize would never call.
        if sideTextIndex, (try? TextIndexTransplant.canMove(into: db)) == true { side = SideTextIndex() }
    }

    /// Adds, replaces or skips one document.
    mutating func write(_ annotated: AnnotatedDocument) throws -> WriteOutcome {
        guard try begin(annotated.document, contentHash: annotated.contentHash) else { return .unchanged }
        try writeUnits(annotated.sentences)
        return try finish()
    }

    /// Starts a document: false when the corpus holds it as it is (nothing to write); else its
    /// old content, if any, is gone and its units may follow.
    mutating func begin(_ document: Document, contentHash: String) throws -> Bool {
        let id: Int64
        let outcome: WriteOutcome
        if let existing = try Row.fetchOne(findDocument, arguments: [document.name]) {
            if existing["content_hash"] == contentHash && existing["scheme_hash"] == schemeHash { return false }
            id = existing["id"]
            outcome = .replaced
            try Self.deleteContent(ofDocument: id, in: db)
        } else {
            id = try Int64.fetchOne(nextDocumentID) ?? 1
            outcome = .added
            try insertDocument.execute(arguments: [id, document.name])
        }
        current = Current(document: document, contentHash: contentHash, id: id, outcome: outcome)
        return true
    }

    /// Writes units of the document begun, in index order.
    mutating func writeUnits(_ records: [SentenceRecord]) throws {
        // Taken out, so that its buffers are not copied when they grow.
        guard var state = current.take() else { return }
        defer { current = state }
        var text = state.document.text
        text.withUTF8 { bytes in
            for record in records {
                state.outside.add(start: record.start, end: record.end, text: record.text, in: bytes)
                unindexedBytes += record.text.utf8.count
            }
        }
        let base = CorpusSchema.firstSentenceID(ofDocument: state.id)
        side?.add(records, base: base)
        // Full groups of units go in through the many-row INSERT, the rest one row at a time.
        var next = records.startIndex
        while records.endIndex - next >= Self.rowsPerInsert {
            for record in records[next..<next + Self.rowsPerInsert] {
                Self.bind(record, id: base | Int64(record.index), to: &insertSentences)
            }
            try insertSentences.execute(db)
            next += Self.rowsPerInsert
        }
        for record in records[next...] {
            Self.bind(record, id: base | Int64(record.index), to: &insertSentence)
            try insertSentence.execute(db)
        }
        for record in records {
            let sentenceID = base | Int64(record.index)
            state.units += 1
            guard let mentions = record.mentions, !mentions.isEmpty else { continue }
            var ord = 0
            var seen: Set<String> = []
            for mention in mentions {
                try insert(mention, sentence: sentenceID, parent: nil, ord: &ord)
                state.counts[mention.concept, default: (0, 0)].mentions += 1
                if seen.insert(mention.concept).inserted { state.counts[mention.concept, default: (0, 0)].sentences += 1 }
            }
            state.mentions += mentions.count
        }
        if let first = records.first, let last = records.last {
            let written = (base | Int64(first.index))...(base | Int64(last.index))
            // Ids between the end of one range and the start of the next belong to no unit:
            // units of one document come in index order, and documents get consecutive ids.
            if let previous = unindexed.last, previous.upperBound < written.lowerBound,
                written.lowerBound >> CorpusSchema.indexBits <= (previous.upperBound >> CorpusSchema.indexBits) + 1
            {
                unindexed[unindexed.count - 1] = previous.lowerBound...written.upperBound
            } else {
                unindexed.append(written)
            }
        }
    }

    /// Binds the values of a `sentences` row (its document and index are in its id). The text
    /// is copied: a many-row INSERT needs every row's text at once.
    private static func bind(_ record: SentenceRecord, id: Int64, to statement: inout BulkStatement) {
        statement.bind(id)
        statement.bind(record.start)
        statement.bind(record.end)
        statement.bind(record.kind.rawValue)
        statement.bind(record.text)
    }

    /// Ends the document begun: its row, blocks and concept counts.
    mutating func finish() throws -> WriteOutcome {
        guard var state = current.take() else { return .unchanged }
        let document = state.document
        let id = state.id
        var text = document.text
        if let outside = text.withUTF8({ state.outside.finish($0) }) {
            try insertDocumentText.execute(arguments: [id, outside, true])
        } else {
            try insertDocumentText.execute(arguments: [id, document.text, false])
        }
        try updateDocument.execute(arguments: [
            document.title, document.source, document.format.rawValue, document.language, state.contentHash,
            schemeHash, document.text.utf8.count, state.units, state.mentions, ingestedAt, id,
        ])
        for (ord, block) in document.blocks.enumerated() {
            try insertBlock.execute(arguments: [
                id, ord, block.kind.rawValue, block.range.lowerBound, block.range.upperBound, block.language,
            ])
        }
        for (concept, count) in state.counts {
            try insertDocumentConcept.execute(arguments: [id, concept, count.mentions, count.sentences])
            try addTotals.execute(arguments: [concept, count.mentions, count.sentences])
        }
        return state.outcome
    }

    /// Ends the transaction's writing: indexes the text of the units written and brings the
    /// concept postings of their documents up to date (see `ConceptPostings`), once for all
    /// of them.
    ///
    /// With a side index, its segments are moved in (`TextIndexTransplant`). Without one, or
    /// when they cannot be, the text goes into the index at the end, in as few statements as
    /// possible: FTS5 writes its pending terms out as a new segment at every statement that
    /// touches it (a statement savepoint flushes them), and merges those segments as they pile
    /// up. One statement per part of a document made a segment per part and cost twice the
    /// indexing time of one statement for all of it (C harness on prose.txt: 0.9–1.3 s against
    /// 0.5–0.7 s).
    mutating func finishTransaction() throws {
        // A move that fails is rolled back, and the writer indexes the text itself.
        if let built = side.take()?.finish(), (try? TextIndexTransplant.move(from: built, into: db)) == true {
            unindexed = []
            unindexedBytes = 0
            movedSideTextIndex = true
        }
        try indexUnindexed()
        try ConceptPostings.update(in: db)
    }

    /// Ends a transaction that will not commit: stops the side index, if any.
    mutating func abandon() {
        side.take()?.cancel()
    }

    /// Indexes the text of the units written so far, when there are megabytes of it, while
    /// the caller would otherwise wait for the next units: false when it did nothing.
    ///
    /// The writer's work after the last units (indexing, then the commit) runs on one core
    /// while the others are idle; text indexed while it waits for units is taken off that
    /// tail. It costs one more segment of the text index (see `waitingIndexTimes`). Only for a
    /// transaction without a side index, which takes the indexing off the writer altogether.
    mutating func indexWhileWaiting() throws -> Bool {
        // With a side index, the text is being indexed already, and must stay out of the
        // corpus index until it is moved in.
        guard side == nil, indexedWhileWaiting < Self.waitingIndexTimes, unindexedBytes >= Self.waitingIndexBytes else { return false }
        indexedWhileWaiting += 1
        try indexUnindexed()
        return true
    }

    /// Puts the text of the units in `unindexed` into the full-text index.
    private mutating func indexUnindexed() throws {
        for range in unindexed {
            indexText.bind(range.lowerBound)
            indexText.bind(range.upperBound)
            try indexText.execute(db)
        }
        unindexed = []
        unindexedBytes = 0
    }

    /// Inserts a mention and its nested ones depth-first, numbering them within the sentence.
    private mutating func insert(_ mention: MentionRecord, sentence: Int64, parent: Int?, ord: inout Int) throws {
        let own = ord
        ord += 1
        insertMention.bind(sentence)
        insertMention.bind(own)
        if let parent { insertMention.bind(parent) } else { insertMention.bindNull() }
        insertMention.bind(mention.concept)
        insertMention.bind(mention.start)
        insertMention.bind(mention.end)
        insertMention.bind(mention.text)
        insertMention.bind(mention.negated)
        insertMention.bind(mention.hedged)
        insertMention.bind(mention.attributed)
        insertMention.bind(mention.term)
        insertMention.bind(mention.variant)
        try insertMention.execute(db)
        for inner in mention.nested { try insert(inner, sentence: sentence, parent: own, ord: &ord) }
    }

    /// Deletes a document's units, mentions, blocks and counts (not its `documents` row).
    static func deleteContent(ofDocument id: Int64, in db: Database) throws {
        let range: StatementArguments = [
            CorpusSchema.firstSentenceID(ofDocument: id), CorpusSchema.lastSentenceID(ofDocument: id),
        ]
        let counts = try Row.fetchAll(
            db, sql: "SELECT concept, mentions, sentences FROM document_concepts WHERE doc_id = ?", arguments: [id])
        for row in counts {
            try db.execute(
                sql: """
                    UPDATE concept_totals SET mentions = mentions - ?, sentences = sentences - ?,
                        documents = documents - 1 WHERE concept = ?
                    """,
                arguments: [row["mentions"], row["sentences"], row["concept"]])
        }
        try db.execute(sql: "DELETE FROM concept_totals WHERE documents <= 0")
        try db.execute(sql: "DELETE FROM document_concepts WHERE doc_id = ?", arguments: [id])
        // The external-content FTS index must be told the old text of each row it forgets.
        try db.execute(
            sql: """
                INSERT INTO sentences_fts (sentences_fts, rowid, text)
                SELECT 'delete', id, text FROM sentences WHERE id BETWEEN ? AND ?
                """, arguments: range)
        try db.execute(sql: "DELETE FROM mentions WHERE sentence_id BETWEEN ? AND ?", arguments: range)
        try db.execute(sql: "DELETE FROM sentences WHERE id BETWEEN ? AND ?", arguments: range)
        try db.execute(sql: "DELETE FROM blocks WHERE doc_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM document_texts WHERE doc_id = ?", arguments: [id])
    }
}
