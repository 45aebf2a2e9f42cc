import AnnotextCore
import AnnotextLexicon
import Foundation
import Testing

@Suite struct ContentHashTests {
    let scheme = ConceptScheme(
        id: "ir", title: "IR", language: "en", version: "1",
        concepts: [
            Concept(
                id: "nato", label: "NATO", terms: [Term("NATO", options: MatchOptions(isAcronym: true))],
                broader: ["alliance"]),
            Concept(id: "alliance", label: "Alliance", terms: [Term("ally")], definition: "Allies."),
        ])

    @Test func isSixteenHexDigitsAndPinned() {
        #expect(scheme.contentHash.count == 16)
        #expect(scheme.contentHash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        // Pinned: a change here means every stored corpus would look tagged by another scheme.
        #expect(scheme.contentHash == "80120b17db75a9e9")
    }

    @Test func ignoresLocationsAndLayout() throws {
        let folder = try ScratchFolder()
        let compact = try folder.write(
            "compact.yaml", "scheme: {id: t}\nconcepts: [{id: a, label: A, terms: [x, y]}]\n")
        let spread = try folder.write(
            "spread.yaml",
            "# spread out\nscheme:\n  id: t\n\nconcepts:\n  - id: a\n    label: A\n    terms:\n      - x\n      - y\n")
        #expect(try ConceptScheme(contentsOf: compact).contentHash == ConceptScheme(contentsOf: spread).contentHash)
    }

    @Test(
        arguments: [
            { (scheme: inout ConceptScheme) in scheme.concepts[1].terms[0].text = "allies" },
            { (scheme: inout ConceptScheme) in scheme.concepts[0].terms[0].options.isAcronym = false },
            { (scheme: inout ConceptScheme) in scheme.concepts[0].options.contextWindow = 3 },
            { (scheme: inout ConceptScheme) in scheme.concepts[0].terms[0].options.inflects = false },
            { (scheme: inout ConceptScheme) in scheme.concepts[1].definition = nil },
            { (scheme: inout ConceptScheme) in scheme.concepts[0].broader = [] },
            { (scheme: inout ConceptScheme) in scheme.concepts.swapAt(0, 1) },
            { (scheme: inout ConceptScheme) in scheme.version = "2" },
        ] as [@Sendable (inout ConceptScheme) -> Void])
    func changesWithContent(_ change: @Sendable (inout ConceptScheme) -> Void) {
        var changed = scheme
        change(&changed)
        #expect(changed.contentHash != scheme.contentHash)
    }

    @Test func separatesFieldsUnambiguously() {
        let one = ConceptScheme(id: "a", title: "bc", concepts: [])
        let other = ConceptScheme(id: "ab", title: "c", concepts: [])
        #expect(one.contentHash != other.contentHash)
        let empty = ConceptScheme(id: "a", concepts: [Concept(id: "x", label: "X", definition: "")])
        let absent = ConceptScheme(id: "a", concepts: [Concept(id: "x", label: "X")])
        #expect(empty.contentHash != absent.contentHash)
    }

    @Test func builtInHashIsStableAcrossLoads() {
        #expect(ConceptScheme.builtIn.contentHash == ConceptScheme.builtIn.contentHash)
        let onDisk = PackagePaths.lexicons.appendingPathComponent("international-relations.yaml")
        #expect((try? ConceptScheme(contentsOf: onDisk).contentHash) == ConceptScheme.builtIn.contentHash)
    }
}
