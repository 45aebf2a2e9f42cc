import AnnotextCore

/// Text helpers shared by the markup writers (DOT, GraphML, HTML, TEI): escaping and
/// deterministic number formatting, with no locale and no Foundation.
enum MapMarkup {
    /// `value` with `digits` decimals (trailing zeros dropped), `0` when not finite.
    static func fixed(_ value: Double, _ digits: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        if scaled == 0 { return "0" }
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < digits { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (value < 0 ? "-" : "") + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `text` escaped for XML and HTML text and attribute values. Control characters that XML
    /// 1.0 forbids become a space, so the output always parses.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            case "\r": result += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// `text` as a DOT double-quoted string (quotes and backslashes escaped, line breaks as `\n`).
    static func dotQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": break
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Each edge's score under the map's measure scaled to [0, 1] over the map (1 when all
    /// edges score the same), for widths and opacities; square-rooted, so that one dominant
    /// pair (G² grows with frequency) does not flatten every other edge to a hairline.
    static func relativeScores(_ map: ConceptMap) -> [Double] {
        let scores = map.edges.map { map.measure.score(of: $0) }
        guard let low = scores.min(), let high = scores.max(), high > low else {
            return scores.map { _ in 1 }
        }
        return scores.map { (($0 - low) / (high - low)).squareRoot() }
    }

    /// Each node's mention count scaled to [0, 1] by the square root (area ∝ frequency).
    static func relativeSizes(_ map: ConceptMap) -> [Double] {
        let most = Double(map.nodes.map(\.mentions).max() ?? 0)
        return map.nodes.map { most > 0 ? (Double($0.mentions) / most).squareRoot() : 0 }
    }

    /// `document#index` or `document#first-last`.
    static func label(_ evidence: ConceptMap.Evidence) -> String {
        evidence.index == evidence.through
            ? "\(evidence.document)#\(evidence.index)" : "\(evidence.document)#\(evidence.index)-\(evidence.through)"
    }
}
