import AnnotextCore

/// A recursive-descent parser for the query language of `ConceptQuery`:
///
/// ```
/// query   := or END
/// or      := and (("OR" | "|") and)*
/// and     := unary (("AND" | "&")? unary)*
/// unary   := ("NOT" | "-") unary | primary
/// primary := "(" or ")" | near | term
/// near    := ("NEAR" | "NEAR/" digits) "(" or "," or ")"
/// term    := field ":" value | concept (":" ["-"] attribute)*
/// ```
struct QueryParser {
    private let lexer: QueryLexer
    private let tokens: [QueryLexer.Token]
    private let resolver: ConceptResolver
    private var position = 0

    init(_ source: String, resolver: ConceptResolver) throws(IndexError) {
        lexer = QueryLexer(source)
        tokens = try lexer.tokens()
        self.resolver = resolver
    }

    private var current: QueryLexer.Token { tokens[position] }

    mutating func parse() throws(IndexError) -> QueryNode {
        if current.kind == .end { throw lexer.error(at: 0, "empty query") }
        let node = try parseOr()
        switch current.kind {
        case .end: return node
        case .close: throw lexer.error(at: current.start, "unexpected ')' without a matching '('")
        default: throw lexer.error(at: current.start, "unexpected \"\(lexer.text(current.start..<current.end))\"")
        }
    }

    private mutating func parseOr() throws(IndexError) -> QueryNode {
        var nodes = [try parseAnd()]
        while current.kind == .or {
            position += 1
            nodes.append(try parseAnd())
        }
        return nodes.count == 1 ? nodes[0] : .or(nodes)
    }

    private mutating func parseAnd() throws(IndexError) -> QueryNode {
        var nodes = [try parseUnary()]
        while true {
            switch current.kind {
            case .and:
                position += 1
                nodes.append(try parseUnary())
            case .term, .not, .open:
                // Juxtaposition is AND.
                nodes.append(try parseUnary())
            default:
                return nodes.count == 1 ? nodes[0] : .and(nodes)
            }
        }
    }

    private mutating func parseUnary() throws(IndexError) -> QueryNode {
        if current.kind == .not {
            position += 1
            return .not(try parseUnary())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(IndexError) -> QueryNode {
        let token = current
        switch token.kind {
        case .open:
            position += 1
            let inner = try parseOr()
            guard current.kind == .close else {
                let previous = tokens[position - 1]
                let message = "expected ')' after \"\(lexer.text(token.end..<previous.end))\""
                throw lexer.error(at: current.start, message)
            }
            position += 1
            return inner
        case .term(let parts):
            if let distance = try nearDistance(parts), tokens[position + 1].kind == .open {
                return try parseNear(distance: distance)
            }
            return try parseTerm(parts)
        case .end:
            let before = lexer.text(0..<token.start)
            throw lexer.error(at: token.start, "expected a concept, text:, kind:, doc: or '(' after \"\(before)\"")
        default:
            let found = lexer.text(token.start..<token.end)
            throw lexer.error(at: token.start, "expected a concept, text:, kind:, doc: or '(' before \"\(found)\"")
        }
    }

    private mutating func parseTerm(_ parts: [QueryLexer.Part]) throws(IndexError) -> QueryNode {
        let head = parts[0]
        if parts.count > 1, !head.isQuoted, let field = Field(rawValue: head.text.lowercased()) {
            position += 1
            return try parseField(field, parts)
        }
        // A bare word may start a multi-word label: take the longest run of words that names one.
        var words = [head.text]
        var lastParts = parts
        if !head.isQuoted && parts.count == 1 {
            var ahead = position + 1
            var longest = (count: 1, parts: parts)
            while ahead < tokens.count, case .term(let next) = tokens[ahead].kind, !next[0].isQuoted,
                words.count < 8
            {
                words.append(next[0].text)
                if !resolver.isOpen, resolver.ids(for: words.joined(separator: " ")) != nil {
                    longest = (words.count, next)
                }
                if next.count > 1 { break }
                ahead += 1
            }
            words = Array(words.prefix(longest.count))
            lastParts = longest.count == 1 ? parts : longest.parts
            position += longest.count - 1
        }
        let name = words.joined(separator: " ")
        guard let ids = resolver.ids(for: name) else {
            throw lexer.error(at: head.offset, "unknown concept \"\(name)\" (see annotext concepts)")
        }
        position += 1
        var attributes: [MentionAttribute: Bool] = [:]
        for part in lastParts.dropFirst() {
            let wanted = !part.text.hasPrefix("-")
            let name = wanted ? part.text : String(part.text.dropFirst())
            guard !part.isQuoted, let attribute = MentionAttribute(rawValue: name.lowercased()) else {
                throw lexer.error(
                    at: part.offset,
                    "unknown attribute \"\(part.text)\" (negated, hedged, attributed, or one of them after '-')")
            }
            attributes[attribute] = wanted
        }
        return .concept(ids: ids, attributes: attributes)
    }

    /// The distance of a `NEAR` or `NEAR/N` word; nil for any other term.
    private func nearDistance(_ parts: [QueryLexer.Part]) throws(IndexError) -> Int? {
        guard parts.count == 1, !parts[0].isQuoted else { return nil }
        let word = parts[0].text
        let upper = word.uppercased()
        if upper == "NEAR" { return 1 }
        guard upper.hasPrefix("NEAR/") else { return nil }
        guard let distance = Int(upper.dropFirst(5)), distance >= 0, distance <= 1000 else {
            throw lexer.error(at: parts[0].offset + 5, "expected a distance from 0 to 1000 after \"NEAR/\"")
        }
        return distance
    }

    /// `NEAR/N(a, b)`, the current token being the NEAR word and the next one `(`.
    private mutating func parseNear(distance: Int) throws(IndexError) -> QueryNode {
        let open = tokens[position + 1]
        position += 2
        let first = try parseOr()
        guard current.kind == .comma else {
            let message = "expected ',' after \"\(lexer.text(open.end..<tokens[position - 1].end))\" in NEAR"
            throw lexer.error(at: current.start, message)
        }
        let comma = current
        position += 1
        let second = try parseOr()
        guard current.kind == .close else {
            let message = "expected ')' after \"\(lexer.text(comma.end..<tokens[position - 1].end))\" in NEAR"
            throw lexer.error(at: current.start, message)
        }
        position += 1
        return distance == 0 ? .and([first, second]) : .near(first, second, distance: distance)
    }

    private enum Field: String {
        case text, kind, doc
    }

    private func parseField(_ field: Field, _ parts: [QueryLexer.Part]) throws(IndexError) -> QueryNode {
        let value = parts[1]
        if parts.count > 2 && field != .doc {
            throw lexer.error(at: parts[2].offset - 1, "unexpected ':' in \(field.rawValue):")
        }
        let text = parts.dropFirst().map(\.text).joined(separator: ":")
        if text.isEmpty { throw lexer.error(at: value.offset, "expected a value after \"\(field.rawValue):\"") }
        switch field {
        case .text:
            var word = text
            var isPrefix = false
            if !value.isQuoted, word.hasSuffix("*") {
                word.removeLast()
                isPrefix = true
                if word.isEmpty { throw lexer.error(at: value.offset, "expected letters before '*' in text:") }
            }
            // Always a quoted FTS5 string: the user's characters never reach FTS5 syntax.
            let quoted = "\"" + word.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
            return .text(isPrefix ? quoted + "*" : quoted)
        case .kind:
            guard let kind = UnitKind(rawValue: text.lowercased()) else {
                let kinds = UnitKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw lexer.error(at: value.offset, "unknown kind \"\(text)\" (\(kinds))")
            }
            return .kind(kind)
        case .doc:
            return .document(text)
        }
    }
}
