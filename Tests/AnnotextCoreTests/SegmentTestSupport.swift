import Foundation
import Testing

@testable import AnnotextCore

/// Runs the default segmenter and reads its units back as text.
enum SegmentFixture {
    static let segmenter = SentenceSegmenter()

    /// The texts of the units of plain `text`.
    static func texts(_ text: String) -> [String] {
        units(text).map(\.text)
    }

    /// The units of `document` (plain text unless blocks are given), with their text and kind.
    static func units(_ text: String, blocks: [Block] = [], format: DocumentFormat = .text) -> [(text: String, kind: UnitKind)] {
        let document = Document(name: "test", format: format, text: text, blocks: blocks)
        let bytes = Array(text.utf8)
        return segmenter.sentences(in: document).map {
            (String(decoding: bytes[$0.range], as: UTF8.self), $0.kind)
        }
    }

    /// The kinds of the units of plain `text`.
    static func kinds(_ text: String) -> [UnitKind] {
        units(text).map(\.kind)
    }
}

/// The evaluation data beside the project (`../shared`), when it is there.
enum SegmentSharedData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("eval/golden_rules_en.json").path)
    }

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// One case of the golden rules.
    struct GoldenRule: Decodable, Sendable, CustomTestStringConvertible {
        var id: Int
        var name: String
        var text: String
        var sentences: [String]
        var testDescription: String { "#\(id) \(name)" }
    }

    static var goldenRules: [GoldenRule] {
        guard let data = try? Data(contentsOf: url("eval/golden_rules_en.json")) else { return [] }
        return (try? JSONDecoder().decode([GoldenRule].self, from: data)) ?? []
    }
}
