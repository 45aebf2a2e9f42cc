import AnnotextCore
import AnnotextIndex
import AnnotextIngest
import Foundation

/// The ingest flow: read, segment and tag files in parallel, and commit whole documents through
/// one writer, several per transaction, in the order the files were given.
///
/// Readers run ahead of the writer within `limits` (files and bytes not yet committed), so
/// memory stays bounded however many files there are, and the writer commits while the next
/// documents are being annotated. A large document (`IngestLimits.streamingBytes`) is instead
/// segmented and tagged on all cores while the writer stores its first units, in a transaction
/// of its own (`RecordStream`), so one big file does not leave a core idle. A file that fails is
/// reported and skipped; the corpus only ever holds whole documents.
public struct CorpusIngester: Sendable {
    /// Reads files into documents.
    public let reader: DocumentReader
    /// Segments and tags documents.
    public let annotator: DocumentAnnotator
    /// The scheme the annotator tags with, recorded in the corpus.
    public let scheme: ConceptScheme
    /// How many documents are read and annotated at once.
    public let concurrency: Int
    /// How far readers run ahead of the writer, and how large a transaction gets.
    public var limits: IngestLimits
    /// The format every file is read as; nil means from each file's extension, else its content.
    public var format: DocumentFormat?

    /// Creates an ingester; `concurrency` defaults to the number of cores.
    public init(
        reader: DocumentReader, annotator: DocumentAnnotator, scheme: ConceptScheme, concurrency: Int? = nil,
        limits: IngestLimits = IngestLimits(), format: DocumentFormat? = nil
    ) {
        self.reader = reader
        self.annotator = annotator
        self.scheme = scheme
        self.concurrency = max(1, concurrency ?? ProcessInfo.processInfo.activeProcessorCount)
        self.limits = limits
        self.format = format
    }

    /// Reads, annotates and stores `files`; a file that fails is reported and skipped.
    ///
    /// - Parameter report: called on the calling task for each file's outcome, in file order.
    /// - Throws: `IndexError` when the corpus itself fails (busy, disk full); what was committed
    ///   before stays, whole.
    public func ingest(
        _ files: [FoundFile], into store: CorpusStore, report: (IngestEvent) -> Void
    ) async throws -> IngestSummary {
        var summary = IngestSummary()
        // More files in flight than workers lets the writer commit while readers go on.
        var limits = limits
        limits.filesInFlight = max(limits.filesInFlight, concurrency * 2)
        var scheduler = IngestScheduler<Prepared>(sizes: files.map(\.size), limits: limits)
        // The batch being written, on a thread of its own so that both cores keep annotating.
        var writing: Task<CommitOutcome, Never>?
        try await withThrowingTaskGroup(of: (Int, Prepared).self) { group in
            var running = 0
            func start(_ index: Int) -> @Sendable () async -> (Int, Prepared) {
                let file = files[index]
                return {
                    (index, Task.isCancelled ? .failure("\(file.name): not read (stopped)") : prepare(file, for: store))
                }
            }
            while running < concurrency, let index = scheduler.startNext() {
                group.addTask(operation: start(index))
                running += 1
            }
            while let (index, prepared) = try await group.next() {
                running -= 1
                scheduler.finish(index, prepared, bytes: prepared.textBytes)
                // Start work first, so readers keep going while the writer commits.
                while running < concurrency, let next = scheduler.startNext() {
                    group.addTask(operation: start(next))
                    running += 1
                }
                if scheduler.mustCommit {
                    let batch: [(name: String, item: Prepared)] = scheduler.takeBatch().map {
                        (files[$0.index].name, $0.item)
                    }
                    // One batch is written while the next is annotated: wait for the one before.
                    if let writing { try await writing.value.deliver(into: &summary, report: report) }
                    writing = Task { await commitOffThread(batch, into: store) }
                }
                while running < concurrency, let next = scheduler.startNext() {
                    group.addTask(operation: start(next))
                    running += 1
                }
            }
        }
        if let writing { try await writing.value.deliver(into: &summary, report: report) }
        return summary
    }

    /// Annotates and stores one document that is already read (standard input).
    public func ingest(
        _ result: ReadResult, into store: CorpusStore, report: (IngestEvent) -> Void
    ) throws -> IngestSummary {
        var summary = IngestSummary()
        try commit([(result.document.name, prepared(result, for: store))], into: store, summary: &summary, report: report)
        return summary
    }

    /// The document with its records and content hash, ready for the store.
    public func annotated(_ document: Document) -> AnnotatedDocument {
        annotated(document, contentHash: AnnotatedDocument.contentHash(of: document))
    }

    private func annotated(_ document: Document, contentHash: String) -> AnnotatedDocument {
        AnnotatedDocument(document: document, sentences: annotator.records(for: document), contentHash: contentHash)
    }

    private func prepare(_ file: FoundFile, for store: CorpusStore) -> Prepared {
        do {
            return prepared(try reader.read(contentsOf: file.url, name: file.name, format: format), for: store)
        } catch {
            return .failure(error.description)
        }
    }

    /// A document read: annotated now, or left for the writer to stream (see `RecordStream`)
    /// when it is large (`IngestLimits.streamingBytes`) or when the corpus already holds it as
    /// it is. The writer then finds it unchanged without asking for its units, so an unchanged
    /// file costs its reading and hashing, not its tagging. (A large one is streamed anyway, and
    /// the writer checks it then.)
    private func prepared(_ result: ReadResult, for store: CorpusStore) -> Prepared {
        let document = result.document
        if document.text.utf8.count >= limits.streamingBytes {
            return .streamed(document, contentHash: nil, result.warnings)
        }
        let hash = AnnotatedDocument.contentHash(of: document)
        if (try? store.holdsUnchanged(named: document.name, contentHash: hash, scheme: scheme)) == true {
            return .streamed(document, contentHash: hash, result.warnings)
        }
        return .success(annotated(document, contentHash: hash), result.warnings)
    }
}
