import AnnotextCore

/// Writes mentions as CSV (RFC 4180): a header row, then one row per top-level mention with
/// `document, sentence, concept, start, end, text, negated, hedged, attributed`; CRLF line
/// ends, and a field quoted (quotes doubled) when it holds a comma, quote or line break.
public final class CSVWriter {
    private let sink: ByteSink
    /// The number of mention rows written so far.
    public private(set) var rowCount = 0

    /// The header fields, in column order.
    public static let header = ["document", "sentence", "concept", "start", "end", "text", "negated", "hedged", "attributed"]

    /// Creates a writer and writes the header row.
    public init(sink: ByteSink) {
        self.sink = sink
        writeRow(Self.header)
    }

    /// Writes a row for each top-level mention of `record`.
    public func write(_ record: SentenceRecord) {
        for mention in record.mentions ?? [] {
            writeRow([
                record.document, String(record.index), mention.concept, String(mention.start), String(mention.end),
                mention.text, String(mention.negated), String(mention.hedged), String(mention.attributed),
            ])
            rowCount += 1
        }
        sink.flushIfFull()
    }

    /// Flushes the sink.
    public func finish() {
        sink.flush()
    }

    private func writeRow(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { sink.buffer.append(UInt8(ascii: ",")) }
            sink.write(Self.quoted(field))
        }
        sink.write("\r\n")
    }

    /// `field` as RFC 4180 writes it.
    static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
        else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
