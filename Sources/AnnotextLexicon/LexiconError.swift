import AnnotextCore
import Foundation

/// Why a lexicon could not be loaded: one line that names the file, and the line and column when
/// the problem sits at a place in it (`Lexicons/ir.yaml:12:5: duplicate concept id "alliance"`).
public struct LexiconError: AnnotextError, Sendable, Hashable, LocalizedError {
    /// The file or folder, as the user gave it.
    public var file: String
    /// The line, from 1, when the problem has a place in the file.
    public var line: Int?
    /// The column in Unicode scalars, from 1, when the problem has a place in the file.
    public var column: Int?
    /// What is wrong, for a person to act on.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error that a checker diagnostic stands for.
    init(_ diagnostic: LexiconDiagnostic) {
        self.init(file: diagnostic.file, line: diagnostic.line, column: diagnostic.column, message: diagnostic.message)
    }

    /// `FILE:LINE:COLUMN: message`, or `FILE: message` when the problem concerns the whole file.
    public var description: String {
        guard let line else { return "\(file): \(message)" }
        return "\(file):\(line):\(column ?? 1): \(message)"
    }

    /// The same line, for callers that print `localizedDescription`.
    public var errorDescription: String? { description }
}
