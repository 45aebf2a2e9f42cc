import Testing

@testable import AnnotextPipeline

@Suite struct ProgressLineTests {
    @Test func showsFilesMegabytesRateAndTimeLeft() {
        let line = ProgressLine(files: 3, totalFiles: 12, bytes: 2_500_000, totalBytes: 10_000_000, seconds: 5)
        #expect(line.text(width: 100) == "[#######.......................]  3/12 files  2.5/10.0 MB  0.5 MB/s  0:15 left")
    }

    @Test func leavesOutRateAndTimeLeftInTheFirstSecond() {
        let line = ProgressLine(files: 0, totalFiles: 2, bytes: 0, totalBytes: 1_000_000, seconds: 0.2)
        #expect(line.text(width: 60) == "[..............................]  0/2 files  0.0/1.0 MB")
    }

    @Test func neverWrapsANarrowTerminal() {
        let line = ProgressLine(files: 3, totalFiles: 12, bytes: 2_500_000, totalBytes: 10_000_000, seconds: 5)
        #expect(line.text(width: 40) == "3/12 files  2.5/10.0 MB  0.5 MB/s  0:15")
        #expect(line.text(width: 62).count <= 61)
    }

    @Test func formatsLongWaitsWithHours() {
        #expect(ProgressLine.clock(3_725) == "1:02:05")
        #expect(ProgressLine.clock(59.2) == "1:00")
        #expect(ProgressLine.megabytes(49_999) == "0.0")
        #expect(ProgressLine.megabytes(1_050_000) == "1.1")
    }
}
