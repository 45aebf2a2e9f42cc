import AnnotextCore

/// Reads `concept-id<TAB>term` lines: one term a line, `#` comments and blank lines skipped,
/// the lines of one id gathered into one concept whose label is the id made readable.
///
/// It works on the UTF-8 bytes and makes strings only for the ids and terms it keeps, since
/// term lists of tens of thousands of lines must load in a few milliseconds.
struct TSVLexiconReader {
    /// The file name used in locations and messages.
    let file: String
    /// What went wrong, in line order.
    var diagnostics: [LexiconDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// Whether `bytes` look like a term list: the first line that is neither blank nor a `#`
    /// comment starts with an id (no space, no `:`) followed by a tab. YAML cannot start so,
    /// since it forbids tabs in indentation and a key ends with `:`.
    static func looksLikeTSV(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var lines = LineCursor(bytes)
        while let line = lines.next() {
            guard let first = line.firstIndex(where: { !isBlank(bytes[$0]) }), bytes[first] != UInt8(ascii: "#") else {
                continue
            }
            for index in line {
                switch bytes[index] {
                case UInt8(ascii: "\t"): return index > line.lowerBound
                case UInt8(ascii: " "), UInt8(ascii: ":"): return false
                default: continue
                }
            }
            return false
        }
        return false
    }

    /// Reads every line of `bytes`, which must be valid UTF-8.
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) -> [ConceptDraft] {
        var drafts: [ConceptDraft] = []
        var indexOfID: [String: Int] = [:]
        // One concept a line is the common shape of big lists: reserving avoids rehashing.
        let lineCount = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        drafts.reserveCapacity(lineCount + 1)
        indexOfID.reserveCapacity(lineCount + 1)
        var hasReportedExtraColumns = false
        var lines = LineCursor(bytes)
        while let line = lines.next() {
            guard let first = line.firstIndex(where: { !Self.isBlank(bytes[$0]) }), bytes[first] != UInt8(ascii: "#")
            else {
                continue
            }
            let lineNumber = lines.lineNumber
            guard let tab = line.firstIndex(where: { bytes[$0] == UInt8(ascii: "\t") }) else {
                diagnostics.append(
                    LexiconDiagnostic(
                        severity: .error, file: file, line: lineNumber, column: 1,
                        message: #"expected "concept-id<TAB>term" (no tab on this line)"#))
                continue
            }
            var termEnd = line.upperBound
            if let secondTab = (tab + 1..<line.upperBound).firstIndex(where: { bytes[$0] == UInt8(ascii: "\t") }) {
                termEnd = secondTab
                if !hasReportedExtraColumns {
                    hasReportedExtraColumns = true
                    diagnostics.append(
                        LexiconDiagnostic(
                            severity: .warning, file: file, line: lineNumber,
                            column: Self.column(of: secondTab, in: line, bytes),
                            message: "columns after the term are ignored"))
                }
            }
            let idRange = Self.trimmed(line.lowerBound..<tab, bytes)
            let termRange = Self.trimmed(tab + 1..<termEnd, bytes)
            let id = Self.string(idRange, bytes)
            let term = Term(
                Self.string(termRange, bytes),
                location: SourceLocation(
                    file: file, line: lineNumber, column: Self.column(of: termRange.lowerBound, in: line, bytes)))
            if id.isEmpty {
                diagnostics.append(
                    LexiconDiagnostic(
                        severity: .error, file: file, line: lineNumber, column: 1, message: "empty concept id"))
                continue
            }
            if let index = indexOfID[id] {
                drafts[index].concept.terms.append(term)
            } else {
                let location = SourceLocation(
                    file: file, line: lineNumber, column: Self.column(of: idRange.lowerBound, in: line, bytes))
                indexOfID[id] = drafts.count
                drafts.append(
                    ConceptDraft(
                        concept: Concept(id: id, label: "", terms: [term], location: location), idLocation: location))
            }
        }
        for index in drafts.indices {
            drafts[index].concept.label = Self.label(for: drafts[index].concept)
        }
        return drafts
    }

    /// The id made readable (`balance-of-power` → `Balance of power`), or the concept's term
    /// written that way with its own capitals (`nato` → `NATO`) when it has one.
    static func label(for concept: Concept) -> String {
        let readable = readableID(concept.id)
        guard concept.terms.contains(where: { hasCapital($0.text) }) else { return readable }
        let folded = ConceptKey.fold(readable)
        return concept.terms.first { hasCapital($0.text) && ConceptKey.fold($0.text) == folded }?.text ?? readable
    }

    /// `balance-of-power` → `Balance of power`.
    static func readableID(_ id: String) -> String {
        var bytes = Array(id.utf8)
        guard let first = bytes.first, first < 0x80 else {
            let words = id.split(separator: "-").joined(separator: " ")
            return (words.first?.uppercased() ?? "") + words.dropFirst()
        }
        if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { bytes[0] = first - 0x20 }
        for index in bytes.indices where bytes[index] == UInt8(ascii: "-") { bytes[index] = UInt8(ascii: " ") }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hasCapital(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 } ? ConceptKey.hasASCIICapital(text) : text != text.lowercased()
    }

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func trimmed(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isBlank(bytes[lower]) { lower += 1 }
        while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private static func string(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The 1-based column, in Unicode scalars, of the byte at `index` on `line`.
    private static func column(of index: Int, in line: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for position in line.lowerBound..<index where bytes[position] & 0xC0 != 0x80 {
            column += 1
        }
        return column
    }
}

/// Walks the lines of a byte buffer: `\n` or `\r\n` ends a line, a leading byte-order mark
/// is skipped.
struct LineCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// The 1-based number of the line last returned.
    private(set) var lineNumber = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// The next line's byte range, without its line ending.
    mutating func next() -> Range<Int>? {
        guard position < bytes.count else { return nil }
        let start = position
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        position = end + 1
        lineNumber += 1
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }
}
