import Testing
@testable import AnnotextCore

/// The fast paths of the tagger against the plain ways they replace: the eight-byte word test,
/// the register hash, the short-word scan, the exclusion sweep, the child filter and the flat
/// nested lists of the overlap resolver.
@Suite struct TagScanKernelTests {
    /// A fixed pseudo-random sequence, so a failure repeats.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ state >> 29
        }
    }

    @Test func asciiChunkReadsAsByteByByte() {
        var generator = Generator(state: 42)
        let alphabet = Array("aZz09 .-'AmQ".utf8) + [0xC3, 0xA9, 0x80, 0x7F, 0x40, 0x5B, 0x60, 0x7B, 0x2F, 0x3A]
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let chunk = ASCIIWordChunk(bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) })
            let isWordByte = { (byte: UInt8) in TextFolding.asciiFold[Int(byte)] != 0 }
            let length = bytes.firstIndex { !isWordByte($0) } ?? 8
            #expect(chunk.length == length, "\(bytes)")
            let run = bytes[..<length]
            #expect(chunk.upperCount == min(2, run.filter { $0 >= 0x41 && $0 <= 0x5A }.count))
            #expect(chunk.lowerCount == min(2, run.filter { $0 >= 0x61 && $0 <= 0x7A }.count))
            for (index, byte) in run.enumerated() {
                #expect(UInt8(truncatingIfNeeded: chunk.folded >> UInt64(index * 8)) == TextFolding.asciiFold[Int(byte)])
            }
        }
    }

    @Test func registerHashEqualsHashOfBytes() {
        for word in ["a", "un", "nato", "deter", "alliance", "hegemon", "12345678"] {
            let bytes = Array(word.utf8)
            let packed = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
            #expect(HashTable64.hash(word: packed, count: bytes.count) == HashTable64.hash(of: bytes))
        }
    }

    /// A word read by the short-word path (eight bytes ahead) and by the general one (at the
    /// end of the range) gives the same token.
    @Test(arguments: ["alliance", "Ally", "NATO", "Nato", "nATo", "UN", "un", "1945", "deters", "a", "Realist"])
    func shortWordReadsAsTheGeneralScan(word: String) throws {
        let scanner = TokenScanner(vocabulary: TagFixture.lexicon.tables.vocabulary)
        func firstToken(_ text: String) -> (Token, [UInt8]) {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                scanner.scan(buffer, range: 0..<buffer.count)
                return (scanner.tokens[0], scanner.foldedBytes(of: scanner.tokens[0]))
            }
        }
        let (short, shortFolded) = firstToken(word + " and more words after it")
        let (general, generalFolded) = firstToken(word)
        #expect(short.id == general.id)
        #expect(short.role == general.role)
        #expect(short.shape == general.shape)
        #expect(short.end == general.end)
        #expect(shortFolded == generalFolded)
    }

    /// A short word before a mark the short-word path takes (comma, period, bracket, line
    /// break …) gives the token and the separators of the general path; so does a one-letter
    /// word before a period (a dotted acronym), which the short-word path leaves alone.
    @Test(arguments: [",", ";", ")", "\"", "!", "?", "\n", ".", ".N.", "'s", "-x", ".org", ":/"])
    func shortWordBeforeAMarkReadsAsTheGeneralScan(mark: String) throws {
        let scanner = TokenScanner(vocabulary: TagFixture.lexicon.tables.vocabulary)
        func tokens(_ text: String) -> [[Int]] {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                scanner.scan(buffer, range: 0..<buffer.count)
                return scanner.tokens.map {
                    [$0.start, $0.end, Int($0.id), Int($0.separator), Int($0.shape)] + scanner.foldedBytes(of: $0).map(Int.init)
                }
            }
        }
        for word in ["UN", "U", "Nato", "ally", "deter", "1945"] {
            // Eight bytes or more after the word's start: the short-word path; fewer: the general one.
            let fast = tokens(word + mark + " and more words after it")
            let general = tokens(word + mark)
            #expect(Array(fast.prefix(general.count)) == general, "\(word)\(mark)")
        }
    }

    @Test func exclusionSweepDropsOnlyMatchesInsideAnExclusionOfTheirConcept() {
        func match(_ first: Int, _ end: Int, _ concept: Int32) -> TokenMatch {
            TokenMatch(first: first, end: end, concept: concept, pattern: 0, rank: 0)
        }
        var generator = Generator(state: 7)
        var sweep = ExclusionSweep()
        for _ in 0..<500 {
            let random = { (bound: Int) in Int(generator.next() % UInt64(bound)) }
            var matches = (0..<random(12)).map { _ in match(random(10), 0, Int32(random(3))) }
            var exclusions = (0..<random(5)).map { _ in match(random(10), 0, Int32(random(3))) }
            matches = matches.sorted { $0.first < $1.first }.map { match($0.first, $0.first + 1 + random(4), $0.concept) }
            exclusions = exclusions.sorted { $0.first < $1.first }.map { match($0.first, $0.first + 1 + random(6), $0.concept) }
            let expected = matches.filter { m in
                !exclusions.contains { $0.concept == m.concept && $0.first <= m.first && m.end <= $0.end }
            }
            var swept = matches
            sweep.removeExcluded(from: &swept, by: exclusions, conceptCount: 3)
            #expect(swept.map { [$0.first, $0.end, Int($0.concept)] } == expected.map { [$0.first, $0.end, Int($0.concept)] })
        }
    }

    @Test func childFilterHasTheBitOfEveryChild() {
        let tables = TagFixture.lexicon.tables
        let transitions = TagFixture.lexicon.automaton.transitions
        var checked = 0
        for slot in 0..<transitions.slotCount where transitions.slots[2 * slot] != 0 {
            let key = transitions.slots[2 * slot]
            let filter = tables.nodes[Int(key >> 32)].childFilter
            #expect(filter & (1 << (key & 63)) != 0)
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test func keepsEachChosenMentionsOwnNestedMentions() {
        let text = "The Collective Security Treaty Organization and the United Nations Security Council met."
        let mentions = TagFixture.mentions(text)
        #expect(mentions.map(\.concept) == ["csto", "un-security-council"])
        #expect(mentions.map { $0.nested.map(\.concept) } == [["collective-security"], ["united-nations"]])
        #expect(mentions[1].nested.map { TagFixture.covered($0, in: text) } == ["United Nations"])
    }

    @Test func readsCueRolesWithTheTokenId() {
        let scanner = TokenScanner(vocabulary: TagFixture.lexicon.tables.vocabulary)
        let bytes = Array("realists argue that it is not an alliance".utf8)
        let roles = bytes.withUnsafeBufferPointer { buffer in
            scanner.scan(buffer, range: 0..<buffer.count)
            return scanner.tokens.map(\.role)
        }
        #expect(roles[1] & ClauseCue.attribution != 0)
        #expect(roles[2] & ClauseCue.that != 0)
        #expect(roles[5] & ClauseCue.negator != 0)
        #expect(roles[7] == 0)
    }
}
