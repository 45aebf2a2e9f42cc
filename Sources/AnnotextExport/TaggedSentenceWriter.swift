import AnnotextCore

/// Writes a document's units in the JSON contract of DESIGN.md straight from the annotator's
/// byte spans and the document's UTF-8 bytes: offsets turn into scalar offsets with one forward
/// cursor, text is escaped from the bytes in place, and a concept's `concept`/`label` pair is
/// escaped once per concept. No `String` is made per unit or per mention, which is what makes
/// `annotext tag` and `annotext segment --json` fast on large inputs. The output is byte for
/// byte what `SentenceRecordWriter` writes for the records of the same units.
public final class TaggedSentenceWriter {
    private let sink: ByteSink
    private var encoder: TaggedSentenceEncoder

    /// How many bytes are gathered before they go to the sink.
    private static let chunk = 1 << 20

    /// Creates a writer; call `finish()` after the last document.
    ///
    /// - Parameters:
    ///   - scheme: the scheme whose labels the mentions get (nil: the concept id is the label).
    ///   - includesMentions: false for plain segmentation (no `mentions` field).
    ///   - includesProvenance: adds each mention's `term` and `variant` (`tag --explain`).
    public init(
        sink: ByteSink, layout: SentenceRecordWriter.Layout, scheme: ConceptScheme?, includesMentions: Bool = true,
        includesProvenance: Bool = false
    ) {
        self.sink = sink
        encoder = TaggedSentenceEncoder(
            layout: layout, includesMentions: includesMentions, includesProvenance: includesProvenance, scheme: scheme)
    }

    /// The number of units written so far.
    public var recordCount: Int { encoder.count }

    /// Annotates `document` and writes each unit as the annotator hands it over.
    public func write(_ document: Document, annotator: DocumentAnnotator) {
        var prefix = JSONBytes(capacity: 64)
        prefix.append("{\"document\":")
        prefix.appendString(document.name)
        prefix.append(",\"index\":")
        let documentPrefix = prefix.bytes
        // Moved out for the document's duration, so its buffers stay uniquely referenced.
        var encoder = TaggedSentenceEncoder(layout: .lines, includesMentions: false, includesProvenance: false, scheme: nil)
        swap(&encoder, &self.encoder)
        encoder.out.bytes.reserveCapacity(Self.chunk + 65_536)
        let sink = self.sink
        var text = document.text
        text.withUTF8 { bytes in
            var offsets = ScalarOffsetCursor(bytes)
            annotator.annotate(document) { unit in
                encoder.writeUnit(unit, documentPrefix: documentPrefix, bytes: bytes, offsets: &offsets)
                if encoder.out.bytes.count >= Self.chunk { Self.drain(&encoder, into: sink) }
            }
        }
        Self.drain(&encoder, into: sink)
        swap(&encoder, &self.encoder)
    }

    /// Closes the array (an empty one when nothing was written) and flushes.
    public func finish() {
        if encoder.layout == .array { encoder.out.append(encoder.count == 0 ? "[]\n" : "\n]\n") }
        Self.drain(&encoder, into: sink)
        sink.flush()
    }

    private static func drain(_ encoder: inout TaggedSentenceEncoder, into sink: ByteSink) {
        sink.buffer.append(contentsOf: encoder.out.bytes)
        encoder.out.bytes.removeAll(keepingCapacity: true)
        sink.flushIfFull()
    }
}
