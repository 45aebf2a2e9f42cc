import AnnotextCore
import AnnotextLexicon
import Foundation
import Testing

@Suite struct SKOSImportTests {
    @Test func readsSchemeFromConceptScheme() throws {
        let scheme = try SKOSFixture.imported().scheme
        #expect(scheme.id == "ir-core")
        #expect(scheme.title == "International relations: core")
        #expect(scheme.language == "en")
        #expect(scheme.version == "2.1")
    }

    @Test func makesIDsFromFragmentsAndPathSegments() throws {
        let scheme = try SKOSFixture.imported().scheme
        #expect(
            scheme.concepts.map(\.id) == [
                "alliance", "nato", "balance-of-power", "hegemonic-stability", "use-of-force",
            ])
    }

    @Test func mapsLabelsNotesAndDefinitionsInTheLanguage() throws {
        let alliance = try #require(try SKOSFixture.imported().scheme.concept(withID: "alliance"))
        #expect(alliance.label == "Alliance")
        #expect(alliance.terms.map(\.text) == ["ally", "allied"])
        #expect(alliance.hidden.map(\.text) == ["aliance"])
        #expect(alliance.definition == "A formal promise of mutual support between states.")
        #expect(alliance.note == #"Not a coalition: "Pact" alone does not count."#)
    }

    @Test func keepsLabelsWithoutLanguageAndRegionalVariants() throws {
        let scheme = try SKOSFixture.imported().scheme
        #expect(scheme.concept(withID: "nato")?.label == "NATO")
        #expect(scheme.concept(withID: "use-of-force")?.label == "Use of force")
    }

    @Test func resolvesBroaderAndNarrowerBothWays() throws {
        let scheme = try SKOSFixture.imported().scheme
        #expect(scheme.concept(withID: "nato")?.broader == ["alliance"])
        #expect(scheme.concept(withID: "hegemonic-stability")?.broader == ["balance-of-power"])
        #expect(scheme.concept(withID: "alliance")?.related == ["balance-of-power"])
        #expect(scheme.concept(withID: "use-of-force")?.related == ["alliance"])
    }

    @Test func leavesOutTermsTheTaggerCannotMatch() throws {
        let scheme = try SKOSFixture.imported().scheme
        #expect(scheme.concept(withID: "balance-of-power")?.terms == [])
        #expect(scheme.concept(withID: "use-of-force")?.terms.map(\.text) == ["armed force"])
    }

    @Test func warnsAboutWhatItLeavesOut() throws {
        let warnings = try SKOSFixture.imported().warnings.map(\.description)
        let file = SKOSFixture.url.relativePath
        let punctuation =
            "it has punctuation between words, which text never matches; write each form as a term, or use [a|b] or {0,2}"
        let expected = [
            "\(file):33:5: warning: broader <http://other.example.org/thesaurus/organisations> of <http://example.org/vocab/ir-core#NATO> is not a concept imported from the file; the link is dropped",
            "\(file):39:5: warning: altLabel \"balance of power [system]\" of <http://example.org/vocab/ir-core#BalanceOfPower> is left out: \(punctuation)",
            "\(file):48:3: warning: concept <http://example.org/vocab/ir-core#Souverainete> has no label in \"en\"; it is left out",
            "\(file):55:5: warning: altLabel \"1945 Charter: use of force\" of <http://example.org/vocab/ir-core#UseOfForce> is left out: \(punctuation)",
            "\(file):56:5: warning: narrower <http://example.org/vocab/ir-core#Souverainete> of <http://example.org/vocab/ir-core#UseOfForce> is not a concept imported from the file; the link is dropped",
        ]
        #expect(warnings.joined(separator: "\n") == expected.joined(separator: "\n"))
    }

    @Test func filtersByAnotherLanguage() throws {
        let scheme = try SKOSFixture.imported(language: "fr").scheme
        #expect(scheme.title == "Relations internationales")
        #expect(scheme.concepts.map(\.id) == ["alliance", "nato", "souverainete"])
        #expect(scheme.concept(withID: "alliance")?.terms.map(\.text) == ["allié"])
        #expect(scheme.concept(withID: "alliance")?.note == "Pas une coalition.")
        #expect(scheme.concept(withID: "souverainete")?.label == "Souveraineté")
    }

    @Test func roundTripsThroughYAMLAndTheChecker() throws {
        let imported = try SKOSFixture.imported()
        let folder = try ScratchFolder()
        let file = try folder.write("ir-core.yaml", imported.yaml)
        let diagnostics = LexiconChecker.check(contentsOf: file)
        #expect(diagnostics.filter(\.isError).isEmpty, "\(diagnostics)")
        let loaded = try ConceptScheme(contentsOf: file)
        #expect(loaded.withoutLocations == imported.scheme.withoutLocations)
        #expect(imported.yaml.contains("    label: \"Yes\"\n"))
    }

    @Test func readsDescriptionsTypedAsConceptsAndRDFIDs() throws {
        let text = SKOSFixture.rdf(
            """
            <rdf:Description xml:base="http://example.org/v/" rdf:ID="SecurityDilemma">
              <rdf:type rdf:resource="http://www.w3.org/2004/02/skos/core#Concept"/>
              <skos:prefLabel>Security dilemma</skos:prefLabel>
              <skos:broader rdf:resource="#realismTheory"/>
            </rdf:Description>
            <skos:Concept rdf:about="http://example.org/v/#realismTheory" skos:prefLabel="Realism"/>
            """)
        let scheme = try SKOSFixture.importing(text).scheme
        #expect(scheme.concepts.map(\.id) == ["security-dilemma", "realism-theory"])
        #expect(scheme.concepts.map(\.label) == ["Security dilemma", "Realism"])
        #expect(scheme.concepts[0].broader == ["realism-theory"])
        #expect(scheme.id == "inline")
    }

    @Test func numbersRepeatedIDs() throws {
        let text = SKOSFixture.rdf(
            """
            <skos:Concept rdf:about="http://a.example/deterrence"><skos:prefLabel>Deterrence</skos:prefLabel></skos:Concept>
            <skos:Concept rdf:about="http://b.example/Deterrence"><skos:prefLabel>Nuclear deterrence</skos:prefLabel></skos:Concept>
            """)
        let imported = try SKOSFixture.importing(text)
        #expect(imported.scheme.concepts.map(\.id) == ["deterrence", "deterrence-2"])
        #expect(
            imported.warnings.map(\.description) == [
                #"inline.rdf:6:1: warning: concept <http://b.example/Deterrence> would repeat the id "deterrence"; it is "deterrence-2""#
            ])
    }

    @Test(arguments: [
        ("BalanceOfPower", "balance-of-power"), ("NATOMember", "nato-member"), ("use_of_force", "use-of-force"),
        ("Souveraineté", "souverainete"), ("c1234", "c1234"), ("--x--y--", "x-y"), ("UN", "un"),
    ])
    func makesKebabCase(_ input: String, _ expected: String) throws {
        let text = SKOSFixture.rdf(
            "<skos:Concept rdf:about=\"http://example.org/\(input)\"><skos:prefLabel>Label</skos:prefLabel></skos:Concept>"
        )
        #expect(try SKOSFixture.importing(text).scheme.concepts.map(\.id) == [expected])
    }
}
