import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// A prepared INSERT run with the SQLite C API: binding through `StatementArguments` cost more
/// than SQLite's own work on the ingest path (measured with perf on 100k units). The statement
/// stays GRDB's (cached, finalized by GRDB); only binding and stepping happen here.
struct BulkStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private var position: Int32 = 0

    /// SQLITE_TRANSIENT: SQLite copies the bytes, so Swift strings need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    mutating func bind(_ value: Int64) {
        position += 1
        sqlite3_bind_int64(handle, position, value)
    }

    mutating func bind(_ value: Int) { bind(Int64(value)) }

    mutating func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }

    mutating func bind(_ value: String?) {
        position += 1
        guard var value else {
            sqlite3_bind_null(handle, position)
            return
        }
        let position = position
        value.withUTF8 { bytes in
            if let base = bytes.baseAddress {
                let text = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                sqlite3_bind_text(handle, position, text, Int32(bytes.count), Self.transient)
            } else {
                sqlite3_bind_text(handle, position, "", 0, Self.transient)
            }
        }
    }

    mutating func bindNull() {
        position += 1
        sqlite3_bind_null(handle, position)
    }

    /// Runs the statement with the values bound since the last run.
    mutating func execute(_ db: Database) throws {
        position = 0
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
    }
}
