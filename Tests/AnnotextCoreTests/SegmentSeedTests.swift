import Foundation
import Testing

@testable import AnnotextCore

/// The seed document must come out as `../shared/eval/seed_expectations.json` says.
@Suite(.enabled(if: SegmentSharedData.isAvailable, "../shared/eval is absent: seed expectations skipped"))
struct SegmentSeedTests {
    struct Expectations: Decodable {
        var sentences: [String]
        var unbroken: [String]
    }

    static func load() throws -> (texts: [String], expectations: Expectations) {
        let text = try String(contentsOf: SegmentSharedData.url("eval/seed.txt"), encoding: .utf8)
        let data = try Data(contentsOf: SegmentSharedData.url("eval/seed_expectations.json"))
        return (SegmentFixture.texts(text), try JSONDecoder().decode(Expectations.self, from: data))
    }

    @Test func keepsEverySeedSentenceWhole() throws {
        let (texts, expectations) = try Self.load()
        for sentence in expectations.sentences {
            #expect(texts.contains(sentence), "not a whole unit: \(sentence)")
        }
    }

    @Test func keepsEverySeedSpanInOneUnit() throws {
        let (texts, expectations) = try Self.load()
        for span in expectations.unbroken {
            #expect(texts.contains { $0.contains(span) }, "broken: \(span)")
        }
    }

    @Test func labelsSeedOptionsAndListItems() throws {
        let text = try String(contentsOf: SegmentSharedData.url("eval/seed.txt"), encoding: .utf8)
        let units = SegmentFixture.units(text)
        #expect(units.contains { $0.kind == .option && $0.text.hasPrefix("C) The realist idea") })
        #expect(units.contains { $0.kind == .option && $0.text.hasPrefix("B) Collective security requires") })
        #expect(units.contains { $0.kind == .listItem && $0.text == "a) friendly satisfied powers (Europe, Canada)" })
        #expect(units.contains { $0.kind == .listItem && $0.text == "4. NORTH ATLANTIC TREATY." })
    }
}
