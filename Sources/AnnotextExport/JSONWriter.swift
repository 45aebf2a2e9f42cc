import AnnotextCore

/// Writes records as JSON bytes. (Stub: to be replaced.)
public struct JSONWriter {
    /// Creates a writer.
    public init() {}
}
