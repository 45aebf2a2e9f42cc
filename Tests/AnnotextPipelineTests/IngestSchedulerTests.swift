import Testing

@testable import AnnotextPipeline

@Suite struct IngestSchedulerTests {
    @Test func startsFilesWhileTheWindowHasRoom() {
        var scheduler = IngestScheduler<String>(
            sizes: [10, 10, 10, 10], limits: IngestLimits(filesInFlight: 3, bytesInFlight: 1_000))
        #expect(scheduler.startNext() == 0)
        #expect(scheduler.startNext() == 1)
        #expect(scheduler.startNext() == 2)
        #expect(scheduler.startNext() == nil)
    }

    @Test func holdsBytesInFlightUnderTheLimitButLetsALargeFileGoAlone() {
        var scheduler = IngestScheduler<String>(
            sizes: [500, 600, 2_000, 10], limits: IngestLimits(filesInFlight: 10, bytesInFlight: 1_000))
        #expect(scheduler.startNext() == 0)
        #expect(scheduler.startNext() == nil)  // 500 + 600 > 1,000
        scheduler.finish(0, "a", bytes: 500)
        #expect(scheduler.mustCommit)  // the window is full: commit to go on
        _ = scheduler.takeBatch()
        #expect(scheduler.startNext() == 1)
        scheduler.finish(1, "b", bytes: 600)
        _ = scheduler.takeBatch()
        #expect(scheduler.startNext() == 2)  // larger than the limit, alone
        #expect(scheduler.startNext() == nil)
    }

    @Test func handsItemsToTheWriterInFileOrder() {
        var scheduler = IngestScheduler<String>(
            sizes: [1, 1, 1], limits: IngestLimits(filesInFlight: 10, documentsPerTransaction: 10))
        for _ in 0..<3 { _ = scheduler.startNext() }
        scheduler.finish(2, "c", bytes: 1)
        scheduler.finish(1, "b", bytes: 1)
        #expect(scheduler.batch.isEmpty)
        #expect(!scheduler.mustCommit)
        scheduler.finish(0, "a", bytes: 1)
        #expect(scheduler.batch.map(\.item) == ["a", "b", "c"])
        #expect(scheduler.mustCommit)  // every file is in
        #expect(scheduler.takeBatch().map(\.index) == [0, 1, 2])
        #expect(scheduler.isFinished)
    }

    @Test func commitsWhenTheTransactionIsFull() {
        var scheduler = IngestScheduler<Int>(
            sizes: Array(repeating: 1, count: 10),
            limits: IngestLimits(filesInFlight: 10, documentsPerTransaction: 3, bytesPerTransaction: 100))
        for _ in 0..<10 { _ = scheduler.startNext() }
        scheduler.finish(0, 0, bytes: 1)
        scheduler.finish(1, 1, bytes: 1)
        #expect(!scheduler.mustCommit)
        scheduler.finish(2, 2, bytes: 1)
        #expect(scheduler.mustCommit)
        #expect(scheduler.takeBatch().count == 3)
        scheduler.finish(3, 3, bytes: 150)
        #expect(scheduler.mustCommit)  // past the bytes per transaction
    }
}
