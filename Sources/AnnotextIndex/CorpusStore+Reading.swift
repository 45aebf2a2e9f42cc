import AnnotextCore
import Foundation
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

extension CorpusStore {
    /// The documents of the corpus in ingest order.
    public func documents() throws(IndexError) -> [DocumentSummary] {
        try read { db in
            // Each distinct time parsed once: the documents of one ingest share theirs, and
            // Foundation's parser took 80% of listing 5,000 documents.
            let formatter = ISO8601DateFormatter()
            var parsed: [String: Date] = [:]
            func date(_ text: String) -> Date {
                if let known = parsed[text] { return known }
                let date = formatter.date(from: text) ?? Date(timeIntervalSince1970: 0)
                parsed[text] = date
                return date
            }
            return try DocumentRow.fetchAll(db, sql: "SELECT \(DocumentRow.columns) FROM documents ORDER BY id").map {
                $0.summary(dates: date)
            }
        }
    }

    /// The stored document named `name`: its text, metadata and blocks; nil if there is none.
    public func document(named name: String) throws(IndexError) -> Document? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT d.id, d.title, d.source, d.format, d.language, d.text, d.outside_units
                        FROM \(CorpusSchema.documentsWithText(db)) WHERE d.name = ?
                        """,
                    arguments: [name])
            else { return nil }
            let id: Int64 = row["id"]
            let blocks = try Row.fetchAll(
                db, sql: "SELECT kind, start, \"end\", language FROM blocks WHERE doc_id = ? ORDER BY ord",
                arguments: [id]
            ).map { block in
                Block(
                    kind: BlockKind(rawValue: block["kind"]) ?? .paragraph,
                    range: (block["start"] as Int)..<(block["end"] as Int), language: block["language"])
            }
            return Document(
                name: name, title: row["title"], source: row["source"],
                format: DocumentFormat(rawValue: row["format"]) ?? .text, language: row["language"],
                text: try DocumentText.whole(row, document: id, in: db), blocks: blocks)
        }
    }

    /// The concept scheme recorded by the last write; nil for a corpus never written to.
    public func scheme() throws(IndexError) -> ConceptScheme? {
        try read { db in
            guard let json = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'scheme_json'")
            else { return nil }
            return try StoredScheme.decode(json)
        }
    }

    /// The recorded scheme's concepts with their labels and broader links, without terms:
    /// what a query needs to resolve and expand concept names (`ConceptQuery(parsing:scheme:)`),
    /// read from the `concepts` tables instead of decoding the whole recorded scheme. Nil for a
    /// corpus never written to.
    public func conceptOutline() throws(IndexError) -> ConceptScheme? {
        try Self.mapErrors(path) {
            try snapshot { db -> ConceptScheme? in
                let id = try db.cachedStatement(sql: "SELECT value FROM meta WHERE key = 'scheme_id'")
                let scheme: String? = try Self.strings(id).first?.first
                guard let scheme else { return nil }
                var broader: [String: [String]] = [:]
                let links = try db.cachedStatement(sql: "SELECT concept, target FROM concept_links WHERE kind = 'broader'")
                for row in try Self.strings(links) { broader[row[0], default: []].append(row[1]) }
                let concepts = try db.cachedStatement(sql: "SELECT id, label FROM concepts ORDER BY ord")
                return ConceptScheme(
                    id: scheme, concepts: try Self.strings(concepts).map { Concept(id: $0[0], label: $0[1], broader: broader[$0[0]] ?? []) })
            }
        }
    }

    /// The rows of a statement of text columns, stepped through the C API: GRDB's generic
    /// decoding costs a CLI run more than these few rows.
    private static func strings(_ statement: Statement) throws -> [[String]] {
        var rows: [[String]] = []
        try statement.forEachRow { handle in
            rows.append((0..<sqlite3_column_count(handle)).map { RecordReader.string(handle, $0) })
        }
        return rows
    }

    /// Calls `body` with every unit of the corpus (or of the named documents) in document
    /// order: documents in ingest order, units by index. Streams from one read snapshot, so
    /// memory does not grow with the corpus. Names not in the corpus are skipped.
    ///
    /// - Throws: what `body` throws, unchanged, or an `IndexError`.
    public func forEachSentence(documents names: [String]? = nil, _ body: (SentenceRecord) throws -> Void) throws {
        do {
            try pool.read { db in
                let labels = try Self.labels(db)
                var documents = try Row.fetchAll(db, sql: "SELECT id, name FROM documents ORDER BY id").map {
                    (id: $0["id"] as Int64, name: $0["name"] as String)
                }
                if let names {
                    let wanted = Set(names)
                    documents = documents.filter { wanted.contains($0.name) }
                }
                for document in documents {
                    try Self.forEachRecord(
                        ofDocument: document.id, named: document.name, labels: labels, in: db
                    ) { record in
                        do { try body(record) } catch { throw BodyFailure(error: error) }
                    }
                }
            }
        } catch let failure as BodyFailure {
            throw failure.error
        } catch let error as DatabaseError {
            throw Self.indexError(path, error)
        }
    }

    /// Streams one document's records by merging its sentence and mention cursors.
    static func forEachRecord(
        ofDocument id: Int64, named name: String, labels: [String: String], in db: Database,
        _ body: (SentenceRecord) throws -> Void
    ) throws {
        let range: StatementArguments = [
            CorpusSchema.firstSentenceID(ofDocument: id), CorpusSchema.lastSentenceID(ofDocument: id),
        ]
        let sentences = try Row.fetchCursor(
            db, sql: "SELECT \(SentenceRow.columns) FROM sentences WHERE id BETWEEN ? AND ? ORDER BY id",
            arguments: range)
        let mentions = try Row.fetchCursor(
            db,
            sql: """
                SELECT \(MentionRow.columns) FROM mentions WHERE sentence_id BETWEEN ? AND ?
                ORDER BY sentence_id, ord
                """,
            arguments: range)
        let label = { (concept: String) in labels[concept] ?? concept }
        var pending = try mentions.next().map { MentionRow(row: $0, label: label) }
        while let row = try sentences.next() {
            let sentence = SentenceRow(row: row)
            var own: [MentionRow] = []
            while let mention = pending, mention.sentenceID <= sentence.id {
                if mention.sentenceID == sentence.id { own.append(mention) }
                pending = try mentions.next().map { MentionRow(row: $0, label: label) }
            }
            try body(sentence.record(document: name, mentions: own))
        }
    }

    /// The records of the given sentences, in id (document) order.
    ///
    /// The ids travel as one JSON array so that the two statements are prepared once and
    /// cached, whatever the number of ids.
    static func records(forSentences ids: [Int64], in db: Database) throws -> [SentenceRecord] {
        guard !ids.isEmpty else { return [] }
        let list: StatementArguments = ["[" + ids.map(String.init).joined(separator: ",") + "]"]
        // Cursors, not fetchAll: rows decode straight from the statement, without copies.
        var bySentence: [Int64: [MentionRow]] = [:]
        let mentionRows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT m.sentence_id, m.ord, m.parent, m.concept, m.start, m."end", m.text, m.negated,
                        m.hedged, m.attributed, m.term, m.variant, c.label
                    FROM mentions m LEFT JOIN concepts c ON c.id = m.concept
                    WHERE m.sentence_id IN (SELECT value FROM json_each(?)) ORDER BY m.sentence_id, m.ord
                    """), arguments: list)
        while let row = try mentionRows.next() {
            let label: String? = row.hasNull(atIndex: 12) ? nil : row[12] as String
            let mention = MentionRow(row: row) { label ?? $0 }
            bySentence[mention.sentenceID, default: []].append(mention)
        }
        var records: [SentenceRecord] = []
        records.reserveCapacity(ids.count)
        let sentences = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT s.id, s.idx, s.start, s."end", s.kind, s.text, d.name FROM sentences s
                    JOIN documents d ON d.id = s.doc_id
                    WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.id
                    """), arguments: list)
        while let row = try sentences.next() {
            let sentence = SentenceRow(row: row)
            records.append(sentence.record(document: row[6], mentions: bySentence[sentence.id] ?? []))
        }
        return records
    }

    /// Concept id → preferred label, from the recorded scheme.
    static func labels(_ db: Database) throws -> [String: String] {
        var labels: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, label FROM concepts") { labels[row[0]] = row[1] }
        return labels
    }
}

/// Carries an error thrown by a caller's closure through GRDB, to be rethrown unchanged.
struct BodyFailure: Error {
    var error: any Error
}
