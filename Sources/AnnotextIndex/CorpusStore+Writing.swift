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
        let textBytes = documents.reduce(0) { $0 + $1.document.text.utf8.count }
        return try write(scheme: scheme, textBytes: textBytes) { writer in try documents.map { try writer.write($0) } }
    }

    /// Writes one document whose units arrive in parts, in one transaction of its own: the
    /// writer stores each part while the next ones are still being tagged.
    ///
    /// `nextUnits` hands over the next part of the document's units, in index order, and nil
    /// after the last; it is called only when the document must be written (not when the corpus
    /// holds it unchanged). All-or-nothing as `write(_:scheme:)`: when `nextUnits` or the store
    /// fails, nothing of the document is written.
    public func write(
        _ document: Document, contentHash: String, scheme: ConceptScheme,
        units nextUnits: () throws -> [SentenceRecord]?
    ) throws(IndexError) -> WriteOutcome {
        try write(document, contentHash: contentHash, scheme: scheme) { _ in try nextUnits() }
    }

    /// `write(_:contentHash:scheme:units:)` for a producer that can say when it is waiting:
    /// `nextUnits` is handed `whileWaiting`, which it may call, as often as it likes, instead of
    /// blocking until the next units are ready. `whileWaiting` indexes the text of the units
    /// stored so far when there is enough of it and no side index does (see
    /// `DocumentWriter.indexWhileWaiting`), and says whether it did any work; when it did not,
    /// the producer had better do its own.
    public func write(
        _ document: Document, contentHash: String, scheme: ConceptScheme,
        units nextUnits: (_ whileWaiting: () throws -> Bool) throws -> [SentenceRecord]?
    ) throws(IndexError) -> WriteOutcome {
        try write(scheme: scheme, textBytes: document.text.utf8.count) { writer in
            guard try writer.begin(document, contentHash: contentHash) else { return .unchanged }
            var previous = -1
            while let units = try nextUnits({ try writer.indexWhileWaiting() }) {
                try Self.validate(units, of: document.name, after: &previous)
                try writer.writeUnits(units)
            }
            return try writer.finish()
        }
    }

    /// Whether the corpus holds a document named `name`, whatever its content.
    public func holds(named name: String) throws(IndexError) -> Bool {
        try read { db in
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM documents WHERE name = ?")
            return try Int.fetchOne(statement, arguments: [name]) != nil
        }
    }

    /// Whether the corpus holds the document `name` with this content hash, tagged by `scheme`:
    /// `write` would leave it as it is, so the caller need not tag it first.
    ///
    /// A read outside any write: `write` checks again in its transaction, so a document changed
    /// in between by another process is still written.
    public func holdsUnchanged(named name: String, contentHash: String, scheme: ConceptScheme) throws(IndexError) -> Bool {
        let stored = try read { db in
            let statement = try db.cachedStatement(sql: "SELECT scheme_hash FROM documents WHERE name = ? AND content_hash = ?")
            return try String.fetchOne(statement, arguments: [name, contentHash])
        }
        // The scheme's hash only when the content matches: encoding a 50,000-term scheme takes
        // a fifth of a second, and a new or changed document does not need it here.
        guard let stored else { return false }
        return stored == schemeEncoding.encoded(scheme).hash
    }

    /// Runs `body` with a document writer in one write transaction that records `scheme`;
    /// `textBytes` is how much text the caller expects to write.
    private func write<T>(
        scheme: ConceptScheme, textBytes: Int, _ body: (inout DocumentWriter) throws -> T
    ) throws(IndexError) -> T {
        let encoded = schemeEncoding.encoded(scheme)
        let now = ISO8601DateFormatter().string(from: Date())
        return try write { db in
            try Self.bumpGeneration(db)
            try SchemeWriter.record(scheme, json: encoded.json, hash: encoded.hash, in: db)
            let side = textBytes >= sideTextIndexBytes.load(ordering: .relaxed)
            var writer = try DocumentWriter(db: db, schemeHash: encoded.hash, ingestedAt: now, sideTextIndex: side)
            do {
                let result = try body(&writer)
                try writer.finishTransaction()
                return result
            } catch {
                writer.abandon()
                throw error
            }
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
            try ConceptPostings.update(in: db)
            return true
        }
    }

    /// Marks a write, so that the names and labels a reader caches (`ReaderCache`) are read again.
    static func bumpGeneration(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO meta (key, value) VALUES ('generation', '1')
                ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
                """)
    }

    /// Checks that a document's records fit it, before anything is written.
    static func validate(_ annotated: AnnotatedDocument) throws(IndexError) {
        var previous = -1
        try validate(annotated.sentences, of: annotated.document.name, after: &previous)
    }

    /// Checks that `records` belong to the document `name` and follow unit `previous` in
    /// index order; `previous` becomes the last one's index.
    static func validate(_ records: [SentenceRecord], of name: String, after previous: inout Int) throws(IndexError) {
        func refuse(_ message: String) -> IndexError {
            IndexError(location: name, message: message, reason: .invalidDocument)
        }
        for record in records {
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

/// The scheme's stored form, encoded once per scheme rather than once per write transaction:
/// an ingest of many small files writes hundreds of transactions with the same scheme, and a
/// large lexicon takes a while to encode.
final class SchemeEncodingCache: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (scheme: ConceptScheme, json: String, hash: String)?

    /// The scheme's JSON and hash, from the cache when it is the scheme encoded last.
    func encoded(_ scheme: ConceptScheme) -> (json: String, hash: String) {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.scheme == scheme { return (last.json, last.hash) }
        let encoded = StoredScheme.encode(scheme)
        last = (scheme, encoded.json, encoded.hash)
        return encoded
    }
}
