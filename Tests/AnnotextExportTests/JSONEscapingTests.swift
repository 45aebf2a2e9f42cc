import AnnotextExport
import Foundation
import Testing

@Suite struct JSONEscapingTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("say \"no\"", #""say \"no\"""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak\ttab\r", #""line\nbreak\ttab\r""#),
        ("bell\u{07}", #""bell\u0007""#),
        ("curly “quotes” and ü", #""curly “quotes” and ü""#),
    ])
    func escapesOnlyWhatJSONRequires(input: String, expected: String) {
        #expect(written { $0.writeJSONString(input) } == expected)
    }

    @Test(arguments: [0, 7, 10, 485, -42, Int(Int32.max), Int.max])
    func writesIntegersAsDecimal(value: Int) {
        #expect(written { $0.writeInteger(value) } == String(value))
    }

    @Test func writesNonFiniteNumbersAsNull() {
        #expect(written { $0.writeNumber(.nan) } == "null")
        #expect(written { $0.writeNumber(2.5) } == "2.5")
        #expect(written { $0.writeNumber(3) } == "3")
    }

    @Test func writesObjectsWithTheirKeysInOrder() throws {
        let value = JSONValue.object([("b", .int(1)), ("a", .array([.string("x"), .null])), ("c", .bool(true))])
        let text = written { $0.writeJSON(value) }
        #expect(text.firstRange(of: "\"b\"")!.lowerBound < text.firstRange(of: "\"a\"")!.lowerBound)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["c"] as? Bool == true)
    }
}
