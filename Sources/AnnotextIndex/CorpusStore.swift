import AnnotextCore
import CSQLiteSetup
import Foundation
import GRDB
import Synchronization

/// A corpus in one SQLite file: annotated documents, their units and mentions, the concept
/// scheme that tagged them, and the indexes that answer concept queries.
///
/// Writes go through one connection, whole documents per transaction; reads run concurrently
/// in WAL mode and never see part of a document. Every method reports failures as `IndexError`
/// naming the corpus path.
///
/// ```swift
/// let store = try CorpusStore(path: "annotext.sqlite")
/// let annotated = AnnotatedDocument(document: document, tagged: tagged, scheme: scheme)
/// _ = try store.write([annotated], scheme: scheme)            // [.added]
/// let query = try ConceptQuery(parsing: "alliance AND NOT nato", scheme: store.scheme())
/// let firstPage = try store.search(query, limit: 20)           // [SentenceRecord], document order
/// ```
///
/// Reading: `documents()`, `document(named:)`, `forEachSentence(documents:_:)` (streaming, for
/// dump), `search`/`forEachMatch`/`count`, `concepts()`, `conceptMap(minCount:)`, `scheme()`.
public final class CorpusStore: Sendable {
    /// The corpus file.
    public let path: String
    /// Whether the store was opened read-only.
    public let isReadOnly: Bool
    let pool: DatabasePool
    /// Document names, labels and postings state kept between queries (see `ReaderCache`).
    let readerCache = ReaderCache()
    /// The scheme last written, encoded (see `SchemeEncodingCache`).
    let schemeEncoding = SchemeEncodingCache()
    /// The connection queries read through when it is free (see `QueryConnection`).
    private let queries = QueryConnection()
    private let busyTimeout: Double
    /// Write transactions with at least this much text have it indexed beside the writer
    /// (`SideTextIndex`); tests change it to take one path or the other.
    let sideTextIndexBytes = Atomic<Int>(SideTextIndex.minimumBytes)

    /// SQLite's process-wide options, set once before the first connection opens: no mutex per
    /// connection and no memory statistics. Together they took a tenth off the instructions of
    /// an ingest (callgrind, C harness on prose.txt: 5.70G with SQLite's defaults, 5.13G
    /// without); every `pthread_mutex` call they save was 9% of the writer's time in perf.
    /// False when SQLite was already in use: the defaults then stay, which is only slower.
    static let sqliteIsSetUp = annotext_sqlite_setup() != 0

    /// Opens the corpus at `path`, creating it unless `readOnly`, and brings its schema up to
    /// date.
    ///
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - readOnly: open without writing anything; the corpus must exist.
    ///   - busyTimeout: how long to wait, in seconds, for another writer to finish.
    ///   - upgrading: called with the corpus's schema version and this build's before an older
    ///     corpus opened for writing is upgraded (which rebuilds indexes: seconds on a large
    ///     corpus).
    /// - Throws: `IndexError` when the file is not a corpus, was made by a newer annotext, is
    ///   busy past the timeout, or cannot be opened.
    public init(
        path: String, readOnly: Bool = false, busyTimeout: Double = 5,
        upgrading: ((_ from: Int, _ to: Int) -> Void)? = nil
    ) throws(IndexError) {
        self.path = path
        self.isReadOnly = readOnly
        self.busyTimeout = busyTimeout
        if readOnly && !FileManager.default.fileExists(atPath: path) {
            throw IndexError(location: path, message: "no corpus here (run annotext ingest first)", reason: .missing)
        }
        _ = Self.sqliteIsSetUp
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.maximumReaderCount = 4
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync keeps every commit atomic; only the last commits can be lost
            // on power failure, never part of a document.
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // 8 KB pages for a new corpus (ignored for an existing one): half as many pages
                // and WAL frames to write per sentence stored; ingest of prose.txt ran 20–30%
                // faster in SQLite than with 4 KB pages.
                try db.execute(sql: "PRAGMA page_size = 8192")
            }
            // Readers keep 16 MB of pages. The writer keeps up to 256 MB (only as many as a
            // transaction touches): a large document is written in one transaction, and pages
            // that do not fit are written to the WAL early, evicted and read back. At 64 MB,
            // prose.txt (22 MB of text, a 65 MB corpus) took 31,851 writes and 15,866 reads; at
            // 256 MB, 23,929 and 7,942, with no more memory at its peak.
            try db.execute(sql: db.configuration.readonly ? Self.readerCacheSize : "PRAGMA cache_size = -256000")
        }
        let path = path
        pool = try Self.mapErrors(path) { try DatabasePool(path: path, configuration: configuration) }
        try Self.mapErrors(path) { try prepareSchema(upgrading: upgrading) }
    }

    /// Refuses files that are not ours or are newer, and migrates older ones.
    private func prepareSchema(upgrading: ((Int, Int) -> Void)?) throws {
        // A reader of a current corpus checks one meta row: no migrator, no schema listing
        // (what a one-shot `annotext search` would otherwise spend most of its time on).
        if isReadOnly,
            let version = try? pool.unsafeRead({ db in
                try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'")
            }), version == CorpusSchema.version
        {
            return
        }
        let migrator = CorpusSchema.migrator
        let state = try pool.read { db -> (found: Int?, isForeign: Bool, isCurrent: Bool) in
            // Touch the schema first: a file that is not SQLite fails here with SQLITE_NOTADB.
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            if tables.isEmpty { return (nil, false, false) }
            guard tables.contains("meta") else { return (nil, true, false) }
            let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
            var found = version.flatMap { Int($0) }
            if found == nil, try migrator.hasBeenSuperseded(db) {
                found = try migrator.appliedIdentifiers(db).count
            }
            return (found, false, try migrator.hasCompletedMigrations(db))
        }
        if state.isForeign {
            throw IndexError(
                location: path, message: "not an annotext corpus (a SQLite database without annotext tables)",
                reason: .notACorpus)
        }
        if let found = state.found, found > CorpusSchema.version {
            throw IndexError(
                location: path,
                message: "corpus was made by a newer annotext (schema \(found), this one reads up to \(CorpusSchema.version))",
                reason: .newerSchema(found: found, supported: CorpusSchema.version))
        }
        guard !state.isCurrent else { return }
        if isReadOnly {
            // An older corpus is read as it is: queries fall back to SQL where it lacks the
            // stored postings (v1); opening it for writing upgrades it.
            guard state.found == nil else { return }
            throw IndexError(location: path, message: "not an annotext corpus (an empty database)", reason: .notACorpus)
        }
        if let found = state.found { upgrading?(found, CorpusSchema.version) }
        try migrator.migrate(pool)
    }

    /// Runs `body`, turning SQLite and other failures into `IndexError`s that name `path`.
    static func mapErrors<T>(_ path: String, _ body: () throws -> T) throws(IndexError) -> T {
        do {
            return try body()
        } catch let error as IndexError {
            throw error
        } catch let error as DatabaseError {
            throw indexError(path, error)
        } catch {
            throw IndexError(location: path, message: "\(error)", reason: .sqlite(code: 1))
        }
    }

    static func indexError(_ path: String, _ error: DatabaseError) -> IndexError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return IndexError(
                location: path, message: "the corpus is busy: another annotext is writing to it", reason: .busy)
        case .SQLITE_NOTADB:
            return IndexError(
                location: path, message: "not an annotext corpus (\(error.message ?? "file is not a database"))",
                reason: .notACorpus)
        case .SQLITE_READONLY:
            return IndexError(
                location: path, message: "cannot write the corpus: it is read-only",
                reason: .sqlite(code: error.resultCode.rawValue))
        default:
            let detail = error.message ?? "error \(error.resultCode.rawValue)"
            return IndexError(
                location: path, message: "SQLite error \(error.resultCode.rawValue): \(detail)",
                reason: .sqlite(code: error.resultCode.rawValue))
        }
    }

    /// The page cache of a connection that only reads: 16 MB.
    static let readerCacheSize = "PRAGMA cache_size = -16000"

    /// Runs a read transaction, mapping errors.
    func read<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
        try Self.mapErrors(path) { try pool.read(body) }
    }

    /// Runs `body` in a read transaction begun and ended with cached statements, on the query
    /// connection when it is free (see `QueryConnection`), else on a reader of the pool.
    ///
    /// The query path: `pool.read` prepares BEGIN, COMMIT and savepoint SQL anew each time,
    /// which costs as much as answering a first page of a concept query.
    func snapshot<T>(_ body: (Database) throws -> T) throws -> T {
        func transaction(_ db: Database) throws -> T {
            try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
            let result: T
            do {
                result = try body(db)
            } catch {
                try? db.cachedStatement(sql: "ROLLBACK").execute()
                throw error
            }
            try db.cachedStatement(sql: "COMMIT").execute()
            return result
        }
        if let result = try queries.run(path: path, busyTimeout: busyTimeout, transaction) { return result }
        return try pool.unsafeRead(transaction)
    }

    /// Runs a write transaction, mapping errors.
    func write<T>(_ body: (Database) throws -> T) throws(IndexError) -> T {
        if isReadOnly {
            throw IndexError(location: path, message: "cannot write the corpus: it was opened read-only", reason: .sqlite(code: 8))
        }
        return try Self.mapErrors(path) { try pool.write(body) }
    }
}
