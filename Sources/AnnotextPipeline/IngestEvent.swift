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
