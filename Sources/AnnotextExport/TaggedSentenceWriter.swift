import AnnotextCore
import Dispatch

/// Writes a document's units in the JSON contract of DESIGN.md straight from the annotator's
/// byte spans and the document's UTF-8 bytes: offsets turn into scalar offsets with a forward
/// cursor, text is escaped from the bytes in place, and a concept's `concept`/`label` pair is
/// escaped once per concept. No `String` is made per unit or per mention, which is what makes
/// `annotext tag` and `annotext segment --json` fast on large inputs. The output is byte for
/// byte what `SentenceRecordWriter` writes for the records of the same units.
///
/// A large document is segmented, tagged and encoded in pieces on all cores; the pieces are
/// written in order, a few at a time, so memory stays bounded by the pieces in hand.
public final class TaggedSentenceWriter {
    private let sink: ByteSink
    /// The encoder every piece starts from: settings and the scheme's labels, no output.
    private let template: TaggedSentenceEncoder
    /// Units written so far, across documents.
    private var count = 0
    /// Units per piece: about 400 KB of prose, a few milliseconds of work for one core. Tests
    /// make it small to cut a small document into many.
    var unitsPerPiece = 4096

    /// Pieces encoded before their output is written.
    static let piecesInHand = 4

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
        template = TaggedSentenceEncoder(
            layout: layout, includesMentions: includesMentions, includesProvenance: includesProvenance, scheme: scheme)
    }

    /// The number of units written so far.
    public var recordCount: Int { count }

    /// Annotates `document` and writes its units.
    public func write(_ document: Document, annotator: DocumentAnnotator) {
        var prefix = JSONBytes(capacity: 64)
        prefix.append("{\"document\":")
        prefix.appendString(document.name)
        prefix.append(",\"index\":")
        var template = self.template
        if let tagger = annotator.tagger, !template.conceptIDs.isEmpty {
            template.trustsConceptIndexes = Self.sameConcepts(template.conceptIDs, tagger.lexicon.scheme)
        }
        let job = PieceJob(
            document: document, annotator: annotator, documentPrefix: prefix.bytes, template: template,
            firstCount: count)
        // The annotator's runs: segmented on all cores, each with where its offsets start.
        let parts = annotator.parts(of: document, unitsPerPart: unitsPerPiece)
        var text = document.text
        text.withUTF8 { bytes in
            // Reused from hand to hand: fresh buffers would cost a page fault every 4 KB.
            var outputs = [[UInt8]](repeating: [], count: Self.piecesInHand)
            var first = 0
            while first < parts.partCount {
                let hand = min(Self.piecesInHand, parts.partCount - first)
                let base = first
                outputs.withUnsafeMutableBufferPointer { slots in
                    nonisolated(unsafe) let slots = slots
                    nonisolated(unsafe) let bytes = bytes
                    DispatchQueue.concurrentPerform(iterations: hand) { k in
                        let start = parts.start(ofPart: base + k)
                        let cursor = ScalarOffsetCursor(bytes, byte: start.byte, scalar: start.scalar)
                        job.encode(parts.units(ofPart: base + k), bytes: bytes, cursor: cursor, into: &slots[k])
                    }
                }
                for k in 0..<hand { sink.write(contentsOf: outputs[k]) }
                first += hand
            }
        }
        count += parts.unitCount
    }

    /// Closes the array (an empty one when nothing was written) and flushes.
    public func finish() {
        if template.layout == .array {
            var closing = JSONBytes(capacity: 4)
            closing.append(count == 0 ? "[]\n" : "\n]\n")
            sink.write(contentsOf: closing.bytes)
        }
        sink.flush()
    }

    /// Whether `scheme` lists exactly the concepts `ids`, in that order: then the concept index a
    /// mention carries from the tagger indexes the writer's labels too.
    static func sameConcepts(_ ids: [String], _ scheme: ConceptScheme) -> Bool {
        ids.count == scheme.concepts.count && zip(ids, scheme.concepts).allSatisfy { $0 == $1.id }
    }
}

/// What a worker needs to tag and encode one piece of a document: all of it values, so pieces
/// run at once.
private struct PieceJob: @unchecked Sendable {
    let document: Document
    let annotator: DocumentAnnotator
    let documentPrefix: [UInt8]
    let template: TaggedSentenceEncoder
    /// Units written before this document.
    let firstCount: Int

    /// Writes the JSON of `units` (consecutive units of the document) into `output`, which it
    /// empties first and whose capacity it keeps; tagged when the annotator tags.
    func encode(
        _ units: ArraySlice<Sentence>, bytes: UnsafeBufferPointer<UInt8>, cursor: ScalarOffsetCursor,
        into output: inout [UInt8]
    ) {
        output.removeAll(keepingCapacity: true)
        guard let first = units.first else { return }
        var encoder = template
        encoder.count = firstCount + first.index
        swap(&encoder.out.bytes, &output)
        defer { swap(&encoder.out.bytes, &output) }
        var offsets = cursor
        let size = (units.last?.range.upperBound ?? first.range.lowerBound) - first.range.lowerBound
        encoder.out.bytes.reserveCapacity(size * 2 + units.count * 96)
        // Lent as a pointer: retaining one shared array per unit from every core at once makes
        // the cores fight over its reference count.
        documentPrefix.withUnsafeBufferPointer { prefix in
            if let tagger = annotator.tagger {
                tagger.tag(Array(units), in: document) { unit in
                    encoder.writeUnit(unit, documentPrefix: prefix, bytes: bytes, offsets: &offsets)
                }
            } else {
                for unit in units {
                    encoder.writeUnit(
                        TaggedSentence(sentence: unit), documentPrefix: prefix, bytes: bytes, offsets: &offsets)
                }
            }
        }
    }
}
