import AnnotextCore
import AnnotextExport
import Foundation
import Testing

/// Writes into a sink that never reaches a file descriptor, and returns the bytes.
func written(_ body: (ByteSink) -> Void) -> String {
    let sink = ByteSink(descriptor: -1, bufferSize: 1 << 30)
    body(sink)
    let text = String(decoding: sink.buffer, as: UTF8.self)
    sink.buffer.removeAll()
    return text
}

@Suite struct SentenceRecordWriterTests {
    let record = SentenceRecord(
        document: "seed.txt", index: 3, start: 403, end: 485, kind: .sentence,
        text: "It is not limited to a “specific enemy”.",
        mentions: [
            MentionRecord(
                concept: "specific-enemy", label: "Specific enemy", start: 427, end: 441, text: "specific enemy",
                negated: true, term: "specific enemy", variant: "exact")
        ])

    @Test func writesTheContractFieldsInOrder() {
        let text = written { sink in
            let writer = SentenceRecordWriter(sink: sink, layout: .lines)
            writer.write(record)
        }
        #expect(
            text == """
                {"document":"seed.txt","index":3,"start":403,"end":485,"kind":"sentence","text":"It is not limited to a “specific enemy”.","mentions":[{"concept":"specific-enemy","label":"Specific enemy","start":427,"end":441,"text":"specific enemy","negated":true}]}

                """)
    }

    @Test func addsProvenanceOnlyWhenExplaining() {
        let text = written { sink in
            SentenceRecordWriter(sink: sink, layout: .lines, includesProvenance: true).write(record)
        }
        #expect(text.contains(#""term":"specific enemy","variant":"exact""#))
    }

    @Test func writesOneParsableArray() throws {
        let text = written { sink in
            let writer = SentenceRecordWriter(sink: sink, layout: .array)
            writer.write(contentsOf: [record, record])
            writer.buffer(sink)
        }
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 2)
    }

    @Test func writesAnEmptyArrayForNoRecords() {
        let text = written { sink in
            let writer = SentenceRecordWriter(sink: sink, layout: .array)
            writer.buffer(sink)
        }
        #expect(text == "[]\n")
    }

    @Test func leavesOutMentionsForPlainSegmentation() {
        var plain = record
        plain.mentions = nil
        let text = written { sink in SentenceRecordWriter(sink: sink, layout: .lines).write(plain) }
        #expect(!text.contains("mentions"))
    }

    @Test func writesNestedMentionsInsideTheirContainer() throws {
        var outer = record
        outer.mentions = [
            MentionRecord(
                concept: "csto", label: "CSTO", start: 0, end: 39, text: "Collective Security Treaty Organization",
                nested: [MentionRecord(concept: "collective-security", label: "Collective security", start: 0, end: 19, text: "Collective Security")])
        ]
        let text = written { sink in SentenceRecordWriter(sink: sink, layout: .lines).write(outer) }
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let mentions = object?["mentions"] as? [[String: Any]]
        let nested = mentions?.first?["nested"] as? [[String: Any]]
        #expect(nested?.first?["concept"] as? String == "collective-security")
    }
}

extension SentenceRecordWriter {
    /// Closes the array into the sink's buffer without writing to a descriptor.
    fileprivate func buffer(_ sink: ByteSink) {
        sink.write(recordCount == 0 ? "[]\n" : "\n]\n")
    }
}
