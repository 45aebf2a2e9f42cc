import Foundation
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// What queries of one store keep between calls: document names and concept labels (looked up
/// by every page of hits), and whether the corpus has stored postings.
///
/// Names and labels hold for one write generation of the corpus (`meta.generation`, bumped by
/// every write transaction), read inside the query's own read transaction; a query of another
/// generation neither reads nor fills them.
final class ReaderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = -1
    private var names: [Int64: String] = [:]
    private var labels: [String: String] = [:]
    private var postingsTable: Bool?

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

    /// Moves to a newer generation, forgetting the old one; false for an older one.
    private func adopt(_ generation: Int) -> Bool {
        if generation > self.generation {
            self.generation = generation
            names.removeAll()
            labels.removeAll()
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
