import AnnotextCore
/// Why the index refused or failed: one line, `PATH: message` or `query:LINE:COLUMN: message`.
///
/// Messages name the corpus file or the query position and never quote document text.
public struct IndexError: AnnotextError, Sendable, Hashable {
    /// What kind of failure it is, for callers that react differently (exit codes, retries).
    public enum Reason: Sendable, Hashable {
        /// The corpus was made by a newer schema than this build reads.
        case newerSchema(found: Int, supported: Int)
        /// Another connection held the write lock past the busy timeout.
        case busy
        /// The file is not an annotext corpus (not SQLite, or SQLite without our tables).
        case notACorpus
        /// A read-only open of a corpus that does not exist.
        case missing
        /// The query string could not be parsed or names an unknown concept.
        case query
        /// A document handed to `write` is inconsistent (its records do not fit it).
        case invalidDocument
        /// Any other SQLite failure, with its primary result code.
        case sqlite(code: Int32)
    }

    /// The corpus path, a document name, or `query:LINE:COLUMN`.
    public var location: String
    /// What went wrong, for a person.
    public var message: String
    /// The kind of failure.
    public var reason: Reason

    /// Creates an error.
    public init(location: String, message: String, reason: Reason) {
        self.location = location
        self.message = message
        self.reason = reason
    }

    /// `LOCATION: message`.
    public var description: String { "\(location): \(message)" }

    /// A query error at a 1-based line and column of the query text.
    static func query(line: Int, column: Int, _ message: String) -> IndexError {
        IndexError(location: "query:\(line):\(column)", message: message, reason: .query)
    }
}
