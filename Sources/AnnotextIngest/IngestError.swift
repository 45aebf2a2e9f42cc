import AnnotextCore
/// Why a document could not be read: one line naming the input, in plain words.
///
/// The message never quotes document text; libxml2's own message is kept (trimmed) for
/// malformed XML because it names the markup, not the content.
public struct IngestError: AnnotextError, Sendable, Equatable {
    /// What kind of problem it was, for callers that react differently (skip vs. stop).
    public enum Reason: String, Sendable, Equatable {
        /// The file could not be opened or read (permissions, vanished, I/O).
        case unreadable
        /// A folder was given where a file was expected.
        case notAFile
        /// The input is larger than `ReadOptions.maxSize`.
        case tooLarge
        /// The input looks like binary data rather than text.
        case binary
        /// The XML is not well-formed.
        case malformedXML
        /// The XML declares entities, which annotext never expands.
        case entityDeclarations
        /// A path given to `DocumentFinder` does not exist.
        case notFound
        /// Any other problem.
        case other
    }

    /// The name of the input (document name or path).
    public var name: String
    /// The kind of problem.
    public var reason: Reason
    /// The problem in plain words, without the name.
    public var message: String
    /// The line of the problem, when the format has lines (XML).
    public var line: Int?

    /// Creates an error for the input `name`.
    public init(name: String, reason: Reason, message: String, line: Int? = nil) {
        self.name = name
        self.reason = reason
        self.message = message
        self.line = line
    }

    /// `NAME: problem`, on one line.
    public var description: String {
        "\(name): \(message)".oneLine
    }
}

extension String {
    /// The string with line breaks and tabs turned into spaces, trimmed: messages stay one line.
    var oneLine: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == " " {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
