import AnnotextCore
import GRDB

/// Writes documents inside one write transaction with prepared statements: the bulk path of
/// ingest, so it avoids per-row SQL building.
struct DocumentWriter {
    private let db: Database
    private let schemeHash: String
    private let ingestedAt: String
    private var insertSentence: BulkStatement
    private var insertText: BulkStatement
    private var insertMention: BulkStatement
    private let insertBlock: Statement
    private let insertDocumentConcept: Statement
    private let addTotals: Statement

    init(db: Database, schemeHash: String, ingestedAt: String) throws {
        self.db = db
        self.schemeHash = schemeHash
        self.ingestedAt = ingestedAt
        insertSentence = try BulkStatement(
            db, sql: "INSERT INTO sentences (id, doc_id, idx, start, \"end\", kind, text) VALUES (?, ?, ?, ?, ?, ?, ?)")
        insertText = try BulkStatement(db, sql: "INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)")
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
    }

    /// Adds, replaces or skips one document.
    mutating func write(_ annotated: AnnotatedDocument) throws -> WriteOutcome {
        let document = annotated.document
        let existing = try Row.fetchOne(
            db, sql: "SELECT id, content_hash, scheme_hash FROM documents WHERE name = ?", arguments: [document.name])
        let id: Int64
        let outcome: WriteOutcome
        if let existing {
            id = existing["id"]
            if existing["content_hash"] == annotated.contentHash && existing["scheme_hash"] == schemeHash {
                return .unchanged
            }
            try Self.deleteContent(ofDocument: id, in: db)
            outcome = .replaced
        } else {
            id = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM documents") ?? 1
            outcome = .added
        }
        let mentionCount = annotated.sentences.reduce(0) { $0 + ($1.mentions?.count ?? 0) }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO documents (id, name, title, source, format, language, text, content_hash,
                    scheme_hash, bytes, sentence_count, mention_count, ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, document.name, document.title, document.source, document.format.rawValue, document.language,
                document.text, annotated.contentHash, schemeHash, document.text.utf8.count,
                annotated.sentences.count, mentionCount, ingestedAt,
            ])
        for (ord, block) in document.blocks.enumerated() {
            try insertBlock.execute(arguments: [
                id, ord, block.kind.rawValue, block.range.lowerBound, block.range.upperBound, block.language,
            ])
        }
        try writeUnits(annotated.sentences, document: id)
        return outcome
    }

    private mutating func writeUnits(_ records: [SentenceRecord], document id: Int64) throws {
        var counts: [String: (mentions: Int, sentences: Int)] = [:]
        let base = CorpusSchema.firstSentenceID(ofDocument: id)
        for record in records {
            let sentenceID = base | Int64(record.index)
            insertSentence.bind(sentenceID)
            insertSentence.bind(id)
            insertSentence.bind(record.index)
            insertSentence.bind(record.start)
            insertSentence.bind(record.end)
            insertSentence.bind(record.kind.rawValue)
            insertSentence.bind(record.text)
            try insertSentence.execute(db)
            insertText.bind(sentenceID)
            insertText.bind(record.text)
            try insertText.execute(db)
            guard let mentions = record.mentions, !mentions.isEmpty else { continue }
            var ord = 0
            var seen: Set<String> = []
            for mention in mentions {
                try insert(mention, sentence: sentenceID, parent: nil, ord: &ord)
                counts[mention.concept, default: (0, 0)].mentions += 1
                if seen.insert(mention.concept).inserted { counts[mention.concept, default: (0, 0)].sentences += 1 }
            }
        }
        for (concept, count) in counts {
            try insertDocumentConcept.execute(arguments: [id, concept, count.mentions, count.sentences])
            try addTotals.execute(arguments: [concept, count.mentions, count.sentences])
        }
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
    }
}
