import AnnotextCore
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// The order of search hits.
public enum SearchOrder: String, Sendable, Hashable, CaseIterable {
    /// Documents in ingest order, units by index (the default).
    case document
    /// Best first: BM25 for full-text terms, the number and position of matched mentions for
    /// concepts; ties in document order.
    case relevance
}

extension CorpusStore {
    /// The units that match `query`, with all their mentions.
    ///
    /// - Parameters:
    ///   - limit: at most this many (nil: all).
    ///   - offset: skip this many first.
    ///   - order: document order (default) or relevance.
    public func search(
        _ query: ConceptQuery, limit: Int? = nil, offset: Int = 0, order: SearchOrder = .document
    ) throws(IndexError) -> [SentenceRecord] {
        var records: [SentenceRecord] = []
        if let limit { records.reserveCapacity(min(limit, 1024)) }
        do {
            try forEachMatch(query, limit: limit, offset: offset, order: order) { records.append($0) }
        } catch let error as IndexError {
            throw error
        } catch {
            // Appending cannot fail; only the store throws.
            throw IndexError(location: path, message: "\(error)", reason: .sqlite(code: 1))
        }
        return records
    }

    /// Calls `body` with each unit that matches `query`, streaming from one read snapshot (for
    /// `search --json` over large corpora).
    ///
    /// In document order, ids come from one statement that SQLite stops after `limit` rows, and
    /// each record is read as its id arrives. By relevance every match is scored first.
    ///
    /// - Throws: what `body` throws, unchanged, or an `IndexError`.
    public func forEachMatch(
        _ query: ConceptQuery, limit: Int? = nil, offset: Int = 0, order: SearchOrder = .document,
        _ body: (SentenceRecord) throws -> Void
    ) throws {
        if limit == 0 { return }
        do {
            try snapshot { db in
                var reader = try RecordReader(db)
                func emit(_ id: Int64) throws {
                    guard let record = try reader.record(id) else { return }
                    do { try body(record) } catch { throw BodyFailure(error: error) }
                }
                switch order {
                case .document:
                    if let ids = try conjunctionIDs(query, offset: offset, limit: limit, in: db) {
                        for id in ids { try emit(id) }
                    } else {
                        try Self.forEachMatchingID(query, limit: limit, offset: offset, in: db, emit)
                    }
                case .relevance:
                    var ids: [Int64] = []
                    try Self.forEachMatchingID(query, limit: nil, offset: 0, in: db) { ids.append($0) }
                    let ranked = try RelevanceRanker(query: query, db: db).ranked(ids)
                    let end = limit.map { min(ranked.count, max(0, offset) + $0) } ?? ranked.count
                    if max(0, offset) < end { for id in ranked[max(0, offset)..<end] { try emit(id) } }
                }
            }
        } catch let failure as BodyFailure {
            throw failure.error
        } catch let error as DatabaseError {
            throw Self.indexError(path, error)
        }
    }

    /// The concept id sets of a conjunction of two or more plain concepts (no attribute
    /// filters); nil for any other query.
    static func plainConjunction(_ node: QueryNode) -> [[String]]? {
        guard case .and(let nodes) = node, nodes.count > 1 else { return nil }
        var sets: [[String]] = []
        for node in nodes {
            guard case .concept(let ids, let attributes) = node, attributes.isEmpty else { return nil }
            sets.append(ids)
        }
        return sets
    }

    /// A conjunction of plain concepts answered from the in-memory postings (document order);
    /// nil when the query is not one, or names a concept for the first time (then SQL answers).
    func conjunctionIDs(_ query: ConceptQuery, offset: Int, limit: Int?, in db: Database) throws -> [Int64]? {
        guard let sets = Self.plainConjunction(query.root) else { return nil }
        let generation = try PostingsCache.generation(db)
        guard postings.isWorthLoading(sets.flatMap { $0 }, generation: generation) else { return nil }
        var lists: [[Int64]] = []
        for ids in sets {
            var parts: [[Int64]] = []
            for id in ids { parts.append(try postings.postings(of: id, generation: generation, in: db)) }
            lists.append(SortedIDs.union(parts))
        }
        return SortedIDs.intersection(lists, offset: max(0, offset), limit: limit)
    }

    /// Steps the compiled query's ids in document order through the C API.
    static func forEachMatchingID(
        _ query: ConceptQuery, limit: Int?, offset: Int, in db: Database, _ body: (Int64) throws -> Void
    ) throws {
        var compiler = QueryCompiler(query.root, db: db)
        let plan = try compiler.orderedIDs()
        var arguments = plan.arguments
        arguments += [limit ?? -1, max(0, offset)]
        // Cached: the same query shape is prepared once per connection.
        let statement = try db.cachedStatement(sql: plan.sql + " LIMIT ? OFFSET ?")
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try body(sqlite3_column_int64(handle, 0))
        }
    }

    /// The ids of matching units, in document order (what `search` fetches records for).
    func matchingSentenceIDs(_ query: ConceptQuery, limit: Int?, offset: Int = 0) throws(IndexError) -> [Int64] {
        try read { db in
            var ids: [Int64] = []
            try Self.forEachMatchingID(query, limit: limit, offset: offset, in: db) { ids.append($0) }
            return ids
        }
    }

    /// The number of units that match `query`.
    ///
    /// One concept without attribute filters is answered from the per-concept totals the
    /// writer keeps; anything else counts the compiled query's ids.
    public func count(_ query: ConceptQuery) throws(IndexError) -> Int {
        try Self.mapErrors(path) { try snapshot { db in
            if case .concept(let ids, let attributes) = query.root, ids.count == 1, attributes.isEmpty {
                let statement = try db.cachedStatement(sql: "SELECT sentences FROM concept_totals WHERE concept = ?")
                return try Int.fetchOne(statement, arguments: [ids[0]]) ?? 0
            }
            if let ids = try conjunctionIDs(query, offset: 0, limit: nil, in: db) { return ids.count }
            var compiler = QueryCompiler(query.root, db: db)
            let plan = try compiler.orderedIDs()
            return try Int.fetchOne(
                db.cachedStatement(sql: "SELECT COUNT(*) FROM (\(plan.sql))"), arguments: plan.arguments) ?? 0
        } }
    }

    /// The units of document `name` whose index lies in `indices`, in order, with mentions:
    /// the context around a hit.
    public func units(ofDocument name: String, indices: ClosedRange<Int>) throws(IndexError) -> [SentenceRecord] {
        try read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM documents WHERE name = ?", arguments: [name])
            else { return [] }
            let low = max(0, indices.lowerBound)
            let high = min(CorpusSchema.maximumIndex, indices.upperBound)
            guard low <= high else { return [] }
            var reader = try RecordReader(db)
            let base = CorpusSchema.firstSentenceID(ofDocument: id)
            return try (low...high).compactMap { try reader.record(base | Int64($0)) }
        }
    }
}
