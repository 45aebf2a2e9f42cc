import AnnotextCore
import Yams

extension YAMLLexiconReader {
    /// Turns what Yams threw into one diagnostic at the place libyaml gave, without the
    /// multi-line snippet that Yams' own description adds.
    mutating func report(yamlError: any Error, in text: String) {
        let place: (line: Int, column: Int)?
        let message: String
        switch yamlError as? YamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            place = (mark.line, mark.column)
            if let context {
                message = "invalid YAML: \(problem) (\(context.text) at line \(context.mark.line))"
            } else {
                message = "invalid YAML: \(problem)"
            }
        case .duplicatedKeysInMapping(let duplicates, let context):
            place = (context.mark.line, context.mark.column)
            message = "duplicate key " + duplicates.map(quoted).joined(separator: ", ")
        case .reader(let problem, let offset, _, _):
            place = offset.map { Self.lineAndColumn(ofCharacter: $0, in: text) }
            message = "invalid YAML: \(problem)"
        default:
            place = nil
            message = "invalid YAML"
        }
        diagnostics.append(
            LexiconDiagnostic(severity: .error, file: file, line: place?.line, column: place?.column, message: message))
    }

    /// The 1-based line and column of the character at `offset` (counted in `Character`s, as
    /// Yams counts a reader error's offset).
    static func lineAndColumn(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
