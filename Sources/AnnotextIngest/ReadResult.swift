import AnnotextCore

/// A document as read, with the warnings the reader raised on the way.
public struct ReadResult: Sendable {
    /// The document.
    public var document: Document
    /// Problems the reader worked around (a Windows-1252 fallback, a recovered HTML page).
    public var warnings: [IngestWarning]

    /// Creates a result.
    public init(document: Document, warnings: [IngestWarning] = []) {
        self.document = document
        self.warnings = warnings
    }
}
