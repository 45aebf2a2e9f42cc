import Foundation
import Testing
@testable import AnnotextCore

/// The project's evaluation data beside the package (`../shared`), when it is there.
enum TagSharedData {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static let seedExpectations = root.appendingPathComponent("eval/seed_expectations.json")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: seedExpectations.path) }

    /// One `concepts` entry of seed_expectations.json.
    struct ConceptCase: Decodable, Sendable, CustomTestStringConvertible {
        var sentence: String
        var concepts: [String]
        var negated: [String]?
        var testDescription: String { String(sentence.prefix(60)) }
    }

    static var conceptCases: [ConceptCase] {
        struct File: Decodable { var concepts: [ConceptCase] }
        guard let data = try? Data(contentsOf: seedExpectations) else { return [] }
        return (try? JSONDecoder().decode(File.self, from: data).concepts) ?? []
    }
}

@Suite struct TagSeedTests {
    @Test(.enabled(if: TagSharedData.isAvailable, "../shared/eval is absent"), arguments: TagSharedData.conceptCases)
    func tagsSeedSentence(_ seed: TagSharedData.ConceptCase) {
        let mentions = TagFixture.mentions(seed.sentence)
        let found = Set(mentions.map(\.concept))
        #expect(Set(seed.concepts).subtracting(found).isEmpty, "missing \(Set(seed.concepts).subtracting(found).sorted())")
        let negated = Set(mentions.filter(\.isNegated).map(\.concept))
        #expect(negated == Set(seed.negated ?? []))
    }
}
