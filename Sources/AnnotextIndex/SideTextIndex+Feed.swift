import AnnotextCore
import CSQLiteSetup

extension SideTextIndex {
    /// One build's source of units for `annotext_feed`: the runs it takes from its side index,
    /// laid out in its own batch.
    final class Feed {
        unowned let index: SideTextIndex
        let onBuildThread: Bool
        let batch = FeedBatch()

        init(index: SideTextIndex, onBuildThread: Bool) {
            self.index = index
            self.onBuildThread = onBuildThread
        }

        /// The feed's `next`: the next run of units as a batch.
        static let next: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<annotext_feed_batch>?) -> Int32 = {
            context, out in
            guard let context, let out else { return 0 }
            let feed = Unmanaged<Feed>.fromOpaque(context).takeUnretainedValue()
            guard let run = feed.index.nextRun(forBuildThread: feed.onBuildThread) else { return 0 }
            feed.batch.fill(run.records, base: run.base)
            out.pointee = feed.batch.view
            return 1
        }
    }

    /// A run of units laid out for the feed: ids, texts one after another, and where each ends.
    /// Its buffers are its own (allocated, not Swift arrays), so the pointers the feed holds stay
    /// valid until the next `fill`.
    final class FeedBatch {
        private var ids = UnsafeMutableBufferPointer<Int64>.allocate(capacity: 0)
        private var ends = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 0)
        private var text = UnsafeMutableBufferPointer<CChar>.allocate(capacity: 0)
        private var count = 0

        deinit {
            ids.deallocate()
            ends.deallocate()
            text.deallocate()
        }

        func fill(_ records: [SentenceRecord], base: Int64) {
            count = records.count
            if ids.count < count {
                ids.deallocate()
                ends.deallocate()
                ids = .allocate(capacity: count)
                ends = .allocate(capacity: count)
            }
            let bytes = records.reduce(0) { $0 + $1.text.utf8.count }
            if text.count < bytes {
                text.deallocate()
                text = .allocate(capacity: bytes)
            }
            var end = 0
            for (k, record) in records.enumerated() {
                ids[k] = base | Int64(record.index)
                var unit = record.text
                unit.withUTF8 { utf8 in
                    guard let base = utf8.baseAddress, let target = text.baseAddress else { return }
                    UnsafeMutableRawPointer(target + end).copyMemory(from: base, byteCount: utf8.count)
                    end += utf8.count
                }
                ends[k] = Int32(end)
            }
        }

        var view: annotext_feed_batch {
            annotext_feed_batch(
                ids: UnsafePointer(ids.baseAddress), text: UnsafePointer(text.baseAddress),
                ends: UnsafePointer(ends.baseAddress), count: Int32(count))
        }
    }
}
