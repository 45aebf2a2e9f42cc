import AnnotextCore
import GRDB

extension CorpusStore {
    /// The units that match `query`, in document order, with all their mentions.
    ///
    /// - Parameters:
    ///   - limit: at most this many (nil: all).
    ///   - offset: skip this many first.
    public func search(_ query: ConceptQuery, limit: Int? = nil, offset: Int = 0) throws(IndexError) -> [SentenceRecord] {
        var records: [SentenceRecord] = []
        do {
            try forEachMatch(query, limit: limit, offset: offset) { records.append($0) }
        } catch let error as IndexError {
            throw error
        } catch {
            // Appending cannot fail; only the store throws.
            throw IndexError(location: path, message: "\(error)", reason: .sqlite(code: 1))
        }
        return records
    }

    /// Calls `body` with each unit that matches `query`, in document order, streaming from one
    /// read snapshot in batches (for `search --json` over large corpora).
    ///
    /// - Throws: what `body` throws, unchanged, or an `IndexError`.
    public func forEachMatch(
        _ query: ConceptQuery, limit: Int? = nil, offset: Int = 0, _ body: (SentenceRecord) throws -> Void
    ) throws {
        do {
            try pool.read { db in
                var compiler = QueryCompiler(query.root, db: db)
                let plan = try compiler.orderedIDs()
                var arguments = plan.arguments
                arguments += [limit ?? -1, max(0, offset)]
                // Cached: the same query shape is prepared once per connection.
                let ids = try Int64.fetchCursor(db.cachedStatement(sql: plan.sql + " LIMIT ? OFFSET ?"), arguments: arguments)
                var batch: [Int64] = []
                // Small first batch: the common case is a first page of 20.
                var batchSize = 32
                func flush() throws {
                    for record in try Self.records(forSentences: batch, in: db) {
                        do { try body(record) } catch { throw BodyFailure(error: error) }
                    }
                    batch.removeAll(keepingCapacity: true)
                }
                while let id = try ids.next() {
                    batch.append(id)
                    if batch.count == batchSize {
                        try flush()
                        batchSize = 256
                    }
                }
                try flush()
            }
        } catch let failure as BodyFailure {
            throw failure.error
        } catch let error as DatabaseError {
            throw Self.indexError(path, error)
        }
    }

    /// The ids of matching units, in document order (what `search` fetches records for).
    func matchingSentenceIDs(_ query: ConceptQuery, limit: Int?, offset: Int = 0) throws(IndexError) -> [Int64] {
        try read { db in
            var compiler = QueryCompiler(query.root, db: db)
            let plan = try compiler.orderedIDs()
            var arguments = plan.arguments
            arguments += [limit ?? -1, max(0, offset)]
            return try Int64.fetchAll(db, sql: plan.sql + " LIMIT ? OFFSET ?", arguments: arguments)
        }
    }

    /// The number of units that match `query`.
    public func count(_ query: ConceptQuery) throws(IndexError) -> Int {
        try read { db in
            var compiler = QueryCompiler(query.root, db: db)
            let plan = try compiler.orderedIDs()
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(plan.sql))", arguments: plan.arguments) ?? 0
        }
    }
}
