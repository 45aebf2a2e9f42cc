/// The line and inline rules of `MarkdownReader`: block marks recognised on a line, and the
/// inline marks (emphasis, links, code, tags, entities) removed from a block's text.
enum MarkdownInline {
    typealias Line = ArraySlice<UInt8>

    static let backtickFence = Array("```".utf8)
    static let tildeFence = Array("~~~".utf8)
    static let commentOpen = Array("<!--".utf8)

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    static func trimmingLeadingSpace(_ line: Line) -> Line {
        line.drop { isSpace($0) }
    }

    static func trimmingTrailingSpace(_ line: Line) -> Line {
        var line = line
        while let last = line.last, isSpace(last) { line = line.dropLast() }
        return line
    }

    /// Whether `line` contains the ASCII `needle`.
    static func contains(_ line: Line, _ needle: StaticString) -> Bool {
        let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard n.count <= line.count else { return false }
        var i = line.startIndex
        while i + n.count <= line.endIndex {
            if line[i..<(i + n.count)].elementsEqual(n) { return true }
            i += 1
        }
        return false
    }

    /// `#`..`######` then the heading text; the space after the marks is optional, as real
    /// files write `##Article 1`. Closing `#`s are dropped.
    static func atxHeading(_ line: Line) -> (Int, Line)? {
        let level = line.prefix { $0 == UInt8(ascii: "#") }.count
        guard level >= 1, level <= 6 else { return nil }
        var text = trimmingLeadingSpace(line.dropFirst(level))
        while let last = text.last, isSpace(last) || last == UInt8(ascii: "#") { text = text.dropLast() }
        guard !text.isEmpty else { return nil }
        return (level, text)
    }

    /// `===` or `---` alone on a line (setext heading underline).
    static func isUnderline(_ line: Line, of mark: UInt8) -> Bool {
        let trimmed = trimmingTrailingSpace(line)
        return !trimmed.isEmpty && trimmed.allSatisfy { $0 == mark }
    }

    /// `***`, `---`, `___` (spaces allowed between).
    static func isThematicBreak(_ line: Line) -> Bool {
        guard let first = line.first,
            first == UInt8(ascii: "*") || first == UInt8(ascii: "-") || first == UInt8(ascii: "_")
        else {
            return false
        }
        var count = 0
        for b in line {
            if b == first { count += 1 } else if !isSpace(b) { return false }
        }
        return count >= 3
    }

    /// `[label]: url` lines define link targets and carry no text.
    static func isReferenceDefinition(_ line: Line) -> Bool {
        guard line.first == UInt8(ascii: "["), let close = line.firstIndex(of: UInt8(ascii: "]")),
            close > line.startIndex + 1
        else { return false }
        return close + 1 < line.endIndex && line[close + 1] == UInt8(ascii: ":")
    }

    /// `|---|:---:|` between a table's header and its rows.
    static func isTableRule(_ line: Line) -> Bool {
        line.contains(UInt8(ascii: "-")) && line.contains(UInt8(ascii: "|"))
            && line.allSatisfy {
                $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || isSpace($0)
            }
    }

    /// A list item's text: bullet marks dropped, numbers and labels such as `(i)` kept.
    static func listItem(_ line: Line) -> Line? {
        guard let first = line.first else { return nil }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            let rest = line.dropFirst()
            guard let next = rest.first, isSpace(next) else { return nil }
            return trimmingLeadingSpace(rest)
        }
        let digits = line.prefix { isDigit($0) }.count
        if digits > 0 {
            guard digits <= 9 else { return nil }
            let rest = line.dropFirst(digits)
            if let mark = rest.first, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")") {
                let after = rest.dropFirst()
                if after.isEmpty || isSpace(after[after.startIndex]) { return line }
            }
            return nil
        }
        if first == UInt8(ascii: "("), let close = line.firstIndex(of: UInt8(ascii: ")")) {
            let label = line[(line.startIndex + 1)..<close]
            let roman = Array("ivxlcdmIVXLCDM".utf8)
            let isRoman = !label.isEmpty && label.count <= 6 && label.allSatisfy { roman.contains($0) }
            let isSingleLetter = label.count == 1 && label.allSatisfy { MarkdownInline.isLetter($0) }
            let isNumber = !label.isEmpty && label.count <= 3 && label.allSatisfy { isDigit($0) }
            if isRoman || isSingleLetter || isNumber { return line }
        }
        return nil
    }

    /// Whether the line opens with an HTML tag or comment.
    static func startsWithTag(_ line: Line) -> Bool {
        guard line.first == UInt8(ascii: "<"), line.count > 1 else { return false }
        let next = line[line.startIndex + 1]
        return isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!")
    }

    /// The text of a block with inline marks removed.
    static func plainText(_ source: Line) -> [UInt8] {
        let bytes = Array(source)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var skipTo: [Int: Int] = [:]  // index of a link's "]" → index after its target
        var i = 0
        let n = bytes.count
        func isSpaceAt(_ index: Int) -> Bool {
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
                    isDelimiter = !(isWordByte(before) && isWordByte(after)) && !(isSpaceAt(before) && isSpaceAt(after))
                } else if b == UInt8(ascii: "~") {
                    isDelimiter = run >= 2
                } else {
                    isDelimiter = !(isSpaceAt(before) && isSpaceAt(after))
                }
                if !isDelimiter { out.append(contentsOf: bytes[i..<after]) }
                i = after
            case UInt8(ascii: "&"):
                if let (scalar, end) = entity(bytes, at: i) {
                    out.append(contentsOf: String(Character(scalar)).utf8)
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
        return out
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
            guard let value = UInt32(body.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) else {
                return nil
            }
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
