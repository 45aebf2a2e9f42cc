import AnnotextCore

/// One finding of `LexiconChecker`: an error (the lexicon is refused) or a warning (it loads).
public struct LexiconDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable {
        /// The lexicon cannot be used.
        case error
        /// The lexicon loads, but something in it is probably a mistake.
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// The file, as the user gave it (a folder's member is `FOLDER/NAME`).
    public var file: String
    /// The line, from 1; nil when the finding concerns the whole file.
    public var line: Int?
    /// The column in Unicode scalars, from 1; nil when the finding concerns the whole file.
    public var column: Int?
    /// What is wrong.
    public var message: String

    /// Creates a diagnostic.
    public init(severity: Severity, file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// Creates a diagnostic at a place in a file (or about the whole file when `location` is nil).
    init(_ severity: Severity, at location: SourceLocation?, file: String, _ message: String) {
        self.init(
            severity: severity, file: location?.file ?? file, line: location?.line, column: location?.column,
            message: message)
    }

    /// Where the finding is, when it has a place in the file.
    public var location: SourceLocation? {
        line.map { SourceLocation(file: file, line: $0, column: column ?? 1) }
    }

    /// Whether the finding blocks loading.
    public var isError: Bool { severity == .error }

    /// `FILE:LINE:COLUMN: error: message` (or `FILE: warning: message` for the whole file).
    public var description: String {
        guard let line else { return "\(file): \(severity.rawValue): \(message)" }
        return "\(file):\(line):\(column ?? 1): \(severity.rawValue): \(message)"
    }
}
