import Foundation
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// What queries of one store keep between calls: document names and concept labels (looked up
/// by every page of hits), the concepts' postings runs (`ConceptRuns`), and whether the corpus
/// has stored postings.
///
/// Names, labels and runs hold for one write generation of the corpus (`meta.generation`, bumped by
/// every write transaction), read inside the query's own read transaction; a query of another
/// generation neither reads nor fills them.
final class ReaderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = -1
    private var names: [Int64: String] = [:]
    private var labels: [String: String] = [:]
    private var runs: [String: ConceptRuns] = [:]
    /// Bytes of runs kept; past `runBudget` no more are kept until the next generation.
    private var runBytes = 0
    private var postingsTable: Bool?

    /// At most this many bytes of postings runs are kept (all of a million-sentence corpus's
    /// postings with the IR lexicon take 0.4 MB).
    static let runBudget = 16 << 20

    /// The name of document `id`, if known at `generation`.
    func name(_ id: Int64, generation: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return self.generation == generation ? names[id] : nil
    }

    /// The label of `concept`, if known at `generation`.
    func label(_ concept: String, generation: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return self.generation == generation ? labels[concept] : nil
    }

    func remember(name: String, of id: Int64, generation: Int) {
        lock.lock()
        defer { lock.unlock() }
        if adopt(generation) { names[id] = name }
    }

    func remember(label: String, of concept: String, generation: Int) {
        lock.lock()
        defer { lock.unlock() }
        if adopt(generation) { labels[concept] = label }
    }

    /// The runs of `concept` at `generation`, read in the caller's read transaction when not
    /// kept.
    func runs(of concept: String, generation: Int, in db: Database) throws -> ConceptRuns {
        lock.lock()
        let known = self.generation == generation ? runs[concept] : nil
        lock.unlock()
        if let known { return known }
        let read = try ConceptRuns.read(concept, in: db)
        lock.lock()
        defer { lock.unlock() }
        if adopt(generation) {
            // Another reader may have read them meanwhile: keep one, with its bytes.
            if let kept = runs[concept] { return kept }
            runs[concept] = read
        }
        return read
    }

    /// The bytes of run `k` of `runs`: kept ones, else read with `statement` and kept while
    /// the budget allows.
    func run(_ k: Int, of runs: ConceptRuns, _ statement: Statement) throws -> [UInt8] {
        lock.lock()
        let kept = runs.bytes[k]
        lock.unlock()
        if let kept { return kept }
        let bytes = try runs.readRun(k, statement)
        lock.lock()
        if runs.bytes[k] == nil, runBytes + bytes.count <= Self.runBudget {
            runs.bytes[k] = bytes
            runBytes += bytes.count
        }
        lock.unlock()
        return bytes
    }

    /// Moves to a newer generation, forgetting the old one; false for an older one.
    private func adopt(_ generation: Int) -> Bool {
        if generation > self.generation {
            self.generation = generation
            names.removeAll()
            labels.removeAll()
            runs.removeAll()
            runBytes = 0
        }
        return generation == self.generation
    }

    /// What a query reads first in its read transaction: the corpus's write generation, and
    /// whether the stored postings can answer — the corpus has them (a v1 corpus opened
    /// read-only has not) and no write left them behind (`postings_pending` is empty).
    func state(_ db: Database) throws -> (generation: Int, postingsAreCurrent: Bool) {
        lock.lock()
        let known = postingsTable
        lock.unlock()
        let hasTable: Bool
        if let known {
            hasTable = known
        } else {
            // Straight from sqlite_master: GRDB's schema introspection costs a CLI run a millisecond.
            let statement = try db.cachedStatement(
                sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'postings_pending'")
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            hasTable = sqlite3_step(handle) == SQLITE_ROW
            lock.lock()
            postingsTable = hasTable
            lock.unlock()
        }
        let statement = try db.cachedStatement(
            sql: hasTable
                ? "SELECT (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), NOT EXISTS (SELECT 1 FROM postings_pending)"
                : "SELECT (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0")
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_ROW else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return (Int(sqlite3_column_int64(handle, 0)), sqlite3_column_int64(handle, 1) != 0)
    }
}
