import GRDB

/// Orders matching units best first for `search --sort relevance`.
///
/// A unit's score adds, for each full-text term of the query outside a NOT, FTS5's BM25 score
/// (negated, so that higher is better), and for the query's concepts the number of top-level
/// mentions of them in the unit plus up to one half for how early the first one starts. Ties
/// keep document order.
struct RelevanceRanker {
    private let db: Database
    private let concepts: Set<String>
    private let texts: [String]

    init(query: ConceptQuery, db: Database) {
        self.db = db
        concepts = query.highlightedConcepts
        texts = query.root.positiveTexts
    }

    /// `ids` (in document order) sorted by descending score, stable.
    func ranked(_ ids: [Int64]) throws -> [Int64] {
        guard ids.count > 1 else { return ids }
        var scores = [Double](repeating: 0, count: ids.count)
        var position: [Int64: Int] = [:]
        position.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() { position[id] = i }
        for text in texts {
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: "SELECT rowid, bm25(sentences_fts) FROM sentences_fts WHERE sentences_fts MATCH ?"),
                arguments: [text])
            while let row = try rows.next() {
                if let i = position[row[0] as Int64] { scores[i] -= row[1] as Double }
            }
        }
        if !concepts.isEmpty {
            let statement = try db.cachedStatement(
                sql: """
                    SELECT m.concept, m.start - s.start, s."end" - s.start FROM mentions m
                    JOIN sentences s ON s.id = m.sentence_id
                    WHERE m.sentence_id = ? AND m.parent IS NULL ORDER BY m.ord
                    """)
            for (i, id) in ids.enumerated() {
                let rows = try Row.fetchCursor(statement, arguments: [id])
                var first = true
                while let row = try rows.next() {
                    guard concepts.contains(row[0] as String) else { continue }
                    scores[i] += 1
                    if first {
                        let start: Int = row[1]
                        let length: Int = row[2]
                        scores[i] += 0.5 * (1 - Double(start) / Double(max(1, length)))
                        first = false
                    }
                }
            }
        }
        return ids.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.map { ids[$0] }
    }
}

extension QueryNode {
    /// The FTS5 queries of the full-text terms outside a NOT.
    var positiveTexts: [String] {
        switch self {
        case .text(let query): [query]
        case .concept, .kind, .document, .not: []
        case .and(let nodes), .or(let nodes): nodes.flatMap(\.positiveTexts)
        case .near(let a, let b, _): a.positiveTexts + b.positiveTexts
        }
    }
}
