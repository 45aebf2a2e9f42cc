import AnnotextCore
import AnnotextIndex
import Foundation

/// Totals of an ingest run.
public struct IngestSummary: Sendable, Hashable {
    /// Documents new to the corpus.
    public var added = 0
    /// Documents that replaced an older version under the same name.
    public var replaced = 0
    /// Documents whose content was already in the corpus as it is.
    public var unchanged = 0
    /// Files that failed.
    public var failed = 0
    /// Units stored.
    public var sentences = 0
    /// Top-level mentions stored.
    public var mentions = 0
    /// Bytes of document text read.
    public var bytes = 0

    /// Creates empty totals.
    public init() {}

    /// Counts one document the store took (or left unchanged).
    mutating func count(_ outcome: WriteOutcome, document: AnnotatedDocument) {
        count(
            outcome, bytes: document.document.text.utf8.count, sentences: document.sentences.count,
            mentions: document.sentences.reduce(0) { $0 + ($1.mentions?.count ?? 0) })
    }

    /// Counts one document the store took (or left unchanged), from its figures.
    mutating func count(_ outcome: WriteOutcome, bytes: Int, sentences: Int, mentions: Int) {
        self.bytes += bytes
        switch outcome {
        case .added: added += 1
        case .replaced: replaced += 1
        case .unchanged:
            unchanged += 1
            return
        }
        self.sentences += sentences
        self.mentions += mentions
    }

    /// Adds another run's totals.
    public mutating func merge(_ other: IngestSummary) {
        added += other.added
        replaced += other.replaced
        unchanged += other.unchanged
        failed += other.failed
        sentences += other.sentences
        mentions += other.mentions
        bytes += other.bytes
    }

    /// One line for people: what went in, how fast, where.
    ///
    /// `Ingested into c.sqlite: 3 added, 1 unchanged; 120 sentences, 41 mentions; 0.52 MB in 0.31 s (1.7 MB/s).`
    public func line(seconds: Double, corpus: String) -> String {
        var parts = ["\(added) added"]
        if replaced > 0 { parts.append("\(replaced) replaced") }
        if unchanged > 0 { parts.append("\(unchanged) unchanged (skipped)") }
        if failed > 0 { parts.append("\(failed) failed") }
        let megabytes = Double(bytes) / 1_000_000
        let rate = seconds > 0 ? megabytes / seconds : 0
        return "Ingested into \(corpus): \(parts.joined(separator: ", ")); \(sentences) sentences, "
            + "\(mentions) mentions; \(String(format: "%.2f", megabytes)) MB in \(String(format: "%.2f", seconds)) s "
            + "(\(String(format: "%.1f", rate)) MB/s)."
    }
}
