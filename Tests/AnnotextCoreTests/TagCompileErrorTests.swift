import Testing
@testable import AnnotextCore

@Suite struct TagCompileErrorTests {
    private let place = AnnotextCore.SourceLocation(file: "Lexicons/ir.yaml", line: 12, column: 7)

    /// The message of compiling one concept `alliance` with `term` (at `place` when given).
    private func message(_ term: String, at location: AnnotextCore.SourceLocation? = nil, options: MatchOptions = MatchOptions()) -> String? {
        let scheme = ConceptScheme(
            id: "ir", concepts: [Concept(id: "alliance", label: "Alliance", terms: [Term(term, options: options, location: location)])])
        do {
            _ = try CompiledLexicon(scheme: scheme)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [
        ("", #"Lexicons/ir.yaml:12:7: concept "alliance": term "" is empty"#),
        ("  ", #"Lexicons/ir.yaml:12:7: concept "alliance": term "  " is empty"#),
        ("—", #"Lexicons/ir.yaml:12:7: concept "alliance": term "—" has no letter or digit to match"#),
        ("[military alliance", #"Lexicons/ir.yaml:12:7: concept "alliance": term "[military alliance" has an unclosed "[""#),
        ("specific {0,2 enemy", #"Lexicons/ir.yaml:12:7: concept "alliance": term "specific {0,2 enemy" has an unclosed "{""#),
        ("military] alliance", #"Lexicons/ir.yaml:12:7: concept "alliance": term "military] alliance" has an unexpected "]""#),
        ("[a|b]", #"Lexicons/ir.yaml:12:7: concept "alliance": term "[a|b]" has a form with no word (every word is optional)"#),
        ("{0,2} enemy", #"Lexicons/ir.yaml:12:7: concept "alliance": term "{0,2} enemy" starts with a word gap; a gap must stand between words"#),
        ("enemy {1,2}", #"Lexicons/ir.yaml:12:7: concept "alliance": term "enemy {1,2}" ends with a word gap; a gap must stand between words"#),
        ("a {2,1} b", #"Lexicons/ir.yaml:12:7: concept "alliance": term "a {2,1} b" has a gap {2,1} whose minimum is above its maximum"#),
        ("a {0,9} b", #"Lexicons/ir.yaml:12:7: concept "alliance": term "a {0,9} b" has a gap {0,9} of more than 5 words"#),
        ("a {x} b", #"Lexicons/ir.yaml:12:7: concept "alliance": term "a {x} b" has a gap "{x}"; write a word gap as {MIN,MAX}, such as {0,2}"#),
        ("a {0,1} b {0,1} c", #"Lexicons/ir.yaml:12:7: concept "alliance": term "a {0,1} b {0,1} c" has more than one word gap"#),
        ("act(s) of aggression",
         #"Lexicons/ir.yaml:12:7: concept "alliance": term "act(s) of aggression" has punctuation between words, which text never matches; write each form as a term, or use [a|b] or {0,2}"#),
        ("people's war",
         #"Lexicons/ir.yaml:12:7: concept "alliance": term "people's war" has a possessive before another word; a term never runs past a possessive ending"#),
    ])
    func refusesMalformedTermWithItsPlace(term: String, expected: String) {
        #expect(message(term, at: place) == expected)
    }

    @Test func namesSchemeWhenTermHasNoPlace() {
        #expect(message("") == #"ir: concept "alliance": term "" is empty"#)
    }

    @Test func fallsBackToConceptPlace() {
        let scheme = ConceptScheme(
            id: "ir",
            concepts: [Concept(id: "nato", label: "NATO", terms: [Term("[x")], location: AnnotextCore.SourceLocation(file: "a.yaml", line: 3))])
        #expect(throws: LexiconCompileError(place: "a.yaml:3:1", concept: "nato", term: "[x", reason: "has an unclosed \"[\"")) {
            try CompiledLexicon(scheme: scheme)
        }
    }

    @Test func refusesMalformedExclusionAndContextWord() {
        #expect(
            message("alliance", at: place, options: MatchOptions(exclusions: [""]))
                == #"Lexicons/ir.yaml:12:7: concept "alliance": exclusion "" is empty"#)
        #expect(
            message("alliance", at: place, options: MatchOptions(context: ["war ["]))
                == #"Lexicons/ir.yaml:12:7: concept "alliance": context word "war [" has an unclosed "[""#)
    }

    @Test func writesLineBreaksInTermOnOneLine() {
        #expect(message("a\n[b", at: place) == #"Lexicons/ir.yaml:12:7: concept "alliance": term "a\n[b" has an unclosed "[""#)
    }

    @Test func skipsLabelThatIsNotATerm() throws {
        let scheme = ConceptScheme(id: "ir", concepts: [Concept(id: "realism", label: "Realism (IR)", terms: [Term("realism")])])
        let lexicon = try CompiledLexicon(scheme: scheme)
        #expect(TagFixture.spans("Realism (IR) and realism", lexicon: lexicon) == ["realism:Realism", "realism:realism"])
    }
}
