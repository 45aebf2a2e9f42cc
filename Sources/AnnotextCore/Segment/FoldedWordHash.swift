/// A 64-bit FNV-1a hash of a word's bytes with ASCII letters folded to lower case.
///
/// The segmenter looks words up (abbreviations, sentence starters) by this hash, so that a
/// lookup on the hot path allocates nothing. Non-ASCII bytes are hashed as they are.
enum FoldedWordHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The hash of `p[start..<end]`.
    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h = seed
        var i = start
        while i < end {
            h = (h ^ UInt64(fold(p[i]))) &* prime
            i += 1
        }
        return h
    }

    /// The hash of a string, as `hash(_:_:_:)` computes it over its UTF-8 bytes.
    static func hash(_ word: some StringProtocol) -> UInt64 {
        var h = seed
        for byte in word.utf8 { h = (h ^ UInt64(fold(byte))) &* prime }
        return h
    }
}

/// Capitalised words that, after an abbreviation, show that a new sentence has begun
/// (`I live in the U.S. How about you?`), where a name would not (`the U.S. Government`).
enum SentenceStarters {
    static let words: [String] = [
        // determiners, pronouns and their forms
        "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "i",
        "he", "she", "we", "they", "you", "his", "her", "our", "their", "my", "your", "one",
        "some", "many", "most", "all", "each", "every", "both", "no", "none", "such", "other",
        "another", "any", "several", "few", "much", "more", "less", "nothing", "everyone",
        // question words
        "how", "what", "why", "where", "when", "who", "which", "whose", "whom", "whether",
        // conjunctions and linking adverbs
        "but", "and", "or", "nor", "so", "yet", "however", "thus", "therefore", "hence",
        "moreover", "furthermore", "also", "still", "instead", "meanwhile", "nevertheless",
        "nonetheless", "otherwise", "indeed", "accordingly", "consequently", "besides", "then",
        "now", "today", "later", "earlier", "finally", "first", "second", "third", "next",
        "last", "again", "perhaps", "maybe", "similarly", "likewise", "only", "even", "just",
        "yes", "not", "never", "always", "often", "sometimes", "once", "soon", "after",
        // prepositions and subordinators that open sentences
        "in", "on", "at", "for", "from", "by", "with", "without", "during", "before", "since",
        "if", "unless", "although", "though", "while", "as", "because", "until", "under",
        "over", "among", "between", "despite", "unlike", "like", "to", "of", "upon", "within",
        "through", "throughout", "against", "into", "about", "according",
        // auxiliaries and verbs that open questions and imperatives
        "is", "are", "was", "were", "be", "do", "does", "did", "can", "could", "will", "would",
        "shall", "should", "may", "might", "must", "have", "has", "had", "let", "please", "see",
        // titles that open a sentence about a person
        "mr", "mrs", "ms", "dr", "prof", "sir", "madam",
    ]

    static let hashes: Set<UInt64> = Set(words.map { FoldedWordHash.hash($0) })
}
