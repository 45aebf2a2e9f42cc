/// One word of a unit as the matcher sees it: where it is in the document (UTF-8 bytes), which
/// folded word it is, what separates it from the word before, and how it was written.
struct Token {
    /// First byte in the document text.
    var start: Int
    /// Byte after the last (a possessive ending and the apostrophe are left out).
    var end: Int
    /// Vocabulary id of the folded word; 0 when no term or cue uses it.
    var id: UInt32
    /// Where its folded bytes start in the scanner's fold buffer.
    var foldStart: UInt32
    /// How many folded bytes it has.
    var foldLength: UInt16
    /// What lies between the previous token and this one (`Separator` flags).
    var separator: UInt8
    /// How it is written (`Shape` flags).
    var shape: UInt8
    /// Its `ClauseCue` roles, read with its id from the vocabulary (0 for a word without).
    var role: UInt32 = 0
}

/// What lies between two tokens, as flags: the matcher lets a term run across spaces, one line
/// break and hyphens only; a word gap also lets a comma through.
enum Separator {
    static let space: UInt8 = 1
    static let newline: UInt8 = 2
    static let blankLine: UInt8 = 4
    static let hyphen: UInt8 = 8
    static let comma: UInt8 = 16
    /// `;`, `:`, `?`, `!` and dashes: they end a clause.
    static let clause: UInt8 = 32
    /// Periods, quotes, brackets, slashes and other marks.
    static let punctuation: UInt8 = 64
    /// The previous token ended in a possessive (`’s`): no term runs past it.
    static let possessive: UInt8 = 128

    /// The separators allowed between the words of a term.
    static let insideTerm: UInt8 = space | newline | hyphen
    /// The separators allowed around the words of a gap.
    static let insideGap: UInt8 = space | newline | hyphen | comma
}

/// How a token is written, as flags.
enum Shape {
    /// Letters, all small.
    static let lower: UInt8 = 1
    /// Letters, all capitals.
    static let upper: UInt8 = 2
    /// A capital then small letters (`Nato`).
    static let title: UInt8 = 4
    /// Single letters with periods (`U.N.`).
    static let dotted: UInt8 = 8
    /// Part of a web or e-mail address (`www.nato.int`).
    static let webAddress: UInt8 = 16
    /// Followed by a possessive ending (`’s`, `s’`), left out of its span.
    static let possessive: UInt8 = 32
    /// Ends in `n't` (`don't`, `cannot` is a word of its own).
    static let negativeContraction: UInt8 = 64
}
