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
/// B-tree work there (measured with annotext-search-bench). Each unit is two short cached
/// statements: its row by rowid, then its mentions by the mentions' primary key. (One
/// statement for a whole page costs more: `id IN (…)` builds an ephemeral B-tree, a `UNION
/// ALL` of lookups opens two cursors per arm, and either one's SQL is long enough that GRDB's
/// statement cache spends more hashing it than SQLite spends on a lookup.)
/// Document names and labels come from the store's `ReaderCache`.
struct RecordReader {
    private let db: Database
    private let unit: Statement
    private let unitMentions: Statement
    private var names: DocumentNames
    private let conceptLabel: Statement
    private let cache: ReaderCache
    private let generation: Int
    /// Concepts met in this read with their labels, compared by bytes before any String is
    /// built: a page of hits names a few concepts many times.
    private var concepts: [(bytes: [UInt8], id: String, label: String)] = []
    /// Each mention's (ord, parent) of the unit being read, kept for nesting.
    private var positions: [(ord: Int, parent: Int?)] = []

    /// - Parameter generation: the corpus's write generation in this read transaction
    ///   (`ReaderCache.state(_:)`), which keys the cached names and labels.
    init(_ db: Database, cache: ReaderCache, generation: Int) throws {
        self.db = db
        self.cache = cache
        self.generation = generation
        unit = try db.cachedStatement(sql: "SELECT idx, start, \"end\", kind, text FROM sentences WHERE id = ?")
        unitMentions = try db.cachedStatement(
            sql: """
                SELECT ord, parent, concept, start, "end", text, negated, hedged, attributed, term, variant
                FROM mentions WHERE sentence_id = ? ORDER BY ord
                """)
        names = try DocumentNames(db, cache: cache, generation: generation)
        conceptLabel = try db.cachedStatement(sql: "SELECT label FROM concepts WHERE id = ?")
    }

    /// The records of units `ids` with their mentions, in the order of `ids`; ids of no unit
    /// are left out.
    mutating func records(_ ids: [Int64]) throws -> [SentenceRecord] {
        var records: [SentenceRecord] = []
        records.reserveCapacity(ids.count)
        for id in ids { if let record = try record(id) { records.append(record) } }
        return records
    }

    /// The record of unit `id` with its mentions; nil when there is no such unit.
    mutating func record(_ id: Int64) throws -> SentenceRecord? {
        let row = try unit.withRow(id: id) { handle in
            (
                index: Int(sqlite3_column_int64(handle, 0)), start: Int(sqlite3_column_int64(handle, 1)),
                end: Int(sqlite3_column_int64(handle, 2)), kind: Self.kind(handle, 3), text: Self.string(handle, 4)
            )
        }
        guard let row else { return nil }
        return SentenceRecord(
            document: try names.name(ofUnit: id), index: row.index, start: row.start, end: row.end, kind: row.kind,
            text: row.text, mentions: try mentions(of: id))
    }

    /// The mentions of unit `id`, nested ones inside their parents.
    private mutating func mentions(of id: Int64) throws -> [MentionRecord] {
        let handle = unitMentions.sqliteStatement
        sqlite3_bind_int64(handle, 1, id)
        defer { sqlite3_reset(handle) }
        var mentions: [MentionRecord] = []
        positions.removeAll(keepingCapacity: true)
        var isNested = false
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW {
            let concept = try concept(handle, 2)
            mentions.append(
                MentionRecord(
                    concept: concept.id, label: concept.label, start: Int(sqlite3_column_int64(handle, 3)),
                    end: Int(sqlite3_column_int64(handle, 4)), text: Self.string(handle, 5),
                    negated: sqlite3_column_int64(handle, 6) != 0, hedged: sqlite3_column_int64(handle, 7) != 0,
                    attributed: sqlite3_column_int64(handle, 8) != 0, term: Self.optionalString(handle, 9),
                    variant: Self.optionalString(handle, 10)))
            let parent = sqlite3_column_type(handle, 1) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, 1))
            if parent != nil { isNested = true }
            positions.append((Int(sqlite3_column_int64(handle, 0)), parent))
            code = sqlite3_step(handle)
        }
        guard code == SQLITE_DONE else { throw error(code) }
        guard isNested else { return mentions }
        return MentionRow.tree(
            zip(mentions, positions).map { MentionRow(sentenceID: id, ord: $1.ord, parent: $1.parent, record: $0) })
    }

    /// The concept id in `column` and its label, reusing the strings of a concept met before.
    private mutating func concept(_ handle: OpaquePointer, _ column: Int32) throws -> (id: String, label: String) {
        let bytes = Self.bytes(handle, column)
        let count = bytes.count
        for known in concepts where known.bytes.count == count {
            if known.bytes.withUnsafeBytes({ stored in
                guard let a = stored.baseAddress, let b = bytes.baseAddress else { return true }
                return memcmp(a, b, count) == 0
            }) {
                return (known.id, known.label)
            }
        }
        let id = String(decoding: bytes, as: UTF8.self)
        let label = try label(of: id)
        concepts.append((Array(bytes), id, label))
        return (id, label)
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
        let text = bytes(handle, column)
        guard let start = text.baseAddress else { return .sentence }
        // "sentence" is by far the most common kind.
        if text.count == 8, memcmp(start, "sentence", 8) == 0 { return .sentence }
        return UnitKind(rawValue: string(handle, column)) ?? .sentence
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }

    /// SQLITE_TRANSIENT: SQLite copies bound bytes.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// The UTF-8 bytes of a text column, valid until the statement steps or resets.
    static func bytes(_ handle: OpaquePointer, _ column: Int32) -> UnsafeRawBufferPointer {
        let start = UnsafeRawPointer(sqlite3_column_text(handle, column))
        return UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : Int(sqlite3_column_bytes(handle, column)))
    }

    static func string(_ handle: OpaquePointer, _ column: Int32) -> String {
        String(decoding: bytes(handle, column), as: UTF8.self)
    }

    static func optionalString(_ handle: OpaquePointer, _ column: Int32) -> String? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : string(handle, column)
    }
}
