extension EvaluationReport {
    /// The report for people: a summary table, the negation accuracy and a table by concept,
    /// columns aligned (names left, numbers right); figures have three decimals, `-` when undefined.
    public var text: String {
        let header = ["", "tp", "fp", "fn", "precision", "recall", "f1"]
        let summary: [(String, Score)] = [
            ("boundaries", boundaries), ("sentences", sentences), ("mentions (exact)", exactMentions),
            ("mentions (overlap)", overlappingMentions),
        ]
        var output = "passages: \(passages)\n\n"
        output += Self.table(header: header, rows: summary.map { Self.row($0.0, $0.1) })
        let accuracy = Self.decimal(negation.accuracy)
        output += "\nnegation accuracy: \(accuracy) (\(negation.agreeing) of \(negation.total) matched mentions)\n"
        if !concepts.isEmpty {
            output += "\n"
            var conceptHeader = header
            conceptHeader[0] = "concept"
            output += Self.table(header: conceptHeader, rows: concepts.map { Self.row($0.concept, $0.score) })
        }
        return output
    }

    private static func row(_ name: String, _ score: Score) -> [String] {
        [
            name, String(score.truePositives), String(score.falsePositives), String(score.falseNegatives),
            decimal(score.precision), decimal(score.recall), decimal(score.f1),
        ]
    }

    /// `0.933`, or `-` for nil; rounded half up at the third decimal.
    static func decimal(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Rows under a header, the first column padded on the right and the others on the left.
    static func table(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (column, cell) in cells.enumerated() where column < widths.count {
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                text += column == 0 ? cell + pad : "  " + pad + cell
            }
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}
