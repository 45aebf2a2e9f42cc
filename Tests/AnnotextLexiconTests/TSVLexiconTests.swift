import AnnotextCore
import AnnotextLexicon
import Foundation
import Testing

@Suite struct TSVLexiconTests {
    @Test func recognisesTermListByContentWhateverItsExtension() throws {
        let url = PackagePaths.fixtures.appendingPathComponent("terms.lex")
        let scheme = try ConceptScheme(contentsOf: url)
        #expect(scheme.id == "terms")
        #expect(scheme.concepts.map(\.id) == ["alliance", "nato", "balance-of-power"])
        #expect(scheme.concepts[0].terms.map(\.text) == ["alliance", "ally"])
        #expect(LexiconChecker.check(contentsOf: url).isEmpty)
    }

    @Test func readsTermListNamedYAML() throws {
        let folder = try ScratchFolder()
        let url = try folder.write("really-terms.yaml", "alliance\tally\n")
        #expect(try ConceptScheme(contentsOf: url).concepts.map(\.id) == ["alliance"])
    }

    @Test func makesLabelReadableFromID() throws {
        let scheme = try ConceptScheme(contentsOf: PackagePaths.fixtures.appendingPathComponent("terms.lex"))
        #expect(scheme.concepts.map(\.label) == ["Alliance", "NATO", "Balance of power"])
    }

    @Test func setsLocationsInScalars() throws {
        let folder = try ScratchFolder()
        let url = try folder.write("terms.txt", "# comment\n\ncafe-society\t  café au lait\nnato\tNATO\n")
        let scheme = try ConceptScheme(contentsOf: url)
        let file = folder.path("terms.txt")
        #expect(scheme.concepts[0].location == SourceLocation(file: file, line: 3, column: 1))
        #expect(scheme.concepts[0].terms[0].text == "café au lait")
        #expect(scheme.concepts[0].terms[0].location == SourceLocation(file: file, line: 3, column: 16))
        #expect(scheme.concepts[1].terms[0].location == SourceLocation(file: file, line: 4, column: 6))
        // Columns count Unicode scalars, not bytes: the tab after "café" is the 7th character.
        let extra = try folder.write("extra.txt", "x\tcafé\tnote\n")
        #expect(
            LexiconChecker.check(contentsOf: extra).map(\.description)
                == ["\(folder.path("extra.txt")):1:7: warning: columns after the term are ignored"])
    }

    @Test func skipsByteOrderMarkAndCarriageReturns() throws {
        let folder = try ScratchFolder()
        let url = try folder.write("crlf.tsv", "\u{FEFF}alliance\tally\r\nalliance\tallied\r\n")
        let scheme = try ConceptScheme(contentsOf: url)
        #expect(scheme.concepts.map(\.id) == ["alliance"])
        #expect(scheme.concepts[0].terms.map(\.text) == ["ally", "allied"])
    }

    @Test func reportsTermListProblemsInFull() throws {
        let folder = try ScratchFolder()
        let url = try folder.write(
            "bad.txt",
            "alliance\tally\tpartner\nno tab here\n\tally\nAlliance_x\tgroup\nnato\t...\nbloc\t\nalliance\tpartner\tx\n"
        )
        let file = folder.path("bad.txt")
        #expect(
            LexiconChecker.check(contentsOf: url).map(\.description) == [
                "\(file):1:14: warning: columns after the term are ignored",
                "\(file):2:1: error: expected \"concept-id<TAB>term\" (no tab on this line)",
                "\(file):3:1: error: empty concept id",
                "\(file):4:1: error: concept id \"Alliance_x\" is not kebab-case (lower-case letters and digits joined by single hyphens)",
                "\(file):5:6: error: term \"...\" of concept \"nato\" has no letter or digit and can never match",
                "\(file):6:6: error: empty term in concept \"bloc\"",
            ])
    }

    @Test func warnsWhenTwoConceptsClaimTerm() throws {
        let folder = try ScratchFolder()
        let url = try folder.write("claims.tsv", "alliance\tally\npartner\tAlly\n")
        #expect(
            LexiconChecker.check(contentsOf: url).map(\.description) == [
                "\(folder.path("claims.tsv")):2:9: warning: term \"Ally\" of concept \"partner\" is also a term of concept \"alliance\""
            ])
    }

    @Test func refusesFileThatIsNeitherTermListNorYAML() throws {
        let folder = try ScratchFolder()
        let url = try folder.write("words.txt", "alliance\nally\n")
        #expect(
            throws: LexiconError(
                file: folder.path("words.txt"), line: 1, column: 1,
                message: "expected \"concept-id<TAB>term\" (no tab on this line)")
        ) { try ConceptScheme(contentsOf: url) }
    }

    @Test func readsYAMLWithAnotherExtension() throws {
        let folder = try ScratchFolder()
        let url = try folder.write("lexicon.txt", "# my lexicon\nscheme: {id: t}\nconcepts:\n  - {id: a, label: A}\n")
        #expect(try ConceptScheme(contentsOf: url).id == "t")
    }

    @Test func loadsSharedBenchmarkLexicon() throws {
        guard let shared = PackagePaths.shared else {
            print("skipped: ../shared is absent, so the benchmark lexicon cannot be read")
            return
        }
        let url = shared.appendingPathComponent("bench/lexicon_ir.txt")
        let scheme = try ConceptScheme(contentsOf: url)
        #expect(scheme.concepts.count > 30)
        #expect(scheme.concept(withID: "balance-of-power")?.terms.first?.text == "balance of power")
        #expect(scheme.concept(withID: "nato")?.label == "NATO")
    }

    @Test func loadsFiftyThousandTermsQuickly() throws {
        let url = URL(fileURLWithPath: "/tmp/lex50k.txt")
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("skipped: /tmp/lex50k.txt is absent (make_big_lexicon.py writes it)")
            return
        }
        let clock = ContinuousClock()
        var scheme: ConceptScheme?
        let elapsed = try clock.measure { scheme = try ConceptScheme(contentsOf: url) }
        print("loaded /tmp/lex50k.txt: \(scheme?.concepts.count ?? 0) concepts in \(elapsed)")
        #expect(scheme?.concepts.count == 50_000)
        #if !DEBUG
            // The whole compile budget is 2 s; loading must take a small part of it. Debug
            // builds are several times slower, so only release builds are held to it.
            #expect(elapsed < .seconds(1))
        #endif
    }
}
