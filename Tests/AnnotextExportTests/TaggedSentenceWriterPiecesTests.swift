import AnnotextCore
import Foundation
import Testing

@testable import AnnotextExport

/// A document written in many pieces on all cores must come out byte for byte as in one piece.
@Suite struct TaggedSentenceWriterPiecesTests {
    /// Several paragraphs with non-ASCII text before, inside and between the mentions, so a
    /// piece that starts at the wrong scalar offset shows.
    static let document: Document = {
        let paragraph = """
            Ünïcode — first: the Collective Security Treaty Organization is an alliance. Ça va?
            It is not limited to a “specific enemy”;\tperhaps alliances' members disagree. 東京.

            Experts argue that collective security failed.
            """
        let text = (0..<40).map { "\($0). \(paragraph)" }.joined(separator: "\n\n")
        return Document(name: "pieces \"é\".txt", text: text)
    }()

    static let annotator: DocumentAnnotator = {
        let scheme = TaggedSentenceWriterTests.scheme
        // The scheme is valid; a failure here shows up as missing mentions below.
        let lexicon = try? CompiledLexicon(scheme: scheme)
        return DocumentAnnotator(tagger: lexicon.map { ConceptTagger(lexicon: $0) })
    }()

    func write(pieceSize: Int, layout: SentenceRecordWriter.Layout, mentions: Bool, documents: Int = 2) -> String {
        writtenToFile { sink in
            let writer = TaggedSentenceWriter(
                sink: sink, layout: layout, scheme: mentions ? TaggedSentenceWriterTests.scheme : nil,
                includesMentions: mentions)
            writer.unitsPerPiece = pieceSize
            for _ in 0..<documents { writer.write(Self.document, annotator: Self.annotator) }
            writer.finish()
        }
    }

    /// What a sink writes to a real file: large pieces bypass the sink's buffer.
    func writtenToFile(_ body: (ByteSink) -> Void) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("annotext-pieces-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: url.path)
        else {
            Issue.record("cannot create \(url.path)")
            return ""
        }
        body(ByteSink(descriptor: handle.fileDescriptor, bufferSize: 1 << 12))
        try? handle.close()
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    @Test(arguments: [SentenceRecordWriter.Layout.lines, .array], [false, true])
    func writesManyPiecesLikeOne(layout: SentenceRecordWriter.Layout, mentions: Bool) {
        let whole = write(pieceSize: 1 << 30, layout: layout, mentions: mentions)
        #expect(whole.contains("\"index\":199,"))
        if mentions { #expect(whole.contains("\"concept\":\"csto\"")) }
        for size in [1, 97, 4096] {
            #expect(write(pieceSize: size, layout: layout, mentions: mentions) == whole)
        }
    }
}
