import GRDB

/// Document names by document id for the readers of hits and records: the store's
/// `ReaderCache` first, then one cached statement; the name looked up last is kept without
/// locking or hashing, since the hits of a page often share a document.
struct DocumentNames {
    private let statement: Statement
    private let cache: ReaderCache
    private let generation: Int
    private var last: (id: Int64, name: String) = (-1, "")

    /// - Parameter generation: the corpus's write generation in this read transaction
    ///   (`ReaderCache.state(_:)`), which keys the cached names.
    init(_ db: Database, cache: ReaderCache, generation: Int) throws {
        statement = try db.cachedStatement(sql: "SELECT name FROM documents WHERE id = ?")
        self.cache = cache
        self.generation = generation
    }

    /// The name of the document of unit `unitID`.
    mutating func name(ofUnit unitID: Int64) throws -> String {
        let id = unitID >> Int64(CorpusSchema.indexBits)
        if id == last.id { return last.name }
        let name = try lookUp(id)
        last = (id, name)
        return name
    }

    private func lookUp(_ id: Int64) throws -> String {
        if let name = cache.name(id, generation: generation) { return name }
        guard let name = try statement.withRow(id: id, { RecordReader.string($0, 0) }) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "no document \(id)")
        }
        cache.remember(name: name, of: id, generation: generation)
        return name
    }
}
