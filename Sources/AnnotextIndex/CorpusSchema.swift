import GRDB

/// The corpus schema, as GRDB migrations.
///
/// Migration identifiers are stable and a shipped migration is never edited: a change is a new
/// migration appended to `migrator`. Every migration sets `meta.schema_version` to its number
/// so that an older annotext can tell it is looking at a newer corpus and refuse it.
///
/// Sentence ids encode document order: `documentID << 24 | index`. Documents get increasing ids
/// in ingest order and keep theirs when replaced, so ordering by sentence id is document order
/// and a concept's postings come out of the index already sorted.
enum CorpusSchema {
    /// The schema version this build writes and reads up to.
    static var version: Int { migrationNames.count }

    /// Bits of a sentence id that hold the unit's index within its document.
    static let indexBits = 24
    /// The largest unit index a document may have.
    static let maximumIndex = (1 << indexBits) - 1

    /// The first sentence id of a document.
    static func firstSentenceID(ofDocument id: Int64) -> Int64 { id << Int64(indexBits) }
    /// The last possible sentence id of a document.
    static func lastSentenceID(ofDocument id: Int64) -> Int64 { (id << Int64(indexBits)) | Int64(maximumIndex) }

    static let migrationNames = ["v1-corpus", "v2-postings", "v3-text-index", "v4-lean-units"]

    /// The migrator with every migration of this build.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(migrationNames[0]) { db in
            try createVersion1(db)
            try setVersion(1, db)
        }
        // Concept postings in runs, kept by triggers and `ConceptPostings.update(in:)`.
        migrator.registerMigration(migrationNames[1]) { db in
            try ConceptPostings.createTables(db)
            try setVersion(2, db)
        }
        // The text index without per-row column sizes (see `createTextIndex`), rebuilt from
        // the stored sentences; document texts in a table of their own (see
        // `moveDocumentTexts`).
        migrator.registerMigration(migrationNames[2]) { db in
            try db.execute(sql: "DROP TABLE sentences_fts")
            try createTextIndex(db)
            try db.execute(sql: "INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')")
            try moveDocumentTexts(db)
            try setVersion(3, db)
        }
        // Units without stored document ids and indexes (see `rebuildUnits`), a text index
        // that gathers a whole transaction's terms before writing them (see
        // `setTextIndexBuffer`), and document texts without the text of their units (see
        // `DocumentText`).
        migrator.registerMigration(migrationNames[3]) { db in
            try rebuildUnits(db)
            try setTextIndexBuffer(db)
            // Document texts stored whole until rewritten; new ones without their units.
            try db.execute(sql: "ALTER TABLE document_texts ADD COLUMN outside_units INTEGER NOT NULL DEFAULT 0")
            try setVersion(4, db)
        }
        return migrator
    }

    private static func setVersion(_ version: Int, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
            arguments: [String(version)])
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    title TEXT,
                    source TEXT,
                    format TEXT NOT NULL,
                    language TEXT,
                    text TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    scheme_hash TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    sentence_count INTEGER NOT NULL,
                    mention_count INTEGER NOT NULL,
                    ingested_at TEXT NOT NULL
                );

                CREATE TABLE blocks (
                    doc_id INTEGER NOT NULL REFERENCES documents(id),
                    ord INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    language TEXT,
                    PRIMARY KEY (doc_id, ord)
                ) WITHOUT ROWID;

                CREATE TABLE sentences (
                    id INTEGER PRIMARY KEY,
                    doc_id INTEGER NOT NULL REFERENCES documents(id),
                    idx INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL
                );

                -- Mentions cluster by sentence (fast to read back with their sentence); `ord` is
                -- the depth-first position in the sentence, `parent` the ord of the mention a
                -- nested one sits in (NULL at the top level).
                CREATE TABLE mentions (
                    sentence_id INTEGER NOT NULL,
                    ord INTEGER NOT NULL,
                    parent INTEGER,
                    concept TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    negated INTEGER NOT NULL,
                    hedged INTEGER NOT NULL,
                    attributed INTEGER NOT NULL,
                    term TEXT,
                    variant TEXT,
                    PRIMARY KEY (sentence_id, ord)
                ) WITHOUT ROWID;

                -- The postings: top-level mentions by concept, sentence ids in order, with the
                -- attributes so that `alliance:negated` is answered from the index alone.
                CREATE INDEX mentions_by_concept
                    ON mentions (concept, sentence_id, negated, hedged, attributed)
                    WHERE parent IS NULL;

                -- Per document and concept counts, kept by the writer, so that concept counts
                -- and query planning never scan the mentions.
                CREATE TABLE document_concepts (
                    doc_id INTEGER NOT NULL,
                    concept TEXT NOT NULL,
                    mentions INTEGER NOT NULL,
                    sentences INTEGER NOT NULL,
                    PRIMARY KEY (doc_id, concept)
                ) WITHOUT ROWID;

                -- The same summed over documents: answers `concepts` and query planning at once.
                CREATE TABLE concept_totals (
                    concept TEXT PRIMARY KEY NOT NULL,
                    mentions INTEGER NOT NULL,
                    sentences INTEGER NOT NULL,
                    documents INTEGER NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE concepts (
                    id TEXT PRIMARY KEY NOT NULL,
                    ord INTEGER NOT NULL,
                    label TEXT NOT NULL,
                    definition TEXT
                ) WITHOUT ROWID;

                CREATE TABLE concept_links (
                    concept TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    target TEXT NOT NULL,
                    PRIMARY KEY (concept, kind, target)
                ) WITHOUT ROWID;

                CREATE VIRTUAL TABLE sentences_fts USING fts5(
                    text, content='sentences', content_rowid='id',
                    tokenize='unicode61 remove_diacritics 2'
                );
                """)
    }

    /// The documents with their stored texts, as a FROM clause naming them `d`, with the stored
    /// text as `d.text` and its form as `d.outside_units` (see `DocumentText`; pass both to
    /// `DocumentText.whole`). Joined from `document_texts` since schema 3; `documents` alone in
    /// an older corpus read as it is.
    static func documentsWithText(_ db: Database) throws -> String {
        guard try db.tableExists("document_texts") else { return "(SELECT documents.*, 0 AS outside_units FROM documents) d" }
        let form =
            try db.columns(in: "document_texts").contains { $0.name == "outside_units" }
            ? "document_texts.outside_units" : "0"
        return """
            (SELECT documents.*, document_texts.text AS text, \(form) AS outside_units
            FROM documents JOIN document_texts ON doc_id = id) d
            """
    }

    /// Moves each document's text out of `documents` into `document_texts`.
    ///
    /// With the text inline, every scan of `documents` (the `documents` command, totals,
    /// names) read every text: 0.8 s on a corpus of 5,000 small files. Without it a row is a
    /// hundred bytes and such a scan reads a few pages.
    static func moveDocumentTexts(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE document_texts (
                    doc_id INTEGER PRIMARY KEY REFERENCES documents(id),
                    text TEXT NOT NULL
                );
                INSERT INTO document_texts (doc_id, text) SELECT id, text FROM documents;
                ALTER TABLE documents DROP COLUMN text;
                """)
    }

    /// Rebuilds `sentences` with the document id and the unit's index computed from the
    /// sentence id (`documentID << 24 | index`) instead of stored.
    ///
    /// Stored, the document id carried a foreign key that SQLite checked with a lookup in
    /// `documents` for every unit inserted, and two more values to bind and encode per row:
    /// together a fifth of the cost of inserting a unit (callgrind, C harness on prose.txt's
    /// 400k units: 3.50G instructions with them, 2.81G without). Deleting a document no longer
    /// scans every unit for the foreign key either. The computed columns keep the names, so
    /// `doc_id` and `idx` read as before.
    static func rebuildUnits(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE lean_sentences (
                    id INTEGER PRIMARY KEY,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL,
                    doc_id INTEGER GENERATED ALWAYS AS (id >> \(indexBits)) VIRTUAL,
                    idx INTEGER GENERATED ALWAYS AS (id & \(maximumIndex)) VIRTUAL
                );
                INSERT INTO lean_sentences (id, start, "end", kind, text)
                    SELECT id, start, "end", kind, text FROM sentences ORDER BY id;
                DROP TABLE sentences;
                ALTER TABLE lean_sentences RENAME TO sentences;
                """)
    }

    /// Lets the text index gather up to 32 MB of terms in memory before it writes them out,
    /// instead of FTS5's 1 MB.
    ///
    /// FTS5 writes its pending terms as a new segment whenever they outgrow the buffer, and
    /// merges segments as they pile up; with 1 MB, indexing prose.txt (22 MB) wrote dozens of
    /// segments and merged them again and again. With 32 MB it writes one, and indexing takes
    /// about half the instructions (callgrind, C harness: 5.20G against 2.84G). The writer
    /// indexes a transaction's units in one statement at its end (see
    /// `DocumentWriter.finishTransaction`), since every statement also writes the pending terms
    /// out.
    static func setTextIndexBuffer(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('hashsize', \(textIndexBuffer))")
    }

    /// Bytes of pending terms the text index keeps in memory (see `setTextIndexBuffer`).
    static let textIndexBuffer = 32 << 20

    /// The full-text index over the sentences (external content: the text is stored once, in
    /// `sentences`).
    ///
    /// `columnsize=0` drops FTS5's per-row table of token counts: keeping it was more than half
    /// of the index's cost on ingest (a B-tree insert per sentence; callgrind on 60k sentences:
    /// 510M instructions with it, 230M without). Only BM25 ranking needs the counts, and FTS5
    /// then counts the tokens of the rows it ranks. (A larger pending-terms buffer than FTS5's
    /// 1 MB made no difference that could be measured here.)
    static func createTextIndex(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE sentences_fts USING fts5(
                    text, content='sentences', content_rowid='id',
                    \(textIndexOptions)
                )
                """)
    }

    /// How the text index cuts and stores its terms: an index built beside it
    /// (`SideTextIndex`) must use the same, so that its segments read the same.
    static let textIndexOptions = "tokenize='unicode61 remove_diacritics 2', columnsize=0"
}
