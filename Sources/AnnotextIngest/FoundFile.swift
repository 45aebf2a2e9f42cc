#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A file `DocumentFinder` found: where it is and the document name it gets.
public struct FoundFile: Sendable, Hashable {
    /// The file's location.
    public var url: URL
    /// The document name: the path relative to the folder given (extension kept), or the file
    /// name for a file given directly.
    public var name: String
    /// The file's size in bytes when it was found (for progress and memory bounds; 0 if unknown).
    public var size: Int

    /// Creates a found file.
    public init(url: URL, name: String, size: Int = 0) {
        self.url = url
        self.name = name
        self.size = size
    }
}
