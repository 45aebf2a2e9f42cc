/// Limits of the ingest pipeline: how much runs ahead of the writer and how much each
/// transaction holds.
public struct IngestLimits: Sendable, Hashable {
    /// Files read or annotated but not yet committed, at most.
    public var filesInFlight: Int
    /// Bytes (file sizes) read or annotated but not yet committed, at most; a larger file still
    /// goes through, alone.
    public var bytesInFlight: Int
    /// Documents per transaction, at most.
    public var documentsPerTransaction: Int
    /// Bytes of document text after which a transaction is committed.
    public var bytesPerTransaction: Int
    /// Documents with at least this many bytes of text are tagged while they are written, on
    /// all cores, each in a transaction of its own.
    public var streamingBytes: Int
    /// A streamed document is cut into chunks of about this many bytes, each segmented and
    /// tagged on its own, so the writer can start on the first while the rest are read.
    public var chunkBytes: Int

    /// Creates limits; the defaults keep a few hundred MB at most in memory.
    ///
    /// Transactions of a few MB: each commit flushes a segment of the full-text index and
    /// rewrites the index pages it touched, so SQLite spent 40% more on 22 MB of small files
    /// committed 32 at a time (130 kB) than in one transaction, and 14% more at 1 MB.
    public init(
        filesInFlight: Int = 1024, bytesInFlight: Int = 96_000_000, documentsPerTransaction: Int = 1024,
        bytesPerTransaction: Int = 4_000_000, streamingBytes: Int = 1_000_000, chunkBytes: Int = 1 << 20
    ) {
        self.filesInFlight = max(1, filesInFlight)
        self.bytesInFlight = max(1, bytesInFlight)
        self.documentsPerTransaction = max(1, documentsPerTransaction)
        self.bytesPerTransaction = max(1, bytesPerTransaction)
        self.streamingBytes = max(1, streamingBytes)
        self.chunkBytes = max(1, chunkBytes)
    }
}

/// The bookkeeping of the ingest pipeline, apart from its tasks: which file to start next,
/// which finished items are next in file order, and when the batch in hand must be committed.
///
/// Files start in order while the window (`IngestLimits.filesInFlight`, `bytesInFlight`) has
/// room; they finish in any order; the writer takes them strictly in file order. A batch is
/// committed when it is full, when the window is full (so readers can go on), or at the end.
struct IngestScheduler<Item> {
    /// The size of each file, in file order.
    let sizes: [Int]
    let limits: IngestLimits
    /// The next file to start.
    private(set) var nextToStart = 0
    /// The next file the writer takes.
    private(set) var nextInOrder = 0
    /// Files started and not yet handed to the writer, and their bytes.
    private(set) var inFlight = 0
    private(set) var bytesInFlight = 0
    /// Finished items waiting for an earlier file.
    private var waiting: [Int: (item: Item, bytes: Int)] = [:]
    /// Items next in file order, for the writer: (file index, item).
    private(set) var batch: [(index: Int, item: Item)] = []
    private var batchBytes = 0

    init(sizes: [Int], limits: IngestLimits) {
        self.sizes = sizes
        self.limits = limits
    }

    /// Whether every file has been handed to the writer.
    var isFinished: Bool { nextInOrder == sizes.count && batch.isEmpty }

    /// The next file to start, if the window has room for it.
    mutating func startNext() -> Int? {
        guard canStart else { return nil }
        inFlight += 1
        bytesInFlight += max(0, sizes[nextToStart])
        nextToStart += 1
        return nextToStart - 1
    }

    /// Records a finished item; `bytes` is what it adds to the transaction (its text).
    mutating func finish(_ index: Int, _ item: Item, bytes: Int) {
        waiting[index] = (item, bytes)
        while let next = waiting.removeValue(forKey: nextInOrder) {
            batch.append((nextInOrder, next.item))
            batchBytes += next.bytes
            nextInOrder += 1
        }
    }

    /// Whether the batch in hand must be committed now: it is full, the window is full (no file
    /// can start until memory is freed), or every file is in.
    var mustCommit: Bool {
        guard !batch.isEmpty else { return false }
        if batch.count >= limits.documentsPerTransaction || batchBytes >= limits.bytesPerTransaction { return true }
        if nextInOrder == sizes.count { return true }
        return nextToStart < sizes.count && !canStart
    }

    private var canStart: Bool {
        guard nextToStart < sizes.count else { return false }
        let size = max(0, sizes[nextToStart])
        return inFlight == 0
            || (inFlight < limits.filesInFlight && bytesInFlight + size <= limits.bytesInFlight)
    }

    /// Hands the batch to the writer and frees its room in the window.
    mutating func takeBatch() -> [(index: Int, item: Item)] {
        let taken = batch
        for entry in taken {
            inFlight -= 1
            bytesInFlight -= max(0, sizes[entry.index])
        }
        batch = []
        batchBytes = 0
        return taken
    }
}
