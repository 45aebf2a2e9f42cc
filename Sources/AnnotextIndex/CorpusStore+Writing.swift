import AnnotextCore
import Foundation
import GRDB

extension CorpusStore {
    /// Writes whole documents in one transaction and records the scheme that tagged them.
    ///
    /// A document whose name is already in the corpus is replaced and keeps its place in ingest
    /// order; one with the same content hash, tagged by the same scheme, is left as it is. The
    /// call is all-or-nothing: on failure no document of `documents` is written and the corpus
    /// is as it was.
    ///
    /// - Returns: what happened to each document, in order.
    public func write(_ documents: [AnnotatedDocument], scheme: ConceptScheme) throws(IndexError) -> [WriteOutcome] {
        for document in documents { try Self.validate(document) }
        let path = path
        let encoded = try Self.mapErrors(path) { try StoredScheme.encode(scheme) }
        let now = ISO8601DateFormatter().string(from: Date())
        return try write { db in
            try Self.bumpGeneration(db)
            try SchemeWriter.record(scheme, json: encoded.json, hash: encoded.hash, in: db)
            var writer = try DocumentWriter(db: db, schemeHash: encoded.hash, ingestedAt: now)
            return try documents.map { try writer.write($0) }
        }
    }

    /// Removes the document named `name`.
    ///
    /// - Returns: false when the corpus has no such document.
    @discardableResult
    public func remove(named name: String) throws(IndexError) -> Bool {
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM documents WHERE name = ?", arguments: [name])
            else { return false }
            try Self.bumpGeneration(db)
            try DocumentWriter.deleteContent(ofDocument: id, in: db)
            try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
            return true
        }
    }

    /// Marks a write, so that postings held in memory (`PostingsCache`) are read again.
    static func bumpGeneration(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO meta (key, value) VALUES ('generation', '1')
                ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
                """)
    }

    /// Checks that a document's records fit it, before anything is written.
    static func validate(_ annotated: AnnotatedDocument) throws(IndexError) {
        let name = annotated.document.name
        func refuse(_ message: String) -> IndexError {
            IndexError(location: name, message: message, reason: .invalidDocument)
        }
        var previous = -1
        for record in annotated.sentences {
            if record.document != name {
                throw refuse("unit \(record.index) belongs to another document (\"\(record.document)\")")
            }
            if record.index <= previous {
                throw refuse("unit \(record.index) comes after unit \(previous): units must be in index order")
            }
            if record.index > CorpusSchema.maximumIndex {
                throw refuse("too many units (more than \(CorpusSchema.maximumIndex + 1))")
            }
            previous = record.index
        }
    }
}

/// Records the scheme in `meta`, `concepts` and `concept_links` when it changed.
enum SchemeWriter {
    static func record(_ scheme: ConceptScheme, json: String, hash: String, in db: Database) throws {
        let current = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'scheme_hash'")
        guard current != hash else { return }
        try db.execute(sql: "DELETE FROM concepts; DELETE FROM concept_links")
        let insertConcept = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO concepts (id, ord, label, definition) VALUES (?, ?, ?, ?)")
        let insertLink = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO concept_links (concept, kind, target) VALUES (?, ?, ?)")
        for (ord, concept) in scheme.concepts.enumerated() {
            try insertConcept.execute(arguments: [concept.id, ord, concept.label, concept.definition])
            for target in concept.broader { try insertLink.execute(arguments: [concept.id, "broader", target]) }
            for target in concept.related { try insertLink.execute(arguments: [concept.id, "related", target]) }
        }
        let setMeta = try db.makeStatement(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")
        try setMeta.execute(arguments: ["scheme_id", scheme.id])
        try setMeta.execute(arguments: ["scheme_hash", hash])
        try setMeta.execute(arguments: ["scheme_json", json])
    }
}
