import AnnotextCore
import AnnotextLexicon
import Foundation
import Testing

@Suite struct BuiltInLexiconTests {
    /// The ids `eval/ANNOTATION.md` and DESIGN.md promise.
    static let requiredIDs = [
        "alliance", "hegemon", "balance-of-power", "specific-enemy", "collective-security",
        "collective-defense", "deterrence", "aggression", "realism", "liberalism", "world-order",
        "use-of-force", "security-dilemma", "nato", "csto", "united-nations", "un-security-council",
        "league-of-nations",
    ]

    let scheme = ConceptScheme.builtIn

    @Test func loadsWithEveryRequiredID() {
        #expect(scheme.id == "international-relations")
        for id in Self.requiredIDs {
            #expect(scheme.concept(withID: id) != nil, "missing \(id)")
        }
    }

    @Test func hasEveryIDOfAnnotationGuide() throws {
        guard let shared = PackagePaths.shared else {
            print("skipped: ../shared is absent, so eval/ANNOTATION.md cannot be read")
            return
        }
        let guide = try String(
            contentsOf: shared.appendingPathComponent("eval/ANNOTATION.md"), encoding: .utf8)
        // Rows of the concepts table start with "| `id` |".
        let ids = guide.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
        #expect(ids.count >= 18)
        for id in ids {
            #expect(scheme.concept(withID: id) != nil, "ANNOTATION.md names \(id), the built-in lexicon lacks it")
        }
    }

    @Test func checksWithoutErrorsOrWarnings() {
        #expect(LexiconChecker.checkBuiltIn().map(\.description) == [])
        let onDisk = PackagePaths.lexicons.appendingPathComponent("international-relations.yaml")
        #expect(LexiconChecker.check(contentsOf: onDisk).map(\.description) == [])
    }

    @Test func embedsTheFileInLexiconsFolder() throws {
        let onDisk = try ConceptScheme(
            contentsOf: PackagePaths.lexicons.appendingPathComponent("international-relations.yaml"))
        #expect(onDisk.concepts.map(\.id) == scheme.concepts.map(\.id))
        #expect(onDisk.concepts.map(\.terms.count) == scheme.concepts.map(\.terms.count))
    }

    @Test func givesEveryConceptLabelDefinitionAndTerms() {
        for concept in scheme.concepts {
            #expect(!concept.label.isEmpty, "\(concept.id) has no label")
            #expect(!(concept.definition ?? "").isEmpty, "\(concept.id) has no definition")
            #expect(!concept.terms.isEmpty, "\(concept.id) has no terms")
            #expect(!concept.related.isEmpty || !concept.broader.isEmpty, "\(concept.id) is linked to nothing")
        }
    }

    @Test func placesOrganisationsUnderTheirBroaderConcepts() {
        #expect(scheme.selfAndNarrower("alliance") == ["alliance", "nato", "csto"])
        #expect(scheme.selfAndNarrower("united-nations") == ["united-nations", "un-security-council"])
        let defense = scheme.concept(withID: "collective-defense")
        #expect(defense?.related.contains("alliance") == true)
        #expect(defense?.related.contains("collective-security") == true)
    }

    @Test func marksAcronymsAndGuardsAmbiguousTerms() throws {
        let un = try #require(scheme.concept(withID: "united-nations"))
        #expect(un.terms.filter { $0.options.isAcronym == true }.map(\.text) == ["UN", "U.N."])
        let organization = try #require(un.terms.first { $0.text == "Organization" })
        #expect(organization.options.isCaseSensitive == true)
        #expect(!organization.options.context.isEmpty)
        let league = try #require(scheme.concept(withID: "league-of-nations")?.terms.first { $0.text == "League" })
        #expect(!league.options.context.isEmpty)
        let council = try #require(scheme.concept(withID: "un-security-council"))
        #expect(council.options.exclusions.contains("national security council"))
        #expect(council.terms.contains { $0.text == "UNSC" && $0.options.isAcronym == true })
    }

    @Test func listsVerbFormsOfDeter() throws {
        let terms = try #require(scheme.concept(withID: "deterrence")).terms.map(\.text)
        for form in ["deter", "deters", "deterred", "deterring", "deterrent", "deterrence"] {
            #expect(terms.contains(form), "deterrence lacks \(form)")
        }
    }

    @Test func setsLocationsOnBuiltInTerms() throws {
        let alliance = try #require(scheme.concept(withID: "alliance"))
        #expect(alliance.location?.file == "international-relations.yaml")
        #expect(alliance.terms.allSatisfy { $0.location != nil })
    }
}

@Suite struct BuiltInLexiconCompileTests {
    @Test func compilesWithTheTaggersCompiler() throws {
        let compiled = try CompiledLexicon(scheme: ConceptScheme.builtIn)
        #expect(compiled.scheme.concepts.count == ConceptScheme.builtIn.concepts.count)
    }
}
