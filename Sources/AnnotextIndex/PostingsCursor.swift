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

/// One concept's stored postings, a run at a time, keeping the units whose mentions pass an
/// attribute filter.
///
/// The run boundaries come from the store's `ConceptRuns` of the concept: a target beyond the
/// current run goes straight to the run that may hold it (a binary search over last ids, no
/// B-tree seek), and past the last run the cursor ends without asking SQLite. A run's bytes
/// come from the same cache or from one lookup by key; within a run, a gallop over
/// fixed-width offsets, without decoding.
final class ConceptCursor: IDCursor {
    private let runs: ConceptRuns
    private let cache: ReaderCache
    private let statement: Statement
    private let accepted: UInt8
    /// The current run: `count` offsets from `base` at byte 9, then `count` masks when
    /// `hasMasks`.
    private var bytes: [UInt8] = []
    private var base: Int64 = 0
    private var count = 0
    private var hasMasks = false
    private var position = 0
    /// The index of the current run in `runs` (-1: none yet).
    private var runIndex = -1
    /// The last id of the current run (-1: none read; `Int64.max` after the last run).
    private var runEnd: Int64 = -1
    private(set) var current: Int64 = -1

    init(runs: ConceptRuns, accepted: UInt8, cache: ReaderCache, in db: Database) throws {
        self.runs = runs
        self.cache = cache
        self.accepted = accepted
        statement = try db.cachedStatement(sql: ConceptRuns.runSQL)
    }

    func advance(to target: Int64) throws {
        if current >= target { return }
        if target > runEnd { try load(runs.run(containing: target, from: runIndex + 1)) }
        while true {
            if runEnd == .max {
                current = .max
                return
            }
            // A run without masks holds plain units only: a filter that wants an attribute
            // skips it whole.
            if hasMasks || accepted & PostingsChunk.plain != 0 {
                let found: Int64? = bytes.withUnsafeBytes { raw in
                    guard let data = raw.baseAddress else { return nil }
                    position = Self.gallop(data, base: base, count: count, to: target, from: position)
                    if hasMasks, accepted != 0xFF {
                        while position < count,
                            data.load(fromByteOffset: 9 + 4 * count + position, as: UInt8.self) & accepted == 0
                        {
                            position += 1
                        }
                    }
                    return position < count ? Self.id(data, base: base, at: position) : nil
                }
                if let found {
                    current = found
                    return
                }
            }
            try load(runIndex + 1)
        }
    }

    private static func id(_ data: UnsafeRawPointer, base: Int64, at position: Int) -> Int64 {
        base + Int64(UInt32(littleEndian: data.loadUnaligned(fromByteOffset: 9 + 4 * position, as: UInt32.self)))
    }

    /// Moves to run `k` (past the last: the end).
    private func load(_ k: Int) throws {
        position = 0
        runIndex = k
        guard k < runs.lastIDs.count else {
            count = 0
            bytes = []
            runEnd = .max
            return
        }
        bytes = try cache.run(k, of: runs, statement)
        runEnd = runs.lastIDs[k]
        guard let header = bytes.withUnsafeBytes({ PostingsChunk.header($0) }) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "damaged postings run")
        }
        (base, count) = header
        hasMasks = bytes[0] & 1 != 0
    }

    func close() {}

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
