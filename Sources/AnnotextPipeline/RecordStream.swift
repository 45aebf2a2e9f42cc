import AnnotextCore
import Dispatch
import Foundation

/// One large document's records for a streaming write: cut into chunks that are segmented and
/// tagged on all cores and handed to the writer in order as they are done, so the writer stores
/// the first chunk's units while the later chunks are still being segmented.
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
    /// The document's chunks, once it is cut.
    private var chunks: DocumentChunks?
    /// Chunks begun so far: chunks are begun in order, by whichever thread is free.
    private var claimed = 0
    private var isStarted = false
    private var isProducing = false
    private var isClosed = false
    /// Units and top-level mentions handed to the writer so far.
    private(set) var units = 0
    private(set) var mentions = 0

    private let chunkBytes: Int

    init(annotator: DocumentAnnotator, document: Document, chunkBytes: Int) {
        self.annotator = annotator
        self.document = document
        self.chunkBytes = chunkBytes
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
    ///
    /// While the next run is not ready, the caller's thread does other work rather than sit
    /// idle: first `whileWaiting` (the writer's own work, which only it can do), and when that
    /// has nothing to do, the tagging of a chunk nobody has begun.
    func next(whileWaiting: () throws -> Bool = { false }) rethrows -> [SentenceRecord]? {
        condition.lock()
        defer { condition.unlock() }
        startIfNeeded()
        while true {
            if var part = ready.removeValue(forKey: nextPart) {
                nextPart += 1
                // A chunk numbers its units from 0: they follow those handed over before.
                for k in part.indices { part[k].index += units }
                units += part.count
                mentions += part.reduce(0) { $0 + ($1.mentions?.count ?? 0) }
                return part
            }
            if isClosed || (chunks.map { nextPart >= $0.count } ?? false) { return nil }
            condition.unlock()
            let didWork: Bool
            do {
                didWork = try whileWaiting()
            } catch {
                condition.lock()  // the deferred unlock expects it held
                throw error
            }
            condition.lock()
            if didWork { continue }
            // Rather than wait, annotate the next chunk nobody has begun: the writer would
            // otherwise sit idle while one core annotates (the other core is the writer's).
            if !annotateNextChunk() { condition.wait() }
        }
    }

    /// Claims the next chunk nobody has begun and annotates it, the lock released meanwhile:
    /// false when no chunk is left. The caller holds the lock.
    private func annotateNextChunk() -> Bool {
        guard !isClosed, let chunks, claimed < chunks.count else { return false }
        let chunk = claimed
        claimed += 1
        condition.unlock()
        let records = annotator.records(for: chunks, chunk: chunk)
        condition.lock()
        if !isClosed { ready[chunk] = records }
        condition.broadcast()
        return true
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
        let chunks = annotator.chunks(of: document, bytesPerChunk: chunkBytes)
        condition.lock()
        self.chunks = chunks
        condition.broadcast()
        condition.unlock()
        let workers = min(chunks.count, ProcessInfo.processInfo.activeProcessorCount)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            condition.lock()
            while annotateNextChunk() {}
            condition.unlock()
        }
        condition.lock()
        isProducing = false
        condition.broadcast()
        condition.unlock()
    }
}
