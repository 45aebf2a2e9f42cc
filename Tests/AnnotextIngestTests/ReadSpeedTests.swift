import AnnotextCore
import Foundation
import Testing

@testable import AnnotextIngest

/// Ingest must not be the bottleneck. The floors are far below the release figures (plain
/// text about 1 GB/s, article-like HTML about 40 MB/s of CPU time; debug builds are several
/// times slower), so the tests catch only gross regressions.
@Suite(.serialized) struct ReadSpeedTests {
    /// Throughput in MB/s from this thread's CPU time (best of three), so that other tests and
    /// other processes on a busy machine do not make the figure flaky.
    private func megabytesPerSecond(bytes: Int, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = threadCPUSeconds()
            try body()
            best = min(best, threadCPUSeconds() - start)
        }
        return Double(bytes) / 1_000_000 / max(best, 1e-9)
    }

    private func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test func decodesPlainTextFast() throws {
        let paragraph = "The balance of power is a central idea of realism; states ally against a hegemon. "
        let bytes = Array(String(repeating: paragraph, count: 400_000).utf8)  // about 34 MB
        let speed = try megabytesPerSecond(bytes: bytes.count) {
            _ = try DocumentReader().read(bytes, name: "big.txt")
        }
        print("plain text: \(Int(speed)) MB/s")
        #expect(speed > 100)
    }

    @Test func readsHTMLFast() throws {
        // An article-like page: headings, paragraphs of a few hundred bytes, some inline markup.
        let sentence =
            "The <b>Security Council</b> shall determine the existence of any threat to the peace, breach of the peace, or act of aggression and shall make recommendations. "
        let page =
            "<section><h2>Article 39</h2><p>" + String(repeating: sentence, count: 3) + "</p><ul><li>" + sentence
            + "</li></ul></section>\n"
        // About 9 MB.
        let bytes = Array(("<html><body>" + String(repeating: page, count: 12_000) + "</body></html>").utf8)
        let speed = try megabytesPerSecond(bytes: bytes.count) {
            _ = try DocumentReader().read(bytes, name: "big.html")
        }
        print("HTML: \(Int(speed)) MB/s")
        #expect(speed > 5)
    }
}
