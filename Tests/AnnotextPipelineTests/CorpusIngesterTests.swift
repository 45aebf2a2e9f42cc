import AnnotextCore
import AnnotextIndex
import AnnotextIngest
import AnnotextLexicon
import AnnotextPipeline
import Foundation
import Testing

@Suite struct CorpusIngesterTests {
    let folder: URL
    let ingester: CorpusIngester

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("annotext-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
        let scheme = ConceptScheme.builtIn
        ingester = CorpusIngester(
            reader: DocumentReader(),
            annotator: DocumentAnnotator(tagger: ConceptTagger(lexicon: try CompiledLexicon(scheme: scheme))),
            scheme: scheme, concurrency: 2)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent("docs/\(name)"))
    }

    func ingestFolder(into store: CorpusStore) async throws -> (IngestSummary, [IngestEvent]) {
        let files = try DocumentFinder.files(at: [folder.appendingPathComponent("docs").path])
        var events: [IngestEvent] = []
        let summary = try await ingester.ingest(files, into: store) { events.append($0) }
        return (summary, events)
    }

    @Test func storesEveryDocumentInTheOrderGiven() async throws {
        for i in 0..<9 { try write("note-\(i).txt", "Note \(i) is about an alliance.\n\nNATO is one.") }
        let store = try CorpusStore(path: folder.appendingPathComponent("c.sqlite").path)
        let (summary, _) = try await ingestFolder(into: store)
        #expect(summary.added == 9)
        #expect(summary.sentences == 18)
        #expect(try store.documents().map(\.name) == (0..<9).map { "note-\($0).txt" })
    }

    @Test func reingestingTheSameFilesChangesNothing() async throws {
        try write("a.txt", "Collective security is not an alliance.")
        let store = try CorpusStore(path: folder.appendingPathComponent("c.sqlite").path)
        _ = try await ingestFolder(into: store)
        let (again, _) = try await ingestFolder(into: store)
        #expect(again.unchanged == 1)
        #expect(again.added == 0)
        try write("a.txt", "Collective security is an alliance of all.")
        let (changed, _) = try await ingestFolder(into: store)
        #expect(changed.replaced == 1)
    }

    @Test func reportsABadFileAndStoresTheRest() async throws {
        try write("good.txt", "The balance of power held.")
        try Data([0x00, 0x01, 0x02, 0x00, 0xFF, 0x00]).write(to: folder.appendingPathComponent("docs/bad.txt"))
        let store = try CorpusStore(path: folder.appendingPathComponent("c.sqlite").path)
        let (summary, events) = try await ingestFolder(into: store)
        #expect(summary.failed == 1)
        #expect(summary.added == 1)
        let failures = events.compactMap { event -> String? in
            if case .failed(_, let message) = event { return message } else { return nil }
        }
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("bad.txt: ") == true)
        #expect(try store.documents().map(\.name) == ["good.txt"])
    }

    @Test func keepsFileOrderThroughASmallWindowAndSmallTransactions() async throws {
        for i in 0..<40 {
            // Uneven sizes so documents finish out of order.
            let text = String(repeating: "The alliance held in year \(i). ", count: (i % 7) * 40 + 1)
            try write(String(format: "d%02d.txt", i), text)
        }
        try Data([0x00, 0x01, 0x00, 0xFF]).write(to: folder.appendingPathComponent("docs/d17.txt"))
        var small = ingester
        small.limits = IngestLimits(filesInFlight: 5, bytesInFlight: 20_000, documentsPerTransaction: 3)
        let store = try CorpusStore(path: folder.appendingPathComponent("c.sqlite").path)
        let files = try DocumentFinder.files(at: [folder.appendingPathComponent("docs").path])
        var order: [String] = []
        let summary = try await small.ingest(files, into: store) { event in
            switch event {
            case .stored(let name, _, _), .failed(let name, _): order.append(name)
            case .warning: break
            }
        }
        let expected = (0..<40).map { String(format: "d%02d.txt", $0) }
        #expect(order == expected)
        #expect(summary.added == 39)
        #expect(summary.failed == 1)
        #expect(try store.documents().map(\.name) == expected.filter { $0 != "d17.txt" })
    }

    @Test func countsUnchangedFilesInTheSummary() async throws {
        try write("a.txt", "NATO is an alliance.")
        try write("b.txt", "The hegemon acted.")
        let store = try CorpusStore(path: folder.appendingPathComponent("c.sqlite").path)
        _ = try await ingestFolder(into: store)
        let (again, events) = try await ingestFolder(into: store)
        #expect(again.unchanged == 2)
        #expect(again.line(seconds: 1, corpus: "c.sqlite").hasPrefix("Ingested into c.sqlite: 0 added, 2 unchanged (skipped); 0 sentences"))
        let unchanged = events.compactMap { event -> String? in
            if case .stored(let name, .unchanged, _) = event { return name } else { return nil }
        }
        #expect(unchanged == ["a.txt", "b.txt"])
    }

    @Test func reportsAFileThatVanishedAfterItWasFound() async throws {
        try write("kept.txt", "The alliance held.")
        try write("gone.txt", "Deleted before it is read.")
        let files = try DocumentFinder.files(at: [folder.appendingPathComponent("docs").path])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("docs/gone.txt"))
        let store = try CorpusStore(path: folder.appendingPathComponent("c.sqlite").path)
        var failures: [String] = []
        let summary = try await ingester.ingest(files, into: store) { event in
            if case .failed(_, let message) = event { failures.append(message) }
        }
        #expect(failures == ["gone.txt: cannot be read: no such file (was it moved or deleted?)"])
        #expect(summary.added == 1)
    }

    @Test func annotatedDocumentsCarryScalarOffsets() throws {
        let document = Document(name: "x.txt", text: "“NATO” allies met. The Security Council did not.")
        let annotated = ingester.annotated(document)
        let scalars = Array(document.text.unicodeScalars)
        for sentence in annotated.sentences {
            #expect(String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end])) == sentence.text)
            for mention in sentence.mentions ?? [] {
                #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
            }
        }
        #expect(annotated.sentences.flatMap { $0.mentions ?? [] }.map(\.concept).contains("nato"))
    }
}
