/// The line and inline rules of `MarkdownReader`: block marks recognised on a line, and the
/// inline marks (emphasis, links, code, tags, entities) removed from a block's text.
enum MarkdownInline {
    /// `#`..`######` then the heading text; the space after the marks is optional, as real
    /// files write `##Article 1`. Closing `#`s are dropped.
    static func atxHeading(_ line: Substring) -> (Int, Substring)? {
        let level = line.prefix { $0 == "#" }.count
        guard level >= 1, level <= 6 else { return nil }
        var text = line.dropFirst(level)
        text = text.drop { $0 == " " || $0 == "\t" }
        while let last = text.last, last == " " || last == "\t" || last == "#" { text = text.dropLast() }
        guard !text.isEmpty else { return nil }
        return (level, text)
    }

    /// `===` or `---` alone on a line (setext heading underline).
    static func isUnderline(_ line: Substring, of mark: Character) -> Bool {
        let trimmed = line.trimmingTrailingSpace
        return !trimmed.isEmpty && trimmed.allSatisfy { $0 == mark }
    }

    /// `***`, `---`, `___` (spaces allowed between).
    static func isThematicBreak(_ line: Substring) -> Bool {
        guard let first = line.first, first == "*" || first == "-" || first == "_" else { return false }
        var count = 0
        for c in line {
            if c == first { count += 1 } else if c != " " && c != "\t" { return false }
        }
        return count >= 3
    }

    /// `[label]: url` lines define link targets and carry no text.
    static func isReferenceDefinition(_ line: Substring) -> Bool {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return false }
        let after = line[line.index(after: close)...]
        return after.hasPrefix(":") && !line[line.index(after: line.startIndex)..<close].isEmpty
    }

    /// `|---|:---:|` between a table's header and its rows.
    static func isTableRule(_ line: Substring) -> Bool {
        line.contains("-") && line.contains("|") && line.allSatisfy { "|-: \t".contains($0) }
    }

    /// A list item's text: bullet marks dropped, numbers and labels such as `(i)` kept.
    static func listItem(_ line: Substring) -> Substring? {
        if let first = line.first, first == "-" || first == "*" || first == "+" {
            let rest = line.dropFirst()
            guard let next = rest.first, next == " " || next == "\t" else { return nil }
            return rest.drop { $0 == " " || $0 == "\t" }
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")" {
                let after = rest.dropFirst()
                if after.isEmpty || after.first == " " || after.first == "\t" { return line }
            }
            return nil
        }
        if line.hasPrefix("("), let close = line.firstIndex(of: ")") {
            let label = line[line.index(after: line.startIndex)..<close]
            let isRoman = !label.isEmpty && label.count <= 6 && label.allSatisfy { "ivxlcdmIVXLCDM".contains($0) }
            let isLetter = label.count == 1 && label.allSatisfy { $0.isASCII && $0.isLetter }
            let isNumber = !label.isEmpty && label.count <= 3 && label.allSatisfy { $0.isASCII && $0.isNumber }
            if isRoman || isLetter || isNumber { return line }
        }
        return nil
    }

    /// Whether the line opens with an HTML tag or comment.
    static func startsWithTag(_ line: Substring) -> Bool {
        guard line.hasPrefix("<"), let next = line.dropFirst().first else { return false }
        return (next.isASCII && next.isLetter) || next == "/" || next == "!"
    }

    /// White-space runs collapsed, trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// The text of a block with inline marks removed.
    static func plainText<S: StringProtocol>(_ source: S) -> String {
        let bytes = Array(source.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var skipTo: [Int: Int] = [:]  // index of a link's "]" → index after its target
        var i = 0
        let n = bytes.count
        func isSpace(_ index: Int) -> Bool {
            index < 0 || index >= n || bytes[index] == 0x20 || bytes[index] == 0x09
        }
        func isWordByte(_ index: Int) -> Bool {
            guard index >= 0, index < n else { return false }
            let b = bytes[index]
            return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
        }
        while i < n {
            if let target = skipTo[i] {
                i = target
                continue
            }
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\\") where i + 1 < n && isASCIIPunctuation(bytes[i + 1]):
                out.append(bytes[i + 1])
                i += 2
            case UInt8(ascii: "`"):
                let run = bytes[i...].prefix { $0 == b }.count
                if let close = findRun(of: b, length: run, in: bytes, from: i + run) {
                    out.append(contentsOf: bytes[(i + run)..<close])
                    i = close + run
                } else {
                    out.append(contentsOf: bytes[i..<(i + run)])
                    i += run
                }
            case UInt8(ascii: "!") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "["):
                // An image: its alt text describes a picture, not the argument; leave it out.
                if let (close, end) = linkEnd(bytes, open: i + 1) {
                    _ = close
                    i = end
                } else {
                    out.append(b)
                    i += 1
                }
            case UInt8(ascii: "["):
                if let (close, end) = linkEnd(bytes, open: i) {
                    skipTo[close] = end
                    i += 1
                } else {
                    out.append(b)
                    i += 1
                }
            case UInt8(ascii: "<"):
                if let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")), i + 1 < n,
                    isTagStart(bytes[i + 1])
                {
                    let inner = bytes[(i + 1)..<close]
                    if inner.starts(with: Array("http".utf8)) || inner.starts(with: Array("mailto:".utf8)) {
                        out.append(contentsOf: inner)  // an autolink shows its address
                    }
                    i = close + 1
                } else {
                    out.append(b)
                    i += 1
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                let run = bytes[i...].prefix { $0 == b }.count
                let before = i - 1
                let after = i + run
                let isDelimiter: Bool
                if b == UInt8(ascii: "_") {
                    // Underscores inside a word (snake_case) are not emphasis.
                    isDelimiter = !(isWordByte(before) && isWordByte(after)) && !(isSpace(before) && isSpace(after))
                } else if b == UInt8(ascii: "~") {
                    isDelimiter = run >= 2
                } else {
                    isDelimiter = !(isSpace(before) && isSpace(after))
                }
                if !isDelimiter { out.append(contentsOf: bytes[i..<after]) }
                i = after
            case UInt8(ascii: "&"):
                if let (scalar, end) = entity(bytes, at: i) {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    i = end
                } else {
                    out.append(b)
                    i += 1
                }
            default:
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isTagStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "/") || b == UInt8(ascii: "!")
    }

    private static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    private static func findRun(of mark: UInt8, length: Int, in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            if bytes[i] == mark {
                let run = bytes[i...].prefix { $0 == mark }.count
                if run == length { return i }
                i += run
            } else {
                i += 1
            }
        }
        return nil
    }

    /// For `[text](target)` or `[text][ref]` opening at `open`: the index of `]` and the
    /// index after the target. Nil when the brackets are plain text (`[sic]`).
    private static func linkEnd(_ bytes: [UInt8], open: Int) -> (Int, Int)? {
        var depth = 0
        var i = open
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 1
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 {
                    let next = i + 1
                    guard next < bytes.count else { return nil }
                    let closer: UInt8
                    switch bytes[next] {
                    case UInt8(ascii: "("): closer = UInt8(ascii: ")")
                    case UInt8(ascii: "["): closer = UInt8(ascii: "]")
                    default: return nil
                    }
                    guard let end = bytes[(next + 1)...].firstIndex(of: closer) else { return nil }
                    return (i, end + 1)
                }
            default: break
            }
            i += 1
        }
        return nil
    }

    private static let entities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "rsquo": "\u{2019}",
        "lsquo": "\u{2018}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "copy": "\u{A9}",
    ]

    /// A character reference (`&amp;`, `&#8212;`, `&#x2014;`) at `start`: its scalar and end.
    private static func entity(_ bytes: [UInt8], at start: Int) -> (Unicode.Scalar, Int)? {
        guard let semicolon = bytes[start...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let body = String(decoding: bytes[(start + 1)..<semicolon], as: UTF8.self)
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            guard let value = UInt32(body.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, semicolon + 1)
        }
        if body.hasPrefix("#") {
            guard let value = UInt32(body.dropFirst()), let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, semicolon + 1)
        }
        guard let scalar = entities[body] else { return nil }
        return (scalar, semicolon + 1)
    }
}

extension Substring {
    var trimmingTrailingSpace: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
