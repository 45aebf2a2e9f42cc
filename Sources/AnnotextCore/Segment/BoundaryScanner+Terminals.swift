/// Sentence-final marks: whether `.`, `?`, `!`, `..`, `?!`, an ellipsis, with closing quotes
/// and brackets after them, end the unit — and where exactly the unit and the next one start.
extension BoundaryScanner {
    /// Reads the marks that start at `i` and cuts the unit there when a new one follows.
    mutating func terminal(at i: Int) -> Int {
        let e = end
        if p[i] == 0x2E, let labelStart = midUnitLabel(dot: i) {
            return split(unitEnd: labelStart, next: labelStart)
        }
        // The cluster of marks: `.`, `?!`, `..`, `...`, `…`, and spaced dots `. . .`.
        var j = i
        var dots = 0
        var marks = 0
        var hasEllipsis = false
        var spaced = false
        while j < e {
            let b = p[j]
            if b == 0x2E {
                dots += 1
                j += 1
            } else if b == 0x3F || b == 0x21 {
                marks += 1
                j += 1
            } else if SegmentBytes.isEllipsis(p, j, e) {
                hasEllipsis = true
                j += 3
            } else if b == 0x20, marks == 0, !hasEllipsis, j + 1 < e, p[j + 1] == 0x2E,
                j + 2 == e || SegmentBytes.isASCIISpace(p[j + 2]) || p[j + 2] == 0x2E
                    || SegmentBytes.closerLength(p, j + 2, e) > 0
            {
                spaced = true
                dots += 1
                j += 2
            } else {
                break
            }
        }
        var k = j
        while k < e {
            let n = SegmentBytes.closerLength(p, k, e)
            if n == 0 { break }
            if p[k] == 0x29 && depth > 0 { depth -= 1 }
            k += n
        }
        guard k < e else { return k }
        let isEllipsis = hasEllipsis || dots >= 3
        if !isEllipsis, p[k] == 0x5B, let noteEnd = bracketedNoteEnd(at: k), noteEnd < e,
            SegmentBytes.isSpace(p, noteEnd, e)
        {
            // A note reference glued to the sentence (`power.[12] The`) stays with it.
            let n = SegmentBytes.skipSpace(p, noteEnd, e)
            guard n < e, SegmentBytes.letterCase(p, n, e) == .upper || EnumeratorLabel.parse(p, at: n, e) != nil else {
                return noteEnd
            }
            return split(unitEnd: noteEnd, next: n)
        }
        if !SegmentBytes.isSpace(p, k, e) {
            // No space after the marks: inside a token (`U.S`, `3.5`, `Jr.'s`), or a missing space.
            if !isEllipsis && !spaced && dots <= 1 && missingSpace(mark: i, next: k) {
                return split(unitEnd: k, next: k)
            }
            return k
        }
        let n = SegmentBytes.skipSpace(p, k, e)
        guard n < e, unitHasContent(before: i) else { return k }

        if isEllipsis {
            return ellipsis(at: i, dots: dots, spaced: spaced, closersEnd: k, next: n)
        }
        // A lone period after the marks (`enemy. . The`) is stray: it belongs to no unit, unless
        // the unit is a number or label (`2. .`), which keeps it.
        var strayEnd: Int? = nil
        var termEnd = k
        var look = n
        if spaced {
            termEnd = i + 1
            strayEnd = k
        } else if p[n] == 0x2E, n + 1 == e || SegmentBytes.isSpace(p, n + 1, e) {
            strayEnd = n + 1
            look = SegmentBytes.skipSpace(p, n + 1, e)
        }
        if look >= e {
            guard strayEnd != nil, !endsWithNumber(before: i) else { return look }
            return split(unitEnd: termEnd, next: look)
        }
        let next = NextToken(p, at: look, e, lastLabel: lastLabel)
        guard endsSentence(mark: i, isQuestionOrExclamation: marks > 0, next: next) else { return k }
        if let strayEnd {
            return split(unitEnd: endsWithNumber(before: i) ? strayEnd : termEnd, next: look)
        }
        // A note number after the sentence (`membership . 47 This`) stays with it.
        if let footnoteEnd = next.footnoteEnd {
            return split(unitEnd: footnoteEnd, next: SegmentBytes.skipSpace(p, footnoteEnd, e))
        }
        return split(unitEnd: termEnd, next: look)
    }

    /// An ellipsis ends the unit before a capital (not the pronoun `I` after three dots) or a
    /// list label; never inside brackets (`[...]`). In `compounds. . . . The` the first dot ends
    /// the sentence and the three after it open the next unit.
    private mutating func ellipsis(at i: Int, dots: Int, spaced: Bool, closersEnd k: Int, next n: Int) -> Int {
        if i > unitStart, p[i - 1] == 0x5B || p[i - 1] == 0x28 { return k }
        let next = NextToken(p, at: n, end, lastLabel: lastLabel)
        let attached = i > 0 && !SegmentBytes.isASCIISpace(p[i - 1])
        if spaced && attached && dots >= 4 {
            guard next.kind == .upper || next.kind == .label else { return k }
            return split(unitEnd: i + 1, next: i + 2)
        }
        let opensSentence =
            next.kind == .label || next.kind == .uncased
            || (next.kind == .upper && (dots >= 4 || !next.isPronounI))
        return opensSentence ? split(unitEnd: k, next: n) : k
    }

    /// Whether the marks at `mark` end the sentence, given the word before them and the token
    /// after them.
    private func endsSentence(mark: Int, isQuestionOrExclamation: Bool, next: NextToken) -> Bool {
        let opensPlainly =
            next.kind == .upper || next.kind == .digit || next.kind == .label || next.kind == .uncased
        if isQuestionOrExclamation { return opensPlainly }
        guard let kind = abbreviationKind(before: mark) else { return opensPlainly }
        switch kind {
        case .title where SegmentBytes.isUpper(p[wordStart(before: mark)]):
            return false
        case .linking where SegmentBytes.isLower(p[wordStart(before: mark)]):
            return false
        case .reference:
            return opensPlainly && !next.beginsWithDigit && !next.isRoman
        default:
            // An ordinary abbreviation ends a sentence only when one clearly follows.
            if next.beginsWithDigit { return false }
            if next.kind == .label { return true }
            return next.kind == .upper && next.isStarter && wordCount(before: wordStart(before: mark), atLeast: 3)
        }
    }

    /// The kind of the word before the period at `mark` when it is an abbreviation: listed,
    /// several letters with periods (`U.S.A`, `a.m`, `Ph.D`), or a single capital (an initial).
    func abbreviationKind(before mark: Int) -> AbbreviationList.Kind? {
        let start = wordStart(before: mark)
        guard start < mark else { return nil }
        if let kind = abbreviations.kind(p, start, mark) { return kind }
        if mark - start == 1 {
            // `Chapter V.`, `Article X.` are numerals; other single capitals are initials.
            guard SegmentBytes.isUpper(p[start]), !followsNumberWord(start) else { return nil }
            return .ordinary
        }
        // Letters in groups of one or two between periods.
        var run = 0
        var periods = 0
        for i in start..<mark {
            let b = p[i]
            if SegmentBytes.isLetter(b) {
                run += 1
                if run > 2 { return nil }
            } else if b == 0x2E, run > 0 {
                run = 0
                periods += 1
            } else {
                return nil
            }
        }
        return periods > 0 && run > 0 ? .ordinary : nil
    }

    /// Whether the word before the one at `start` takes a number (`Chapter`, `Article`, `Part`).
    func followsNumberWord(_ start: Int) -> Bool {
        let previousEnd = SegmentBytes.trimEnd(p, unitStart, start)
        guard previousEnd < start, previousEnd > unitStart else { return false }
        var previousStart = previousEnd
        while previousStart > unitStart, SegmentBytes.isLetter(p[previousStart - 1]) { previousStart -= 1 }
        return Self.numberWords.contains(FoldedWordHash.hash(p, previousStart, previousEnd))
    }

    /// Where the word that ends at `mark` starts: letters, digits, periods, apostrophes and
    /// non-ASCII scalars back from it (`Dr` in `REICH:Dr.`, `U.S` in `(U.S.`, `N°`).
    func wordStart(before mark: Int) -> Int {
        var start = mark
        let limit = max(unitStart, mark - 64)
        while start > limit {
            let b = p[start - 1]
            guard SegmentBytes.isAlphanumeric(b) || b == 0x2E || b == 0x27 || b >= 0x80 else { break }
            if b >= 0x80 && SegmentBytes.spaceLengthBefore(p, start, unitStart) > 0 { break }
            start -= 1
        }
        // Not into a closing quote or other punctuation of General Punctuation (`”Dr`).
        while start < mark, p[start] >= 0x80, SegmentBytes.letterCase(p, start, mark) == .none {
            start += p[start] >= 0xE0 ? 3 : 2
        }
        return min(start, mark)
    }

    /// The end of a note reference `[12]` or `[3, 4]` at `k`, or nil.
    func bracketedNoteEnd(at k: Int) -> Int? {
        var j = k + 1
        while j < end, j - k <= 12, SegmentBytes.isDigit(p[j]) || p[j] == 0x2C || p[j] == 0x20 || p[j] == 0x2D {
            j += 1
        }
        guard j < end, j > k + 1, p[j] == 0x5D, SegmentBytes.isDigit(p[k + 1]) else { return nil }
        return j + 1
    }

    /// Whether at least `count` words of the unit come before `position`.
    func wordCount(before position: Int, atLeast count: Int) -> Bool {
        var words = 0
        var i = position
        var inWord = false
        while i > unitStart {
            i -= 1
            if SegmentBytes.isASCIISpace(p[i]) {
                if inWord { words += 1 }
                inWord = false
            } else {
                inWord = true
            }
            if words >= count { return true }
        }
        if inWord { words += 1 }
        return words >= count
    }

    /// Whether the token before the marks at `mark` is a bare number of up to three digits
    /// (`1.` in `Dilemma 1. .`), which keeps a stray period.
    func endsWithNumber(before mark: Int) -> Bool {
        let start = SegmentBytes.tokenStart(p, before: mark, unitStart)
        guard start < mark, mark - start <= 3 else { return false }
        for i in start..<mark where !SegmentBytes.isDigit(p[i]) { return false }
        return true
    }
}
