import AnnotextCore
import Foundation

/// Reads files into documents. (Stub: to be replaced.)
public struct DocumentReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads bytes named `name` as `format`, or as the format the name and content suggest.
    public func read(_ bytes: [UInt8], name: String, format: DocumentFormat? = nil) throws -> Document {
        Document(name: name, text: String(decoding: bytes, as: UTF8.self))
    }
}
