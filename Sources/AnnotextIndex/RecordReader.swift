import AnnotextCore
import Foundation
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// Reads whole sentence records by id with cached statements stepped through the SQLite C API.
///
/// The lean path of a first page of hits: a first page is about 20 rowid lookups, and GRDB's
/// `Row` decoding, `StatementArguments` and a JSON id list each cost more than SQLite's own
/// B-tree work there (measured with annotext-search-bench). One statement reads up to
/// `batchSize` units with their mentions (`id IN (?, …)` joined to the mentions' primary key):
/// starting a statement costs about as much as one lookup, so a page costs one statement.
/// Document names and labels come from the store's `ReaderCache`.
struct RecordReader {
    /// Units per statement: a default page of hits.
    static let batchSize = 20

    private let db: Database
    private let units: Statement
    private let documentName: Statement
    private let conceptLabel: Statement
    private let cache: ReaderCache
    private let generation: Int

    private static let unitsSQL = """
        SELECT s.id, s.idx, s.start, s."end", s.kind, s.text, m.ord, m.parent, m.concept, m.start, m."end",
            m.text, m.negated, m.hedged, m.attributed, m.term, m.variant
        FROM sentences s LEFT JOIN mentions m ON m.sentence_id = s.id
        WHERE s.id IN (\(databaseQuestionMarks(count: batchSize))) ORDER BY s.id, m.ord
        """

    /// - Parameter generation: the corpus's write generation in this read transaction
    ///   (`ReaderCache.state(_:)`), which keys the cached names and labels.
    init(_ db: Database, cache: ReaderCache, generation: Int) throws {
        self.db = db
        self.cache = cache
        self.generation = generation
        units = try db.cachedStatement(sql: Self.unitsSQL)
        documentName = try db.cachedStatement(sql: "SELECT name FROM documents WHERE id = ?")
        conceptLabel = try db.cachedStatement(sql: "SELECT label FROM concepts WHERE id = ?")
    }

    /// The records of units `ids` with their mentions, in the order of `ids`; ids of no unit
    /// are left out.
    func records(_ ids: [Int64]) throws -> [SentenceRecord] {
        var records: [SentenceRecord] = []
        records.reserveCapacity(ids.count)
        var found: [Int64] = []
        var batch: [SentenceRecord] = []
        found.reserveCapacity(Self.batchSize)
        batch.reserveCapacity(Self.batchSize)
        var start = 0
        while start < ids.count {
            let end = min(ids.count, start + Self.batchSize)
            try read(ids, start..<end, ids: &found, records: &batch)
            if found.elementsEqual(ids[start..<end]) {
                records.append(contentsOf: batch)
            } else {
                // Not ascending (relevance order), or some unit is gone.
                var byID: [Int64: SentenceRecord] = [:]
                for (id, record) in zip(found, batch) { byID[id] = record }
                for id in ids[start..<end] { if let record = byID[id] { records.append(record) } }
            }
            start = end
        }
        return records
    }

    /// Reads units `wanted[range]` (at most `batchSize`) in id order into `ids` and `records`.
    private func read(
        _ wanted: [Int64], _ range: Range<Int>, ids: inout [Int64], records: inout [SentenceRecord]
    ) throws {
        ids.removeAll(keepingCapacity: true)
        records.removeAll(keepingCapacity: true)
        guard !range.isEmpty else { return }
        let handle = units.sqliteStatement
        defer { sqlite3_reset(handle) }
        for k in 0..<Self.batchSize {
            // Unused parameters repeat an id: IN ignores duplicates.
            sqlite3_bind_int64(handle, Int32(k + 1), wanted[min(range.lowerBound + k, range.upperBound - 1)])
        }
        // Hits of a concept query share concepts and often documents: the last name and
        // label looked up are reused without hashing.
        var lastConcept = ""
        var lastLabel = ""
        var lastDocument: (id: Int64, name: String) = (-1, "")
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW {
            let id = sqlite3_column_int64(handle, 0)
            let index = Int(sqlite3_column_int64(handle, 1))
            let start = Int(sqlite3_column_int64(handle, 2))
            let end = Int(sqlite3_column_int64(handle, 3))
            let kind = Self.kind(handle, 4)
            let text = Self.string(handle, 5)
            var mentions: [MentionRecord] = []
            var positions: [(ord: Int, parent: Int?)] = []
            mentions.reserveCapacity(4)
            positions.reserveCapacity(4)
            var isNested = false
            // A unit without mentions has one row with NULL mention columns.
            while code == SQLITE_ROW, sqlite3_column_int64(handle, 0) == id {
                if sqlite3_column_type(handle, 6) != SQLITE_NULL {
                    let concept = Self.string(handle, 8)
                    if concept != lastConcept {
                        lastConcept = concept
                        lastLabel = try label(of: concept)
                    }
                    mentions.append(
                        MentionRecord(
                            concept: concept, label: lastLabel, start: Int(sqlite3_column_int64(handle, 9)),
                            end: Int(sqlite3_column_int64(handle, 10)), text: Self.string(handle, 11),
                            negated: sqlite3_column_int64(handle, 12) != 0, hedged: sqlite3_column_int64(handle, 13) != 0,
                            attributed: sqlite3_column_int64(handle, 14) != 0, term: Self.optionalString(handle, 15),
                            variant: Self.optionalString(handle, 16)))
                    let parent = sqlite3_column_type(handle, 7) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, 7))
                    if parent != nil { isNested = true }
                    positions.append((Int(sqlite3_column_int64(handle, 6)), parent))
                }
                code = sqlite3_step(handle)
            }
            if isNested {
                mentions = MentionRow.tree(
                    zip(mentions, positions).map { MentionRow(sentenceID: id, ord: $1.ord, parent: $1.parent, record: $0) })
            }
            let document = id >> Int64(CorpusSchema.indexBits)
            if document != lastDocument.id { lastDocument = (document, try name(ofDocument: document)) }
            ids.append(id)
            records.append(
                SentenceRecord(
                    document: lastDocument.name, index: index, start: start, end: end, kind: kind, text: text,
                    mentions: mentions))
        }
        guard code == SQLITE_DONE else { throw error(code) }
    }

    private func name(ofDocument id: Int64) throws -> String {
        if let name = cache.name(id, generation: generation) { return name }
        let handle = documentName.sqliteStatement
        sqlite3_bind_int64(handle, 1, id)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_ROW else { throw error(code == SQLITE_DONE ? SQLITE_CORRUPT : code) }
        let name = Self.string(handle, 0)
        cache.remember(name: name, of: id, generation: generation)
        return name
    }

    private func label(of concept: String) throws -> String {
        if let label = cache.label(concept, generation: generation) { return label }
        let handle = conceptLabel.sqliteStatement
        sqlite3_bind_text(handle, 1, concept, -1, Self.transient)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        let label = code == SQLITE_ROW ? Self.string(handle, 0) : concept
        cache.remember(label: label, of: concept, generation: generation)
        return label
    }

    /// The unit kind of a column, without building a String for the common kinds.
    private static func kind(_ handle: OpaquePointer, _ column: Int32) -> UnitKind {
        guard let text = sqlite3_column_text(handle, column) else { return .sentence }
        let count = Int(sqlite3_column_bytes(handle, column))
        // "sentence" is by far the most common kind.
        if count == 8, memcmp(text, "sentence", 8) == 0 { return .sentence }
        return UnitKind(rawValue: string(handle, column)) ?? .sentence
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }

    /// SQLITE_TRANSIENT: SQLite copies bound bytes.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    static func string(_ handle: OpaquePointer, _ column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    static func optionalString(_ handle: OpaquePointer, _ column: Int32) -> String? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : string(handle, column)
    }
}
