/// Something the reader worked around: the document was read, but a person may want to know.
public struct IngestWarning: CustomStringConvertible, Sendable, Equatable {
    /// The name of the input.
    public var name: String
    /// The warning in plain words, without the name.
    public var message: String

    /// Creates a warning for the input `name`.
    public init(name: String, message: String) {
        self.name = name
        self.message = message
    }

    /// `NAME: warning`, on one line.
    public var description: String {
        "\(name): \(message)".oneLine
    }
}
