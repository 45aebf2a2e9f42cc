import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// Turns a query over concepts alone (concepts with attribute filters, AND, OR, and NOT under
/// an AND) into a tree of cursors over the stored postings.
///
/// Other queries — full text, kinds, documents, NEAR, a NOT that is not part of an AND — go to
/// `QueryCompiler`'s SQL instead.
enum PostingsQuery {
    /// Whether the postings alone answer `node`.
    static func isAnswerable(_ node: QueryNode) -> Bool {
        switch node {
        case .concept(let ids, _): return !ids.isEmpty
        case .or(let nodes): return !nodes.isEmpty && nodes.allSatisfy(isAnswerable)
        case .and(let nodes):
            var hasRequired = false
            for node in nodes {
                if case .not(let inner) = node {
                    guard isAnswerable(inner) else { return false }
                } else {
                    guard isAnswerable(node) else { return false }
                    hasRequired = true
                }
            }
            return hasRequired
        case .not, .text, .kind, .document, .near: return false
        }
    }

    /// Where cursors find the runs of concepts: the store's cache, in one read transaction.
    struct Source {
        let cache: ReaderCache
        let generation: Int
        let db: Database

        func runs(_ concept: String) throws -> ConceptRuns { try cache.runs(of: concept, generation: generation, in: db) }
    }

    /// The cursor of an answerable `node`.
    static func cursor(_ node: QueryNode, _ source: Source) throws -> any IDCursor {
        switch node {
        case .concept(let ids, let attributes):
            let accepted = PostingsChunk.accepted(by: attributes)
            let leaves: [any IDCursor] = try ids.map {
                try ConceptCursor(runs: source.runs($0), accepted: accepted, cache: source.cache, in: source.db)
            }
            return leaves.count == 1 ? leaves[0] : UnionCursor(leaves)
        case .or(let nodes):
            return UnionCursor(try nodes.map { try cursor($0, source) })
        case .and(let nodes):
            var required: [(size: Int, node: QueryNode)] = []
            var excluded: [any IDCursor] = []
            for node in nodes {
                if case .not(let inner) = node {
                    excluded.append(try cursor(inner, source))
                } else {
                    required.append((0, node))
                }
            }
            if required.count > 1 {
                for k in required.indices { required[k].size = try size(required[k].node, source) }
            }
            // The rarest first: it proposes the fewest candidates to the others.
            required.sort { $0.size < $1.size }
            return IntersectionCursor(required: try required.map { try cursor($0.node, source) }, excluded: excluded)
        case .not, .text, .kind, .document, .near:
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "query part not answerable from postings")
        }
    }

    /// About how many units `node` matches, from the per-concept totals.
    private static func size(_ node: QueryNode, _ source: Source) throws -> Int {
        switch node {
        case .concept(let ids, _):
            var total = 0
            for id in ids { total += try source.runs(id).sentences }
            return total
        case .or(let nodes):
            var total = 0
            for node in nodes { total += try size(node, source) }
            return total
        case .and(let nodes):
            var smallest = Int.max
            for node in nodes {
                if case .not = node { continue }
                smallest = min(smallest, try size(node, source))
            }
            return smallest
        case .not, .text, .kind, .document, .near:
            return .max
        }
    }

    /// The stored sentence total of `concept` (0 when it has none) through the C API: GRDB's
    /// `fetchOne` costs more than the lookup.
    static func sentences(of concept: String, _ statement: Statement) throws -> Int {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        sqlite3_bind_text(handle, 1, concept, -1, RecordReader.transient)
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return Int(sqlite3_column_int64(handle, 0)) }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
        return 0
    }
}
