/// Aligned columns for people: text columns left, number columns right.
struct Table {
    var header: [String]
    var rows: [[String]]

    var text: String {
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        let numeric = header.indices.map { column in
            !rows.isEmpty && rows.allSatisfy { column < $0.count && Int($0[column]) != nil }
        }
        func format(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return numeric[i] ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        return format(header) + rows.map(format).joined()
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
