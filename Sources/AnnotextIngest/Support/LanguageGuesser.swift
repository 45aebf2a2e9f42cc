import AnnotextCore

/// A cheap language guess from function words: English, Dutch, French, German, Spanish, and
/// Chinese/Japanese/Korean by script. Enough to keep a Dutch translation beside an English
/// treaty from being tagged with English terms; not a general language identifier.
struct LanguageGuesser {
    static let languages = ["en", "nl", "fr", "de", "es"]

    /// Function words, packed into a UInt64 (up to 8 UTF-8 bytes, lowercase) with a bit per language.
    private static let words: WordTable = {
        let lists: [[String]] = [
            // en
            [
                "the", "of", "and", "to", "in", "is", "that", "for", "be", "by", "with", "as", "on", "are",
                "this", "which", "it", "from", "shall", "have", "has", "not", "or", "an", "at", "was", "were",
                "will", "their", "they", "its", "any", "all", "such", "these", "been", "would", "other",
                "between", "we", "our", "who", "his", "but", "may", "there", "upon", "into",
            ],
            // nl
            [
                "de", "het", "een", "van", "en", "is", "dat", "niet", "zijn", "op", "voor", "met", "als",
                "aan", "er", "door", "te", "bij", "wordt", "zij", "hun", "deze", "die", "der", "den", "zal",
                "zullen", "worden", "haar", "welke", "tot", "naar", "ook", "uit", "om", "elk", "hare",
                "wij", "onze", "heeft", "hebben", "geen", "dit",
            ],
            // fr
            [
                "le", "la", "les", "des", "du", "un", "une", "et", "est", "que", "qui", "dans", "pour", "par",
                "sur", "au", "aux", "ce", "cette", "sont", "pas", "ne", "il", "elle", "ont", "avec", "leur",
                "nous", "ces", "été", "être", "de",
            ],
            // de
            [
                "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "von", "mit", "sich",
                "des", "auf", "für", "im", "dem", "werden", "wird", "auch", "es", "sind", "nach", "bei", "oder",
                "aus", "wir", "über", "einer", "durch",
            ],
            // es
            [
                "el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "es", "por", "con", "para",
                "del", "se", "no", "al", "lo", "como", "su", "sus", "más", "este", "esta",
            ],
        ]
        var table = WordTable()
        for (index, list) in lists.enumerated() {
            for word in list { table.insert(pack(Array(word.utf8)[...]), language: index) }
        }
        return table
    }()

    /// An open-addressing table of packed words with a multiplicative hash: a lookup per word
    /// of every block is the guesser's whole cost, and this is several times cheaper than
    /// `Dictionary`'s seeded hashing.
    struct WordTable {
        private static let bits = 10
        private var keys = [UInt64](repeating: 0, count: 1 << bits)
        private var masks = [UInt8](repeating: 0, count: 1 << bits)

        @inline(__always)
        private static func slot(_ key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
        }

        mutating func insert(_ key: UInt64, language: Int) {
            var i = Self.slot(key)
            while keys[i] != 0 && keys[i] != key { i = (i + 1) & (keys.count - 1) }
            keys[i] = key
            masks[i] |= 1 << UInt8(language)
        }

        @inline(__always)
        func mask(_ key: UInt64) -> UInt8? {
            var i = Self.slot(key)
            while true {
                let k = keys[i]
                if k == key { return masks[i] }
                if k == 0 { return nil }
                i = (i + 1) & (keys.count - 1)
            }
        }
    }

    private static func pack(_ word: ArraySlice<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for byte in word.prefix(8) { key = key << 8 | UInt64(byte) }
        return key
    }

    /// Score increments for each language bit mask (5 bits → 32 vectors).
    private static let maskVectors: [SIMD8<Int32>] = (0..<32).map { mask in
        var vector = SIMD8<Int32>(repeating: 0)
        for index in 0..<5 where mask & (1 << index) != 0 { vector[index] = 1 }
        return vector
    }

    /// Counts words and function-word hits per language while scanning bytes.
    private struct Tally {
        var scores = SIMD8<Int32>(repeating: 0)
        var wordCount = 0
        var key: UInt64 = 0
        var length = 0

        @inline(__always)
        mutating func endWord(_ table: WordTable, _ vectors: [SIMD8<Int32>]) {
            if length > 0 {
                wordCount += 1
                if length <= 8, let mask = table.mask(key) { scores &+= vectors[Int(mask)] }
            }
            key = 0
            length = 0
        }
    }

    /// The language of `text` (UTF-8), or nil when it is too short or shows no clear signal.
    /// Only the first 2 KB are read: enough to judge, and the cost stays flat for long blocks.
    static func guess(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        let table = words
        let vectors = maskVectors
        var tally = Tally()
        var cjk = 0
        var kana = 0
        var hangul = 0
        let n = min(text.count, 2048)
        var i = 0
        while i < n {
            var byte = text[i]
            if byte < 0x80 {
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                if byte >= 0x61 && byte <= 0x7A {
                    tally.key = tally.key << 8 | UInt64(byte)
                    tally.length += 1
                } else {
                    tally.endWord(table, vectors)
                }
                i += 1
                continue
            }
            // A multi-byte scalar: decode its lead byte cheaply to classify the script.
            if byte >= 0xE0 && byte < 0xF0 && i + 2 < n {
                let scalar =
                    (UInt32(byte & 0x0F) << 12) | (UInt32(text[i + 1] & 0x3F) << 6) | UInt32(text[i + 2] & 0x3F)
                switch scalar {
                case 0x3040...0x30FF:
                    kana += 1
                    tally.endWord(table, vectors)
                case 0x3400...0x9FFF, 0xF900...0xFAFF:
                    cjk += 1
                    tally.endWord(table, vectors)
                case 0xAC00...0xD7A3:
                    hangul += 1
                    tally.endWord(table, vectors)
                case 0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFFEF:
                    // General and CJK punctuation, wide spaces: word separators.
                    tally.endWord(table, vectors)
                default:
                    tally.key = tally.key << 24 | UInt64(byte) << 16 | UInt64(text[i + 1]) << 8 | UInt64(text[i + 2])
                    tally.length += 3
                }
                i += 3
                continue
            }
            if byte >= 0xC0 && byte < 0xE0 && i + 1 < n {
                let next = text[i + 1]
                if byte == 0xC2 && next >= 0xA0 && next < 0xC0 && next != 0xAA && next != 0xBA {
                    tally.endWord(table, vectors)  // no-break space and Latin-1 punctuation
                } else {
                    var second = next
                    // Lowercase Latin-1 capitals (À–Þ) so "ÉTÉ" matches "été".
                    if byte == 0xC3 && second >= 0x80 && second <= 0x9E && second != 0x97 { second |= 0x20 }
                    tally.key = tally.key << 16 | UInt64(byte) << 8 | UInt64(second)
                    tally.length += 2
                }
                i += 2
                continue
            }
            tally.endWord(table, vectors)
            i += 1
        }
        tally.endWord(table, vectors)
        let wordCount = tally.wordCount
        let script = cjk + kana + hangul
        if script >= 6 && script > wordCount {
            if hangul > cjk + kana { return "ko" }
            return kana * 5 > script ? "ja" : "zh"
        }
        if wordCount < 2 { return nil }
        // Best and runner-up over the five lanes, without building arrays (this runs per block).
        let lanes = tally.scores
        var best = 0
        var bestScore = Int(lanes[0])
        var second = 0
        for index in 1..<5 {
            let score = Int(lanes[index])
            if score > bestScore {
                second = bestScore
                best = index
                bestScore = score
            } else if score > second {
                second = score
            }
        }
        guard wordCount >= 6 else {
            // A short block is judged only when it is unambiguous ("Charter of the United
            // Nations"); "Artikel 1" is left to its neighbours.
            return script == 0 && bestScore >= 2 && second == 0 ? languages[best] : nil
        }
        // Ask for a real signal: a few function words, and a clear lead over the runner-up.
        guard bestScore >= 2, bestScore * 10 >= wordCount, bestScore > second else {
            // A long stretch with no function words of any known language is another language;
            // a short one is merely too thin to judge.
            return wordCount >= 20 ? "und" : nil
        }
        return languages[best]
    }

    /// Sets every block's language, and returns the document's: the language of most judged
    /// text (by bytes), English when nothing could be judged. A block too short to judge (a
    /// heading) takes the language of the next judged block, which it usually introduces, else
    /// the previous one, else the document's: "Artikel 1" before a Dutch article is Dutch.
    static func assign(to blocks: inout [Block], in text: String) -> String {
        var text = text
        var guesses = [String?](repeating: nil, count: blocks.count)
        text.withUTF8 { buffer in
            for (index, block) in blocks.enumerated() {
                guesses[index] = guess(UnsafeBufferPointer(rebasing: buffer[block.range]))
            }
        }
        let language = majority(guesses, weights: blocks.map { $0.range.count })
        var next = [String?](repeating: nil, count: blocks.count)
        var following: String?
        for index in blocks.indices.reversed() {
            next[index] = following
            if let guess = guesses[index] { following = guess }
        }
        var previous: String?
        for index in blocks.indices {
            if let guess = guesses[index] {
                blocks[index].language = guess
                previous = guess
            } else {
                blocks[index].language = next[index] ?? previous ?? language
            }
        }
        return language
    }

    /// The judged language with the most weight ("und" only if nothing else was judged),
    /// English when nothing was judged at all.
    static func majority(_ guesses: [String?], weights: [Int]? = nil) -> String {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for (index, guess) in guesses.enumerated() {
            guard let guess, guess != "und" else { continue }
            if counts[guess] == nil { order.append(guess) }
            counts[guess, default: 0] += weights?[index] ?? 1
        }
        var best: String?
        for language in order where best == nil || counts[language, default: 0] > counts[best ?? "", default: 0] {
            best = language
        }
        return best ?? (guesses.contains { $0 == "und" } ? "und" : "en")
    }

    /// The language of a plain-text document: paragraphs (split at blank lines) of the first
    /// 256 KB are judged one by one and the majority wins.
    static func guessPlainText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { buffer -> String in
            let n = min(buffer.count, 262_144)
            var guesses: [String?] = []
            var weights: [Int] = []
            var start = 0
            var i = 0
            while i < n {
                if buffer[i] == 0x0A {
                    var j = i + 1
                    while j < n && (buffer[j] == 0x20 || buffer[j] == 0x0D || buffer[j] == 0x09) { j += 1 }
                    if j < n && buffer[j] == 0x0A {
                        guesses.append(guess(UnsafeBufferPointer(rebasing: buffer[start..<i])))
                        weights.append(i - start)
                        start = j + 1
                        i = j + 1
                        continue
                    }
                }
                i += 1
            }
            if start < n {
                guesses.append(guess(UnsafeBufferPointer(rebasing: buffer[start..<n])))
                weights.append(n - start)
            }
            return majority(guesses, weights: weights)
        }
    }
}
