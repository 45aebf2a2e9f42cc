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

    /// Creates a found file.
    public init(url: URL, name: String) {
        self.url = url
        self.name = name
    }
}
