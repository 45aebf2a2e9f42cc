import Testing
@testable import AnnotextCore

@Suite struct TagOverlapTests {
    @Test func keepsLongestMatchAndNestsShorterOne() {
        let text = "The Collective Security Treaty Organization met."
        let mentions = TagFixture.mentions(text)
        #expect(mentions.map(\.concept) == ["csto"])
        #expect(TagFixture.covered(mentions[0], in: text) == "Collective Security Treaty Organization")
        #expect(mentions[0].nested.map(\.concept) == ["collective-security"])
        #expect(mentions[0].nested.map { TagFixture.covered($0, in: text) } == ["Collective Security"])
    }

    @Test func dropsNestedMatchOfTheSameConcept() {
        let text = "the North Atlantic Treaty Organization"
        let mentions = TagFixture.mentions(text)
        #expect(mentions.map(\.concept) == ["nato"])
        #expect(mentions[0].nested.isEmpty)
        #expect(TagFixture.spans("a new world order") == ["world-order:new world order"])
    }

    @Test func nestsAcronymInsideLongerName() {
        let text = "the UN Security Council and the United Nations Security Council"
        let mentions = TagFixture.mentions(text)
        #expect(mentions.map(\.concept) == ["un-security-council", "un-security-council"])
        #expect(mentions.map { $0.nested.map(\.concept) } == [["united-nations"], ["united-nations"]])
    }

    @Test(arguments: [
        ("collective security alliance", ["collective-security:collective security", "alliance:alliance"]),
        ("NATO allies", ["nato:NATO", "alliance:allies"]),
        ("liberal international order", ["liberalism:liberal", "world-order:international order"]),
        ("the Collective Security Treaty Organization (CSTO)",
         ["csto:Collective Security Treaty Organization", "csto:CSTO"]),
        ("the threat or use of force", ["use-of-force:threat or use of force"]),
    ])
    func keepsAdjacentTermsApart(text: String, expected: [String]) {
        #expect(TagFixture.spans(text) == expected)
    }

    @Test func prefersLeftmostMatchWhenMatchesCross() throws {
        let lexicon = try CompiledLexicon(
            scheme: ConceptScheme(
                id: "t",
                concepts: [
                    Concept(id: "a", label: "", terms: [Term("balance of")]),
                    Concept(id: "b", label: "", terms: [Term("of power politics")]),
                ]))
        #expect(TagFixture.spans("the balance of power politics", lexicon: lexicon) == ["a:balance of"])
    }

    @Test func keepsEveryMatchFlatWithPolicyAll() throws {
        let text = "The Collective Security Treaty Organization met."
        #expect(
            TagFixture.spans(text, overlaps: .all) == [
                "csto:Collective Security Treaty Organization", "csto:Collective Security Treaty",
                "collective-security:Collective Security",
            ])
        #expect(TagFixture.mentions(text, overlaps: .all).allSatisfy { $0.nested.isEmpty })
    }

    @Test func keepsCrossingMatchesWithPolicyAll() throws {
        let lexicon = try CompiledLexicon(
            scheme: ConceptScheme(
                id: "t",
                concepts: [
                    Concept(id: "a", label: "", terms: [Term("balance of")]),
                    Concept(id: "b", label: "", terms: [Term("of power politics")]),
                ]))
        #expect(
            TagFixture.spans("the balance of power politics", lexicon: lexicon, overlaps: .all) == [
                "a:balance of", "b:of power politics",
            ])
    }

    @Test func nestsEqualSpanOfAnotherConcept() throws {
        let lexicon = try CompiledLexicon(
            scheme: ConceptScheme(
                id: "t",
                concepts: [
                    Concept(id: "a", label: "", terms: [Term("power politics")]),
                    Concept(id: "b", label: "", terms: [Term("power politics")]),
                ]))
        let mentions = TagFixture.mentions("power politics", lexicon: lexicon)
        #expect(mentions.map(\.concept) == ["a"])
        #expect(mentions[0].nested.map(\.concept) == ["b"])
    }

    @Test func prefersFormMadeByFewerRules() throws {
        let lexicon = try TagFixture.lexicon([Term("alliance"), Term("alliances")])
        #expect(TagFixture.mentions("alliances", lexicon: lexicon).map(\.provenance?.term) == ["alliances"])
        #expect(TagFixture.mentions("alliances", lexicon: lexicon).map(\.provenance?.variant) == ["exact"])
    }
}
