import AnnotextCore

/// Lays out hits as a keyword-in-context concordance: document name and unit index in aligned
/// columns, then the unit cut around its first matched span, that span starting in the same
/// column on every line. Matched spans are bold on a terminal and bracketed otherwise.
struct Concordance {
    /// Use ANSI bold for matched spans.
    var highlight: Bool
    /// Concepts whose mentions count as matched.
    var concepts: Set<String>
    /// Full-text phrases of the query (a trailing `*` marks a prefix).
    var phrases: [String]
    /// Characters of text left of the focus span.
    var left = 40
    /// Characters of text from the focus span on.
    var right = 60

    /// The lines for `hits`, each with its context units (`before`/`after`, same document).
    func lines(for hits: [(hit: SentenceRecord, before: [SentenceRecord], after: [SentenceRecord])]) -> [String] {
        let nameWidth = hits.map { $0.hit.document.count }.max() ?? 0
        let indexWidth = hits.map { String($0.hit.index).count }.max() ?? 1
        func location(_ record: SentenceRecord) -> String {
            let name = record.document + String(repeating: " ", count: max(0, nameWidth - record.document.count))
            let index = String(record.index)
            return name + "  " + String(repeating: " ", count: max(0, indexWidth - index.count)) + index + "  "
        }
        var lines: [String] = []
        for (number, entry) in hits.enumerated() {
            if number > 0 && !(entry.before.isEmpty && entry.after.isEmpty) { lines.append("") }
            for unit in entry.before { lines.append(location(unit) + contextLine(unit)) }
            lines.append(location(entry.hit) + line(for: entry.hit))
            for unit in entry.after { lines.append(location(unit) + contextLine(unit)) }
        }
        return lines
    }

    /// A context unit: its beginning, indented to where hit text starts, without highlights.
    func contextLine(_ record: SentenceRecord) -> String {
        let scalars = Array(record.text.replacingLineBreaks().unicodeScalars)
        let cut = min(scalars.count, left + right)
        var text = "  " + String(String.UnicodeScalarView(scalars[..<cut]))
        if cut < scalars.count { text += "…" }
        return text
    }

    /// The unit cut around its first matched span, `left` characters before it.
    func line(for record: SentenceRecord) -> String {
        let scalars = Array(record.text.replacingLineBreaks().unicodeScalars)
        let spans = matchedSpans(record, scalars)
        // Nothing to line up (a NOT query, or mentions without spans): show the beginning.
        if spans.isEmpty { return contextLine(record) }
        let focus = spans.first ?? (0, 0)
        let from = max(0, focus.0 - left)
        let to = min(scalars.count, max(focus.1, focus.0 + right))
        var text = String(repeating: " ", count: left - (focus.0 - from))
        text += from > 0 ? "…" : " "
        var i = from
        for (start, end) in spans where start >= i && end <= to {
            text += String(String.UnicodeScalarView(scalars[i..<start]))
            let matched = String(String.UnicodeScalarView(scalars[start..<end]))
            text += highlight ? "\u{1B}[1m\(matched)\u{1B}[0m" : "[\(matched)]"
            i = end
        }
        text += String(String.UnicodeScalarView(scalars[i..<to]))
        if to < scalars.count { text += "…" }
        return text.trimmingTrailingSpaces()
    }

    /// Matched mentions and phrase matches as sorted, non-overlapping unit-relative spans.
    func matchedSpans(_ record: SentenceRecord, _ scalars: [Unicode.Scalar]) -> [(Int, Int)] {
        var spans = (record.mentions ?? []).filter { concepts.isEmpty || concepts.contains($0.concept) }
            .map { ($0.start - record.start, $0.end - record.start) }
            .filter { $0.0 >= 0 && $0.1 <= scalars.count && $0.0 < $0.1 }
        spans += phrases.flatMap { Self.phraseSpans($0, in: scalars) }
        spans.sort { $0 < $1 }
        var kept: [(Int, Int)] = []
        for span in spans where span.0 >= (kept.last?.1 ?? 0) { kept.append(span) }
        return kept
    }

    /// Where the words of `phrase` occur in a row, compared case-insensitively.
    static func phraseSpans(_ phrase: String, in scalars: [Unicode.Scalar]) -> [(Int, Int)] {
        let isPrefix = phrase.hasSuffix("*")
        let wanted = words(Array((isPrefix ? String(phrase.dropLast()) : phrase).unicodeScalars)).map(\.text)
        guard !wanted.isEmpty else { return [] }
        let have = words(scalars)
        var spans: [(Int, Int)] = []
        var i = 0
        while i + wanted.count <= have.count {
            let matches = wanted.indices.allSatisfy { k in
                isPrefix && k == wanted.count - 1 ? have[i + k].text.hasPrefix(wanted[k]) : have[i + k].text == wanted[k]
            }
            if matches {
                spans.append((have[i].start, have[i + wanted.count - 1].end))
                i += wanted.count
            } else {
                i += 1
            }
        }
        return spans
    }

    /// Lower-cased letter and digit runs with their scalar offsets.
    static func words(_ scalars: [Unicode.Scalar]) -> [(text: String, start: Int, end: Int)] {
        var words: [(text: String, start: Int, end: Int)] = []
        var start: Int?
        for i in 0...scalars.count {
            let isWord = i < scalars.count && (scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil)
            if isWord, start == nil { start = i }
            if !isWord, let s = start {
                words.append((String(String.UnicodeScalarView(scalars[s..<i])).lowercased(), s, i))
                start = nil
            }
        }
        return words
    }
}
