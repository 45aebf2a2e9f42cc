import Testing

@testable import AnnotextCore

/// Mentions keep lexicon indexes and give the same provenance strings on demand.
@Suite struct TagProvenanceTests {
    @Test func resolvesProvenanceFromLexiconIndexes() {
        let mention = TagFixture.mentions("Their mutual defenses held.").first
        #expect(mention?.conceptIndex != nil)
        #expect(mention?.provenance == Provenance(term: "mutual defence", variant: "us-spelling+plural"))
        #expect(TagFixture.mentions("The realist's view.").first?.provenance?.variant == "possessive")
    }

    @Test func conceptIndexPointsIntoTheScheme() throws {
        let mention = try #require(TagFixture.mentions("A realist view.").first)
        let index = try #require(mention.conceptIndex)
        #expect(TagFixture.scheme.concepts[index].id == mention.concept)
    }

    @Test func settingProvenanceReplacesTheIndexes() throws {
        var mention = try #require(TagFixture.mentions("A realist view.").first)
        mention.provenance = Provenance(term: "x", variant: "y")
        #expect(mention.provenance == Provenance(term: "x", variant: "y"))
        #expect(mention.conceptIndex == nil)
        mention.provenance = nil
        #expect(mention.provenance == nil)
    }

    @Test func handMadeMentionsCompareByProvenance() {
        let a = Mention(concept: "alliance", range: 0..<4, provenance: Provenance(term: "ally", variant: "exact"))
        var b = a
        #expect(a == b)
        b.provenance = Provenance(term: "ally", variant: "plural")
        #expect(a != b)
    }

    @Test func namesJoinedRulesInOrder() {
        #expect(ProvenanceTable.variant("exact", extras: 0) == "exact")
        #expect(ProvenanceTable.variant("exact", extras: ProvenanceTable.Extra.possessive) == "possessive")
        #expect(
            ProvenanceTable.variant("plural", extras: ProvenanceTable.Extra.hyphen | ProvenanceTable.Extra.possessive)
                == "plural+hyphen+possessive")
    }
}
