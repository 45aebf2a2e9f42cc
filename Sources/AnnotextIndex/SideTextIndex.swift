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

    /// The private database the build thread fills.
    let queue: DatabaseQueue
    private let condition = NSCondition()
    /// Runs of units handed over and not yet taken by a build, with the sentence id of their
    /// document's unit 0.
    private var waiting: [(base: Int64, records: [SentenceRecord])] = []
    /// No more units will come: the builds end when they have taken the waiting ones.
    private var isClosed = false
    private var isCancelled = false
    /// Whether any units were handed over.
    private var hasUnits = false
    /// Whether the caller's thread builds a second index at `finish`: the build thread then
    /// leaves it the last runs (see `nextRun`).
    private var callerIsBuilding = false
    /// Whether the build thread's statement has ended, and how.
    private var isDone = false
    private var failure: (any Error)?

    /// Opens the private database and starts the build thread; nil when SQLite cannot give
    /// a side index (the writer then indexes in its own connection).
    convenience init?() {
        self.init(runs: nil)
        let thread = Thread { [self] in build(onBuildThread: true) }
        thread.name = "annotext side text index"
        thread.start()
    }

    /// A side index of `runs` alone, built by `build()` on the caller's thread; with nil, one
    /// that waits for runs on a thread of its own.
    init?(runs: [(base: Int64, records: [SentenceRecord])]?) {
        guard let queue = Self.makeDatabase() else { return nil }
        self.queue = queue
        if let runs {
            waiting = runs
            isClosed = true
        }
    }

    /// A private in-memory database with an empty index table; nil when SQLite cannot give one.
    private static func makeDatabase() -> DatabaseQueue? {
        do {
            let queue = try DatabaseQueue()
            try queue.inDatabase { db in
                guard annotext_feed_register(db.sqliteConnection) == SQLITE_OK else {
                    throw DatabaseError(message: "annotext_feed could not be registered")
                }
                try db.execute(
                    sql: "CREATE VIRTUAL TABLE \(table) USING fts5(text, content='', \(CorpusSchema.textIndexOptions))")
                try db.execute(
                    sql: "INSERT INTO \(table) (\(table), rank) VALUES ('hashsize', \(CorpusSchema.textIndexBuffer))")
            }
            return queue
        } catch {
            return nil
        }
    }

    /// Hands over units of one document to index; `base` is the sentence id of its unit 0 (a
    /// unit's id is `base | index`). Ids must increase across calls, or FTS5 writes out a
    /// segment at each step back.
    func add(_ records: [SentenceRecord], base: Int64) {
        guard !records.isEmpty else { return }
        condition.lock()
        waiting.append((base, records))
        hasUnits = true
        condition.signal()
        condition.unlock()
    }

    /// Waits for the units handed over to be indexed: the databases that hold them (none when
    /// no units came), or nil when a build failed.
    ///
    /// When runs are still waiting, the caller's thread builds a second index beside the
    /// build thread's, both taking the next waiting run as they are free, so that the build
    /// thread's backlog does not run on one core while the caller waits. Each takes runs in
    /// the order they came, so each still writes one segment.
    func finish() -> [DatabaseQueue]? {
        condition.lock()
        isClosed = true
        let hasBacklog = !waiting.isEmpty
        callerIsBuilding = hasBacklog
        condition.broadcast()
        condition.unlock()
        var built = [queue]
        if hasBacklog {
            guard let second = Self.makeDatabase(), build(into: second) == nil else {
                cancel()
                return nil
            }
            built.append(second)
        }
        condition.lock()
        defer { condition.unlock() }
        while !isDone { condition.wait() }
        guard failure == nil else { return nil }
        return hasUnits ? built : []
    }

    /// Stops the build, what it built unused, and waits for its thread to end.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        isCancelled = true
        condition.broadcast()
        while !isDone { condition.wait() }
    }

    /// Builds this side index's own database from the runs handed over, and records that it
    /// is done: false when it failed. The build thread's work, or the caller's for a side index
    /// of given runs (`init(runs:)`).
    @discardableResult
    func build(onBuildThread: Bool = false) -> Bool {
        let outcome = build(into: queue, onBuildThread: onBuildThread)
        condition.lock()
        defer { condition.unlock() }
        failure = outcome
        isDone = true
        condition.broadcast()
        return outcome == nil
    }

    /// Runs the one statement that indexes runs into `database`'s table, taking waiting runs
    /// until none is left: the error when it failed.
    private func build(into database: DatabaseQueue, onBuildThread: Bool = false) -> (any Error)? {
        let feed = Feed(index: self, onBuildThread: onBuildThread)
        do {
            try database.inTransaction { db in
                let statement = try db.makeStatement(
                    sql: "INSERT INTO \(Self.table) (rowid, text) SELECT id, text FROM annotext_feed(?)")
                let code = withExtendedLifetime(feed) {
                    var source = annotext_feed_source(next: Feed.next, context: Unmanaged.passUnretained(feed).toOpaque())
                    return withUnsafeMutablePointer(to: &source) { source in
                        annotext_feed_bind(statement.sqliteStatement, 1, source)
                        defer { sqlite3_reset(statement.sqliteStatement) }
                        return sqlite3_step(statement.sqliteStatement)
                    }
                }
                guard code == SQLITE_DONE else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code),
                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                return isCancelledNow ? .rollback : .commit
            }
            return nil
        } catch {
            return error
        }
    }

    private var isCancelledNow: Bool {
        condition.lock()
        defer { condition.unlock() }
        return isCancelled
    }

    /// Takes the next waiting run, waiting for one to be handed over: nil when none will come.
    ///
    /// Once the caller builds beside it, the build thread leaves it the last `callerRuns`: its
    /// index holds most of the text, and FTS5 writes its segment out only when the statement
    /// ends, which took 50–90 ms on prose.txt against 20 ms for the caller's.
    func nextRun(forBuildThread: Bool) -> (base: Int64, records: [SentenceRecord])? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !isClosed && !isCancelled { condition.wait() }
        guard !isCancelled, !waiting.isEmpty else { return nil }
        if forBuildThread && callerIsBuilding && waiting.count <= Self.callerRuns { return nil }
        return waiting.removeFirst()
    }

    /// Runs of about 1 MB took 25 ms each to index: two make up for the longer end of the
    /// build thread's statement.
    static let callerRuns = 2
}
