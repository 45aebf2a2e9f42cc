import AnnotextCore
import Foundation

/// Reads a gold file for `annotext eval`: JSON Lines, one passage per line, offsets in Unicode
/// scalars of the passage text (`Docs/EVAL.md`):
///
/// ```json
/// {"id": "p1", "text": "…", "sentences": [[0, 42]], "mentions": [{"start": 4, "end": 12, "concept": "alliance"}]}
/// ```
///
/// A mention may carry `"negated": true` and, for people reading the file, `"text"`, which
/// must then equal the text it spans. Blank lines are skipped. The first problem is thrown as a
/// `LexiconError` naming the file and line (`gold.jsonl:7:1: mention 2 ends after the text`).
public enum GoldFile {
    /// The passages of the gold file at `url`.
    public static func passages(contentsOf url: URL) throws -> [GoldPassage] {
        let file = url.relativePath
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw LexiconError(file: file, message: exists ? "cannot be read" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconError(file: file, message: "is not UTF-8")
        }
        return try passages(text: text, file: file)
    }

    /// The passages of gold-file `text`; `file` names it in messages.
    public static func passages(text: String, file: String) throws -> [GoldPassage] {
        var passages: [GoldPassage] = []
        var firstLineOfID: [String: Int] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            let number = index + 1
            let passage = try GoldLine(file: file, line: number).passage(from: line)
            if let first = firstLineOfID[passage.id] {
                throw LexiconError(
                    file: file, line: number, column: 1,
                    message: "duplicate passage id \"\(passage.id)\", first on line \(first)")
            }
            firstLineOfID[passage.id] = number
            passages.append(passage)
        }
        guard !passages.isEmpty else { throw LexiconError(file: file, message: "holds no passage") }
        return passages
    }
}

/// One line of a gold file, checked field by field.
private struct GoldLine {
    let file: String
    let line: Int

    func passage(from text: Substring) throws -> GoldPassage {
        guard let value = try? JSONDecoder().decode(GoldJSON.self, from: Data(text.utf8)),
            case .object(let fields) = value
        else { throw failure("is not a JSON object") }
        guard case .string(let id)? = fields["id"], !id.isEmpty else {
            throw failure("needs \"id\", a non-empty string")
        }
        guard case .string(let passageText)? = fields["text"] else {
            throw failure("passage \"\(id)\" needs \"text\", a string")
        }
        let scalars = Array(passageText.unicodeScalars)
        var annotation = PassageAnnotation()
        guard case .array(let sentences)? = fields["sentences"] else {
            throw failure("passage \"\(id)\" needs \"sentences\", a list of [start, end] pairs")
        }
        for (index, item) in sentences.enumerated() {
            guard case .array(let pair) = item, pair.count == 2, case .integer(let start) = pair[0],
                case .integer(let end) = pair[1]
            else {
                throw failure("sentence \(index + 1) of \"\(id)\" is not a [start, end] pair of whole numbers")
            }
            try checkSpan(start, end, count: scalars.count, what: "sentence \(index + 1) of \"\(id)\"")
            annotation.sentences.append(start..<end)
        }
        var mentions: [GoldJSON] = []
        if let value = fields["mentions"] {
            guard case .array(let list) = value else { throw failure("\"mentions\" of \"\(id)\" is not a list") }
            mentions = list
        }
        for (index, item) in mentions.enumerated() {
            let what = "mention \(index + 1) of \"\(id)\""
            guard case .object(let mention) = item else { throw failure("\(what) is not a JSON object") }
            guard case .integer(let start)? = mention["start"], case .integer(let end)? = mention["end"] else {
                throw failure("\(what) needs \"start\" and \"end\", whole numbers")
            }
            guard case .string(let concept)? = mention["concept"], !concept.isEmpty else {
                throw failure("\(what) needs \"concept\", a concept id")
            }
            try checkSpan(start, end, count: scalars.count, what: what)
            if let written = mention["text"] {
                let spanned = String(String.UnicodeScalarView(scalars[start..<end]))
                guard case .string(let writtenText) = written,
                    writtenText.unicodeScalars.elementsEqual(spanned.unicodeScalars)
                else { throw failure("\(what) has \"text\" that differs from the text at [\(start), \(end)]") }
            }
            var negated = false
            if let value = mention["negated"] {
                guard case .bool(let flag) = value else { throw failure("\"negated\" of \(what) is not true or false") }
                negated = flag
            }
            annotation.mentions.append(EvalMention(range: start..<end, concept: concept, isNegated: negated))
        }
        annotation.mentions.sort {
            ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
        }
        return GoldPassage(id: id, text: passageText, annotation: annotation)
    }

    private func checkSpan(_ start: Int, _ end: Int, count: Int, what: String) throws {
        guard start >= 0, start < end, end <= count else {
            throw failure("\(what) [\(start), \(end)] is not a span of the text (0 to \(count))")
        }
    }

    private func failure(_ message: String) -> LexiconError {
        LexiconError(file: file, line: line, column: 1, message: message)
    }
}

/// A JSON value as the gold file needs it. Decoding tries `Bool` before `Int`, which
/// `JSONDecoder` keeps apart (`true` is no number, `1` no boolean), unlike `JSONSerialization`.
private indirect enum GoldJSON: Decodable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([GoldJSON])
    case object([String: GoldJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([GoldJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: GoldJSON].self))
        }
    }
}
