import AnnotextCore
import Foundation

/// A document of the corpus as `annotext documents` lists it.
public struct DocumentSummary: Sendable, Hashable {
    /// The document's name (unique in the corpus).
    public var name: String
    /// Its title, when the format carried one.
    public var title: String?
    /// Where it was read from.
    public var source: String?
    /// The format it was read as.
    public var format: DocumentFormat
    /// Its language, when known.
    public var language: String?
    /// How many units it has.
    public var sentences: Int
    /// How many top-level mentions it has.
    public var mentions: Int
    /// The size of its text in UTF-8 bytes.
    public var bytes: Int
    /// When it was (last) written to the corpus.
    public var ingestedAt: Date
    /// The content hash it was stored with.
    public var contentHash: String

    /// Creates a summary.
    public init(
        name: String, title: String?, source: String?, format: DocumentFormat, language: String?,
        sentences: Int, mentions: Int, bytes: Int, ingestedAt: Date, contentHash: String
    ) {
        self.name = name
        self.title = title
        self.source = source
        self.format = format
        self.language = language
        self.sentences = sentences
        self.mentions = mentions
        self.bytes = bytes
        self.ingestedAt = ingestedAt
        self.contentHash = contentHash
    }
}
