import Foundation
import Testing
@testable import AnnotextCore

/// The tagger on the real documents of `../shared/corpus`, segmented by the real segmenter.
@Suite struct TagCorpusTests {
    static let corpus = TagSharedData.root.appendingPathComponent("corpus")
    static let textFiles = ["charter-of-the-united-nations-1945.txt", "truman-doctrine-1947.txt",
                            "north-atlantic-treaty-1949.md", "wilson-fourteen-points-1918.txt"]

    @Test(.enabled(if: TagSharedData.isAvailable, "../shared/corpus is absent"), arguments: textFiles)
    func keepsEveryMentionInsideItsUnit(_ name: String) throws {
        let text = try String(contentsOf: Self.corpus.appendingPathComponent(name), encoding: .utf8)
        let document = Document(name: name, text: text)
        let tagged = ConceptTagger(lexicon: TagFixture.lexicon).tag(SentenceSegmenter().sentences(in: document), in: document)
        var count = 0
        for unit in tagged {
            for mention in unit.mentions {
                count += 1
                #expect(unit.sentence.range.contains(mention.range.lowerBound))
                #expect(mention.range.upperBound <= unit.sentence.range.upperBound)
                #expect(!mention.range.isEmpty)
                #expect(mention.nested.allSatisfy { mention.range.contains($0.range.lowerBound) })
            }
            let starts = unit.mentions.map(\.range.lowerBound)
            #expect(starts == starts.sorted())
        }
        #expect(count > 0)
    }

    @Test(.enabled(if: TagSharedData.isAvailable, "../shared/corpus is absent"))
    func tagsCharterAsTheAnnotationRulesSay() throws {
        let text = try String(
            contentsOf: Self.corpus.appendingPathComponent("charter-of-the-united-nations-1945.txt"), encoding: .utf8)
        let document = Document(name: "charter", text: text)
        let mentions = ConceptTagger(lexicon: TagFixture.lexicon)
            .tag(SentenceSegmenter().sentences(in: document), in: document).flatMap(\.mentions)
        let counts = Dictionary(grouping: mentions, by: \.concept).mapValues(\.count)
        #expect((counts["un-security-council"] ?? 0) > 50)
        #expect((counts["united-nations"] ?? 0) > 20)
        #expect((counts["aggression"] ?? 0) > 0)
    }
}
