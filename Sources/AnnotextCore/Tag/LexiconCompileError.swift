/// Why a concept scheme could not be compiled: a term (or an exclusion or context word) that is
/// empty, malformed, or that no text could ever match. The message names the concept and the
/// term and starts with the term's place in the lexicon file when the reader recorded it:
/// `Lexicons/ir.yaml:12:7: concept "alliance": term "[military alliance" has an unclosed "["`.
public struct LexiconCompileError: AnnotextError, Equatable, Sendable {
    /// Where the term is written: the term's location, else its concept's, else the scheme id.
    public var place: String
    /// The concept's id.
    public var concept: String
    /// What was refused: `term`, `exclusion` or `context word`.
    public var kind: String
    /// The term as written.
    public var term: String
    /// What is wrong with it, in words.
    public var reason: String

    /// Creates an error.
    public init(place: String, concept: String, kind: String = "term", term: String, reason: String) {
        self.place = place
        self.concept = concept
        self.kind = kind
        self.term = term
        self.reason = reason
    }

    /// `PLACE: concept "ID": term "TERM" REASON`, one line.
    public var description: String {
        "\(place): concept \"\(concept)\": \(kind) \"\(Self.quoted(term))\" \(reason)"
    }

    /// The term with line breaks and tabs written out, so the message stays on one line.
    private static func quoted(_ term: String) -> String {
        term.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
    }
}

extension String {
    /// Replaces every occurrence of `target`, without Foundation.
    fileprivate func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
