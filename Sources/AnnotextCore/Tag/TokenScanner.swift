/// Cuts a byte range of text into folded word tokens in one pass: letters and digits are words;
/// case, diacritics and quote styles are folded into a buffer as it goes; each token keeps its
/// byte range in the original text and gets its vocabulary id from one hash lookup.
///
/// It reads, without rewriting the text: a hyphen between words as a separator that a term may
/// cross (`balance-of-power`), a word hyphenated across a line break (`collec-\ntive`) as one
/// token when the joined word is in the vocabulary, dotted acronyms (`U.N.`) as one token, a
/// possessive ending (`’s`, `s’`) as a mark on the word before it, and the words of a web address
/// as untaggable.
final class TokenScanner {
    /// The vocabulary the tokens are looked up in; nil when compiling terms (no joins then).
    let vocabulary: HashTable64.View?
    /// The folded bytes of the tokens of the current range, with 8 bytes of slack for hashing.
    private var folded: UnsafeMutablePointer<UInt8>
    private var foldCapacity = 256
    private var storage: UnsafeMutablePointer<Token>
    private var tokenCapacity = 128
    private var tokenCount = 0
    /// Whether a token of the last range scanned is part of a web address: most ranges have
    /// none, and then no match needs checking for one.
    private(set) var hasWebAddress = false
    private let kinds = TextFolding.asciiKinds
    private let foldTable = TextFolding.asciiFold

    init(vocabulary: HashTable64.View?) {
        self.vocabulary = vocabulary
        folded = .allocate(capacity: foldCapacity + 8)
        folded.initialize(repeating: 0, count: foldCapacity + 8)
        storage = .allocate(capacity: tokenCapacity)
    }

    deinit {
        folded.deallocate()
        storage.deallocate()
    }

    /// The tokens of the last range scanned; valid until the next scan.
    var tokens: UnsafeBufferPointer<Token> { UnsafeBufferPointer(start: storage, count: tokenCount) }

    /// Cuts `range` of `bytes` into tokens.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        tokenCount = 0
        hasWebAddress = false
        guard let base = bytes.baseAddress, !range.isEmpty else { return }
        // A token takes a byte and is followed by one: at most half the bytes (rounded up) are tokens.
        if range.count + 8 > foldCapacity {
            folded.deallocate()
            foldCapacity = max(range.count + 8, foldCapacity * 2)
            folded = .allocate(capacity: foldCapacity + 8)
            folded.initialize(repeating: 0, count: foldCapacity + 8)
        }
        if range.count / 2 + 2 > tokenCapacity {
            storage.deallocate()
            tokenCapacity = max(range.count / 2 + 2, tokenCapacity * 2)
            storage = .allocate(capacity: tokenCapacity)
        }
        kinds.withUnsafeBufferPointer { kinds in
            foldTable.withUnsafeBufferPointer { foldTable in
                var run = ScanRun(
                    bytes: base, end: range.upperBound, fold: folded, kinds: kinds.baseAddress.unsafelyUnwrapped,
                    foldTable: foldTable.baseAddress.unsafelyUnwrapped, vocabulary: vocabulary,
                    tokens: TokenList(base: storage))
                run.rangeStart = range.lowerBound
                run.scan(from: range.lowerBound)
                tokenCount = run.tokens.count
                hasWebAddress = run.webAddressEnd >= 0
            }
        }
    }

    /// The folded bytes of `token`.
    func foldedBytes(of token: Token) -> [UInt8] {
        Array(UnsafeBufferPointer(start: folded + Int(token.foldStart), count: Int(token.foldLength)))
    }
}

/// Tokens written into a buffer sized in advance, without the checks of an array append.
struct TokenList {
    let base: UnsafeMutablePointer<Token>
    var count = 0

    @inline(__always)
    mutating func append(_ token: Token) {
        base[count] = token
        count &+= 1
    }

    var last: Token? { count > 0 ? base[count - 1] : nil }
}
