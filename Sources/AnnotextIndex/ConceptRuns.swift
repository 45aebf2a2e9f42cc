import AnnotextCore
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// One concept's stored postings as the store's readers keep them between queries
/// (`ReaderCache`): the last id of every run, the concept's sentence total, and the bytes of
/// the runs read so far.
///
/// Why: with the run boundaries at hand a cursor knows which run holds an id without a B-tree
/// seek, steps past the last run without asking SQLite, and reads one run by its key; with the
/// bytes at hand a run read again (the first run of a common concept, the runs a conjunction
/// leapfrogs through) costs no statement, no overflow-page walk and no copy. The runs of a
/// concept are valid for one write generation of the corpus, like everything `ReaderCache`
/// holds. Run bytes are shared between the store's readers under the cache's lock.
final class ConceptRuns: @unchecked Sendable {
    /// The concept.
    let concept: String
    /// The last unit id of each run, ascending.
    let lastIDs: [Int64]
    /// How many units mention the concept (`concept_totals.sentences`).
    let sentences: Int
    /// The stored bytes of each run, once read and kept (guarded by the cache's lock).
    var bytes: [[UInt8]?]

    init(concept: String, lastIDs: [Int64], sentences: Int) {
        self.concept = concept
        self.lastIDs = lastIDs
        self.sentences = sentences
        bytes = Array(repeating: nil, count: lastIDs.count)
    }

    /// Reads the run boundaries and total of `concept` in the caller's read transaction.
    static func read(_ concept: String, in db: Database) throws -> ConceptRuns {
        var lastIDs: [Int64] = []
        let runs = try db.cachedStatement(sql: "SELECT last_id FROM postings WHERE concept = ? ORDER BY last_id")
        sqlite3_bind_text(runs.sqliteStatement, 1, concept, -1, RecordReader.transient)
        try runs.forEachRow { lastIDs.append(sqlite3_column_int64($0, 0)) }
        let total = try db.cachedStatement(sql: "SELECT sentences FROM concept_totals WHERE concept = ?")
        return ConceptRuns(concept: concept, lastIDs: lastIDs, sentences: try PostingsQuery.sentences(of: concept, total))
    }

    /// The first run at or after run `start` whose last id is at least `id`; `lastIDs.count`
    /// when there is none.
    func run(containing id: Int64, from start: Int) -> Int {
        lastIDs[min(max(0, start), lastIDs.count)...].partitionPoint { $0 >= id }
    }

    /// Reads the bytes of run `k` from the store (`statement`: the data of one run by key).
    func readRun(_ k: Int, _ statement: Statement) throws -> [UInt8] {
        let handle = statement.sqliteStatement
        sqlite3_bind_text(handle, 1, concept, -1, RecordReader.transient)
        sqlite3_bind_int64(handle, 2, lastIDs[k])
        var bytes: [UInt8]?
        try statement.forEachRow { handle in
            let size = Int(sqlite3_column_bytes(handle, 0))
            if let data = sqlite3_column_blob(handle, 0) {
                bytes = Array(UnsafeRawBufferPointer(start: data, count: size).bindMemory(to: UInt8.self))
            }
        }
        guard let bytes, bytes.withUnsafeBytes({ PostingsChunk.header($0) }) != nil else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "damaged postings run")
        }
        return bytes
    }

    /// The SQL of `readRun`'s statement.
    static let runSQL = "SELECT data FROM postings WHERE concept = ? AND last_id = ?"
}
