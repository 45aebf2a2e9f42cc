import AnnotextCore
import AnnotextIndex

/// What happened to one file during ingest.
public enum IngestEvent: Sendable {
    /// The document was stored (or found unchanged).
    case stored(name: String, outcome: WriteOutcome, sentences: Int)
    /// A recoverable problem: the file went in.
    case warning(String)
    /// The file could not be ingested; the message names it.
    case failed(name: String, message: String)
}

/// Totals of an ingest run.
public struct IngestSummary: Sendable, Hashable {
    /// Documents new to the corpus.
    public var added = 0
    /// Documents that replaced an older version under the same name.
    public var replaced = 0
    /// Documents whose content was already in the corpus as it is.
    public var unchanged = 0
    /// Files that failed.
    public var failed = 0
    /// Units stored.
    public var sentences = 0
    /// Top-level mentions stored.
    public var mentions = 0
    /// Bytes of document text read.
    public var bytes = 0

    /// Creates empty totals.
    public init() {}

    mutating func count(_ outcome: WriteOutcome, sentences records: [SentenceRecord]) {
        switch outcome {
        case .added: added += 1
        case .replaced: replaced += 1
        case .unchanged:
            unchanged += 1
            return
        }
        sentences += records.count
        mentions += records.reduce(0) { $0 + ($1.mentions?.count ?? 0) }
    }
}
