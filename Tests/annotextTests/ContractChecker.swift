import Foundation

/// Checks the JSON contract of DESIGN.md: every sentence and mention cuts exactly its text out
/// of the document text, in Unicode scalars, and records come in document order.
struct ContractChecker {
    var documentTexts: [String: [Unicode.Scalar]]
    var problems: [String] = []
    var sentences = 0
    var mentions = 0
    private var lastPosition: [String: Int] = [:]

    init(documentTexts: [String: String]) {
        self.documentTexts = documentTexts.mapValues { Array($0.unicodeScalars) }
    }

    mutating func check(_ record: [String: Any]) {
        guard let document = record["document"] as? String, let index = record["index"] as? Int,
            let start = record["start"] as? Int, let end = record["end"] as? Int,
            let text = record["text"] as? String, let kind = record["kind"] as? String
        else {
            problems.append("record without the contract's fields: \(record.keys.sorted())")
            return
        }
        sentences += 1
        if !["sentence", "heading", "list-item", "option"].contains(kind) { problems.append("\(document):\(index): kind \(kind)") }
        if let last = lastPosition[document], index != last + 1 { problems.append("\(document):\(index): after \(last)") }
        lastPosition[document] = index
        check(document, index, start, end, text, what: "sentence")
        if text != text.trimmingCharacters(in: .whitespacesAndNewlines) { problems.append("\(document):\(index): not trimmed") }
        for mention in record["mentions"] as? [[String: Any]] ?? [] { checkMention(mention, document, index, start, end) }
    }

    private mutating func checkMention(_ mention: [String: Any], _ document: String, _ index: Int, _ lower: Int, _ upper: Int) {
        mentions += 1
        guard let start = mention["start"] as? Int, let end = mention["end"] as? Int,
            let text = mention["text"] as? String, mention["concept"] is String, mention["label"] is String
        else {
            problems.append("\(document):\(index): mention without the contract's fields")
            return
        }
        if start < lower || end > upper { problems.append("\(document):\(index): mention \(start)..<\(end) outside its sentence") }
        check(document, index, start, end, text, what: "mention")
        for nested in mention["nested"] as? [[String: Any]] ?? [] { checkMention(nested, document, index, start, end) }
    }

    private mutating func check(_ document: String, _ index: Int, _ start: Int, _ end: Int, _ text: String, what: String) {
        guard let scalars = documentTexts[document] else {
            problems.append("\(document): no document text")
            return
        }
        guard 0 <= start, start <= end, end <= scalars.count else {
            problems.append("\(document):\(index): \(what) \(start)..<\(end) outside the text (\(scalars.count))")
            return
        }
        let cut = String(String.UnicodeScalarView(scalars[start..<end]))
        if cut != text { problems.append("\(document):\(index): \(what) \(start)..<\(end) cuts \(cut.debugDescription), not \(text.debugDescription)") }
    }
}
