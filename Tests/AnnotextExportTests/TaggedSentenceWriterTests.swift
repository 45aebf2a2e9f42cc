import AnnotextCore
import AnnotextExport
import Testing

/// The direct writer must print exactly what the record path prints for the same document.
@Suite struct TaggedSentenceWriterTests {
    static let scheme = ConceptScheme(
        id: "writer-test",
        concepts: [
            Concept(id: "specific-enemy", label: "Specific \"enemy\"", terms: [Term("specific {0,2} enemy")]),
            Concept(id: "collective-security", label: "Collective security"),
            Concept(id: "csto", label: "CSTO", terms: [Term("Collective Security Treaty Organization")]),
            Concept(id: "alliance", label: "Alliance"),
        ])

    static let document = Document(
        name: "séance \"1\".txt",
        text: """
            Ünïcode first: the Collective Security Treaty Organization is an alliance.
            It is not limited to a “specific enemy”;\tperhaps alliances' members disagree.

            Experts argue that collective security failed.
            """)

    func annotator(_ policy: OverlapPolicy = .longest) throws -> DocumentAnnotator {
        DocumentAnnotator(tagger: ConceptTagger(lexicon: try CompiledLexicon(scheme: Self.scheme), overlaps: policy))
    }

    func viaRecords(_ annotator: DocumentAnnotator, mentions: Bool, explain: Bool) -> String {
        written { sink in
            let writer = SentenceRecordWriter(sink: sink, layout: .lines, includesProvenance: explain)
            if mentions {
                writer.write(contentsOf: annotator.records(for: Self.document))
            } else {
                writer.write(contentsOf: SentenceRecord.records(
                    for: annotator.annotate(Self.document), in: Self.document, includeMentions: false))
            }
        }
    }

    func direct(_ annotator: DocumentAnnotator, mentions: Bool, explain: Bool) -> String {
        written { sink in
            let writer = TaggedSentenceWriter(
                sink: sink, layout: .lines, scheme: mentions ? Self.scheme : nil, includesMentions: mentions,
                includesProvenance: explain)
            writer.write(Self.document, annotator: annotator)
        }
    }

    @Test(arguments: [false, true])
    func writesWhatTheRecordWriterWrites(explain: Bool) throws {
        let annotator = try annotator()
        let expected = viaRecords(annotator, mentions: true, explain: explain)
        #expect(expected.contains("\"nested\":["))
        #expect(direct(annotator, mentions: true, explain: explain) == expected)
    }

    @Test func writesEveryOverlapLikeTheRecordWriter() throws {
        let annotator = try annotator(.all)
        #expect(direct(annotator, mentions: true, explain: true) == viaRecords(annotator, mentions: true, explain: true))
    }

    @Test func writesSegmentsWithoutMentions() throws {
        let annotator = try annotator()
        let text = direct(annotator, mentions: false, explain: false)
        #expect(!text.contains("mentions"))
        #expect(text == viaRecords(annotator, mentions: false, explain: false))
    }

    @Test func labelsMentionsFromAnotherSchemeByTheirId() throws {
        let annotator = try annotator()
        let other = ConceptScheme(id: "other", concepts: [Concept(id: "alliance", label: "Bündnis")])
        let text = written { sink in
            TaggedSentenceWriter(sink: sink, layout: .lines, scheme: other).write(Self.document, annotator: annotator)
        }
        #expect(text.contains("\"concept\":\"alliance\",\"label\":\"Bündnis\""))
        #expect(text.contains("\"concept\":\"csto\",\"label\":\"csto\""))
    }
}
