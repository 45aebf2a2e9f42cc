import AnnotextCore
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
/// B-tree work there (measured with annotext-search-bench). Document names and labels are
/// looked up once per reader.
struct RecordReader {
    private let db: Database
    private let sentence: Statement
    private let mentions: Statement
    private let documentName: Statement
    private let conceptLabel: Statement
    private var names: [Int64: String] = [:]
    private var labels: [String: String] = [:]

    init(_ db: Database) throws {
        self.db = db
        sentence = try db.cachedStatement(sql: "SELECT idx, start, \"end\", kind, text FROM sentences WHERE id = ?")
        mentions = try db.cachedStatement(
            sql: """
                SELECT ord, parent, concept, start, "end", text, negated, hedged, attributed, term, variant
                FROM mentions WHERE sentence_id = ? ORDER BY ord
                """)
        documentName = try db.cachedStatement(sql: "SELECT name FROM documents WHERE id = ?")
        conceptLabel = try db.cachedStatement(sql: "SELECT label FROM concepts WHERE id = ?")
    }

    /// The record of unit `id`, with its mentions; nil when there is no such unit.
    mutating func record(_ id: Int64) throws -> SentenceRecord? {
        let handle = sentence.sqliteStatement
        sqlite3_bind_int64(handle, 1, id)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_ROW else {
            if code == SQLITE_DONE { return nil }
            throw error(code)
        }
        let index = Int(sqlite3_column_int64(handle, 0))
        let start = Int(sqlite3_column_int64(handle, 1))
        let end = Int(sqlite3_column_int64(handle, 2))
        let kind = UnitKind(rawValue: Self.string(handle, 3)) ?? .sentence
        let text = Self.string(handle, 4)
        let document = try name(ofDocument: id >> Int64(CorpusSchema.indexBits))
        return SentenceRecord(
            document: document, index: index, start: start, end: end, kind: kind, text: text,
            mentions: try mentionRecords(id))
    }

    /// The mentions of unit `id` as a tree, in text order.
    mutating func mentionRecords(_ id: Int64) throws -> [MentionRecord] {
        let handle = mentions.sqliteStatement
        sqlite3_bind_int64(handle, 1, id)
        defer { sqlite3_reset(handle) }
        var rows: [MentionRow] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw error(code) }
            let concept = Self.string(handle, 2)
            let record = MentionRecord(
                concept: concept, label: try label(of: concept), start: Int(sqlite3_column_int64(handle, 3)),
                end: Int(sqlite3_column_int64(handle, 4)), text: Self.string(handle, 5),
                negated: sqlite3_column_int64(handle, 6) != 0, hedged: sqlite3_column_int64(handle, 7) != 0,
                attributed: sqlite3_column_int64(handle, 8) != 0, term: Self.optionalString(handle, 9),
                variant: Self.optionalString(handle, 10))
            let parent = sqlite3_column_type(handle, 1) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, 1))
            rows.append(MentionRow(sentenceID: id, ord: Int(sqlite3_column_int64(handle, 0)), parent: parent, record: record))
        }
        return MentionRow.tree(rows)
    }

    private mutating func name(ofDocument id: Int64) throws -> String {
        if let name = names[id] { return name }
        let handle = documentName.sqliteStatement
        sqlite3_bind_int64(handle, 1, id)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_ROW else { throw error(code == SQLITE_DONE ? SQLITE_CORRUPT : code) }
        let name = Self.string(handle, 0)
        names[id] = name
        return name
    }

    private mutating func label(of concept: String) throws -> String {
        if let label = labels[concept] { return label }
        let handle = conceptLabel.sqliteStatement
        sqlite3_bind_text(handle, 1, concept, -1, Self.transient)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        let label = code == SQLITE_ROW ? Self.string(handle, 0) : concept
        labels[concept] = label
        return label
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }

    /// SQLITE_TRANSIENT: SQLite copies bound bytes.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    static func string(_ handle: OpaquePointer, _ column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    static func optionalString(_ handle: OpaquePointer, _ column: Int32) -> String? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : string(handle, column)
    }
}
