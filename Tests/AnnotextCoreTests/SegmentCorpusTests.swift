import Foundation
import Testing

@testable import AnnotextCore

/// The real documents of `../shared/corpus`: every unit trimmed, in order, not empty, and the
/// known hard cases cut right.
@Suite(.enabled(if: SegmentSharedData.isAvailable, "../shared/corpus is absent: corpus checks skipped"))
struct SegmentCorpusTests {
    static var plainTextFiles: [String] {
        let folder = SegmentSharedData.url("corpus").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: SegmentSharedData.url("corpus/\(name)"), encoding: .utf8)
    }

    @Test(arguments: plainTextFiles)
    func cutsWellFormedUnits(_ name: String) throws {
        let text = try Self.text(name)
        let bytes = Array(text.utf8)
        let units = SentenceSegmenter().sentences(in: Document(name: name, text: text))
        #expect(units.count > 10)
        var previousEnd = 0
        for (k, unit) in units.enumerated() {
            #expect(unit.index == k)
            #expect(unit.range.lowerBound >= previousEnd && !unit.range.isEmpty)
            let unitText = String(decoding: bytes[unit.range], as: UTF8.self)
            #expect(unitText == unitText.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(unitText.contains { $0.isLetter || $0.isNumber })
            previousEnd = unit.range.upperBound
        }
    }

    @Test func cutsCharterArticlesAndHeadings() throws {
        let units = SegmentFixture.units(try Self.text("charter-of-the-united-nations-1945.txt"))
        #expect(units.contains { $0.kind == .heading && $0.text == "Chapter I: Purposes and Principles" })
        #expect(units.contains { $0.kind == .heading && $0.text == "Article 51" })
        #expect(units.contains { $0.text == "The Organization is based on the principle of the sovereign equality of all its Members." })
    }

    @Test func joinsHardWrappedOutlineOfHistory() throws {
        let units = SegmentFixture.units(try Self.text("wells-outline-of-history-covenant-summary-1920.txt"))
        #expect(units.contains { $0.text == "This was a quite disastrous provision." })
        #expect(units.contains { $0.text.hasPrefix("The final\nscene in the plenary session") })
        #expect(units.contains { $0.kind == .heading && $0.text.hasPrefix("39.12 Summary of the First Covenant") })
    }

    @Test func readsFourteenPointsAsListItems() throws {
        let units = SegmentFixture.units(try Self.text("wilson-fourteen-points-1918.txt"))
        let points = units.filter { $0.kind == .listItem }.map { $0.text.prefix(while: { $0 != " " }) }
        #expect(points == ["I.", "II.", "III.", "IV.", "V.", "VI.", "VII.", "VIII.", "IX.", "X.", "XI.", "XII.", "XIII.", "XIV."])
    }
}
