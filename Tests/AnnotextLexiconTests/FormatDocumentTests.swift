import AnnotextCore
import AnnotextLexicon
import Foundation
import Testing

/// The examples in `Lexicons/FORMAT.md` are lexicons that load and check clean.
@Suite struct FormatDocumentTests {
    /// The fenced code blocks of FORMAT.md with the given info string.
    static func examples(_ language: String) throws -> [String] {
        let text = try String(contentsOf: PackagePaths.lexicons.appendingPathComponent("FORMAT.md"), encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring] = []
        var isInside = false
        var isCapturing = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if isInside && isCapturing { blocks.append(current.joined(separator: "\n") + "\n") }
                isCapturing = !isInside && line.dropFirst(3) == language
                isInside.toggle()
                current = []
            } else if isCapturing {
                current.append(line)
            }
        }
        return blocks
    }

    @Test func yamlExampleChecksClean() throws {
        let example = try #require(try Self.examples("yaml").first)
        let url = try ScratchFolder().write("example.yaml", example)
        #expect(LexiconChecker.check(contentsOf: url).map(\.description) == [])
        #expect(try ConceptScheme(contentsOf: url).concepts.map(\.id) == ["alliance", "nato", "united-nations"])
    }

    @Test func termListExampleChecksClean() throws {
        let example = try #require(try Self.examples("").first)
        let url = try ScratchFolder().write("example.txt", example)
        #expect(LexiconChecker.check(contentsOf: url).map(\.description) == [])
        #expect(try ConceptScheme(contentsOf: url).concepts.map(\.label) == ["Alliance", "NATO"])
    }
}
