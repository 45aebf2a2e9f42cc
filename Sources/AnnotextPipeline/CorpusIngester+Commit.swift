import AnnotextCore
import AnnotextIndex
import AnnotextIngest

extension CorpusIngester {
    /// One file after reading and annotating: a document for the store, or why it failed.
    enum Prepared: Sendable {
        case success(AnnotatedDocument, [IngestWarning])
        case failure(String)

        /// Bytes of document text it adds to a transaction.
        var textBytes: Int {
            if case .success(let annotated, _) = self { return annotated.document.text.utf8.count }
            return 0
        }
    }

    /// Writes the documents of `batch` in one transaction and reports every file, in order.
    ///
    /// When the store refuses one document of the batch (its records do not fit it), the batch
    /// is written again one document at a time, so only that document fails. Any other store
    /// failure (busy, disk full) ends the ingest: it would fail every document after it.
    func commit(
        _ batch: [(name: String, item: Prepared)], into store: CorpusStore, summary: inout IngestSummary,
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
        do {
            return .success(try store.write(documents, scheme: scheme))
        } catch {
            return .failure(error)
        }
    }
}
