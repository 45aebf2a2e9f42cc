/// The token after a possible sentence end, as the boundary decision sees it.
struct NextToken {
    enum Kind {
        case upper
        case lower
        case digit
        /// A list label or bullet (`2.`, `B)`, `(iii)`, `•`).
        case label
        /// A letter of a script without case.
        case uncased
        /// Punctuation or a symbol.
        case symbol
    }

    var kind: Kind
    /// A capitalised word that opens sentences (`The`, `How`, `They`, `Mr.`).
    var isStarter = false
    /// The pronoun `I` (`I didn’t`), not the initial or numeral `I.`.
    var isPronounI = false
    /// A Roman numeral (`Vol. II`, `Art. IV`).
    var isRoman = false
    /// Starts with a digit (a number, or a numbered label such as `55.`).
    var beginsWithDigit = false
    /// The end of a note number of one to three digits followed by a capitalised word.
    var footnoteEnd: Int?

    /// Reads the token at `n`. A single letter with a period (`H.`, `b.`) is taken as a label
    /// only when it comes next after `lastLabel`; otherwise it is an initial or a word.
    init(_ p: UnsafeBufferPointer<UInt8>, at n: Int, _ e: Int, lastLabel: EnumeratorValue?) {
        beginsWithDigit = SegmentBytes.isDigit(p[n])
        if let label = EnumeratorLabel.parse(p, at: n, e) {
            if let value = label.value, label.isLetterWithPeriod {
                if let lastLabel, value.isSuccessor(of: lastLabel) {
                    kind = .label
                    return
                }
            } else {
                kind = .label
                return
            }
        }
        var w = n
        while w < e {
            let length = SegmentBytes.openerLength(p, w, e)
            if length == 0 { break }
            w += length
        }
        guard w < e else {
            kind = .symbol
            return
        }
        let b = p[w]
        if b == 0x24 || b == 0x23 {  // `$5`, `#3`
            kind = .digit
            return
        }
        switch SegmentBytes.letterCase(p, w, e) {
        case .upper:
            kind = .upper
            var wordEnd = w
            while wordEnd < e, SegmentBytes.isLetter(p[wordEnd]) { wordEnd += 1 }
            isPronounI = wordEnd == w + 1 && b == 0x49
            isStarter = SentenceStarters.hashes.contains(FoldedWordHash.hash(p, w, wordEnd))
            isRoman = wordEnd > w && EnumeratorValue.romanValue(p, w, wordEnd) > 0
                && (wordEnd == e || !SegmentBytes.isLetter(p[wordEnd]))
        case .lower:
            kind = .lower
        case .digit:
            kind = .digit
            var digitsEnd = w
            while digitsEnd < e, SegmentBytes.isDigit(p[digitsEnd]) { digitsEnd += 1 }
            if w == n, digitsEnd - w <= 3, digitsEnd < e, SegmentBytes.isASCIISpace(p[digitsEnd]) {
                let after = SegmentBytes.skipSpace(p, digitsEnd, e)
                if after < e, SegmentBytes.letterCase(p, after, e) == .upper { footnoteEnd = digitsEnd }
            }
        case .uncased:
            kind = .uncased
        case .none:
            kind = .symbol
        }
    }
}

extension BoundaryScanner {
    /// Whether a capitalised word glued to the marks at `mark` (`governments.They`,
    /// `Organization.Both`) starts a new sentence — never inside an e-mail or web address, a
    /// path, a listed abbreviation or letters with periods (`U.S.`, `e.g.`).
    func missingSpace(mark: Int, next k: Int) -> Bool {
        guard k + 1 < end, SegmentBytes.isUpper(p[k]), SegmentBytes.isLower(p[k + 1]), mark > unitStart else {
            return false
        }
        let before = p[mark - 1]
        if SegmentBytes.isLower(before) {
            guard mark - 2 >= unitStart, SegmentBytes.isLetter(p[mark - 2]) else { return false }
        } else if !(SegmentBytes.isDigit(before) || before == 0x29 || before == 0x22 || before >= 0x80) {
            return false
        }
        let start = SegmentBytes.tokenStart(p, before: mark, unitStart)
        let stop = SegmentBytes.tokenEnd(p, k, end)
        for i in start..<stop {
            let b = p[i]
            if b == 0x40 || b == 0x2F || b == 0x5C || b == 0x5F { return false }  // @ / \ _
            // Another period inside what follows: a file name or a dotted name (`Report.Final.docx`).
            if i > k, b == 0x2E, i + 1 < stop, SegmentBytes.isAlphanumeric(p[i + 1]) { return false }
        }
        if stop - start > 4, p[start] | 0x20 == 0x77, p[start + 1] | 0x20 == 0x77, p[start + 2] | 0x20 == 0x77,
            p[start + 3] == 0x2E
        {
            return false  // www.
        }
        return abbreviationKind(before: mark) == nil
    }

    /// When the period at `dot` closes a list label in the middle of a unit (`item 2. The`,
    /// `item b. The`, `China) 2. D)`), where that label starts; else nil.
    ///
    /// The label must come next in the list being read (`2.` after `1.`) or be followed by
    /// another label, and must not be a number after a reference word (`Article 2.`).
    func midUnitLabel(dot: Int) -> Int? {
        guard dot + 1 < end, SegmentBytes.isASCIISpace(p[dot + 1]) || p[dot + 1] == 0x29 else { return nil }
        let start = SegmentBytes.tokenStart(p, before: dot, unitStart)
        guard start > unitStart, start < dot, dot - start <= 4,
            let label = EnumeratorLabel.parse(p, at: start, end), !label.isBullet, let value = label.value,
            abbreviations.kind(p, start, dot) == nil,
            SegmentBytes.skipSpace(p, label.end, end) < end
        else { return nil }
        if label.end == dot + 1 {
            // `2.`: it must come next in the list, or another label (`D)`, `•`) must follow.
            let n = SegmentBytes.skipSpace(p, dot + 1, end)
            if let following = EnumeratorLabel.parse(p, at: n, end),
                following.isBullet || following.value?.style != 0x2E
            {
                // a label after a label
            } else {
                guard let last = lastLabel, value.isSuccessor(of: last) else { return nil }
                var w = n
                while w < end, SegmentBytes.openerLength(p, w, end) > 0 { w += 1 }
                guard w < end, SegmentBytes.isAlphanumeric(p[w]) || p[w] >= 0x80 else { return nil }
            }
        } else if label.end != dot + 2 {
            return nil  // `2.)` needs nothing more
        }
        // The word before the label must not be one that takes a number.
        let previousEnd = SegmentBytes.trimEnd(p, unitStart, start)
        var previousStart = SegmentBytes.tokenStart(p, before: previousEnd, unitStart)
        while previousStart < previousEnd, !SegmentBytes.isLetter(p[previousStart]) { previousStart += 1 }
        var wordEnd = previousStart
        while wordEnd < previousEnd, SegmentBytes.isLetter(p[wordEnd]) { wordEnd += 1 }
        if Self.numberWords.contains(FoldedWordHash.hash(p, previousStart, wordEnd)) { return nil }
        if abbreviations.kind(p, previousStart, wordEnd) == .reference { return nil }
        return start
    }

    /// Words that take a number after them (`Article 2.`, `page 5.`).
    static let numberWords: Set<UInt64> = Set(
        [
            "article", "articles", "section", "sections", "chapter", "chapters", "page", "pages",
            "paragraph", "paragraphs", "part", "parts", "volume", "volumes", "figure", "table",
            "clause", "annex", "appendix", "rule", "note", "notes", "step", "phase", "level",
            "grade", "class", "type", "version", "act", "number", "resolution", "protocol",
            "lecture", "week", "day", "year", "book", "title", "point", "points", "no", "nos",
        ].map { FoldedWordHash.hash($0) })
}
