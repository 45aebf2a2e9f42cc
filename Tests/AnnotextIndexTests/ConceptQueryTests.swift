import AnnotextCore
import AnnotextIndex
import Testing

@Suite struct ConceptQueryTests {
    static func parse(_ query: String, exact: Bool = false) throws -> ConceptQuery {
        try ConceptQuery(parsing: query, scheme: Fixtures.scheme, exact: exact)
    }

    @Test(arguments: [
        ("alliance", "(alliance|nato|csto)"),
        ("Balance-Of-Power", "balance-of-power"),
        ("\"balance of power\"", "balance-of-power"),
        ("balance of power AND hegemon", "(balance-of-power AND hegemon)"),
        ("hegemon OR deterrence AND \"balance of power\"", "(hegemon OR (deterrence AND balance-of-power))"),
        ("(hegemon | deterrence) & nato", "((hegemon OR deterrence) AND nato)"),
        ("hegemon -nato", "(hegemon AND NOT nato)"),
        ("hegemon not nato", "(hegemon AND NOT nato)"),
        ("alliance:-negated:hedged", "(alliance|nato|csto):-negated:hedged"),
        ("text:\"exact phrase\" OR text:deter*", "(text:\"exact phrase\" OR text:\"deter\"*)"),
        ("kind:HEADING doc:notes/*", "(kind:heading AND doc:notes/*)"),
    ])
    func parsesIntoNormalForm(query: String, normal: String) throws {
        #expect(try Self.parse(query).description == normal)
    }

    @Test func exactQueryDoesNotExpand() throws {
        #expect(try Self.parse("alliance", exact: true).description == "alliance")
    }

    @Test func highlightsConceptsOutsideNot() throws {
        #expect(try Self.parse("alliance AND NOT hegemon").highlightedConcepts == ["alliance", "nato", "csto"])
    }

    @Test func withoutSchemeNamesAreIDs() throws {
        #expect(try ConceptQuery(parsing: "anything OR else", scheme: nil).description == "(anything OR else)")
    }

    @Test(arguments: [
        ("(alliance OR nato", "query:1:18: expected ')' after \"alliance OR nato\""),
        ("alliance AND (nato OR csto hegemon", "query:1:35: expected ')' after \"nato OR csto hegemon\""),
        ("alliance\nOR (nato", "query:2:9: expected ')' after \"nato\""),
        ("alliance AND", "query:1:13: expected a concept, text:, kind:, doc: or '(' after \"alliance AND\""),
        ("alliance OR )", "query:1:13: expected a concept, text:, kind:, doc: or '(' before \")\""),
        ("alliance)", "query:1:9: unexpected ')' without a matching '('"),
        ("", "query:1:1: empty query"),
        ("   ", "query:1:1: empty query"),
        ("foo", "query:1:1: unknown concept \"foo\" (see annotext concepts)"),
        ("nato AND foo", "query:1:10: unknown concept \"foo\" (see annotext concepts)"),
        ("\"world order\"", "query:1:1: unknown concept \"world order\" (see annotext concepts)"),
        ("text:\"open", "query:1:6: unterminated quote"),
        ("text:", "query:1:6: expected a value after \"text:\""),
        ("kind:table", "query:1:6: unknown kind \"table\" (sentence, heading, list-item, option)"),
        ("alliance:denied", "query:1:10: unknown attribute \"denied\" (negated, hedged, attributed, or one of them after '-')"),
    ])
    func reportsWhereTheQueryIsWrong(query: String, message: String) {
        let error = #expect(throws: IndexError.self) { try Self.parse(query) }
        #expect(error?.description == message)
        #expect(error?.reason == .query)
    }
}
