import GRDB

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

    /// The cursor of an answerable `node`; `slot` numbers the statements of its leaves.
    static func cursor(_ node: QueryNode, slot: inout Int, in db: Database) throws -> any IDCursor {
        switch node {
        case .concept(let ids, let attributes):
            let accepted = PostingsChunk.accepted(by: attributes)
            var leaves: [any IDCursor] = []
            for id in ids {
                slot += 1
                leaves.append(try ConceptCursor(concept: id, accepted: accepted, slot: slot, in: db))
            }
            return leaves.count == 1 ? leaves[0] : UnionCursor(leaves)
        case .or(let nodes):
            return UnionCursor(try nodes.map { try cursor($0, slot: &slot, in: db) })
        case .and(let nodes):
            var required: [(size: Int, node: QueryNode)] = []
            var excluded: [any IDCursor] = []
            for node in nodes {
                if case .not(let inner) = node {
                    excluded.append(try cursor(inner, slot: &slot, in: db))
                } else {
                    required.append((0, node))
                }
            }
            if required.count > 1 {
                for k in required.indices { required[k].size = try size(required[k].node, in: db) }
            }
            // The rarest first: it proposes the fewest candidates to the others.
            required.sort { $0.size < $1.size }
            return IntersectionCursor(
                required: try required.map { try cursor($0.node, slot: &slot, in: db) }, excluded: excluded)
        case .not, .text, .kind, .document, .near:
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "query part not answerable from postings")
        }
    }

    /// About how many units `node` matches, from the per-concept totals.
    private static func size(_ node: QueryNode, in db: Database) throws -> Int {
        switch node {
        case .concept(let ids, _):
            let statement = try db.cachedStatement(sql: "SELECT sentences FROM concept_totals WHERE concept = ?")
            var total = 0
            for id in ids { total += try Int.fetchOne(statement, arguments: [id]) ?? 0 }
            return total
        case .or(let nodes):
            var total = 0
            for node in nodes { total += try size(node, in: db) }
            return total
        case .and(let nodes):
            var smallest = Int.max
            for node in nodes {
                if case .not = node { continue }
                smallest = min(smallest, try size(node, in: db))
            }
            return smallest
        case .not, .text, .kind, .document, .near:
            return .max
        }
    }
}
