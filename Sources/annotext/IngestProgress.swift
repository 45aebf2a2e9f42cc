import AnnotextPipeline
import Foundation

/// Reports ingest events on stderr: errors and warnings always, a progress line when stderr
/// is a terminal.
final class IngestProgress: @unchecked Sendable {
    private let enabled: Bool
    private var total = 0
    private var done = 0
    private var started = Date()

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func start(total: Int) {
        self.total = total
        done = 0
        started = Date()
    }

    func report(_ event: IngestEvent) {
        switch event {
        case .warning(let message):
            clearLine()
            printWarning(message)
        case .failed(_, let message):
            clearLine()
            done += 1
            printError(message)
        case .stored:
            done += 1
        }
        draw()
    }

    func finish() {
        clearLine()
    }

    private func draw() {
        guard enabled, total > 0 else { return }
        let elapsed = Date().timeIntervalSince(started)
        let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        writeToStandardError("\r\u{1B}[K\(done)/\(total) files, \(String(format: "%.1f", elapsed)) s, about \(Int(left.rounded())) s left")
    }

    private func clearLine() {
        if enabled { writeToStandardError("\r\u{1B}[K") }
    }
}

extension IngestSummary {
    /// Adds another run's totals.
    mutating func merge(_ other: IngestSummary) {
        added += other.added
        replaced += other.replaced
        unchanged += other.unchanged
        failed += other.failed
        sentences += other.sentences
        mentions += other.mentions
        bytes += other.bytes
    }

    /// One line for people: what went in, how fast, where.
    func line(seconds: Double, corpus: String) -> String {
        var parts = ["\(added) added"]
        if replaced > 0 { parts.append("\(replaced) replaced") }
        if unchanged > 0 { parts.append("\(unchanged) unchanged") }
        if failed > 0 { parts.append("\(failed) failed") }
        let megabytes = Double(bytes) / 1_000_000
        let rate = seconds > 0 ? megabytes / seconds : 0
        return "Ingested into \(corpus): \(parts.joined(separator: ", ")); \(sentences) sentences, "
            + "\(mentions) mentions; \(String(format: "%.2f", megabytes)) MB in \(String(format: "%.2f", seconds)) s "
            + "(\(String(format: "%.1f", rate)) MB/s)."
    }
}
