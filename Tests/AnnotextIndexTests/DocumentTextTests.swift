import AnnotextCore
import AnnotextIndex
import GRDB
import Testing

/// Document texts stored without the text of their units, and put back together on reading.
@Suite struct DocumentTextTests {
    /// A document whose units are the given byte ranges of `text`.
    func annotated(_ name: String, _ text: String, units: [Range<Int>]) -> AnnotatedDocument {
        let document = Document(name: name, text: text)
        let tagged = units.enumerated().map { TaggedSentence(sentence: Sentence(index: $0.offset, range: $0.element)) }
        return AnnotatedDocument(
            document: document, sentences: SentenceRecord.records(for: tagged, in: document),
            contentHash: AnnotatedDocument.contentHash(of: document))
    }

    /// The byte ranges of the pieces of `text` between `|` marks that are not blank, and the
    /// text without the marks.
    func marked(_ marked: String) -> (text: String, units: [Range<Int>]) {
        var text = ""
        var units: [Range<Int>] = []
        for (k, piece) in marked.split(separator: "|", omittingEmptySubsequences: false).enumerated() {
            let start = text.utf8.count
            text += piece
            if k % 2 == 1 { units.append(start..<text.utf8.count) }
        }
        return (text, units)
    }

    func stored(_ path: String, _ name: String) throws -> (outside: Bool, text: String)? {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT t.outside_units, t.text FROM document_texts t JOIN documents d ON d.id = t.doc_id
                    WHERE d.name = ?
                    """, arguments: [name]
            ).map { ($0[0], $0[1]) }
        }
    }

    @Test(arguments: [
        "  \n|First unit.| |Second — with “quotes”.|\n\n|Élysée 中文 🙂.|  \n",
        "|Only one unit, no gaps.|",
        "Text before | a unit| and after, none between.",
        "|A|—|B|\r\n|C|",
    ])
    func textComesBackWholeAndOnlyTheGapsAreStored(_ source: String) throws {
        let (text, units) = marked(source)
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write([annotated("doc.txt", text, units: units)], scheme: Fixtures.scheme)
            #expect(try store.document(named: "doc.txt")?.text == text)
            var gaps = source.split(separator: "|", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined()
            if units.isEmpty { gaps = text }
            #expect(try stored(path, "doc.txt")?.outside == true)
            #expect(try stored(path, "doc.txt")?.text == gaps)
            var seen: [String] = []
            try store.forEachDocument({ seen.append($0.text) }, unit: { _ in })
            #expect(seen == [text])
        }
    }

    @Test func documentWithoutUnitsIsStoredAsItsGap() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write([annotated("blank.txt", "  \n\t\n", units: [])], scheme: Fixtures.scheme)
            #expect(try store.document(named: "blank.txt")?.text == "  \n\t\n")
            #expect(try stored(path, "blank.txt")?.outside == true)
        }
    }

    @Test func unitsThatDoNotTileTheTextLeaveItWhole() throws {
        let text = "One unit here. Another one there."
        var wrongText = annotated("wrong.txt", text, units: [0..<14, 15..<33])
        wrongText.sentences[1].text = "Another one THERE."
        let overlapping = annotated("overlap.txt", text, units: [0..<20, 15..<33])
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write([wrongText, overlapping], scheme: Fixtures.scheme)
            for name in ["wrong.txt", "overlap.txt"] {
                #expect(try store.document(named: name)?.text == text)
                #expect(try stored(path, name)?.outside == false)
                #expect(try stored(path, name)?.text == text)
            }
        }
    }

    @Test func replacedDocumentGetsItsNewGaps() throws {
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            let first = marked("|Old unit.|\n\n|Old two.|")
            let second = marked("   |New unit,| |longer| than before.")
            _ = try store.write([annotated("doc.txt", first.text, units: first.units)], scheme: Fixtures.scheme)
            #expect(
                try store.write([annotated("doc.txt", second.text, units: second.units)], scheme: Fixtures.scheme)
                    == [.replaced])
            #expect(try store.document(named: "doc.txt")?.text == second.text)
            #expect(try stored(path, "doc.txt")?.text == "     than before.")
        }
    }

    @Test func unitsThatNoLongerFitTheStoredGapsAreReportedNotMisread() throws {
        let (text, units) = marked("|First.| |Second.|")
        try Fixtures.withCorpusPath { path in
            let store = try CorpusStore(path: path)
            _ = try store.write([annotated("doc.txt", text, units: units)], scheme: Fixtures.scheme)
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "UPDATE sentences SET start = start + 1000, \"end\" = \"end\" + 1000") }
            try queue.close()
            let error = #expect(throws: IndexError.self) { try store.document(named: "doc.txt") }
            #expect(error?.description.contains("units do not fit its text") == true)
        }
    }
}
