import AnnotextCore

/// Writes tagged sentences in the JSON contract of DESIGN.md: one JSON array (`json`) or one
/// object per line (`jsonl`), streamed through a `ByteSink`.
public final class SentenceRecordWriter {
    /// The two layouts of the contract.
    public enum Layout: Sendable {
        /// One JSON array, one record per line inside it.
        case array
        /// One JSON object per line.
        case lines
    }

    private let sink: ByteSink
    private let layout: Layout
    private let includesProvenance: Bool
    private var count = 0

    /// Creates a writer; call `finish()` after the last record.
    ///
    /// - Parameter includesProvenance: adds each mention's `term` and `variant` (`tag --explain`).
    public init(sink: ByteSink, layout: Layout, includesProvenance: Bool = false) {
        self.sink = sink
        self.layout = layout
        self.includesProvenance = includesProvenance
    }

    /// The number of records written so far.
    public var recordCount: Int { count }

    /// Writes one record.
    public func write(_ record: SentenceRecord) {
        switch layout {
        case .array: sink.write(count == 0 ? "[\n" : ",\n")
        case .lines: break
        }
        count += 1
        writeObject(record)
        if layout == .lines { sink.buffer.append(0x0A) }
        sink.flushIfFull()
    }

    /// Writes every record.
    public func write<S: Sequence>(contentsOf records: S) where S.Element == SentenceRecord {
        for record in records { write(record) }
    }

    /// Closes the array (an empty one when nothing was written) and flushes.
    public func finish() {
        if layout == .array { sink.write(count == 0 ? "[]\n" : "\n]\n") }
        sink.flush()
    }

    private func writeObject(_ record: SentenceRecord) {
        sink.write("{\"document\":")
        sink.writeJSONString(record.document)
        sink.write(",\"index\":")
        sink.writeInteger(record.index)
        sink.write(",\"start\":")
        sink.writeInteger(record.start)
        sink.write(",\"end\":")
        sink.writeInteger(record.end)
        sink.write(",\"kind\":\"")
        sink.write(record.kind.rawValue)
        sink.write("\",\"text\":")
        sink.writeJSONString(record.text)
        if let mentions = record.mentions {
            sink.write(",\"mentions\":[")
            writeMentions(mentions)
            sink.write("]")
        }
        sink.write("}")
    }

    private func writeMentions(_ mentions: [MentionRecord]) {
        for (i, mention) in mentions.enumerated() {
            if i > 0 { sink.write(",") }
            sink.write("{\"concept\":")
            sink.writeJSONString(mention.concept)
            sink.write(",\"label\":")
            sink.writeJSONString(mention.label)
            sink.write(",\"start\":")
            sink.writeInteger(mention.start)
            sink.write(",\"end\":")
            sink.writeInteger(mention.end)
            sink.write(",\"text\":")
            sink.writeJSONString(mention.text)
            sink.write(mention.negated ? ",\"negated\":true" : ",\"negated\":false")
            if mention.hedged { sink.write(",\"hedged\":true") }
            if mention.attributed { sink.write(",\"attributed\":true") }
            if includesProvenance {
                if let term = mention.term {
                    sink.write(",\"term\":")
                    sink.writeJSONString(term)
                }
                if let variant = mention.variant {
                    sink.write(",\"variant\":")
                    sink.writeJSONString(variant)
                }
            }
            if !mention.nested.isEmpty {
                sink.write(",\"nested\":[")
                writeMentions(mention.nested)
                sink.write("]")
            }
            sink.write("}")
        }
    }
}
