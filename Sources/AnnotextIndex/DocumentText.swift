import AnnotextCore
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// How a document's text is stored: since schema 4, only the text outside its units (the
/// spaces, line breaks and anything else between, before and after them), in order; the units
/// hold the rest. Stored whole as well, the text took a third of a corpus (prose.txt: 21 of
/// 65 MB) and as much of the writing at commit. `document_texts.outside_units` says which form
/// a row has: 0 for the whole text (older documents, or units that do not tile the text).
enum DocumentText {
    /// The text outside a document's units, gathered as the writer stores them.
    ///
    /// Units must come in order, each with its exact text at its offsets; the first one that
    /// does not (overlapping, out of order, or a text that differs from the document's) makes
    /// `finish` give nil, and the writer then stores the whole text.
    struct OutsideBuilder {
        /// Bytes outside the units so far.
        private var outside: [UInt8] = []
        /// The byte and scalar offsets in the document just after the last unit.
        private var byte = 0
        private var scalar = 0
        private var isValid = true

        /// Takes the next unit (`start` and `end` in scalars of the document), `bytes` being the
        /// document's UTF-8.
        mutating func add(start: Int, end: Int, text: String, in bytes: UnsafeBufferPointer<UInt8>) {
            guard isValid else { return }
            guard start >= scalar, end >= start, let unitByte = Self.advance(bytes, from: byte, scalars: start - scalar)
            else { return invalidate() }
            var text = text
            let matches = text.withUTF8 { unit -> Bool in
                guard unitByte + unit.count <= bytes.count, let base = bytes.baseAddress else { return unit.isEmpty }
                guard unit.isEmpty || memcmp(unit.baseAddress!, base + unitByte, unit.count) == 0 else { return false }
                return ScalarOffsetCursor.scalarCount(bytes, from: unitByte, to: unitByte + unit.count) == end - start
            }
            guard matches else { return invalidate() }
            outside.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[byte..<unitByte]))
            byte = unitByte + text.utf8.count
            scalar = end
        }

        /// The text outside the units, with what follows the last one; nil when the units did
        /// not tile the document.
        mutating func finish(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            guard isValid else { return nil }
            outside.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[byte...]))
            defer { outside = [] }
            return String(decoding: outside, as: UTF8.self)
        }

        private mutating func invalidate() {
            isValid = false
            outside = []
        }

        /// The byte `scalars` scalars after byte `from`, or nil past the end.
        static func advance(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, scalars: Int) -> Int? {
            var at = from
            for _ in 0..<scalars {
                guard at < bytes.count else { return nil }
                at += 1
                while at < bytes.count, bytes[at] & 0xC0 == 0x80 { at += 1 }
            }
            return at
        }
    }

    /// The whole text of document `id` from a row of `CorpusSchema.documentsWithText`, which
    /// holds its `text` and `outside_units` columns.
    static func whole(_ row: Row, document id: Int64, in db: Database) throws -> String {
        try whole(stored: row["text"], outsideUnits: row["outside_units"], document: id, in: db)
    }

    /// The whole text of document `id` from its stored row: `stored` itself, or with the
    /// document's units put back between the pieces when `outsideUnits`.
    ///
    /// The units are read with the C API, their text copied straight from SQLite's buffer: a
    /// String per unit made `dump` of 5,000 small documents a third slower than reading texts
    /// stored whole.
    static func whole(stored: String, outsideUnits: Bool, document id: Int64, in db: Database) throws -> String {
        guard outsideUnits else { return stored }
        let statement = try db.cachedStatement(
            sql: "SELECT start, \"end\", text FROM sentences WHERE id BETWEEN ? AND ? ORDER BY id")
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, CorpusSchema.firstSentenceID(ofDocument: id))
        sqlite3_bind_int64(handle, 2, CorpusSchema.lastSentenceID(ofDocument: id))
        defer { sqlite3_reset(handle) }
        func failure(_ message: String, code: Int32 = SQLITE_CORRUPT) -> DatabaseError {
            DatabaseError(resultCode: ResultCode(rawValue: code), message: "document \(id): \(message)")
        }
        var text = stored
        return try text.withUTF8 { outside in
            var whole: [UInt8] = []
            whole.reserveCapacity(outside.count * 8)
            var byte = 0
            var scalar = 0
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw failure(String(cString: sqlite3_errmsg(db.sqliteConnection)), code: code)
                }
                let start = Int(sqlite3_column_int64(handle, 0))
                let end = Int(sqlite3_column_int64(handle, 1))
                guard start >= scalar, let next = OutsideBuilder.advance(outside, from: byte, scalars: start - scalar)
                else { throw failure("units do not fit its text") }
                whole.append(contentsOf: UnsafeBufferPointer(rebasing: outside[byte..<next]))
                if let unit = sqlite3_column_text(handle, 2) {
                    whole.append(contentsOf: UnsafeBufferPointer(start: unit, count: Int(sqlite3_column_bytes(handle, 2))))
                }
                byte = next
                scalar = end
            }
            whole.append(contentsOf: UnsafeBufferPointer(rebasing: outside[byte...]))
            return String(decoding: whole, as: UTF8.self)
        }
    }
}
