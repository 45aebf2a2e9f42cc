/// Splits a query into tokens, remembering where each starts (in Unicode scalars) for messages.
struct QueryLexer {
    /// A piece of a term between colons: `text`, `"exact phrase"`, `negated`.
    struct Part: Hashable {
        var text: String
        var isQuoted: Bool
        var offset: Int
    }

    enum Kind: Hashable {
        case open, close, and, or, not, comma
        case term([Part])
        case end
    }

    struct Token: Hashable {
        var kind: Kind
        /// Scalar offsets of the token in the query.
        var start: Int
        var end: Int
    }

    let scalars: [Unicode.Scalar]

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// `query:LINE:COLUMN` of a scalar offset, both from 1.
    func error(at offset: Int, _ message: String) -> IndexError {
        var line = 1
        var column = 1
        for scalar in scalars[..<min(offset, scalars.count)] {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return .query(line: line, column: column, message)
    }

    /// The query text between two offsets, trimmed, for messages.
    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[max(0, range.lowerBound)..<min(range.upperBound, scalars.count)])
        return String(view).trimmingSpaces
    }

    func tokens() throws(IndexError) -> [Token] {
        var tokens: [Token] = []
        var position = 0
        while true {
            while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
            guard position < scalars.count else {
                tokens.append(Token(kind: .end, start: position, end: position))
                return tokens
            }
            let start = position
            let single: Kind? =
                switch scalars[position] {
                case "(": .open
                case ")": .close
                case "&": .and
                case "|": .or
                case "-": .not
                case ",": .comma
                default: nil
                }
            if let single {
                position += 1
                // `&&` and `||` read as one operator.
                if single == .and || single == .or, position < scalars.count, scalars[position] == scalars[start] {
                    position += 1
                }
                tokens.append(Token(kind: single, start: start, end: position))
                continue
            }
            let parts = try term(&position)
            var kind = Kind.term(parts)
            if parts.count == 1, !parts[0].isQuoted {
                switch parts[0].text.uppercased() {
                case "AND": kind = .and
                case "OR": kind = .or
                case "NOT": kind = .not
                default: break
                }
            }
            tokens.append(Token(kind: kind, start: start, end: position))
        }
    }

    private static func endsBareWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || "()\":&|,".unicodeScalars.contains(scalar)
    }

    /// Reads `part(:part)*`, each part bare or quoted (`\"` and `\\` escape inside quotes).
    private func term(_ position: inout Int) throws(IndexError) -> [Part] {
        var parts: [Part] = []
        while true {
            let start = position
            var text = String.UnicodeScalarView()
            if position < scalars.count, scalars[position] == "\"" {
                position += 1
                var closed = false
                while position < scalars.count {
                    let scalar = scalars[position]
                    position += 1
                    if scalar == "\"" {
                        closed = true
                        break
                    }
                    if scalar == "\\", position < scalars.count {
                        text.append(scalars[position])
                        position += 1
                    } else {
                        text.append(scalar)
                    }
                }
                if !closed { throw error(at: start, "unterminated quote") }
                parts.append(Part(text: String(text), isQuoted: true, offset: start))
            } else {
                while position < scalars.count, !Self.endsBareWord(scalars[position]) {
                    text.append(scalars[position])
                    position += 1
                }
                parts.append(Part(text: String(text), isQuoted: false, offset: start))
            }
            guard position < scalars.count, scalars[position] == ":" else { return parts }
            position += 1
        }
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
