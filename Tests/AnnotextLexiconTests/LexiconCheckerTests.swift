import AnnotextCore
import Foundation
import Testing

@testable import AnnotextLexicon

/// Every message `lexicon check` gives, in full. `F:` in an expected line stands for the file.
@Suite struct LexiconCheckerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let yaml: String
        let expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "invalid YAML", yaml: "scheme: {id: x\nconcepts: []\n",
            expected: [
                "F:2:9: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 1)"
            ]),
        Case(
            name: "duplicate key", yaml: yamlHeader + "concepts:\n  - id: a\n    id: b\n    label: A\n",
            expected: [#"F:3:5: error: duplicate key "id""#]),
        Case(name: "empty file", yaml: "# nothing yet\n", expected: ["F: error: empty lexicon"]),
        Case(
            name: "not a mapping", yaml: "- alliance\n- ally\n",
            expected: [#"F:1:1: error: a lexicon must be a mapping with "scheme" and "concepts""#]),
        Case(
            name: "missing scheme", yaml: "concepts:\n  - {id: a, label: A}\n",
            expected: [#"F:1:1: error: missing "scheme""#]),
        Case(name: "missing concepts", yaml: yamlHeader, expected: [#"F:1:1: error: missing "concepts""#]),
        Case(
            name: "scheme without id", yaml: "scheme: {title: T}\nconcepts: []\n",
            expected: [#"F:1:9: error: "scheme" has no "id""#, #"F:2:11: warning: "concepts" is empty"#]),
        Case(
            name: "scheme not a mapping", yaml: "scheme: ir\nconcepts: [{id: a, label: A}]\n",
            expected: [#"F:1:9: error: "scheme" must be a mapping with "id", "title", "language" and "version""#]),
        Case(
            name: "concepts not a list", yaml: yamlHeader + "concepts: {id: a}\n",
            expected: [#"F:2:11: error: "concepts" must be a list of concepts"#]),
        Case(
            name: "concept not a mapping", yaml: yamlHeader + "concepts:\n  - alliance\n",
            expected: [#"F:3:5: error: a concept must be a mapping with "id" and "label""#]),
        Case(
            name: "concept without id", yaml: yamlHeader + "concepts:\n  - label: Alliance\n",
            expected: [#"F:3:5: error: concept without "id""#]),
        Case(
            name: "concept without label", yaml: yamlHeader + "concepts:\n  - id: alliance\n    terms: [ally]\n",
            expected: [#"F:3:9: error: concept "alliance" has no "label""#]),
        Case(
            name: "id not kebab-case", yaml: yamlHeader + "concepts:\n  - {id: balance_of-Power, label: B}\n",
            expected: [
                #"F:3:10: error: concept id "balance_of-Power" is not kebab-case (lower-case letters and digits joined by single hyphens)"#
            ]),
        Case(
            name: "duplicate id",
            yaml: yamlHeader + "concepts:\n  - {id: alliance, label: A}\n  - {id: alliance, label: B}\n",
            expected: [#"F:4:10: error: duplicate concept id "alliance", first defined at F:3:10"#]),
        Case(
            name: "unknown broader and related",
            yaml: yamlHeader + "concepts:\n  - {id: nato, label: NATO, broader: [aliance], related: [csto]}\n",
            expected: [
                #"F:3:39: error: concept "nato" has unknown broader concept "aliance""#,
                #"F:3:59: error: concept "nato" has unknown related concept "csto""#,
            ]),
        Case(
            name: "broader cycle",
            yaml: yamlHeader
                + "concepts:\n  - {id: a, label: A, broader: [b]}\n  - {id: b, label: B, broader: [c]}\n"
                + "  - {id: c, label: C, broader: [a]}\n  - {id: d, label: D, broader: [d]}\n",
            expected: [
                "F:3:10: error: broader cycle: a -> b -> c -> a",
                "F:6:10: error: broader cycle: d -> d",
            ]),
        Case(
            name: "empty term",
            yaml: yamlHeader + "concepts:\n  - id: a\n    label: A\n    terms: [\"\", \"  \"]\n    hidden:\n      -\n",
            expected: [
                #"F:5:13: error: empty term in concept "a""#,
                #"F:5:17: error: empty term in concept "a""#,
                #"F:7:8: error: empty term in concept "a""#,
            ]),
        Case(
            name: "unmatchable terms",
            yaml: yamlHeader + "concepts:\n  - id: a\n    label: A\n    terms: [\"...\", \"{0,2}\", \"– –\"]\n",
            expected: [
                #"F:5:13: error: term "..." of concept "a" has no letter or digit and can never match"#,
                #"F:5:20: error: term "{0,2}" of concept "a" has no letter or digit and can never match"#,
                #"F:5:29: error: term "– –" of concept "a" has no letter or digit and can never match"#,
            ]),
        Case(
            name: "unbalanced brackets",
            yaml: yamlHeader
                + "concepts:\n  - id: a\n    label: A\n    terms: [\"specific [potential enemy\", \"x ] y\", \"a {0,[2} b\"]\n",
            expected: [
                #"F:5:13: error: term "specific [potential enemy" of concept "a" has an unclosed "[""#,
                #"F:5:42: error: term "x ] y" of concept "a" has "]" without "[""#,
                #"F:5:51: error: term "a {0,[2} b" of concept "a" opens "[" inside "{""#,
            ]),
        Case(
            name: "unknown keys",
            yaml: "scheme: {id: t, owner: me}\nconcepts:\n  - id: a\n    label: A\n    synonyms: [b]\n"
                + "    terms:\n      - {term: c, weight: 2}\nextra: 1\n",
            expected: [
                #"F:1:17: warning: unknown key "owner" in "scheme""#,
                #"F:5:5: warning: unknown key "synonyms" in concept "a""#,
                #"F:7:19: warning: unknown key "weight" in a term of concept "a""#,
                #"F:8:1: warning: unknown key "extra""#,
            ]),
        Case(
            name: "term claimed by two concepts",
            yaml: yamlHeader
                + "concepts:\n  - {id: a, label: A, terms: [Balance-of-Power]}\n"
                + "  - {id: b, label: B, terms: [balance  of power, a]}\n",
            expected: [
                #"F:4:31: warning: term "balance  of power" of concept "b" is also a term of concept "a""#,
                #"F:4:50: warning: term "a" of concept "b" is also a term of concept "a""#,
            ]),
        Case(
            name: "label claimed by another concept",
            yaml: yamlHeader + "concepts:\n  - {id: a, label: A, terms: [treaty]}\n  - {id: b, label: Treaty}\n",
            expected: [#"F:4:10: warning: label "Treaty" of concept "b" is also a term of concept "a""#]),
        Case(
            name: "control character", yaml: yamlHeader + "concepts:\n  - {id: a, label: \u{7}A}\n",
            expected: ["F:3:20: error: invalid YAML: control characters are not allowed"]),
        Case(
            name: "options of the wrong kind",
            yaml: yamlHeader
                + "concepts:\n  - id: a\n    label: [A]\n    acronym: maybe\n    window: five\n"
                + "    terms:\n      - {term: x, window: 0, case-sensitive: 3}\n      - [y]\n"
                + "      - {acronym: true}\n    exclude: [[x]]\n    context: [\" \"]\n    broader: [{id: b}]\n",
            expected: [
                #"F:3:9: error: concept "a" has no "label""#,
                #"F:4:12: error: "label" must be text"#,
                #"F:5:14: error: "acronym" must be true or false"#,
                #"F:6:13: error: "window" must be a whole number of words, at least 1"#,
                #"F:8:27: error: "window" must be a whole number of words, at least 1"#,
                #"F:8:46: error: "case-sensitive" must be true or false"#,
                #"F:9:9: error: a term must be text or a mapping with "term""#,
                #"F:10:9: error: a term of concept "a" has no "term" text"#,
                #"F:11:15: error: "exclude" must be a list of words or phrases"#,
                #"F:12:15: error: empty entry in "context""#,
                #"F:13:15: error: "broader" must be a list of concept ids"#,
            ]),
    ]

    @Test(arguments: cases)
    func reportsProblemInFull(_ testCase: Case) throws {
        let folder = try ScratchFolder()
        let url = try folder.write("lexicon.yaml", testCase.yaml)
        let found = LexiconChecker.check(contentsOf: url).map(\.description)
        let expected = testCase.expected.map {
            $0.replacingOccurrences(of: "F:", with: folder.path("lexicon.yaml") + ":")
        }
        #expect(found == expected)
    }

    @Test func reportsInvalidUTF8WithItsPlace() throws {
        let folder = try ScratchFolder()
        let url = folder.url.appendingPathComponent("latin1.yaml")
        try Data("scheme: {id: t}\nconcepts:\n  - {id: a, label: Caf".utf8 + [0xE9] + Data("}\n".utf8)).write(to: url)
        #expect(
            LexiconChecker.check(contentsOf: url).map(\.description)
                == ["\(folder.path("latin1.yaml")):3:23: error: not valid UTF-8"])
    }

    @Test func reportsMissingFileAndEmptyFolder() throws {
        let folder = try ScratchFolder()
        try folder.write("notes.md", "not a lexicon\n")
        #expect(
            LexiconChecker.check(contentsOf: folder.url).map(\.description)
                == ["\(folder.url.relativePath): error: no lexicon files (.yaml, .yml, .tsv, .txt) in the folder"])
        let missing = folder.url.appendingPathComponent("missing.yaml")
        #expect(
            LexiconChecker.check(contentsOf: missing).map(\.description)
                == ["\(missing.relativePath): error: no such file or folder"])
    }

    @Test func diagnosticHasSeverityLocationAndMessage() throws {
        let folder = try ScratchFolder()
        let url = try folder.write("lexicon.yaml", yamlHeader + "concepts:\n  - {id: a, label: A, broader: [zz]}\n")
        let diagnostic = try #require(LexiconChecker.check(contentsOf: url).first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: folder.path("lexicon.yaml"), line: 3, column: 33))
        #expect(diagnostic.message == #"concept "a" has unknown broader concept "zz""#)
    }
}

@Suite struct LexiconCheckerCompilerTests {
    @Test func reportsTermTheCompilerRefusesAtItsPlace() throws {
        let folder = try ScratchFolder()
        let url = try folder.write(
            "lexicon.yaml", yamlHeader + "concepts:\n  - id: a\n    label: A\n    terms: [ok, \"x {0,1} y {0,1} z\"]\n")
        let found = LexiconChecker.check(contentsOf: url)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: folder.path("lexicon.yaml"), line: 5, column: 17))
        #expect(diagnostic.message.hasPrefix(#"term "x {0,1} y {0,1} z" of concept "a" "#))
    }

    @Test func convertsCompilerPlaceWithoutLineToFileMessage() {
        let error = LexiconCompileError(place: "ir", concept: "a", term: "x", reason: "cannot match")
        #expect(
            LexiconChecker.diagnostic(from: error, file: "ir.tsv").description
                == #"ir.tsv: error: term "x" of concept "a" cannot match"#)
    }
}
