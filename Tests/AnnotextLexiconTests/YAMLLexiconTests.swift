import AnnotextCore
import AnnotextLexicon
import Foundation
import Testing

@Suite struct YAMLLexiconTests {
    let url = PackagePaths.fixtures.appendingPathComponent("minimal.yaml")

    @Test func readsSchemeHeader() throws {
        let scheme = try ConceptScheme(contentsOf: url)
        #expect(scheme.id == "minimal")
        #expect(scheme.title == "A minimal lexicon")
        #expect(scheme.language == "en")
        #expect(scheme.version == "2")
        #expect(scheme.concepts.map(\.id) == ["alliance", "nato"])
    }

    @Test func readsConceptFields() throws {
        let alliance = try #require(try ConceptScheme(contentsOf: url).concept(withID: "alliance"))
        #expect(alliance.label == "Alliance")
        #expect(alliance.definition == "States that promise each other support.")
        #expect(alliance.note == "For editors.")
        #expect(alliance.terms.map(\.text) == ["alliance", "ally"])
        #expect(alliance.terms[1].options.exclusions == ["ally oneself"])
        #expect(alliance.hidden.map(\.text) == ["aliance"])
        #expect(alliance.related == ["nato"])
        #expect(alliance.broader.isEmpty)
    }

    @Test func readsTermAndConceptOptions() throws {
        let nato = try #require(try ConceptScheme(contentsOf: url).concept(withID: "nato"))
        #expect(nato.terms[0].options == MatchOptions(isAcronym: true, isCaseSensitive: true))
        #expect(nato.terms[1].options == MatchOptions())
        #expect(
            nato.options
                == MatchOptions(
                    exclusions: ["North Atlantic area"], context: ["treaty", "alliance"], contextWindow: 7,
                    inflects: false))
        #expect(nato.broader == ["alliance"])
    }

    @Test func setsLocationsOnConceptsAndTerms() throws {
        let scheme = try ConceptScheme(contentsOf: url)
        let file = url.relativePath
        let alliance = scheme.concepts[0]
        #expect(alliance.location == SourceLocation(file: file, line: 7, column: 5))
        #expect(alliance.terms[0].location == SourceLocation(file: file, line: 11, column: 9))
        #expect(alliance.terms[1].location == SourceLocation(file: file, line: 12, column: 16))
        #expect(alliance.hidden[0].location == SourceLocation(file: file, line: 13, column: 14))
        let nato = scheme.concepts[1]
        #expect(nato.location == SourceLocation(file: file, line: 16, column: 5))
        #expect(nato.terms[0].location == SourceLocation(file: file, line: 19, column: 15))
        #expect(nato.terms[1].location == SourceLocation(file: file, line: 22, column: 9))
    }

    @Test func acceptsSingleItemInPlaceOfList() throws {
        let folder = try ScratchFolder()
        let file = try folder.write(
            "single.yaml",
            yamlHeader + """
                concepts:
                  - id: nato
                    label: NATO
                    terms: NATO
                    broader: alliance
                  - id: alliance
                    label: Alliance
                """)
        let scheme = try ConceptScheme(contentsOf: file)
        #expect(scheme.concepts[0].terms.map(\.text) == ["NATO"])
        #expect(scheme.concepts[0].broader == ["alliance"])
    }

    @Test func keepsNumericVersionAsWritten() throws {
        let folder = try ScratchFolder()
        let file = try folder.write(
            "numeric.yaml",
            """
            scheme: {id: test, version: 2}
            concepts:
              - {id: alliance, label: Alliance}
            """)
        #expect(try ConceptScheme(contentsOf: file).version == "2")
    }

    @Test func loadsLexiconWithWarningsOnly() throws {
        let folder = try ScratchFolder()
        let file = try folder.write(
            "warned.yaml",
            yamlHeader + """
                concepts:
                  - {id: alliance, label: Alliance, synonyms: [pact]}
                """)
        #expect(try ConceptScheme(contentsOf: file).concepts.count == 1)
    }

    @Test func refusesLexiconWithFirstErrorAsMessage() throws {
        let folder = try ScratchFolder()
        let file = try folder.write(
            "broken.yaml",
            yamlHeader + """
                concepts:
                  - {id: alliance, label: Alliance, synonyms: [pact]}
                  - {id: Alliance, label: Alliance}
                  - {label: No id}
                """)
        let path = folder.path("broken.yaml")
        #expect(
            throws: LexiconError(
                file: path, line: 4, column: 10,
                message:
                    "concept id \"Alliance\" is not kebab-case (lower-case letters and digits joined by single hyphens)"
            )
        ) {
            try ConceptScheme(contentsOf: file)
        }
        do {
            _ = try ConceptScheme(contentsOf: file)
        } catch {
            #expect(
                "\(error)"
                    == "\(path):4:10: concept id \"Alliance\" is not kebab-case (lower-case letters and digits joined by single hyphens)"
            )
        }
    }

    @Test func refusesMissingFile() {
        let url = URL(fileURLWithPath: "/nonexistent/lexicon.yaml")
        #expect(throws: LexiconError(file: "/nonexistent/lexicon.yaml", message: "no such file or folder")) {
            try ConceptScheme(contentsOf: url)
        }
        #expect(
            LexiconError(file: "/nonexistent/lexicon.yaml", message: "no such file or folder").description
                == "/nonexistent/lexicon.yaml: no such file or folder")
    }
}
