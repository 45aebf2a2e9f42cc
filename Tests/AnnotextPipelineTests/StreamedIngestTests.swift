import AnnotextCore
import AnnotextIndex
import AnnotextIngest
import AnnotextLexicon
import AnnotextPipeline
import Foundation
import Testing

/// Large documents: tagged in runs on all cores while the writer stores them.
@Suite struct StreamedIngestTests {
    let folder: URL
    let annotator: DocumentAnnotator
    let scheme = ConceptScheme.builtIn

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("annotext-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
        annotator = DocumentAnnotator(tagger: ConceptTagger(lexicon: try CompiledLexicon(scheme: scheme)))
    }

    /// Paragraphs of varied prose with concepts, hard-wrapped lines and non-ASCII text.
    static func text(paragraphs: Int, seed: Int) -> String {
        let sentences = [
            "NATO is an alliance; the hegemon is not.", "Dr. Smith wrote on the balance of power in 1914.",
            "Collective security — “the League of Nations” — failed.", "Deterrence held\nacross the line break.",
            "The Élysée did not join the CSTO.", "Is the security dilemma real? Realists say so!",
        ]
        return (0..<paragraphs).map { p in
            (0..<(1 + (p * 7 + seed) % 5)).map { sentences[($0 + p + seed) % sentences.count] }.joined(separator: " ")
        }.joined(separator: p(seed))
    }

    private static func p(_ seed: Int) -> String { seed % 2 == 0 ? "\n\n" : "\n \n" }

    func ingester(streamingBytes: Int, chunkBytes: Int = 1 << 20) -> CorpusIngester {
        CorpusIngester(
            reader: DocumentReader(), annotator: annotator, scheme: scheme, concurrency: 2,
            limits: IngestLimits(streamingBytes: streamingBytes, chunkBytes: chunkBytes))
    }

    /// The records of every chunk, numbered on as the writer numbers them.
    func joined(_ chunks: DocumentChunks) -> [SentenceRecord] {
        var records: [SentenceRecord] = []
        for k in 0..<chunks.count {
            let before = records.count
            for var record in annotator.records(for: chunks, chunk: k) {
                record.index += before
                records.append(record)
            }
        }
        return records
    }

    func dump(_ store: CorpusStore) throws -> [SentenceRecord] {
        var records: [SentenceRecord] = []
        try store.forEachSentence { records.append($0) }
        return records
    }

    @Test func partsJoinToTheRecordsOfTheWholeDocument() {
        let document = Document(name: "long.txt", text: Self.text(paragraphs: 400, seed: 1))
        let parts = annotator.parts(of: document, unitsPerPart: 37)
        #expect(parts.partCount > 10)
        let joined = (0..<parts.partCount).flatMap { annotator.records(for: parts, part: $0) }
        #expect(joined == annotator.records(for: document))
        #expect(joined.count == parts.unitCount)
    }

    @Test(arguments: [1, 200, 5_000, 1 << 20])
    func chunksJoinToTheRecordsOfTheWholeDocument(bytesPerChunk: Int) throws {
        let plain = Document(name: "long.txt", text: Self.text(paragraphs: 400, seed: 3))
        // Blocks from Markdown: headings, list items and paragraphs, non-ASCII before the cuts.
        let markdown = (0..<60).map { "## Part \($0) — Élysée\n\n- NATO is an alliance.\n- The hegemon is not.\n\n" }
            .joined() + Self.text(paragraphs: 40, seed: 4)
        let blocks = try DocumentReader().read(Array(markdown.utf8), name: "notes.md", format: .markdown).document
        #expect(!blocks.blocks.isEmpty)
        for document in [plain, blocks] {
            let chunks = annotator.chunks(of: document, bytesPerChunk: bytesPerChunk)
            if bytesPerChunk <= 200 { #expect(chunks.count > 10) }
            #expect(joined(chunks) == annotator.records(for: document))
        }
        #expect(annotator.chunks(of: Document(name: "empty.txt", text: "")).count == 0)
    }

    @Test func streamedFilesStoreWhatAnnotatedFilesStore() async throws {
        for i in 0..<6 {
            let name = folder.appendingPathComponent("docs/d\(i).\(i == 3 ? "md" : "txt")")
            try Data(Self.text(paragraphs: 30 + i * 50, seed: i).utf8).write(to: name)
        }
        let files = try DocumentFinder.files(at: [folder.appendingPathComponent("docs").path])
        let whole = try CorpusStore(path: folder.appendingPathComponent("whole.sqlite").path)
        let streamed = try CorpusStore(path: folder.appendingPathComponent("streamed.sqlite").path)
        let wholeSummary = try await ingester(streamingBytes: Int.max).ingest(files, into: whole) { _ in }
        // Every document above 4 kB streams; the smaller ones go in between them, in batches.
        var order: [String] = []
        // Chunks of 1 kB: a streamed document comes in many, some annotated by the writer.
        let streamedSummary = try await ingester(streamingBytes: 4_000, chunkBytes: 1_000).ingest(files, into: streamed) { event in
            if case .stored(let name, _, _) = event { order.append(name) }
        }
        #expect(order == files.map(\.name))
        #expect(streamedSummary == wholeSummary)
        #expect(try dump(streamed) == dump(whole))
        #expect(try streamed.concepts() == whole.concepts())
        let again = try await ingester(streamingBytes: 4_000).ingest(files, into: streamed) { _ in }
        #expect(again.unchanged == files.count)
        // A changed large file: hashed by the writer, which finds it changed.
        let changed = folder.appendingPathComponent("docs/d5.txt")
        try Data((Self.text(paragraphs: 60, seed: 9) + "\n\nA last word on the hegemon.\n").utf8).write(to: changed)
        let wholeAgain = try await ingester(streamingBytes: Int.max).ingest(files, into: whole) { _ in }
        let streamedAgain = try await ingester(streamingBytes: 4_000).ingest(files, into: streamed) { _ in }
        #expect(streamedAgain.replaced == 1 && streamedAgain.unchanged == files.count - 1)
        #expect(streamedAgain == wholeAgain)
        #expect(try dump(streamed) == dump(whole))
        #expect(try streamed.documents().map(\.contentHash) == whole.documents().map(\.contentHash))
    }

    @Test func streamedStandardInputIsOneDocument() throws {
        let text = Self.text(paragraphs: 200, seed: 2)
        let store = try CorpusStore(path: folder.appendingPathComponent("c.sqlite").path)
        let result = try DocumentReader().read(Array(text.utf8), name: "stdin", format: .text)
        let summary = try ingester(streamingBytes: 1).ingest(result, into: store) { _ in }
        #expect(summary.added == 1)
        #expect(try dump(store) == annotator.records(for: result.document))
    }
}
