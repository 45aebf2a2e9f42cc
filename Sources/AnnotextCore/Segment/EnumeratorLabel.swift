/// The label that opens a list item or quiz option: `1.`, `1)`, `1.)`, `(a)`, `a)`, `iv.`,
/// `(iii)`, `XIV.`, `B)`, a bullet (`•`, `⁃`, `-`, `*`) with an optional number after it.
struct EnumeratorLabel {
    /// The position just after the label.
    var end: Int
    /// `listItem`, or `option` for a capital letter and a parenthesis (`B)`).
    var kind: UnitKind
    /// The label's value, for telling the next label in a sequence (`1.` → `2.`); nil for bullets.
    var value: EnumeratorValue?
    /// Whether the label is a bullet.
    var isBullet: Bool

    /// A single letter and a period (`A.`, `b.`): as likely an initial as a label.
    var isLetterWithPeriod: Bool {
        guard let value, !isBullet else { return false }
        return value.style == 0x2E && value.letter > 0 && value.number == 0
    }

    /// The label that starts at `i`, or nil. A label must be followed by white space or the end
    /// of the range (a bullet may be followed by anything).
    static func parse(_ p: UnsafeBufferPointer<UInt8>, at i: Int, _ e: Int) -> EnumeratorLabel? {
        guard i < e else { return nil }
        let b = p[i]
        // Only a digit, a letter, `(` or a bullet can open a label.
        guard SegmentBytes.isAlphanumeric(b) || b == 0x28 || b == 0x2D || b == 0x2A || b == 0x2B || b == 0xE2 else {
            return nil
        }
        if let bulletEnd = bulletEnd(p, i, e) {
            let afterBullet = SegmentBytes.skipSpace(p, bulletEnd, e)
            if afterBullet < e, let inner = parseEnumerator(p, afterBullet, e) {
                return EnumeratorLabel(end: inner.end, kind: .listItem, value: inner.value, isBullet: true)
            }
            return EnumeratorLabel(end: bulletEnd, kind: .listItem, value: nil, isBullet: true)
        }
        return parseEnumerator(p, i, e)
    }

    /// The end of a bullet at `i`, or nil: `• ‣ ⁃ ◦ ● ▪ ■ ► ▸` anywhere, and `- * + – —` when a
    /// space follows.
    static func bulletEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> Int? {
        let b = p[i]
        if b == 0x2D || b == 0x2A || b == 0x2B {
            return i + 1 < e && SegmentBytes.isSpace(p, i + 1, e) ? i + 1 : nil
        }
        guard b == 0xE2, i + 2 < e else { return nil }
        let b1 = p[i + 1]
        let b2 = p[i + 2]
        switch (b1, b2) {
        case (0x80, 0xA2), (0x80, 0xA3), (0x81, 0x83), (0x97, 0xA6), (0x97, 0x8F), (0x96, 0xAA),
            (0x96, 0xA0), (0x96, 0xBA), (0x96, 0xB8):
            return i + 3
        case (0x80, 0x93), (0x80, 0x94):
            return i + 3 < e && SegmentBytes.isSpace(p, i + 3, e) ? i + 3 : nil
        default:
            return nil
        }
    }

    private static func parseEnumerator(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> EnumeratorLabel? {
        var j = i
        let parenthesised = p[j] == 0x28
        if parenthesised { j += 1 }
        let bodyStart = j
        while j < e, j - bodyStart < 8, SegmentBytes.isAlphanumeric(p[j]) { j += 1 }
        let bodyEnd = j
        guard bodyEnd > bodyStart, j < e else { return nil }
        // Several levels of numbers: `1.2.` (no value: they never start a sequence).
        var levels = false
        while j + 1 < e, p[j] == 0x2E, SegmentBytes.isDigit(p[j + 1]), SegmentBytes.isDigit(p[bodyStart]) {
            j += 1
            while j < e, SegmentBytes.isDigit(p[j]) { j += 1 }
            levels = true
        }
        guard j < e else { return nil }
        var closer = p[j]
        if closer == 0x5C, j + 1 < e, p[j + 1] == 0x2E { j += 1; closer = 0x2E }  // `1\.`
        if parenthesised {
            guard closer == 0x29 else { return nil }
        } else if closer == 0x2E, j + 1 < e, p[j + 1] == 0x29 {
            j += 1  // `1.)`
            closer = 0x29
        } else if closer != 0x2E && closer != 0x29 {
            return nil
        }
        if levels && closer != 0x2E { return nil }
        let end = j + 1
        guard end == e || SegmentBytes.isSpace(p, end, e) else { return nil }
        // `Q1.`, `S12)`: a capital and a number name a question or section; they start no sequence.
        let isNamedNumber =
            bodyEnd - bodyStart >= 2 && bodyEnd - bodyStart <= 4 && SegmentBytes.isUpper(p[bodyStart])
            && (bodyStart + 1..<bodyEnd).allSatisfy { SegmentBytes.isDigit(p[$0]) }
        guard var value = isNamedNumber ? .unnumbered : EnumeratorValue(p, bodyStart, bodyEnd) else { return nil }
        if levels { value = .unnumbered }
        value.style = parenthesised ? 0x28 : closer
        let isOption =
            !parenthesised && closer == 0x29 && value.letter >= 1 && value.letter <= 8 && value.isUpper
        return EnumeratorLabel(end: end, kind: isOption ? .option : .listItem, value: value, isBullet: false)
    }
}

/// The value of an enumerator label, read every way it can be: `i` is both the ninth letter and
/// the Roman one.
struct EnumeratorValue: Equatable {
    /// The number of `1.`–`999.`, else 0.
    var number: Int
    /// 1–26 for a single letter, else 0.
    var letter: Int
    /// The value of a Roman numeral up to 50, else 0.
    var roman: Int
    /// Whether the letters are capitals.
    var isUpper: Bool
    /// How the label is written: `.` or `)` after it, or `(` around it.
    var style: UInt8

    /// A label with no place in a sequence (`1.2.`, `Q1.`).
    static let unnumbered = EnumeratorValue(number: 0, letter: 0, roman: 0, isUpper: false, style: 0)

    init(number: Int, letter: Int, roman: Int, isUpper: Bool, style: UInt8) {
        self.number = number
        self.letter = letter
        self.roman = roman
        self.isUpper = isUpper
        self.style = style
    }

    /// Reads a label body; nil when it is no label (a word, a year, a mixed-case word).
    init?(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        let count = end - start
        number = 0
        letter = 0
        roman = 0
        isUpper = SegmentBytes.isUpper(p[start])
        style = 0
        if SegmentBytes.isDigit(p[start]) {
            guard count <= 3 else { return nil }
            for i in start..<end {
                guard SegmentBytes.isDigit(p[i]) else { return nil }
                number = number * 10 + Int(p[i] - 0x30)
            }
            return
        }
        for i in start..<end where SegmentBytes.isUpper(p[i]) != isUpper || !SegmentBytes.isLetter(p[i]) {
            return nil
        }
        if count == 1 { letter = Int((p[start] | 0x20) - 0x60) }
        roman = Self.romanValue(p, start, end)
        if letter == 0 && roman == 0 { return nil }
    }

    /// Whether this label comes right after `last` in a list (`2.` after `1.`, `b)` after `a)`,
    /// `iv.` after `iii.`).
    func isSuccessor(of last: EnumeratorValue) -> Bool {
        guard style == last.style else { return false }
        if number > 0 && number == last.number + 1 && last.number > 0 { return true }
        guard isUpper == last.isUpper else { return false }
        if letter > 0 && letter == last.letter + 1 && last.letter > 0 { return true }
        return roman > 0 && roman == last.roman + 1 && last.roman > 0
    }

    /// The value of a canonical Roman numeral from 1 to 50, else 0.
    static func romanValue(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        guard end - start <= 7 else { return 0 }
        var total = 0
        var previous = 0
        for i in stride(from: end - 1, through: start, by: -1) {
            let digit: Int
            switch p[i] | 0x20 {
            case 0x69: digit = 1  // i
            case 0x76: digit = 5  // v
            case 0x78: digit = 10  // x
            case 0x6C: digit = 50  // l
            default: return 0
            }
            total += digit < previous ? -digit : digit
            previous = max(previous, digit)
        }
        guard total >= 1 && total <= 50 else { return 0 }
        // Only the canonical spelling counts (`iv`, not `iiii` or `vx`).
        var canonical: [UInt8] = []
        var rest = total
        for (value, letters) in Self.romanParts {
            while rest >= value {
                canonical.append(contentsOf: letters)
                rest -= value
            }
        }
        guard canonical.count == end - start else { return 0 }
        for (k, letter) in canonical.enumerated() where p[start + k] | 0x20 != letter { return 0 }
        return total
    }

    private static let romanParts: [(Int, [UInt8])] = [
        (50, [0x6C]), (40, [0x78, 0x6C]), (10, [0x78]), (9, [0x69, 0x78]), (5, [0x76]),
        (4, [0x69, 0x76]), (1, [0x69]),
    ]
}
