/// A word of a term, folded as the text will be.
struct PatternWord: Hashable {
    /// The folded word (lower-case, diacritics and quotes folded).
    var text: String
    /// How the lexicon writes it (`Shape` flags).
    var shape: UInt8
    /// The lexicon joins it to the word before with a hyphen (`self-defence`).
    var hyphenBefore: Bool
}

/// One step of a term form: a word, or a gap of arbitrary words.
enum PatternItem: Hashable {
    case word(PatternWord)
    case gap(min: Int, max: Int)
}

/// A term string parsed: the forms it stands for, with `[a|b]` alternatives expanded (each
/// optional, so `[a|b]` gives three forms) and `{m,n}` gaps kept as items.
struct TermPattern {
    /// The largest gap a term may ask for.
    static let maximumGap = 5
    /// The most forms optional alternatives may expand to.
    static let maximumForms = 64

    /// Every form of the term.
    private(set) var forms: [[PatternItem]] = [[]]

    /// Parses `text`; throws the reason a lexicon author needs to fix it.
    init(parsing text: String) throws(TermSyntaxError) {
        guard text.contains(where: { !$0.isWhitespace }) else { throw TermSyntaxError("is empty") }
        var plain = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            switch character {
            case "[":
                try append(words: plain)
                plain = ""
                guard let close = text[index...].firstIndex(of: "]") else { throw TermSyntaxError("has an unclosed \"[\"") }
                let inside = text[text.index(after: index)..<close]
                if inside.contains("[") { throw TermSyntaxError("has \"[\" inside \"[...]\"") }
                try appendOptional(inside.split(separator: "|", omittingEmptySubsequences: false).map(String.init))
                index = text.index(after: close)
                continue
            case "{":
                try append(words: plain)
                plain = ""
                guard let close = text[index...].firstIndex(of: "}") else { throw TermSyntaxError("has an unclosed \"{\"") }
                try appendGap(String(text[text.index(after: index)..<close]))
                index = text.index(after: close)
                continue
            case "]", "}", "|":
                throw TermSyntaxError("has an unexpected \"\(character)\"")
            default:
                plain.append(character)
            }
            index = text.index(after: index)
        }
        try append(words: plain)
        try validate()
    }

    private mutating func append(words text: String) throws(TermSyntaxError) {
        let words = try Self.words(of: text)
        guard !words.isEmpty else { return }
        forms = forms.map { $0 + words.map(PatternItem.word) }
    }

    private mutating func appendOptional(_ alternatives: [String]) throws(TermSyntaxError) {
        var choices: [[PatternItem]] = [[]]
        for alternative in alternatives {
            let words = try Self.words(of: alternative)
            if !words.isEmpty { choices.append(words.map(PatternItem.word)) }
        }
        guard forms.count * choices.count <= Self.maximumForms else {
            throw TermSyntaxError("has more than \(Self.maximumForms) forms; split it into several terms")
        }
        forms = forms.flatMap { form in choices.map { form + $0 } }
    }

    private mutating func appendGap(_ inside: String) throws(TermSyntaxError) {
        let bounds = inside.split(separator: ",", omittingEmptySubsequences: false)
            .map { Int($0.trimmingSpaces()) }
        guard bounds.count == 2, let low = bounds[0], let high = bounds[1], low >= 0 else {
            throw TermSyntaxError("has a gap \"{\(inside)}\"; write a word gap as {MIN,MAX}, such as {0,2}")
        }
        guard low <= high else { throw TermSyntaxError("has a gap {\(low),\(high)} whose minimum is above its maximum") }
        guard high <= Self.maximumGap else {
            throw TermSyntaxError("has a gap {\(low),\(high)} of more than \(Self.maximumGap) words")
        }
        forms = forms.map { $0 + [.gap(min: low, max: high)] }
    }

    private func validate() throws(TermSyntaxError) {
        for form in forms {
            let words = form.filter { if case .word = $0 { true } else { false } }
            guard !words.isEmpty else {
                throw TermSyntaxError(forms.count == 1 ? "has no word to match" : "has a form with no word (every word is optional)")
            }
            if case .gap = form.first { throw TermSyntaxError("starts with a word gap; a gap must stand between words") }
            if case .gap = form.last { throw TermSyntaxError("ends with a word gap; a gap must stand between words") }
            if form.count - words.count > 1 { throw TermSyntaxError("has more than one word gap") }
        }
    }

    /// The folded words of plain term text, cut as the tagger cuts text.
    static func words(of text: String) throws(TermSyntaxError) -> [PatternWord] {
        let scanner = TokenScanner(vocabulary: nil)
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in scanner.scan(buffer, range: 0..<buffer.count) }
        let tokens = Array(scanner.tokens)
        var words: [PatternWord] = []
        for (index, token) in tokens.enumerated() {
            if index > 0, token.separator & Separator.possessive != 0 {
                throw TermSyntaxError("has a possessive before another word; a term never runs past a possessive ending")
            }
            if index > 0, token.separator & ~Separator.insideTerm != 0 {
                throw TermSyntaxError(
                    "has punctuation between words, which text never matches; write each form as a term, or use [a|b] or {0,2}")
            }
            let folded = String(decoding: scanner.foldedBytes(of: token), as: UTF8.self)
            words.append(PatternWord(text: folded, shape: token.shape, hyphenBefore: token.separator & Separator.hyphen != 0))
        }
        if words.isEmpty, text.contains(where: { !$0.isWhitespace }) {
            throw TermSyntaxError("has no letter or digit to match")
        }
        return words
    }
}

/// What is wrong with a term string.
struct TermSyntaxError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var slice = self
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return slice
    }
}
