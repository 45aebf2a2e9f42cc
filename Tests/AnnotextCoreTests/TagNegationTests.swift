import Testing
@testable import AnnotextCore

@Suite struct TagNegationTests {
    /// The `negated` flag of the first mention of `concept` in `text`.
    private func negated(_ text: String, _ concept: String) -> Bool? {
        TagFixture.mentions(text).first { $0.concept == concept }?.isNegated
    }

    @Test(arguments: [
        ("The guarantee of protection is unequivocal and is not limited to a specific enemy.", "specific-enemy"),
        ("States did not form an alliance.", "alliance"),
        ("They don't want an alliance.", "alliance"),
        ("They can’t rely on deterrence.", "deterrence"),
        ("One cannot speak of a hegemon here.", "hegemon"),
        ("The treaty is not an act of aggression.", "aggression"),
        ("There is no alliance between them.", "alliance"),
        ("There is no longer an alliance.", "alliance"),
        ("The pact never became an alliance.", "alliance"),
        ("They acted without an ally.", "alliance"),
        ("Neither NATO nor the UN acted.", "nato"),
        ("Neither NATO nor the UN acted.", "united-nations"),
        ("It was collective defence, not collective security.", "collective-security"),
        ("This is not merely deterrence.", "deterrence"),
    ])
    func negatesMentionAfterNegatorInItsClause(text: String, concept: String) {
        #expect(negated(text, concept) == true)
    }

    @Test(arguments: [
        ("C) The realist idea of deterrence requires the existence of a hegemon,while liberal ideas of collective security do not.",
         "collective-security"),
        ("Collective security does not work.", "collective-security"),
        ("It does not follow that deterrence fails.", "deterrence"),
        ("They did not agree; the alliance held.", "alliance"),
        ("It is not a treaty but an alliance.", "alliance"),
        ("They are not Members of the United Nations.", "united-nations"),
        ("The treaty is not part of the North Atlantic Treaty.", "nato"),
        ("There are no similarities between the liberal theory and realism.", "liberalism"),
        ("Force was used without the authorization of the Security Council.", "un-security-council"),
        ("This shall not affect the authority of the Security Council.", "un-security-council"),
        ("Not only deterrence but also alliances matter.", "deterrence"),
        ("There is no doubt that NATO is an alliance.", "nato"),
        ("States must refrain from the use of force.", "use-of-force"),
        ("They sought to prevent aggression.", "aggression"),
        ("They oppose the hegemon.", "hegemon"),
        ("No war came, and the alliance grew.", "alliance"),
        ("It was not clear which alliance would win.", "alliance"),
        ("See No. 3 on the alliance.", "alliance"),
    ])
    func leavesMentionOutsideNegationScopeUnnegated(text: String, concept: String) {
        #expect(negated(text, concept) == false)
    }

    @Test(arguments: [
        ("The alliance may fail, and perhaps the hegemon will rise.", "hegemon", true),
        ("Deterrence may fail, and the alliance might collapse.", "alliance", false),
        ("Perhaps the hegemon will fall.", "hegemon", true),
        ("The alliance seems strong.", "alliance", false),
        ("It seems that the alliance is strong.", "alliance", false),
        ("It seems the alliance is strong.", "alliance", true),
        ("In May the alliance met.", "alliance", false),
        ("They could probably deter an attack.", "deterrence", true),
    ])
    func marksHedgedMentions(text: String, concept: String, hedged: Bool) {
        #expect(TagFixture.mentions(text).first { $0.concept == concept }?.isHedged == hedged)
    }

    @Test(arguments: [
        ("Realists argue that the balance of power keeps peace.", "balance-of-power", true),
        ("Mearsheimer claims that hegemony is unattainable.", "hegemon", true),
        ("States maintain alliances.", "alliance", false),
        ("According to Waltz, the balance of power recurs.", "balance-of-power", true),
        ("In the view of liberals, the UN matters.", "united-nations", true),
        ("In Waltz's view, the hegemon is rare.", "hegemon", true),
        ("The hegemon is rare, realists argue.", "hegemon", false),
    ])
    func marksAttributedMentions(text: String, concept: String, attributed: Bool) {
        #expect(TagFixture.mentions(text).first { $0.concept == concept }?.isAttributed == attributed)
    }
}
