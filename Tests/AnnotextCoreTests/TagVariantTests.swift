import Testing
@testable import AnnotextCore

@Suite struct TagVariantTests {
    @Test(arguments: [
        ("The alliances held.", "alliance:alliances", "plural"),
        ("Old allies met.", "alliance:allies", "plural"),
        ("An ally helps.", "alliance:ally", "exact"),
        ("Rival enemies and a common enemy.", "specific-enemy:common enemy", "exact"),
        ("Two hegemonies clashed.", "hegemon:hegemonies", "plural"),
        ("The aggressors lost.", "aggression:aggressors", "plural"),
        ("Balances of power shift.", "balance-of-power:Balances of power", "plural"),
        ("Acts of aggression occurred.", "aggression:Acts of aggression", "plural"),
        ("The armed forces of a state.", "use-of-force:armed forces", "plural"),
        ("Security dilemmas abound.", "security-dilemma:Security dilemmas", "plural"),
    ])
    func generatesNumberVariants(text: String, span: String, rule: String) {
        #expect(TagFixture.spans(text).contains(span))
        #expect(TagFixture.mentions(text).first { "\($0.concept):\(TagFixture.covered($0, in: text))" == span }?
            .provenance?.variant == rule)
    }

    @Test func generatesSingularOfPluralTerm() throws {
        let lexicon = try TagFixture.lexicon([Term("sanctions"), Term("armed forces")])
        #expect(TagFixture.spans("A sanction and an armed force.", lexicon: lexicon) == ["c:sanction", "c:armed force"])
        #expect(TagFixture.mentions("One sanction.", lexicon: lexicon).first?.provenance?.variant == "singular")
    }

    @Test(arguments: [
        ("They deter attacks.", "deterrence:deter", "exact"),
        // The -s form of a verb is the plural's form too, and is named after it.
        ("It deters attacks.", "deterrence:deters", "plural"),
        ("It deterred attacks.", "deterrence:deterred", "past"),
        ("Deterring attacks works.", "deterrence:Deterring", "gerund"),
        ("The Allied powers won.", "alliance:Allied", "past"),
    ])
    func generatesVerbFormsOfOneWordTerms(text: String, span: String, rule: String) {
        #expect(TagFixture.spans(text) == [span])
        #expect(TagFixture.mentions(text).first?.provenance?.variant == rule)
    }

    @Test func doesNotTagDetermine() {
        #expect(TagFixture.spans("They determined the outcome.") == [])
    }

    @Test func keepsWrittenFormsWhenInflectionIsOff() {
        #expect(TagFixture.spans("liberal theories") == ["liberalism:liberal"])
        #expect(TagFixture.spans("The liberals voted.") == [])
    }

    @Test(arguments: [
        ("collective defense pacts", "collective-defense:collective defense", "us-spelling"),
        ("collective defence pacts", "collective-defense:collective defence", "exact"),
        ("mutual defenses", "collective-defense:mutual defenses", "us-spelling+plural"),
    ])
    func generatesBritishAndAmericanSpellings(text: String, span: String, rule: String) {
        #expect(TagFixture.spans(text) == [span])
        #expect(TagFixture.mentions(text).first?.provenance?.variant == rule)
    }

    @Test func generatesIzeIsationAndOurSpellings() throws {
        let lexicon = try TagFixture.lexicon([Term("organisation"), Term("globalize"), Term("behaviour")])
        #expect(TagFixture.spans("organization", lexicon: lexicon) == ["c:organization"])
        #expect(TagFixture.spans("globalise", lexicon: lexicon) == ["c:globalise"])
        #expect(TagFixture.spans("behavior", lexicon: lexicon) == ["c:behavior"])
        #expect(TagFixture.mentions("organizations", lexicon: lexicon).first?.provenance?.variant == "us-spelling+plural")
        #expect(TagFixture.mentions("globalise", lexicon: lexicon).first?.provenance?.variant == "uk-spelling")
    }

    @Test func matchesHyphenSpaceAndJoinedForms() {
        #expect(TagFixture.spans("a balance-of-power logic") == ["balance-of-power:balance-of-power"])
        #expect(TagFixture.variant("a balance-of-power logic") == "hyphen")
        #expect(TagFixture.spans("collective self defence") == ["collective-defense:collective self defence"])
        #expect(TagFixture.variant("collective self defence") == "space")
        #expect(TagFixture.spans("collective selfdefence") == ["collective-defense:collective selfdefence"])
        #expect(TagFixture.variant("collective selfdefence") == "joined")
        #expect(TagFixture.variant("collective self-defense") == "us-spelling")
    }

    @Test func splitsJoinedWordAfterPrefix() throws {
        let lexicon = try TagFixture.lexicon([Term("nonproliferation")])
        #expect(TagFixture.spans("non-proliferation treaty", lexicon: lexicon) == ["c:non-proliferation"])
        #expect(TagFixture.mentions("non-proliferation", lexicon: lexicon).first?.provenance?.variant == "hyphen")
    }

    @Test(arguments: [
        ("the hegemon’s reach", "hegemon:hegemon"),
        ("the hegemon's reach", "hegemon:hegemon"),
        ("The CSTO’s purpose", "csto:CSTO"),
        ("the allies’ plans", "alliance:allies"),
        ("NATO's members", "nato:NATO"),
    ])
    func leavesPossessiveEndingOutOfSpan(text: String, span: String) {
        #expect(TagFixture.spans(text) == [span])
        #expect(TagFixture.mentions(text).first?.provenance?.variant.hasSuffix("possessive") == true)
    }

    @Test func foldsCaseAndDiacritics() throws {
        let lexicon = try TagFixture.lexicon([Term("détente"), Term("entente cordiale")])
        #expect(TagFixture.spans("DETENTE and Détente and detente", lexicon: lexicon).count == 3)
        #expect(TagFixture.spans("Entente Cordiale", lexicon: lexicon) == ["c:Entente Cordiale"])
        #expect(TagFixture.spans("BALANCE OF POWER") == ["balance-of-power:BALANCE OF POWER"])
    }

    @Test func reportsTermTextInProvenance() {
        let mention = TagFixture.mentions("mutual defenses")[0]
        #expect(mention.provenance == Provenance(term: "mutual defence", variant: "us-spelling+plural"))
    }
}
