import AnnotextCore
import AnnotextIndex
import AnnotextIngest
import Dispatch

extension CorpusIngester {
    /// One file after reading (and annotating): a document for the store, or why it failed.
    enum Prepared: Sendable {
        /// An annotated document, written with others in one transaction.
        case success(AnnotatedDocument, [IngestWarning])
        /// A document the writer streams, annotated on all cores only if it must be stored
        /// (`RecordStream`): a large one, or one the corpus already holds unchanged. A large
        /// one comes without its content hash, which the writer computes (see `stream`).
        case streamed(Document, contentHash: String?, [IngestWarning])
        case failure(String)

        /// Bytes of document text it adds to a transaction.
        var textBytes: Int {
            switch self {
            case .success(let annotated, _): return annotated.document.text.utf8.count
            case .streamed(let document, _, _): return document.text.utf8.count
            case .failure: return 0
            }
        }

        var isStreamed: Bool {
            if case .streamed = self { return true }
            return false
        }
    }

    /// What writing one batch did: its totals and events, and the store failure that ended it.
    struct CommitOutcome: Sendable {
        var summary = IngestSummary()
        var events: [IngestEvent] = []
        var error: IndexError?

        /// Reports the events in order, adds the totals, and throws the failure, if any.
        func deliver(into total: inout IngestSummary, report: (IngestEvent) -> Void) throws {
            for event in events { report(event) }
            total.merge(summary)
            if let error { throw error }
        }
    }

    /// Writes `batch` on a thread outside the task pool, so the pool's threads go on reading
    /// and annotating the next files while SQLite works.
    func commitOffThread(_ batch: [(name: String, item: Prepared)], into store: CorpusStore) async -> CommitOutcome {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var outcome = CommitOutcome()
                do {
                    try commit(batch, into: store, summary: &outcome.summary) { outcome.events.append($0) }
                } catch let error as IndexError {
                    outcome.error = error
                } catch {
                    outcome.error = IndexError(location: store.path, message: "\(error)", reason: .sqlite(code: 1))
                }
                continuation.resume(returning: outcome)
            }
        }
    }

    /// Writes the documents of `batch` and reports every file, in order: runs of annotated
    /// documents in one transaction each, a streamed document in one of its own.
    ///
    /// When the store refuses one document of a run (its records do not fit it), the run is
    /// written again one document at a time, so only that document fails. Any other store
    /// failure (busy, disk full) ends the ingest: it would fail every document after it.
    func commit(
        _ batch: [(name: String, item: Prepared)], into store: CorpusStore, summary: inout IngestSummary,
        report: (IngestEvent) -> Void
    ) throws {
        var start = batch.startIndex
        while start < batch.endIndex {
            var end = start
            while end < batch.endIndex, !batch[end].item.isStreamed { end += 1 }
            if end > start { try commitRun(batch[start..<end], into: store, summary: &summary, report: report) }
            if end < batch.endIndex, case .streamed(let document, let hash, let warnings) = batch[end].item {
                for warning in warnings { report(.warning(warning.description)) }
                try stream(
                    document, named: batch[end].name, contentHash: hash, into: store, summary: &summary, report: report)
                end += 1
            }
            start = end
        }
    }

    /// Writes a streamed document while it is being tagged, in a transaction of its own, unless
    /// the corpus holds it unchanged; `contentHash` is computed here when not given.
    private func stream(
        _ document: Document, named name: String, contentHash: String?, into store: CorpusStore,
        summary: inout IngestSummary,
        report: (IngestEvent) -> Void
    ) throws {
        let records = RecordStream(annotator: annotator, document: document, chunkBytes: limits.chunkBytes)
        defer { records.close() }
        do {
            // A name the corpus does not hold: the tagging starts now, and the hash (35 ms on
            // prose.txt's 22 MB, on one core, while the other would wait) is computed beside
            // it; otherwise the hash says first whether the document must be tagged at all.
            var isNew = false
            if contentHash == nil { isNew = try !store.holds(named: document.name) }
            if isNew { records.start() }
            let contentHash = contentHash ?? AnnotatedDocument.contentHash(of: document)
            // Unchanged: no write transaction at all (a folder of unchanged files would
            // otherwise commit once per file).
            var outcome = WriteOutcome.unchanged
            var mustWrite = isNew
            if !isNew { mustWrite = try !store.holdsUnchanged(named: document.name, contentHash: contentHash, scheme: scheme) }
            if mustWrite {
                records.start()
                outcome = try store.write(document, contentHash: contentHash, scheme: scheme) { whileWaiting in
                    try records.next(whileWaiting: whileWaiting)
                }
            }
            summary.count(
                outcome, bytes: document.text.utf8.count, sentences: records.units, mentions: records.mentions)
            report(.stored(name: name, outcome: outcome, sentences: records.units))
        } catch {
            guard error.reason == .invalidDocument else { throw error }
            summary.failed += 1
            report(.failed(name: name, message: error.description))
        }
    }

    private func commitRun(
        _ batch: ArraySlice<(name: String, item: Prepared)>, into store: CorpusStore, summary: inout IngestSummary,
        report: (IngestEvent) -> Void
    ) throws {
        let documents = batch.compactMap { entry -> AnnotatedDocument? in
            if case .success(let annotated, _) = entry.item { return annotated }
            return nil
        }
        var outcomes: [Result<WriteOutcome, IndexError>] = []
        switch write(documents, into: store) {
        case .success(let written):
            outcomes = written.map { .success($0) }
        case .failure(let error):
            guard error.reason == .invalidDocument else { throw error }
            // Find the document the store refused; the others go in.
            for document in documents {
                let outcome = write([document], into: store).map { $0.first ?? .added }
                if case .failure(let single) = outcome, single.reason != .invalidDocument { throw single }
                outcomes.append(outcome)
            }
        }
        var next = outcomes.makeIterator()
        for (name, item) in batch {
            switch item {
            case .failure(let message):
                summary.failed += 1
                report(.failed(name: name, message: message))
            case .streamed:
                continue
            case .success(let annotated, let warnings):
                for warning in warnings { report(.warning(warning.description)) }
                switch next.next() {
                case .success(let outcome):
                    summary.count(outcome, document: annotated)
                    report(.stored(name: name, outcome: outcome, sentences: annotated.sentences.count))
                case .failure(let error):
                    summary.failed += 1
                    report(.failed(name: name, message: error.description))
                case nil:
                    summary.failed += 1
                    report(.failed(name: name, message: "\(name): not stored"))
                }
            }
        }
    }

    private func write(_ documents: [AnnotatedDocument], into store: CorpusStore) -> Result<
        [WriteOutcome], IndexError
    > {
        guard !documents.isEmpty else { return .success([]) }
        do {
            return .success(try store.write(documents, scheme: scheme))
        } catch {
            return .failure(error)
        }
    }
}
