import Foundation
import Testing

@testable import AnnotextCore

/// The one JSON encoder: strings escaped exactly where JSON needs it, integers of every length.
@Suite struct JSONBytesTests {
    func encoded(_ text: String) -> String {
        var json = JSONBytes(capacity: 16)
        json.appendString(text)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func escapesQuotesBackslashesAndControlCharactersAtEveryPosition() throws {
        for special in ["\"", "\\", "\n", "\t", "\r", "\u{01}", "\u{1F}"] {
            for position in 0..<20 {
                let text = String(repeating: "é", count: position / 2) + String(repeating: "a", count: position % 2)
                    + special + "tail of the text, long enough for words"
                let json = encoded(text)
                // What Foundation's decoder reads back is the text itself.
                let decoded = try JSONDecoder().decode(String.self, from: Data(json.utf8))
                #expect(decoded == text)
            }
        }
    }

    @Test func copiesTextWithoutSpecialBytesUnchanged() {
        let text = "Ünïcode — “quotes” and 東京, then plain ASCII words that run on for a while"
        #expect(encoded(text) == "\"\(text)\"")
        #expect(encoded("") == "\"\"")
    }

    @Test func writesControlCharactersAsUnicodeEscapes() {
        #expect(encoded("a\u{01}b\u{1F}") == "\"a\\u0001b\\u001f\"")
        #expect(encoded("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"")
    }

    @Test func findsTheFirstSpecialBytePastWholeWords() {
        let bytes = Array("abcdefghijklmnop\"rs".utf8) + [0xC3, 0xA9, 0x0A]
        bytes.withUnsafeBufferPointer { text in
            #expect(JSONBytes.nextSpecial(text, from: 0) == 16)
            #expect(JSONBytes.nextSpecial(text, from: 17) == 21)
            #expect(JSONBytes.nextSpecial(text, from: 22) == 22)
        }
    }

    @Test(arguments: [0, 7, 10, 99, 100, 12_345, 99_999_999, 100_000_000, 1_234_567_890_123, Int.max])
    func writesIntegersInDecimal(_ value: Int) {
        var json = JSONBytes(capacity: 8)
        json.appendInteger(value)
        #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
    }
}
