import Foundation
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// Concept postings held in memory: for each concept, the sorted ids of the units with a
/// top-level mention of it, read once from the `mentions_by_concept` index.
///
/// Why: a conjunction of frequent concepts that rarely meet must walk thousands of postings
/// before it finds 20 common units. Stepping or probing SQLite costs about a microsecond a
/// posting, intersecting two sorted arrays a few nanoseconds. The postings stay valid while
/// the corpus's write generation (`meta.generation`, bumped by every write transaction) is
/// unchanged; the generation is read inside the same read transaction as the query.
final class PostingsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = -1
    private var lists: [String: [Int64]] = [:]
    private var size = 0
    /// Concepts asked for once: a second request loads them. A one-shot process (the CLI)
    /// never pays for loading whole postings lists, which costs more than one query's probes.
    private var requested: Set<String> = []
    /// Beyond this many cached postings the cache starts over (about 8 bytes each).
    private let capacity: Int

    init(capacity: Int = 16_000_000) {
        self.capacity = capacity
    }

    /// Whether every concept of `concepts` is cached or was asked for before; marks them asked.
    func isWorthLoading(_ concepts: [String], generation: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if self.generation != generation {
            self.generation = generation
            lists.removeAll()
            size = 0
        }
        var worth = true
        for concept in concepts where lists[concept] == nil {
            if !requested.contains(concept) { worth = false }
            requested.insert(concept)
        }
        return worth
    }

    /// The postings of `concept` as of `generation`, loading them from `db` when needed.
    func postings(of concept: String, generation: Int, in db: Database) throws -> [Int64] {
        lock.lock()
        if self.generation != generation {
            self.generation = generation
            lists.removeAll()
            size = 0
        }
        if let list = lists[concept] {
            lock.unlock()
            return list
        }
        lock.unlock()
        let list = try Self.load(concept, in: db)
        lock.lock()
        defer { lock.unlock() }
        if self.generation == generation {
            if size + list.count > capacity {
                lists.removeAll()
                size = 0
            }
            lists[concept] = list
            size += list.count
        }
        return list
    }

    private static func load(_ concept: String, in db: Database) throws -> [Int64] {
        let statement = try db.cachedStatement(
            sql: "SELECT sentence_id FROM mentions WHERE concept = ? AND parent IS NULL ORDER BY sentence_id")
        try statement.setArguments([concept])
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var list: [Int64] = []
        var last: Int64 = -1
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return list }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let id = sqlite3_column_int64(handle, 0)
            if id != last { list.append(id) }
            last = id
        }
    }

    /// The write generation of the corpus as `db` sees it.
    static func generation(_ db: Database) throws -> Int {
        let statement = try db.cachedStatement(sql: "SELECT value FROM meta WHERE key = 'generation'")
        return try Int(String.fetchOne(statement) ?? "0") ?? 0
    }
}

/// Operations on sorted, duplicate-free id lists.
enum SortedIDs {
    /// The union of sorted lists.
    static func union(_ lists: [[Int64]]) -> [Int64] {
        guard lists.count > 1 else { return lists.first ?? [] }
        var result = lists.flatMap { $0 }
        result.sort()
        var kept = 0
        for i in result.indices where i == 0 || result[i] != result[i - 1] {
            result[kept] = result[i]
            kept += 1
        }
        result.removeLast(result.count - kept)
        return result
    }

    /// The ids common to every list, at most `limit` of them after skipping `offset`
    /// (nil limit: all). Smallest list first, galloping through the others.
    static func intersection(_ lists: [[Int64]], offset: Int = 0, limit: Int? = nil) -> [Int64] {
        guard let shortest = lists.indices.min(by: { lists[$0].count < lists[$1].count }) else { return [] }
        let others = lists.indices.filter { $0 != shortest }.map { lists[$0] }
        var cursors = [Int](repeating: 0, count: others.count)
        var result: [Int64] = []
        var skipped = 0
        candidates: for id in lists[shortest] {
            for k in others.indices {
                cursors[k] = gallop(others[k], to: id, from: cursors[k])
                if cursors[k] == others[k].count { break candidates }
                if others[k][cursors[k]] != id { continue candidates }
            }
            if skipped < offset {
                skipped += 1
                continue
            }
            result.append(id)
            if let limit, result.count >= limit { break }
        }
        return result
    }

    /// The first position at or after `start` whose id is not less than `id`.
    static func gallop(_ list: [Int64], to id: Int64, from start: Int) -> Int {
        var low = start
        var step = 1
        var high = start
        while high < list.count, list[high] < id {
            low = high + 1
            high += step
            step <<= 1
        }
        high = min(high, list.count)
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
