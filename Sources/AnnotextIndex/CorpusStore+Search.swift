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

    /// The units that match `query` in document order in their lean form — document, index
    /// and text, no mentions: the same hits as `search` in document order, at the cost of one
    /// row read per hit.
    ///
    /// - Parameters:
    ///   - limit: at most this many (nil: all).
    ///   - offset: skip this many first.
    public func hits(_ query: ConceptQuery, limit: Int? = nil, offset: Int = 0) throws(IndexError) -> [SearchHit] {
        if limit == 0 { return [] }
        return try Self.mapErrors(path) {
            try snapshot { db in
                let state = try readerCache.state(db)
                var reader = try HitReader(db, cache: readerCache, generation: state.generation)
                defer { reader.close() }
                var hits: [SearchHit] = []
                if let limit { hits.reserveCapacity(min(limit, 1024)) }
                try forEachMatchingID(query, limit: limit, offset: offset, state: state, in: db) {
                    if let hit = try reader.hit($0) { hits.append(hit) }
                }
                return hits
            }
        }
    }

    /// Calls `body` with each unit that matches `query`, streaming from one read snapshot (for
    /// `search --json` over large corpora).
    ///
    /// In document order, ids come one at a time — from the stored postings when the query is
    /// about concepts alone, else from one SQL statement — and stop after `limit`; each record
    /// is read as its id arrives. By relevance every match is scored first.
    ///
    /// - Throws: what `body` throws, unchanged, or an `IndexError`.
    public func forEachMatch(
        _ query: ConceptQuery, limit: Int? = nil, offset: Int = 0, order: SearchOrder = .document,
        _ body: (SentenceRecord) throws -> Void
    ) throws {
        if limit == 0 { return }
        do {
            try snapshot { db in
                let state = try readerCache.state(db)
                var reader = try RecordReader(db, cache: readerCache, generation: state.generation)
                func emit(_ id: Int64) throws {
                    guard let record = try reader.record(id) else { return }
                    do { try body(record) } catch { throw BodyFailure(error: error) }
                }
                switch order {
                case .document:
                    try forEachMatchingID(query, limit: limit, offset: offset, state: state, in: db, emit)
                case .relevance:
                    var ids: [Int64] = []
                    try forEachMatchingID(query, limit: nil, offset: 0, state: state, in: db) {
                        ids.append($0)
                    }
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

    /// The cursor over the stored postings that answers `query`; nil when the query is not
    /// about concepts alone or the postings are not current (then SQL answers).
    func postingsCursor(
        _ query: ConceptQuery, state: (generation: Int, postingsAreCurrent: Bool), in db: Database
    ) throws -> (any IDCursor)? {
        guard state.postingsAreCurrent, PostingsQuery.isAnswerable(query.root) else { return nil }
        return try PostingsQuery.cursor(query.root, PostingsQuery.Source(cache: readerCache, generation: state.generation, db: db))
    }

    /// Calls `body` with the ids of matching units in document order, after skipping `offset`,
    /// at most `limit` of them; `state` is the read transaction's (`ReaderCache.state(_:)`).
    func forEachMatchingID(
        _ query: ConceptQuery, limit: Int?, offset: Int, state: (generation: Int, postingsAreCurrent: Bool), in db: Database,
        _ body: (Int64) throws -> Void
    ) throws {
        guard let cursor = try postingsCursor(query, state: state, in: db) else {
            return try Self.forEachCompiledID(query, limit: limit, offset: offset, in: db, body)
        }
        defer { cursor.close() }
        var skipped = 0
        var emitted = 0
        var next: Int64 = 0
        while limit.map({ emitted < $0 }) ?? true {
            try cursor.advance(to: next)
            let id = cursor.current
            if id == .max { return }
            next = id + 1
            if skipped < offset {
                skipped += 1
                continue
            }
            emitted += 1
            try body(id)
        }
    }

    /// Steps the compiled query's ids in document order through the C API.
    static func forEachCompiledID(
        _ query: ConceptQuery, limit: Int?, offset: Int, in db: Database, _ body: (Int64) throws -> Void
    ) throws {
        var compiler = QueryCompiler(query.root, db: db)
        let plan = try compiler.orderedIDs()
        var arguments = plan.arguments
        arguments += [limit ?? -1, max(0, offset)]
        // Cached: the same query shape is prepared once per connection.
        let statement = try db.cachedStatement(sql: plan.sql + " LIMIT ? OFFSET ?")
        try statement.setArguments(arguments)
        try statement.forEachRow { try body(sqlite3_column_int64($0, 0)) }
    }

    /// The number of units that match `query`.
    ///
    /// One concept without narrower ones or attribute filters is answered from the per-concept
    /// totals the writer keeps; other concept queries count the stored postings; anything else
    /// counts the compiled query's ids.
    public func count(_ query: ConceptQuery) throws(IndexError) -> Int {
        try Self.mapErrors(path) {
            try snapshot { db in
                if case .concept(let ids, let attributes) = query.root, ids.count == 1, attributes.isEmpty {
                    let statement = try db.cachedStatement(sql: "SELECT sentences FROM concept_totals WHERE concept = ?")
                    return try PostingsQuery.sentences(of: ids[0], statement)
                }
                if let cursor = try postingsCursor(query, state: readerCache.state(db), in: db) {
                    defer { cursor.close() }
                    var count = 0
                    var next: Int64 = 0
                    while true {
                        try cursor.advance(to: next)
                        if cursor.current == .max { return count }
                        count += 1
                        next = cursor.current + 1
                    }
                }
                var compiler = QueryCompiler(query.root, db: db)
                let plan = try compiler.orderedIDs()
                return try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT COUNT(*) FROM (\(plan.sql))"), arguments: plan.arguments) ?? 0
            }
        }
    }

    /// The units of document `name` whose index lies in `indices`, in order, with mentions:
    /// the context around a hit.
    public func units(ofDocument name: String, indices: ClosedRange<Int>) throws(IndexError) -> [SentenceRecord] {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, sentence_count FROM documents WHERE name = ?", arguments: [name])
            else { return [] }
            let id: Int64 = row[0]
            let low = max(0, indices.lowerBound)
            // Only the document's own units: a wide context asks for no more ids than it has.
            let high = min(CorpusSchema.maximumIndex, (row[1] as Int) - 1, indices.upperBound)
            guard low <= high else { return [] }
            var reader = try RecordReader(db, cache: readerCache, generation: readerCache.state(db).generation)
            let base = CorpusSchema.firstSentenceID(ofDocument: id)
            return try reader.records((low...high).map { base | Int64($0) })
        }
    }
}
