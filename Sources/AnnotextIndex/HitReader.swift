import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// Reads the lean form of hits (`SearchHit`): one rowid lookup of the unit's text per hit.
///
/// The document and the index come from the unit id itself (`documentID << 24 | index`), so
/// the only stored column read is the text, through an incremental-I/O handle moved from row
/// to row (`sqlite3_blob_reopen`): a seek and a copy, without running a statement per hit.
/// `close()` must be called before the read transaction ends.
struct HitReader {
    private let db: Database
    private let text: Statement
    private var names: DocumentNames
    private var blob: OpaquePointer?

    init(_ db: Database, cache: ReaderCache, generation: Int) throws {
        self.db = db
        text = try db.cachedStatement(sql: "SELECT text FROM sentences WHERE id = ?")
        names = try DocumentNames(db, cache: cache, generation: generation)
    }

    /// The hit of unit `id`; nil when there is no such unit.
    mutating func hit(_ id: Int64) throws -> SearchHit? {
        let code: Int32
        if let blob {
            code = sqlite3_blob_reopen(blob, id)
        } else {
            code = sqlite3_blob_open(db.sqliteConnection, "main", "sentences", "text", id, 0, &blob)
        }
        let text: String?
        if code == SQLITE_OK, let blob {
            let count = Int(sqlite3_blob_bytes(blob))
            text = String(unsafeUninitializedCapacity: count) { buffer in
                guard let start = buffer.baseAddress, count > 0 else { return 0 }
                return sqlite3_blob_read(blob, start, Int32(count), 0) == SQLITE_OK ? count : 0
            }
        } else {
            // No such row (or a value the handle cannot read): the handle is spent; the
            // statement tells a missing unit from an error.
            close()
            text = try self.text.withRow(id: id) { RecordReader.string($0, 0) }
        }
        guard let text else { return nil }
        return SearchHit(
            document: try names.name(ofUnit: id), index: Int(id & Int64(CorpusSchema.maximumIndex)), text: text)
    }

    /// Releases the incremental-I/O handle.
    mutating func close() {
        if let blob { sqlite3_blob_close(blob) }
        blob = nil
    }
}
