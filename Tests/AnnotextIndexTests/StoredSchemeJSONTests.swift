import AnnotextCore
@testable import AnnotextIndex
import AnnotextLexicon
import Foundation
import Testing

/// `StoredScheme.encode` writes its JSON by hand; corpora store the hash of the bytes
/// `JSONEncoder` (sorted keys) wrote before, so the two must agree byte for byte.
@Suite struct StoredSchemeJSONTests {
    static let bigLexicon = "/tmp/lex50k.txt"

    /// Checks that both encoders give the same bytes, and that the hash is the bytes' hash.
    func expectSameBytes(_ scheme: ConceptScheme, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let reference = Array(try StoredScheme.encodeWithFoundation(scheme))
        let encoded = StoredScheme.encode(scheme)
        let bytes = Array(encoded.json.utf8)
        if bytes != reference {
            let common = min(bytes.count, reference.count)
            let at = (0..<common).first { bytes[$0] != reference[$0] } ?? common
            let context = { (data: [UInt8]) in
                String(decoding: data[max(0, at - 40)..<min(data.count, at + 40)], as: UTF8.self)
            }
            Issue.record(
                "differs at byte \(at): \(context(bytes)) vs JSONEncoder \(context(reference))",
                sourceLocation: sourceLocation)
        }
        #expect(encoded.hash == StoredScheme.fnv1a(reference), sourceLocation: sourceLocation)
    }

    @Test func builtInScheme() throws {
        #expect(!ConceptScheme.builtIn.concepts.isEmpty)
        try expectSameBytes(ConceptScheme.builtIn)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: bigLexicon), "\(bigLexicon) is not there"))
    func bigLoadedLexicon() throws {
        let scheme = try ConceptScheme(contentsOf: URL(fileURLWithPath: Self.bigLexicon))
        try expectSameBytes(scheme)
    }

    /// Every ASCII character, alone and amid text, in every string field.
    @Test func everyASCIICharacter() throws {
        for value in UInt8(0)...0x7F {
            let char = String(UnicodeScalar(value))
            let text = "a\(char)b\(char)\(char)"
            try expectSameBytes(Self.scheme(filledWith: char))
            try expectSameBytes(Self.scheme(filledWith: text))
        }
    }

    @Test func nonASCIIAndMixedEscapes() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).map { UnicodeScalar(UInt8($0)) }))
        for text in [
            "", "é", "中文", "😀👍🏽", "café/bar", "a\"b\\c/d", "\u{7F}\u{80}\u{FF}\u{2028}\u{2029}\u{FEFF}",
            controls, controls + "\u{7F}\"\\/é中😀", "e\u{301}", "\u{10FFFF}", "http://example.org/a b\r\n",
            String(repeating: "long run of plain text ", count: 50) + "/",
        ] {
            try expectSameBytes(Self.scheme(filledWith: text))
        }
    }

    /// Nil and non-nil optionals, empty and full arrays, extreme integers.
    @Test func optionalsAndArrays() throws {
        let bools: [Bool?] = [nil, true, false]
        let windows: [Int?] = [nil, 0, 1, 9, 10, -1, -12_345, 100_000_000, Int.max, Int.min]
        var concepts: [Concept] = []
        for (index, window) in windows.enumerated() {
            for acronym in bools {
                for caseSensitive in bools {
                    let options = MatchOptions(
                        isAcronym: acronym, isCaseSensitive: caseSensitive,
                        exclusions: index.isMultiple(of: 2) ? [] : ["x y", ""],
                        context: index.isMultiple(of: 3) ? [] : ["c", "d/e"], contextWindow: window,
                        inflects: acronym)
                    concepts.append(
                        Concept(
                            id: "c\(concepts.count)", label: "",
                            terms: index.isMultiple(of: 2) ? [] : [Term("t", options: options), Term("")],
                            hidden: index.isMultiple(of: 3) ? [Term("h", options: options)] : [],
                            broader: index.isMultiple(of: 2) ? ["b"] : [], related: index > 4 ? ["r", "s"] : [],
                            definition: acronym == nil ? nil : "def", note: caseSensitive == nil ? nil : "",
                            options: options, location: AnnotextCore.SourceLocation(file: "f", line: 1)))
                }
            }
        }
        try expectSameBytes(ConceptScheme(id: "opts", title: "T", language: "", version: "1", concepts: concepts))
        try expectSameBytes(ConceptScheme(id: "", title: "", language: "", version: "", concepts: []))
        try expectSameBytes(ConceptScheme(id: "one", concepts: [Concept(id: "a", label: "A")]))
    }

    /// The format itself, written out: a change here changes the hash of every stored corpus.
    @Test func pinnedOutput() throws {
        let scheme = ConceptScheme(
            id: "s", title: "a/b", language: "en", version: "",
            concepts: [
                Concept(
                    id: "c", label: "C \"q\"", terms: [Term("t\u{1}\u{8}é", options: MatchOptions(isAcronym: true))],
                    broader: ["p"], note: "n",
                    options: MatchOptions(isCaseSensitive: false, context: ["x"], contextWindow: -3)),
            ])
        let expected = #"{"concepts":[{"broader":["p"],"hidden":[],"id":"c","label":"C \"q\"","note":"n","#
            + #""options":{"context":["x"],"contextWindow":-3,"exclusions":[],"isCaseSensitive":false},"related":[],"#
            + #""terms":[{"options":{"context":[],"exclusions":[],"isAcronym":true},"text":"t\u0001\bé"}]}],"#
            + #""id":"s","language":"en","title":"a\/b","version":""}"#
        let encoded = StoredScheme.encode(scheme)
        #expect(encoded.json == expected)
        #expect(encoded.hash == StoredScheme.fnv1a(Array(expected.utf8)))
        try expectSameBytes(scheme)
        #expect(try StoredScheme.decode(encoded.json) == scheme)
    }

    /// A scheme whose every string (ids, labels, terms, options, optionals) is `text`.
    static func scheme(filledWith text: String) -> ConceptScheme {
        let options = MatchOptions(
            isAcronym: false, isCaseSensitive: true, exclusions: [text, text], context: [text], contextWindow: 4)
        return ConceptScheme(
            id: text, title: text, language: text, version: text,
            concepts: [
                Concept(
                    id: text, label: text, terms: [Term(text, options: options), Term(text)], hidden: [Term(text)],
                    broader: [text], related: [text, text], definition: text, note: text, options: options),
                Concept(id: text, label: text),
            ])
    }

    /// `inflects` is part of the stored scheme, so a lexicon that changes only it is a new
    /// scheme (its documents are tagged again); unset, it leaves the JSON as it was before.
    @Test func inflectsIsStoredOnlyWhenSet() throws {
        func scheme(_ inflects: Bool?) -> ConceptScheme {
            ConceptScheme(
                id: "s", title: "", concepts: [
                    Concept(id: "c", label: "C", terms: [Term("t", options: MatchOptions(inflects: inflects))])
                ])
        }
        let unset = StoredScheme.encode(scheme(nil))
        #expect(!unset.json.contains("inflects"))
        #expect(StoredScheme.encode(scheme(false)).json.contains(#""exclusions":[],"inflects":false}"#))
        #expect(Set([unset.hash, StoredScheme.encode(scheme(true)).hash, StoredScheme.encode(scheme(false)).hash]).count == 3)
        #expect(try StoredScheme.decode(StoredScheme.encode(scheme(true)).json) == scheme(true))
    }
}
