import AnnotextCore
import AnnotextIndex
import AnnotextIngest
import Foundation

/// The ingest flow: read files in parallel, segment and tag each, and commit whole documents
/// through one writer, several per transaction, in the order the files were given.
public struct CorpusIngester: Sendable {
    /// Reads files into documents.
    public let reader: DocumentReader
    /// Segments and tags documents.
    public let annotator: DocumentAnnotator
    /// The scheme the annotator tags with, recorded in the corpus.
    public let scheme: ConceptScheme
    /// How many documents are read and annotated at once.
    public let concurrency: Int

    /// Creates an ingester.
    public init(reader: DocumentReader, annotator: DocumentAnnotator, scheme: ConceptScheme, concurrency: Int? = nil) {
        self.reader = reader
        self.annotator = annotator
        self.scheme = scheme
        self.concurrency = max(1, concurrency ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Reads, annotates and stores `files`; a file that fails is reported and skipped.
    ///
    /// - Parameter report: called on the calling task for each file's outcome, in file order.
    public func ingest(
        _ files: [FoundFile], into store: CorpusStore, report: (IngestEvent) -> Void
    ) async throws -> IngestSummary {
        var summary = IngestSummary()
        let batchSize = concurrency * 4
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(start + batchSize, files.count)])
            let prepared = await prepare(batch)
            try commit(prepared, into: store, summary: &summary, report: report)
            start += batch.count
        }
        return summary
    }

    /// Annotates and stores one document that is already read (standard input).
    public func ingest(
        _ result: ReadResult, into store: CorpusStore, report: (IngestEvent) -> Void
    ) throws -> IngestSummary {
        var summary = IngestSummary()
        let prepared = Prepared.success(annotated(result.document), result.warnings, bytes: result.document.text.utf8.count)
        try commit([(result.document.name, prepared)], into: store, summary: &summary, report: report)
        return summary
    }

    /// The document with its records and content hash, ready for the store.
    public func annotated(_ document: Document) -> AnnotatedDocument {
        AnnotatedDocument(
            document: document, sentences: annotator.records(for: document),
            contentHash: AnnotatedDocument.contentHash(of: document))
    }

    private enum Prepared: Sendable {
        case success(AnnotatedDocument, [IngestWarning], bytes: Int)
        case failure(String)
    }

    private func prepare(_ batch: [FoundFile]) async -> [(String, Prepared)] {
        await withTaskGroup(of: (Int, Prepared).self) { group in
            for (i, file) in batch.enumerated() {
                group.addTask {
                    do {
                        let result = try reader.read(contentsOf: file.url, name: file.name)
                        let bytes = result.document.text.utf8.count
                        return (i, .success(annotated(result.document), result.warnings, bytes: bytes))
                    } catch {
                        return (i, .failure(String(describing: error)))
                    }
                }
            }
            var results = [Prepared?](repeating: nil, count: batch.count)
            for await (i, prepared) in group { results[i] = prepared }
            return zip(batch, results).map { file, result in (file.name, result ?? .failure("\(file.name): not read")) }
        }
    }

    private func commit(
        _ prepared: [(String, Prepared)], into store: CorpusStore, summary: inout IngestSummary,
        report: (IngestEvent) -> Void
    ) throws {
        var documents: [AnnotatedDocument] = []
        for (name, item) in prepared {
            switch item {
            case .success(let document, let warnings, let bytes):
                for warning in warnings { report(.warning(warning.description)) }
                documents.append(document)
                summary.bytes += bytes
            case .failure(let message):
                summary.failed += 1
                report(.failed(name: name, message: message))
            }
        }
        guard !documents.isEmpty else { return }
        let outcomes = try store.write(documents, scheme: scheme)
        for (document, outcome) in zip(documents, outcomes) {
            summary.count(outcome, sentences: document.sentences)
            report(.stored(name: document.document.name, outcome: outcome, sentences: document.sentences.count))
        }
    }
}
