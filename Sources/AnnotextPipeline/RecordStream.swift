import AnnotextCore
import Dispatch
import Foundation

/// One large document's records for a streaming write: segmented on all cores, tagged in runs
/// on all cores, and handed to the writer in order as they are done, so the writer stores the
/// first runs while the later ones are still being tagged.
///
/// The work starts on `start()` or the first `next()`, so a document the corpus already holds
/// unchanged costs nothing. `close()` stops what has not started and waits for the rest; call it
/// once the writer is done, however it ended.
final class RecordStream: @unchecked Sendable {
    private let annotator: DocumentAnnotator
    private let document: Document
    private let condition = NSCondition()
    /// Runs done and not yet taken, by run number.
    private var ready: [Int: [SentenceRecord]] = [:]
    private var nextPart = 0
    /// The number of runs, once the document is segmented.
    private var partCount: Int?
    private var isStarted = false
    private var isProducing = false
    private var isClosed = false
    /// Units and top-level mentions handed to the writer so far.
    private(set) var units = 0
    private(set) var mentions = 0

    init(annotator: DocumentAnnotator, document: Document) {
        self.annotator = annotator
        self.document = document
    }

    /// Starts segmenting and tagging now, before the first `next()`: for a document known to
    /// need writing, so the writer's own first steps overlap the work.
    func start() {
        condition.lock()
        defer { condition.unlock() }
        startIfNeeded()
    }

    private func startIfNeeded() {
        guard !isStarted else { return }
        isStarted = true
        isProducing = true
        DispatchQueue.global().async { self.produce() }
    }

    /// The next run of records in index order, waiting for it to be tagged; nil after the last.
    func next() -> [SentenceRecord]? {
        condition.lock()
        defer { condition.unlock() }
        startIfNeeded()
        while true {
            if let part = ready.removeValue(forKey: nextPart) {
                nextPart += 1
                units += part.count
                mentions += part.reduce(0) { $0 + ($1.mentions?.count ?? 0) }
                return part
            }
            if isClosed || (partCount.map { nextPart >= $0 } ?? false) { return nil }
            condition.wait()
        }
    }

    /// Stops the runs not yet begun and waits for those being tagged.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        isClosed = true
        while isProducing { condition.wait() }
        ready = [:]
    }

    private func produce() {
        let parts = annotator.parts(of: document)
        condition.lock()
        partCount = parts.partCount
        condition.broadcast()
        condition.unlock()
        DispatchQueue.concurrentPerform(iterations: parts.partCount) { part in
            guard !isClosedNow else { return }
            let records = annotator.records(for: parts, part: part)
            condition.lock()
            if !isClosed { ready[part] = records }
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        isProducing = false
        condition.broadcast()
        condition.unlock()
    }

    private var isClosedNow: Bool {
        condition.lock()
        defer { condition.unlock() }
        return isClosed
    }
}
