/// Abbreviations that do not end a sentence, read from the lists in `Lexicons/abbreviations/`.
///
/// A list is plain text: one abbreviation per line, with or without its final period
/// (`Mr.`, `U.S.`, `op. cit.`); `#` starts a comment; blank lines are skipped. Case does not
/// matter. Words of a several-word entry (`op. cit.`) are each taken as abbreviations.
///
/// The file name says how the segmenter treats its entries:
/// - `titles*.txt` — words placed before a name (`Mr.`, `Dr.`, `Gen.`, `St.`): written with a
///   capital, they never end a sentence.
/// - `linking*.txt` — words that always lead into what follows (`e.g.`, `i.e.`, `cf.`, `vs.`):
///   written in lower case, they never end a sentence.
/// - `references*.txt` — words that lead to a number (`Art.`, `No.`, `p.`, `Vol.`, `Jan.`):
///   before a number or a Roman numeral they never end a sentence; elsewhere they are words.
/// - any other file — ordinary abbreviations (`etc.`, `Co.`, `Inc.`, `U.S.`): they end a
///   sentence only when a new sentence clearly follows, never before a number.
public struct AbbreviationList: Sendable {
    /// How an abbreviation behaves at a possible sentence end.
    public enum Kind: UInt8, Sendable, Hashable, CaseIterable {
        /// Ends a sentence only when a new sentence clearly follows.
        case ordinary
        /// A title before a name: never ends a sentence when capitalised.
        case title
        /// Leads into what follows: never ends a sentence when written in lower case.
        case linking
        /// Leads to a number: never ends a sentence before one, otherwise a plain word.
        case reference
    }

    /// The kinds by folded hash of the abbreviation without its final period.
    private let kinds: [UInt64: Kind]

    /// The number of distinct abbreviations.
    public var count: Int { kinds.count }

    /// The lists built into annotext (`Lexicons/abbreviations/*.txt`).
    public static let `default` = AbbreviationList(files: EmbeddedLexicons.files)

    /// Creates a list from list files: file name → contents. The name chooses the kind.
    public init(files: [String: String]) {
        var kinds: [UInt64: Kind] = [:]
        // Sorted so that an entry listed under two kinds resolves the same way every time.
        for name in files.keys.sorted() {
            guard let text = files[name] else { continue }
            let kind = Self.kind(forFileNamed: name)
            for entry in Self.entries(in: text) { Self.add(entry, kind, to: &kinds) }
        }
        self.kinds = kinds
    }

    /// Creates a list from the contents of list files, all of one kind.
    public init(texts: [String], kind: Kind = .ordinary) {
        var kinds: [UInt64: Kind] = [:]
        for text in texts {
            for entry in Self.entries(in: text) { Self.add(entry, kind, to: &kinds) }
        }
        self.kinds = kinds
    }

    /// The kind of `abbreviation` (`"Mr."`, `"u.s"`), or nil when it is not listed.
    public func kind(of abbreviation: String) -> Kind? {
        var word = Substring(abbreviation)
        while word.hasSuffix(".") { word = word.dropLast() }
        return kinds[FoldedWordHash.hash(word)]
    }

    /// The kind of the word `p[start..<end]` (without its final period), or nil.
    @inline(__always)
    func kind(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Kind? {
        kinds[FoldedWordHash.hash(p, start, end)]
    }

    static func kind(forFileNamed name: String) -> Kind {
        if name.hasPrefix("titles") { return .title }
        if name.hasPrefix("linking") { return .linking }
        if name.hasPrefix("references") { return .reference }
        return .ordinary
    }

    /// The entries of a list text: comments and blank lines dropped, several-word entries split.
    static func entries(in text: String) -> [Substring] {
        var entries: [Substring] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            for word in content.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                var word = word
                while word.hasSuffix(".") { word = word.dropLast() }
                if !word.isEmpty { entries.append(word) }
            }
        }
        return entries
    }

    private static func rank(_ kind: Kind) -> Int {
        switch kind {
        case .reference: 0
        case .ordinary: 1
        case .title, .linking: 2
        }
    }

    private static func add(_ entry: Substring, _ kind: Kind, to kinds: inout [UInt64: Kind]) {
        let key = FoldedWordHash.hash(entry)
        // A word listed under two kinds keeps the one that lets a sentence end more easily.
        if let existing = kinds[key], rank(existing) <= rank(kind) { return }
        kinds[key] = kind
    }
}
