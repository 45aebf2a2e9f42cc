import AnnotextCore
import CSQLiteSetup
import Foundation
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// A full-text index of one transaction's units, built on a thread of its own in a private
/// in-memory database while the writer stores the units; `TextIndexTransplant` then moves what
/// it built into the corpus's index.
///
/// Filling the text index was half of the writer's work on a large document (perf on
/// prose.txt: 0.59 s of the writer thread's 1.24 s), and the writer is the one thread an
/// ingest cannot split: the other core sat idle for the last half second. Built here, that work
/// runs beside the writer instead of after it.
///
/// The whole build is one `INSERT … SELECT` from `annotext_feed`, whose rows are the units
/// handed over with `add`, waited for as they come: FTS5 writes its pending terms out as a new
/// segment at the start of every statement, so one statement gives one segment.
final class SideTextIndex: @unchecked Sendable {
    /// Transactions with less text than this index it in the writer: a side index costs a
    /// thread, a database and the move, and gains only on text that takes a while to index.
    static let minimumBytes = 1 << 20

    /// The index's table in the private database.
    static let table = "side_fts"

    /// The private database.
    let queue: DatabaseQueue
    private let condition = NSCondition()
    /// Runs of units handed over and not yet taken by the build, with the sentence id of
    /// their document's unit 0.
    private var waiting: [(base: Int64, records: [SentenceRecord])] = []
    /// No more units will come: the build ends when it has taken the waiting ones.
    private var isClosed = false
    private var isCancelled = false
    private var isDone = false
    private var failure: (any Error)?
    /// The batch the feed reads, kept until it asks for the next one (build thread only).
    private var batch = FeedBatch()

    /// Opens the private database and starts the build thread; nil when SQLite cannot give
    /// a side index (the writer then indexes in its own connection).
    convenience init?() {
        self.init(runs: nil)
        let thread = Thread { [self] in build() }
        thread.name = "annotext side text index"
        thread.start()
    }

    /// A side index of `runs` alone, built by `build()` on the caller's thread; with nil, one
    /// that waits for runs on a thread of its own.
    init?(runs: [(base: Int64, records: [SentenceRecord])]?) {
        do {
            queue = try DatabaseQueue()
            try queue.inDatabase { db in
                guard annotext_feed_register(db.sqliteConnection) == SQLITE_OK else {
                    throw DatabaseError(message: "annotext_feed could not be registered")
                }
                try db.execute(
                    sql: "CREATE VIRTUAL TABLE \(Self.table) USING fts5(text, content='', \(CorpusSchema.textIndexOptions))")
                try db.execute(
                    sql: "INSERT INTO \(Self.table) (\(Self.table), rank) VALUES ('hashsize', \(CorpusSchema.textIndexBuffer))"
                )
            }
        } catch {
            return nil
        }
        if let runs {
            waiting = runs
            isClosed = true
        }
    }

    /// Hands over units of one document to index; `base` is the sentence id of its unit 0 (a
    /// unit's id is `base | index`). Ids must increase across calls, or FTS5 writes out a
    /// segment at each step back.
    func add(_ records: [SentenceRecord], base: Int64) {
        guard !records.isEmpty else { return }
        condition.lock()
        waiting.append((base, records))
        condition.signal()
        condition.unlock()
    }

    /// Waits for the units handed over to be indexed: the databases that hold them, or nil when
    /// a build failed.
    ///
    /// Runs the build has not taken yet are split: the caller's thread indexes the later half
    /// in a second side index while the build thread does the rest, so the build thread's
    /// backlog does not run on one core while the caller waits. That makes a second segment.
    func finish() -> [DatabaseQueue]? {
        condition.lock()
        isClosed = true
        let stolen = Array(waiting.suffix((waiting.count + 1) / 2))
        waiting.removeLast(stolen.count)
        condition.broadcast()
        condition.unlock()
        var built: [DatabaseQueue] = []
        if !stolen.isEmpty {
            guard let helper = SideTextIndex(runs: stolen), helper.build() else {
                cancel()
                return nil
            }
            built.append(helper.queue)
        }
        condition.lock()
        defer { condition.unlock() }
        while !isDone { condition.wait() }
        return failure == nil ? [queue] + built : nil
    }

    /// Stops the build, what it built unused, and waits for its thread to end.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        isCancelled = true
        condition.broadcast()
        while !isDone { condition.wait() }
    }

    /// Runs the one statement that indexes every unit: false when it failed.
    @discardableResult
    func build() -> Bool {
        do {
            try queue.inTransaction { db in
                let statement = try db.makeStatement(
                    sql: "INSERT INTO \(Self.table) (rowid, text) SELECT id, text FROM annotext_feed(?)")
                let context = Unmanaged.passUnretained(self).toOpaque()
                var source = annotext_feed_source(next: SideTextIndex.feedNext, context: context)
                let code = withUnsafeMutablePointer(to: &source) { source in
                    annotext_feed_bind(statement.sqliteStatement, 1, source)
                    defer { sqlite3_reset(statement.sqliteStatement) }
                    return sqlite3_step(statement.sqliteStatement)
                }
                guard code == SQLITE_DONE else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code),
                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                return isCancelledNow ? .rollback : .commit
            }
        } catch {
            condition.lock()
            failure = error
            condition.unlock()
        }
        condition.lock()
        defer { condition.unlock() }
        isDone = true
        condition.broadcast()
        return failure == nil
    }

    private var isCancelledNow: Bool {
        condition.lock()
        defer { condition.unlock() }
        return isCancelled
    }

    /// The feed's `next`: the next run of units as a batch, waiting for one to be handed over.
    private static let feedNext: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<annotext_feed_batch>?)
        -> Int32 = { context, out in
            guard let context, let out else { return 0 }
            let index = Unmanaged<SideTextIndex>.fromOpaque(context).takeUnretainedValue()
            return index.nextBatch(into: out) ? 1 : 0
        }

    private func nextBatch(into out: UnsafeMutablePointer<annotext_feed_batch>) -> Bool {
        condition.lock()
        while waiting.isEmpty && !isClosed && !isCancelled { condition.wait() }
        guard !isCancelled, !waiting.isEmpty else {
            condition.unlock()
            return false
        }
        let run = waiting.removeFirst()
        condition.unlock()
        batch.fill(run.records, base: run.base)
        out.pointee = batch.view
        return true
    }
}

/// A run of units laid out for the feed: ids, texts one after another, and where each ends.
/// Its buffers are its own (allocated, not Swift arrays), so the pointers the feed holds stay
/// valid until the next `fill`.
private final class FeedBatch {
    private var ids = UnsafeMutableBufferPointer<Int64>.allocate(capacity: 0)
    private var ends = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 0)
    private var text = UnsafeMutableBufferPointer<CChar>.allocate(capacity: 0)
    private var count = 0

    deinit {
        ids.deallocate()
        ends.deallocate()
        text.deallocate()
    }

    func fill(_ records: [SentenceRecord], base: Int64) {
        count = records.count
        if ids.count < count {
            ids.deallocate()
            ends.deallocate()
            ids = .allocate(capacity: count)
            ends = .allocate(capacity: count)
        }
        let bytes = records.reduce(0) { $0 + $1.text.utf8.count }
        if text.count < bytes {
            text.deallocate()
            text = .allocate(capacity: bytes)
        }
        var end = 0
        for (k, record) in records.enumerated() {
            ids[k] = base | Int64(record.index)
            var unit = record.text
            unit.withUTF8 { utf8 in
                guard let base = utf8.baseAddress, let target = text.baseAddress else { return }
                UnsafeMutableRawPointer(target + end).copyMemory(from: base, byteCount: utf8.count)
                end += utf8.count
            }
            ends[k] = Int32(end)
        }
    }

    var view: annotext_feed_batch {
        annotext_feed_batch(
            ids: UnsafePointer(ids.baseAddress), text: UnsafePointer(text.baseAddress),
            ends: UnsafePointer(ends.baseAddress), count: Int32(count))
    }
}
