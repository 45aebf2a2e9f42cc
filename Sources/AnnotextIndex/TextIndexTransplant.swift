import Foundation
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// Moves the segments a side index built (`SideTextIndex`) into the corpus's text index, in
/// the writer's transaction, instead of indexing the text again there.
///
/// FTS5 keeps an index as segments: rows of `%_data` whose ids carry the segment's number
/// (`segid << 37 | …`), rows of `%_idx` naming it, and a structure record (`%_data` row 10)
/// listing the segments by level; row 1 holds the row and token totals. A segment built from
/// the same rows with the same options is the same bytes in either table, so moving one is
/// copying its rows under a number the corpus index does not use, listing it in the structure
/// record, and adding the totals. (Format: SQLite's `ext/fts5/fts5_index.c`.)
///
/// Those are FTS5's private records, so the move is made only where it is known to hold: an
/// SQLite version whose format this was checked against, a corpus index created with the same
/// options and format version, and records that parse exactly. Anything else, and the writer
/// indexes the text itself.
enum TextIndexTransplant {
    /// SQLite versions whose FTS5 records have the layout read here (checked on 3.40): later
    /// versions extend the structure record for new kinds of index, so from 3.43 on (the first
    /// of those kinds, contentless-delete tables) they are not trusted.
    static let isSupported: Bool = {
        let version = sqlite3_libversion_number()
        return version >= 3_035_000 && version < 3_043_000
    }()

    static let structureRow: Int64 = 10
    static let totalsRow: Int64 = 1
    /// A segment's rows in `%_data` have ids from `segid << segmentShift` on.
    static let segmentShift: Int64 = 37

    /// Whether the corpus index can take segments built by a side index: a supported SQLite, and
    /// the index created with the side index's options. Costs one schema lookup.
    static func canMove(into db: Database) throws -> Bool {
        guard isSupported else { return false }
        let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = 'sentences_fts'")
        guard let definition, definition.contains(CorpusSchema.textIndexOptions) else { return false }
        return !definition.contains("prefix") && !definition.contains("detail")
    }

    /// Moves every segment of the side indexes' `sides` into `sentences_fts`: false, with
    /// nothing changed, when their records are not as expected. The caller must not have
    /// indexed any of the same units in `sentences_fts` itself.
    ///
    /// It may have deleted units from it (a replaced document's old units, whose ids the new
    /// ones take): FTS5 keeps deletions as entries of their own, and an entry in a newer
    /// segment overrides one in an older, so the deletions must be in a segment before the
    /// moved ones. They are: opening a savepoint makes FTS5 write its pending entries out as a
    /// segment (before SQLite opens the savepoint, so rolling it back keeps them), and the
    /// moved segments are listed after it.
    static func move(from sides: [DatabaseQueue], into db: Database) throws -> Bool {
        guard !sides.isEmpty else { return true }
        var moved = false
        try db.inSavepoint {
            moved = try moveSegments(from: sides, into: db)
            guard moved else { return .rollback }
            try forgetCachedStructure(in: db)
            return .commit
        }
        return moved
    }

    /// Copies the segments of every side index and lists them in the corpus index's structure
    /// record, read and written once for all of them: false when a record is not as expected.
    private static func moveSegments(from sides: [DatabaseQueue], into db: Database) throws -> Bool {
        let sideTable = SideTextIndex.table
        let version = try formatVersion(of: "sentences_fts", in: db)
        guard var structure = try structure(of: "sentences_fts", in: db), var totals = try totals(of: "sentences_fts", in: db)
        else { return false }
        let writePage = try db.makeStatement(sql: "INSERT INTO sentences_fts_data (id, block) VALUES (?, ?)")
        let writeTerm = try db.makeStatement(sql: "INSERT INTO sentences_fts_idx (segid, term, pgno) VALUES (?, ?, ?)")
        var used = Set(structure.levels.flatMap { $0.segments.map(\.id) })
        for side in sides {
            let moved = try side.inDatabase { side -> Bool in
                guard try formatVersion(of: sideTable, in: side) == version,
                    let sideStructure = try Self.structure(of: sideTable, in: side),
                    let sideTotals = try Self.totals(of: sideTable, in: side)
                else { return false }
                let readPages = try side.makeStatement(
                    sql: "SELECT id, block FROM \(sideTable)_data WHERE id >= ? AND id < ?")
                let readTerms = try side.makeStatement(
                    sql: "SELECT segid, term, pgno FROM \(sideTable)_idx WHERE segid = ?")
                // Oldest first (the deepest level), so that they keep their order among themselves.
                for level in sideStructure.levels.reversed() {
                    for segment in level.segments {
                        guard let id = (1...TextIndexStructure.maximumSegmentID).first(where: { !used.contains($0) })
                        else { return false }
                        used.insert(id)
                        let from = segment.id << segmentShift
                        try copyRows(
                            readPages, [from, from + (1 << segmentShift)], from: side, to: writePage, in: db,
                            key: { ($0 - from) + (id << segmentShift) })
                        try copyRows(readTerms, [segment.id], from: side, to: writeTerm, in: db, key: { _ in id })
                        structure.appendToFirstLevel(
                            TextIndexStructure.Segment(id: id, firstPage: segment.firstPage, lastPage: segment.lastPage))
                    }
                }
                structure.writeCounter &+= sideStructure.writeCounter
                totals = totals.adding(sideTotals)
                return true
            }
            guard moved else { return false }
        }
        let write = try db.makeStatement(sql: "INSERT OR REPLACE INTO sentences_fts_data (id, block) VALUES (?, ?)")
        try write.execute(arguments: [structureRow, Data(structure.bytes)])
        try write.execute(arguments: [totalsRow, Data(totals.bytes)])
        return true
    }

    /// Runs `read` with `arguments` and inserts each row it gives with `write`, column for
    /// column, the first column (an integer) changed by `key`. The values go from one
    /// connection to the other without a copy of their own (SQLITE_STATIC): a page of the index
    /// is 4 KB, and a segment thousands of them.
    private static func copyRows(
        _ read: Statement, _ arguments: StatementArguments, from side: Database, to write: Statement,
        in db: Database, key: (Int64) -> Int64
    ) throws {
        try read.setArguments(arguments)
        let source = read.sqliteStatement
        let target = write.sqliteStatement
        defer {
            sqlite3_reset(source)
            sqlite3_clear_bindings(target)
        }
        let columns = sqlite3_column_count(source)
        while true {
            let code = sqlite3_step(source)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: error(side)) }
            sqlite3_bind_int64(target, 1, key(sqlite3_column_int64(source, 0)))
            for column in 1..<columns {
                switch sqlite3_column_type(source, column) {
                case SQLITE_INTEGER:
                    sqlite3_bind_int64(target, column + 1, sqlite3_column_int64(source, column))
                case SQLITE_BLOB:
                    // Valid until `source` steps again, which is after `target` has run.
                    // An empty blob reads as a null pointer, which would bind NULL.
                    if let bytes = sqlite3_column_blob(source, column) {
                        sqlite3_bind_blob(target, column + 1, bytes, sqlite3_column_bytes(source, column), nil)
                    } else {
                        sqlite3_bind_zeroblob(target, column + 1, 0)
                    }
                default:
                    sqlite3_bind_value(target, column + 1, sqlite3_column_value(source, column))
                }
            }
            let written = sqlite3_step(target)
            sqlite3_reset(target)
            guard written == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: written), message: error(db))
            }
        }
    }

    private static func error(_ db: Database) -> String { String(cString: sqlite3_errmsg(db.sqliteConnection)) }

    /// Makes FTS5 read the structure record again in this connection.
    ///
    /// FTS5 keeps the structure it last read per connection, and reads it again only when
    /// another connection has committed; the writer's connection would otherwise write its old
    /// copy back at its next index write, dropping the moved segments. Rolling back a
    /// savepoint that FTS5 joined makes it drop the copy (and its pending terms, of which
    /// there are none here: see `move`).
    private static func forgetCachedStructure(in db: Database) throws {
        try db.inSavepoint {
            try db.execute(sql: "INSERT INTO sentences_fts (rowid, text) SELECT 0, '' WHERE 0")
            return .rollback
        }
    }

    private static func formatVersion(of table: String, in db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT v FROM \(table)_config WHERE k = 'version'")
    }

    private static func structure(of table: String, in db: Database) throws -> TextIndexStructure? {
        try block(structureRow, of: table, in: db).flatMap(TextIndexStructure.init(bytes:))
    }

    /// The totals record; none yet reads as zero totals.
    private static func totals(of table: String, in db: Database) throws -> TextIndexStructure.Totals? {
        TextIndexStructure.Totals(bytes: try block(totalsRow, of: table, in: db) ?? [])
    }

    private static func block(_ id: Int64, of table: String, in db: Database) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT block FROM \(table)_data WHERE id = ?", arguments: [id]).map { Array($0) }
    }
}
