/// Limits and choices for `DocumentReader`.
public struct ReadOptions: Sendable, Equatable {
    /// The largest input accepted, in bytes (default 256 MB). Larger files are refused before
    /// they are read.
    public var maxSize: Int
    /// Whether to judge the language of every block (cheap; off only for benchmarks).
    public var detectsLanguage: Bool

    /// Creates options.
    public init(maxSize: Int = 256_000_000, detectsLanguage: Bool = true) {
        self.maxSize = maxSize
        self.detectsLanguage = detectsLanguage
    }
}
