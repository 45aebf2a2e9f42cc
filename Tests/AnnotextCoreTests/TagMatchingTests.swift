import Testing
@testable import AnnotextCore

@Suite struct TagMatchingTests {
    @Test(arguments: [
        ("NATO met.", ["nato:NATO"]),
        ("Nato met.", ["nato:Nato"]),
        ("nato met.", []),
        ("N.A.T.O. met.", ["nato:N.A.T.O."]),
        ("The UN met.", ["united-nations:UN"]),
        ("The U.N. met.", ["united-nations:U.N."]),
        ("un met.", []),
        ("Un met.", []),
        ("The CSTO met.", ["csto:CSTO"]),
        ("The UNSC met.", ["un-security-council:UNSC"]),
    ])
    func matchesAcronymsInCapitalsOnly(text: String, expected: [String]) {
        #expect(TagFixture.spans(text) == expected)
    }

    @Test func neverMatchesInsideWebAddress() {
        #expect(TagFixture.spans("See www.nato.int and http://www.un.org/en for NATO.") == ["nato:NATO"])
        #expect(TagFixture.spans("Write to press@nato.int today.") == [])
        #expect(TagFixture.spans("See un.org or nato.int.") == [])
    }

    @Test func keepsWordsThatTouchAPeriodOutsideAddresses() {
        #expect(TagFixture.spans("the alliance system.The NATO") == ["alliance:alliance", "nato:NATO"])
    }

    @Test func neverMatchesPrefixUn() {
        #expect(TagFixture.spans("It was un-American.") == [])
        #expect(TagFixture.spans("Un-American activities.") == [])
    }

    @Test func matchesWordHyphenatedAcrossLineBreak() {
        let text = "the collec-\ntive security of states"
        let mentions = TagFixture.mentions(text)
        #expect(mentions.map { TagFixture.covered($0, in: text) } == ["collec-\ntive security"])
    }

    @Test func matchesHyphenatedTermBrokenAtLineEnd() {
        #expect(TagFixture.spans("a balance-of-\npower logic") == ["balance-of-power:balance-of-\npower"])
        #expect(TagFixture.spans("a balance of\npower logic") == ["balance-of-power:balance of\npower"])
        #expect(TagFixture.spans("a balance of\n\npower logic") == [])
    }

    @Test func doesNotMatchAcrossPunctuation() {
        #expect(TagFixture.spans("the balance of. Power") == [])
        #expect(TagFixture.spans("collective, security") == [])
    }

    @Test func appliesExclusions() {
        #expect(TagFixture.spans("the balance of power supply failed") == [])
        #expect(TagFixture.spans("the balance of powers supply") == [])
        #expect(TagFixture.spans("the balance of power held") == ["balance-of-power:balance of power"])
        #expect(TagFixture.spans("collective bargaining") == [])
        #expect(TagFixture.spans("the liberal arts college") == [])
        #expect(TagFixture.spans("its National Security Council met") == [])
        #expect(TagFixture.spans("the Security Council met") == ["un-security-council:Security Council"])
    }

    @Test func appliesContextGuard() throws {
        let lexicon = try TagFixture.lexicon(
            [Term("League")], options: MatchOptions(context: ["nations", "covenant"], contextWindow: 4))
        #expect(TagFixture.spans("the League and its Covenant", lexicon: lexicon) == ["c:League"])
        #expect(TagFixture.spans("the Covenant of the League", lexicon: lexicon) == ["c:League"])
        #expect(TagFixture.spans("a football league table", lexicon: lexicon) == [])
        #expect(TagFixture.spans("the League, one two three four five, Covenant", lexicon: lexicon) == [])
    }

    @Test(arguments: [
        ("a specific enemy", "specific-enemy:specific enemy"),
        ("a specific potential enemy", "specific-enemy:specific potential enemy"),
        ("a common external enemy", "specific-enemy:common external enemy"),
        ("a particular, named enemy", "specific-enemy:particular, named enemy"),
        ("a particular, clearly named enemy", "specific-enemy:particular, clearly named enemy"),
        ("specific enemies", "specific-enemy:specific enemies"),
    ])
    func matchesBoundedWordGap(text: String, span: String) {
        #expect(TagFixture.spans(text) == [span])
    }

    @Test func limitsWordGap() {
        #expect(TagFixture.spans("a specific and very vague enemy") == [])
        #expect(TagFixture.spans("a specific. Enemy") == [])
    }

    @Test func matchesOptionalAlternatives() throws {
        let lexicon = try TagFixture.lexicon([Term("specific [potential|very real] enemy")])
        #expect(TagFixture.spans("specific enemy", lexicon: lexicon) == ["c:specific enemy"])
        #expect(TagFixture.spans("specific potential enemy", lexicon: lexicon) == ["c:specific potential enemy"])
        #expect(TagFixture.spans("specific very real enemy", lexicon: lexicon) == ["c:specific very real enemy"])
        #expect(TagFixture.spans("specific real enemy", lexicon: lexicon) == [])
    }

    @Test func matchesCaseSensitiveTermsInTheirCase() throws {
        let lexicon = try TagFixture.lexicon([Term("League", options: MatchOptions(isCaseSensitive: true))])
        #expect(TagFixture.spans("the League met", lexicon: lexicon) == ["c:League"])
        #expect(TagFixture.spans("a league table", lexicon: lexicon) == [])
        #expect(TagFixture.spans("the LEAGUE met", lexicon: lexicon) == [])
    }

    @Test func treatsExplicitAcronymOptionLikeCapitals() throws {
        let lexicon = try TagFixture.lexicon([Term("Otan", options: MatchOptions(isAcronym: true))])
        #expect(TagFixture.spans("OTAN and Otan", lexicon: lexicon) == ["c:OTAN", "c:Otan"])
        #expect(TagFixture.spans("otan", lexicon: lexicon) == [])
    }

    @Test func reportsUTF8ByteRangesIntoTheDocument() {
        let text = "Détente — “the alliance” ends."
        let mention = TagFixture.mentions(text)[0]
        let start = Array(text.utf8).count - Array("alliance” ends.".utf8).count
        #expect(mention.range == start..<start + 8)
    }

    @Test func tagsEachSentenceOnItsOwn() throws {
        let text = "It was a balance. Of power there was none. NATO too."
        let first = 0..<17
        let second = 18..<42
        let third = 43..<text.utf8.count
        let document = Document(name: "t", text: text)
        let sentences = [Sentence(index: 0, range: first), Sentence(index: 1, range: second), Sentence(index: 2, range: third)]
        let tagged = ConceptTagger(lexicon: TagFixture.lexicon).tag(sentences, in: document)
        #expect(tagged.map(\.mentions.count) == [0, 0, 1])
        #expect(tagged[2].mentions[0].range == 43..<47)
    }

    @Test func skipsBlocksInAnotherLanguage() {
        let text = "La OTAN et la NATO.\n\nThe NATO alliance."
        let blocks = [
            Block(kind: .paragraph, range: 0..<19, language: "fr"),
            Block(kind: .paragraph, range: 21..<text.utf8.count, language: "en-GB"),
        ]
        let document = Document(name: "t", text: text, blocks: blocks)
        let sentences = [Sentence(index: 0, range: 0..<19), Sentence(index: 1, range: 21..<text.utf8.count)]
        let tagged = ConceptTagger(lexicon: TagFixture.lexicon).tag(sentences, in: document)
        #expect(tagged.map(\.mentions.count) == [0, 2])
    }

    @Test func normalisesCurlyApostrophesAndDashes() throws {
        let lexicon = try TagFixture.lexicon([Term("self-help")])
        #expect(TagFixture.spans("self‐help", lexicon: lexicon) == ["c:self‐help"])
        #expect(TagFixture.spans("self–help", lexicon: lexicon) == [])
    }
}
