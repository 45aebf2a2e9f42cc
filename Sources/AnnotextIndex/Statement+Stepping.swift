import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

extension Statement {
    /// Steps the statement (arguments already bound) through the SQLite C API, calling `body`
    /// with the statement handle at each row, and resets it.
    ///
    /// The query paths read columns with `sqlite3_column_*` directly: GRDB's generic row
    /// decoding costs more than SQLite's own work on these short statements.
    func forEachRow(_ body: (OpaquePointer) throws -> Void) throws {
        let handle = sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
            }
            try body(handle)
        }
    }
}

extension Statement {
    /// Binds `id` to the statement's only parameter, steps once and calls `body` with the
    /// statement handle at the row, then resets; nil when there is no row.
    func withRow<T>(id: Int64, _ body: (OpaquePointer) throws -> T) throws -> T? {
        let handle = sqliteStatement
        sqlite3_bind_int64(handle, 1, id)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_ROW else {
            if code == SQLITE_DONE { return nil }
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
        return try body(handle)
    }
}
