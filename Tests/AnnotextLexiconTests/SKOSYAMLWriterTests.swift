import AnnotextCore
import AnnotextLexicon
import Foundation
import Testing

@Suite struct SKOSYAMLWriterTests {
    @Test func writesTheBuiltInLexiconSoItReadsBackUnchanged() throws {
        let yaml = YAMLLexiconWriter().yaml(for: ConceptScheme.builtIn)
        let folder = try ScratchFolder()
        let file = try folder.write("built-in.yaml", yaml)
        let loaded = try ConceptScheme(contentsOf: file)
        #expect(loaded.withoutLocations == ConceptScheme.builtIn.withoutLocations)
    }

    @Test(arguments: [
        "Yes", "no", "NULL", "1984", "2.1", "-dash", "NATO: the treaty", "a # b", "#comment", #"say "hi""#,
        #"back\slash"#, "tab\there", "two\nlines", " leading", "trailing ", "[flow]", "{map}", "a, b", "* star",
        "&anchor", "!tag", "%directive", "@at", "`tick`", "it’s “quoted” — fine", "Émile’s realism", "line\u{2028}sep",
        "nel\u{85}x", "'single'", "?question", "|pipe", ">fold", "~", "",
    ])
    func quotesScalarsSoTheyReadBackAsWritten(_ text: String) throws {
        let concept = Concept(
            id: "x", label: "Label", terms: [Term("term")], definition: text, note: text)
        let scheme = ConceptScheme(id: "quoting", title: text, version: text, concepts: [concept])
        let folder = try ScratchFolder()
        let file = try folder.write("quoting.yaml", YAMLLexiconWriter().yaml(for: scheme))
        let loaded = try ConceptScheme(contentsOf: file)
        #expect(loaded.title == text)
        #expect(loaded.version == text)
        #expect(loaded.concepts.first?.definition == text)
        #expect(loaded.concepts.first?.note == text)
    }

    @Test func writesPlainScalarsWherePlainIsSafe() {
        let concept = Concept(
            id: "balance-of-power", label: "Balance of power", terms: [Term("balances of power"), Term("hegemon’s")],
            broader: ["realism"])
        let realism = Concept(id: "realism", label: "Realism")
        let yaml = YAMLLexiconWriter(headerComments: ["Written by a test."])
            .yaml(for: ConceptScheme(id: "t", title: "T", concepts: [realism, concept]))
        #expect(
            yaml == """
                # Written by a test.

                scheme:
                  id: t
                  title: T
                  language: en

                concepts:
                  - id: realism
                    label: Realism

                  - id: balance-of-power
                    label: Balance of power
                    terms:
                      - balances of power
                      - hegemon’s
                    broader: [realism]

                """)
    }
}
