import AnnotextCore
import AnnotextExport
import Foundation
import Testing

@Suite struct TEIWriterTests {
    static let text = "Collective Security Treaty Organization & friends.\n\nNo alliance < here."
    static var records: [SentenceRecord] {
        [
            SentenceRecord(
                document: "d.txt", index: 0, start: 0, end: 50, kind: .heading,
                text: "Collective Security Treaty Organization & friends.",
                mentions: [
                    MentionRecord(
                        concept: "csto", label: "CSTO", start: 0, end: 39, text: "Collective Security Treaty Organization",
                        nested: [
                            MentionRecord(
                                concept: "collective-security", label: "Collective security", start: 0, end: 19,
                                text: "Collective Security")
                        ])
                ]),
            SentenceRecord(
                document: "d.txt", index: 1, start: 52, end: 71, kind: .sentence, text: "No alliance < here.",
                mentions: [MentionRecord(concept: "alliance", label: "Alliance", start: 55, end: 63, text: "alliance", negated: true)]),
        ]
    }

    static let categories: [TEIWriter.Category] = [
        ("alliance", "Alliance"), ("csto", "CSTO"), ("collective-security", "Collective security"),
    ]

    @Test func corpusIsWellFormedTEIWithNestedTermsAndParagraphs() throws {
        let xml = try captured { sink in
            let writer = TEIWriter(sink: sink, categories: Self.categories)
            writer.beginCorpus()
            writer.begin(document: "d.txt", title: nil, text: Self.text)
            for record in Self.records { writer.write(record) }
            writer.finishCorpus()
        }
        let parsed = parseXML(xml)
        #expect(parsed.ok, "\(parsed.error ?? "")")
        #expect(parsed.elements.first == "teiCorpus")
        #expect(parsed.elements.filter { $0 == "s" }.count == 2)
        #expect(parsed.elements.filter { $0 == "p" }.count == 2 + 4)  // two paragraphs, two in each header
        #expect(xml.contains("<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">"))
        #expect(
            xml.contains(
                "<s n=\"0\" type=\"heading\"><term ref=\"#csto\"><term ref=\"#collective-security\">Collective Security</term> Treaty Organization</term> &amp; friends.</s></p>\n<p><s n=\"1\">No <term ref=\"#alliance\" ana=\"#negated\">alliance</term> &lt; here.</s>"
            ))
        for ref in ["csto", "collective-security", "alliance", "negated"] {
            #expect(xml.contains("<category xml:id=\"\(ref)\">"))
        }
    }

    @Test func documentOnItsOwnIsARootTEIElement() throws {
        let xml = try captured { sink in
            let writer = TEIWriter(sink: sink, categories: Self.categories)
            writer.begin(document: "d.txt", title: "A title", text: nil)
            for record in Self.records { writer.write(record) }
            writer.finishCorpus()
        }
        let parsed = parseXML(xml)
        #expect(parsed.ok, "\(parsed.error ?? "")")
        #expect(parsed.elements.first == "TEI")
        #expect(xml.contains("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">"))
        #expect(xml.contains("<title>A title</title>"))
    }
}
