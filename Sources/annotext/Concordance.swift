import AnnotextCore

/// Lays out a hit as a concordance line: where it is, then the sentence cut around its first
/// mention, the mentions highlighted on a terminal.
struct Concordance {
    /// Use ANSI bold for mentions.
    var highlight: Bool
    /// Characters of context either side of the first mention.
    var width = 60

    func line(for record: SentenceRecord) -> String {
        let location = "\(record.document):\(record.index)"
        let padded = location.count < 28 ? location + String(repeating: " ", count: 28 - location.count) : location
        let scalars = Array(record.text.replacingLineBreaks().unicodeScalars)
        let mentions = (record.mentions ?? []).map { ($0.start - record.start, $0.end - record.start) }
            .filter { $0.0 >= 0 && $0.1 <= scalars.count }
        let focus = mentions.first?.0 ?? 0
        let from = max(0, focus - width)
        let to = min(scalars.count, (mentions.first?.1 ?? 0) + width)
        var text = from > 0 ? "…" : ""
        var i = from
        for (start, end) in mentions where start >= from && end <= to && start >= i {
            text += String(String.UnicodeScalarView(scalars[i..<start]))
            let matched = String(String.UnicodeScalarView(scalars[start..<end]))
            text += highlight ? "\u{1B}[1m\(matched)\u{1B}[0m" : "[\(matched)]"
            i = end
        }
        text += String(String.UnicodeScalarView(scalars[i..<to]))
        if to < scalars.count { text += "…" }
        return padded + "  " + text
    }
}
