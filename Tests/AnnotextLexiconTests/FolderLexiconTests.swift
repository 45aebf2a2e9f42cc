import AnnotextCore
import AnnotextLexicon
import Foundation
import Testing

@Suite struct FolderLexiconTests {
    @Test func mergesLexiconFilesOfFolderInNameOrder() throws {
        let scheme = try ConceptScheme(contentsOf: PackagePaths.fixtures.appendingPathComponent("merged"))
        #expect(scheme.id == "merged")
        #expect(scheme.title == "Merged lexicon")
        #expect(scheme.version == "3")
        #expect(scheme.concepts.map(\.id) == ["alliance", "nato"])
        #expect(scheme.concepts[1].terms.map(\.text) == ["NATO", "North Atlantic Treaty Organization"])
    }

    @Test func namesSchemeAfterFolderWhenNoFileHasHeader() throws {
        let folder = try ScratchFolder()
        try folder.write("ir/one.tsv", "alliance\tally\n")
        try folder.write("ir/two.txt", "nato\tNATO\n")
        let scheme = try ConceptScheme(contentsOf: folder.url.appendingPathComponent("ir"))
        #expect(scheme.id == "ir")
        #expect(scheme.concepts.map(\.id) == ["alliance", "nato"])
    }

    @Test func resolvesLinksAcrossFiles() throws {
        let folder = try ScratchFolder()
        try folder.write("a.yaml", yamlHeader + "concepts:\n  - {id: nato, label: NATO, broader: [alliance]}\n")
        try folder.write("b.tsv", "alliance\tally\n")
        #expect(LexiconChecker.check(contentsOf: folder.url).isEmpty)
        let scheme = try ConceptScheme(contentsOf: folder.url)
        #expect(scheme.selfAndNarrower("alliance") == ["alliance", "nato"])
    }

    @Test func reportsDuplicateIDAcrossFilesWithBothPlaces() throws {
        let folder = try ScratchFolder()
        try folder.write("a.yaml", yamlHeader + "concepts:\n  - {id: alliance, label: Alliance}\n")
        try folder.write("b.tsv", "# more\nalliance\tally\n")
        #expect(
            LexiconChecker.check(contentsOf: folder.url).map(\.description) == [
                "\(folder.path("b.tsv")):2:1: error: duplicate concept id \"alliance\", first defined at \(folder.path("a.yaml")):3:10"
            ])
    }

    @Test func ordersFindingsByFileThenPlace() throws {
        let folder = try ScratchFolder()
        try folder.write("a.yaml", yamlHeader + "concepts:\n  - {id: a, label: A, broader: [x]}\n  - {label: B}\n")
        try folder.write("b.txt", "Bad\tterm\n")
        #expect(
            LexiconChecker.check(contentsOf: folder.url).map(\.description) == [
                "\(folder.path("a.yaml")):3:33: error: concept \"a\" has unknown broader concept \"x\"",
                "\(folder.path("a.yaml")):4:5: error: concept without \"id\"",
                "\(folder.path("b.txt")):1:1: error: concept id \"Bad\" is not kebab-case (lower-case letters and digits joined by single hyphens)",
            ])
    }
}
