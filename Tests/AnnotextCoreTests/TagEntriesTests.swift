import Testing

@testable import AnnotextCore

/// The tagger keeps a unit's mentions as flat entries; the `Mention` values made from them, the
/// entries themselves and a document tagged on several cores all say the same.
@Suite struct TagEntriesTests {
    static let text = "The Collective Security Treaty Organization is not an alliance. Realists argue the UN may deter."

    static func tagged(_ text: String = text) -> TaggedSentence {
        let document = Document(name: "test.txt", text: text)
        let sentence = Sentence(index: 0, range: 0..<text.utf8.count)
        return ConceptTagger(lexicon: TagFixture.lexicon).tag([sentence], in: document)[0]
    }

    @Test func entriesListNestedMentionsAfterTheirMention() throws {
        let unit = Self.tagged()
        let entries = try #require(unit.mentionEntries)
        #expect(unit.mentionCount == unit.mentions.count)
        #expect(entries.count == unit.mentions.reduce(0) { $0 + 1 + $1.nested.count })
        var index = 0
        for mention in unit.mentions {
            let entry = entries[index]
            #expect(entry.range == mention.range)
            #expect(entries.concept(of: entry) == mention.concept)
            #expect(entry.concept == mention.conceptIndex)
            #expect(entry.isNegated == mention.isNegated && entry.isHedged == mention.isHedged)
            #expect(entry.isAttributed == mention.isAttributed)
            #expect(entries.provenance(of: entry) == mention.provenance)
            #expect(entry.nestedMentionCount == mention.nested.count)
            for (offset, nested) in mention.nested.enumerated() {
                #expect(entries[index + 1 + offset].range == nested.range)
                #expect(entries.concept(of: entries[index + 1 + offset]) == nested.concept)
            }
            index += 1 + mention.nested.count
        }
        #expect(unit.mentions.first?.nested.map(\.concept) == ["collective-security"])
    }

    @Test func settingMentionsReplacesTheEntries() throws {
        var unit = Self.tagged()
        let first = try #require(unit.mentions.first)
        unit.mentions = [first]
        #expect(unit.mentionEntries == nil)
        #expect(unit.mentionCount == 1)
        #expect(unit.mentions == [first])
        #expect(unit == TaggedSentence(sentence: unit.sentence, mentions: [first]))
    }

    @Test func taggedUnitsEqualUnitsMadeFromTheirMentions() {
        let unit = Self.tagged()
        #expect(unit == TaggedSentence(sentence: unit.sentence, mentions: unit.mentions))
        #expect(unit.hashValue == TaggedSentence(sentence: unit.sentence, mentions: unit.mentions).hashValue)
    }

    @Test func settingTheConceptKeepsTheProvenance() throws {
        var mention = try #require(Self.tagged().mentions.last)
        let provenance = mention.provenance
        mention.concept = "other"
        #expect(mention.concept == "other")
        #expect(mention.provenance == provenance)
        #expect(mention.conceptIndex == nil)
    }

    @Test func documentTaggedOnAllCoresEqualsOneCore() {
        let paragraph = Self.text + " No specific enemy was named, but a realist could say so.\n\n"
        let text = String(repeating: paragraph, count: 3 * ConceptTagger.unitsPerRun)
        let document = Document(name: "long.txt", text: text)
        let sentences = SentenceSegmenter().sentences(in: document)
        #expect(sentences.count > 2 * ConceptTagger.unitsPerRun)
        let tagger = ConceptTagger(lexicon: TagFixture.lexicon)
        let serial = tagger.tag(sentences, in: document)
        let parallel = tagger.tag(sentences, in: document, parallel: true)
        #expect(parallel == serial)
        #expect(DocumentAnnotator(tagger: tagger).annotate(document) == serial)
    }
}
