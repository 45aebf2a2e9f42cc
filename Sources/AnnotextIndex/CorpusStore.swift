import AnnotextCore
import GRDB

/// A corpus in one SQLite file. (Stub: to be replaced.)
public final class CorpusStore: Sendable {
    let database: DatabaseQueue

    /// Opens or creates the corpus at `path`.
    public init(path: String) throws {
        database = try DatabaseQueue(path: path)
    }
}
