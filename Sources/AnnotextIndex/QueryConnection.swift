import Foundation
import GRDB

/// One read-only connection of a store kept for its queries, beside the pool.
///
/// Why: a pool read checks a reader out (key paths, locks), runs `PRAGMA schema_version` and
/// hops through two dispatch queues — about 40,000 instructions, as much as a first page of
/// a concept query's own work (callgrind over annotext-search-bench). A queue of one connection
/// costs one dispatch hop. Whoever finds it busy (a concurrent query) reads through the pool,
/// so queries never wait on each other here.
///
/// It opens once the store has answered `opening` queries through the pool: a one-shot process
/// (`annotext search`) asks a few and should not open and read the schema twice.
final class QueryConnection: @unchecked Sendable {
    /// Queries answered through the pool before the connection opens.
    static let opening = 4
    /// At most this much of the corpus file is memory-mapped for reading (address space only).
    static let mappedBytes = 1 << 30

    private let lock = NSLock()
    private var queue: DatabaseQueue?
    /// Set when opening failed: the pool serves every query from then on.
    private var isUnavailable = false
    private var declined = 0

    /// Runs `body` on the query connection when it is open (or due to open) and free, else
    /// returns nil without running it.
    func run<T>(path: String, busyTimeout: Double, _ body: (Database) throws -> T) throws -> T? {
        guard lock.try() else { return nil }
        defer { lock.unlock() }
        if queue == nil && !isUnavailable {
            declined += 1
            if declined <= Self.opening { return nil }
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(busyTimeout)
            configuration.prepareDatabase { db in
                try db.execute(sql: CorpusStore.readerCacheSize)
                // Pages outside SQLite's own cache are read from the memory-mapped file instead
                // of one pread each: the first page of a query in a part of the corpus not read
                // lately costs a memory access, not a system call.
                try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)")
            }
            do { queue = try DatabaseQueue(path: path, configuration: configuration) } catch { isUnavailable = true }
        }
        guard let queue else { return nil }
        return try queue.inDatabase(body)
    }
}
