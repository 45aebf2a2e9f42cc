import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// A stream of unit ids in increasing order that can skip ahead: the shape every postings
/// operator (one concept, OR, AND with NOT) shares, so a query tree evaluates one id at a time
/// and stops as soon as a page is full.
protocol IDCursor: AnyObject {
    /// The id the cursor is on: -1 before the first `advance`, `Int64.max` once exhausted.
    var current: Int64 { get }
    /// Moves to the first id at or after `target`; does nothing when already there.
    func advance(to target: Int64) throws
    /// Ends the cursor's use of its statements.
    func close()
}

/// One concept's stored postings, read a run at a time through its own prepared statement,
/// keeping the units whose mentions pass an attribute filter.
///
/// A run is searched where SQLite holds it (the blob of the statement's current row, valid
/// until the statement steps again): no copy, no decoding, a gallop over fixed-width offsets.
final class ConceptCursor: IDCursor {
    private let handle: OpaquePointer
    private let db: Database
    private let accepted: UInt8
    /// The current run: `count` offsets from `base` at `data + 9`, then `count` masks when
    /// `hasMasks`.
    private var data: UnsafeRawPointer?
    private var base: Int64 = 0
    private var count = 0
    private var hasMasks = false
    private var position = 0
    /// The last id of the current run (-1: none read; `Int64.max` after the last run).
    private var runEnd: Int64 = -1
    private(set) var current: Int64 = -1

    /// - Parameter slot: a number no other open cursor of the query uses: each cursor steps
    ///   its own statement, and cached statements are keyed by their SQL.
    init(concept: String, accepted: UInt8, slot: Int, in db: Database) throws {
        let statement = try db.cachedStatement(sql: slot < Self.slotSQL.count ? Self.slotSQL[slot] : Self.sql(slot: slot))
        handle = statement.sqliteStatement
        self.db = db
        self.accepted = accepted
        sqlite3_reset(handle)
        sqlite3_bind_text(handle, 1, concept, -1, RecordReader.transient)
    }

    private static func sql(slot: Int) -> String {
        "SELECT last_id, data, \(slot) FROM postings WHERE concept = ? AND last_id >= ? ORDER BY last_id"
    }

    /// The statements of the first slots, built once.
    private static let slotSQL = (0..<16).map(sql(slot:))

    func advance(to target: Int64) throws {
        if current >= target { return }
        if target > runEnd {
            // Seek past the runs before `target`: a B-tree descent instead of reading them.
            sqlite3_reset(handle)
            sqlite3_bind_int64(handle, 2, target)
            try loadRun()
        }
        while true {
            if runEnd == .max {
                current = .max
                return
            }
            // A run without masks holds plain units only: a filter that wants an attribute
            // skips it whole.
            if let data, hasMasks || accepted & PostingsChunk.plain != 0 {
                position = Self.gallop(data, base: base, count: count, to: target, from: position)
                if hasMasks, accepted != 0xFF {
                    while position < count,
                        data.load(fromByteOffset: 9 + 4 * count + position, as: UInt8.self) & accepted == 0
                    {
                        position += 1
                    }
                }
                if position < count {
                    current = Self.id(data, base: base, at: position)
                    return
                }
            }
            try loadRun()
        }
    }

    private static func id(_ data: UnsafeRawPointer, base: Int64, at position: Int) -> Int64 {
        base + Int64(UInt32(littleEndian: data.loadUnaligned(fromByteOffset: 9 + 4 * position, as: UInt32.self)))
    }

    /// Steps to the next run of the statement.
    private func loadRun() throws {
        position = 0
        let code = sqlite3_step(handle)
        guard code == SQLITE_ROW else {
            if code != SQLITE_DONE {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            count = 0
            data = nil
            runEnd = .max
            return
        }
        runEnd = sqlite3_column_int64(handle, 0)
        let bytes = sqlite3_column_blob(handle, 1)
        let size = Int(sqlite3_column_bytes(handle, 1))
        guard let bytes, let header = PostingsChunk.header(UnsafeRawBufferPointer(start: bytes, count: size)) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "damaged postings run")
        }
        data = bytes
        (base, count) = header
        hasMasks = bytes.load(as: UInt8.self) & 1 != 0
    }

    func close() { sqlite3_reset(handle) }

    /// The first position at or after `start` whose id is not less than `id`.
    private static func gallop(
        _ data: UnsafeRawPointer, base: Int64, count: Int, to target: Int64, from start: Int
    ) -> Int {
        var low = start
        var step = 1
        var high = start
        while high < count, id(data, base: base, at: high) < target {
            low = high + 1
            high += step
            step <<= 1
        }
        high = min(high, count)
        while low < high {
            let middle = (low + high) / 2
            if id(data, base: base, at: middle) < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// The ids of any of its cursors (OR, and a concept with its narrower ones).
final class UnionCursor: IDCursor {
    private let children: [any IDCursor]
    private(set) var current: Int64 = -1

    init(_ children: [any IDCursor]) { self.children = children }

    func advance(to target: Int64) throws {
        if current >= target { return }
        var smallest = Int64.max
        for child in children {
            try child.advance(to: target)
            smallest = min(smallest, child.current)
        }
        current = smallest
    }

    func close() { for child in children { child.close() } }
}

/// The ids of all of `required` and none of `excluded` (AND, AND NOT): leapfrogs the required
/// cursors to a common id, so each skips ahead by whole runs where the others have nothing.
final class IntersectionCursor: IDCursor {
    private let required: [any IDCursor]
    private let excluded: [any IDCursor]
    private(set) var current: Int64 = -1

    /// - Parameter required: at least one; the rarest first is cheapest.
    init(required: [any IDCursor], excluded: [any IDCursor]) {
        self.required = required
        self.excluded = excluded
    }

    func advance(to target: Int64) throws {
        if current >= target { return }
        var candidate = target
        search: while true {
            for cursor in required {
                try cursor.advance(to: candidate)
                if cursor.current == .max {
                    current = .max
                    return
                }
                if cursor.current > candidate {
                    candidate = cursor.current
                    continue search
                }
            }
            for cursor in excluded {
                try cursor.advance(to: candidate)
                if cursor.current == candidate {
                    candidate += 1
                    continue search
                }
            }
            current = candidate
            return
        }
    }

    func close() { for cursor in required + excluded { cursor.close() } }
}
