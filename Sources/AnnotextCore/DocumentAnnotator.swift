/// Segments a document and tags its units: the two stages of the pipeline that need no I/O.
public struct DocumentAnnotator: Sendable {
    /// The segmenter.
    public let segmenter: SentenceSegmenter
    /// The tagger, or nil to segment only.
    public let tagger: ConceptTagger?

    /// Concept labels by id, from the tagger's scheme: made once, not once per document (a
    /// large lexicon has tens of thousands).
    private let labels: [String: String]?

    /// Creates an annotator.
    public init(segmenter: SentenceSegmenter = SentenceSegmenter(), tagger: ConceptTagger?) {
        self.segmenter = segmenter
        self.tagger = tagger
        labels = tagger.map { tagger in
            Dictionary(tagger.lexicon.scheme.concepts.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The document's units, each with its mentions (none when the annotator only segments).
    /// A large document is segmented and tagged on all cores; the result is the same.
    public func annotate(_ document: Document) -> [TaggedSentence] {
        let sentences = segmenter.sentences(in: document, parallel: true)
        guard let tagger else { return sentences.map { TaggedSentence(sentence: $0) } }
        return tagger.tag(sentences, in: document, parallel: true)
    }

    /// Hands each of the document's units with its mentions to `body`, in order, without
    /// collecting them: the streaming form of `annotate(_:)` for writers.
    public func annotate(_ document: Document, each body: (TaggedSentence) -> Void) {
        let sentences = segmenter.sentences(in: document)
        guard let tagger else {
            for sentence in sentences { body(TaggedSentence(sentence: sentence)) }
            return
        }
        tagger.tag(sentences, in: document, each: body)
    }

    /// The document's units as records of the JSON contract, labels from the tagger's scheme.
    public func records(for document: Document) -> [SentenceRecord] {
        let parts = parts(of: document, unitsPerPart: Int.max, parallel: false)
        return parts.partCount == 0 ? [] : records(for: parts, part: 0)
    }

    /// Segments `document` (on all cores when `parallel`) and cuts its units into runs of
    /// `unitsPerPart` that `records(for:part:)` tags independently: tagging is per unit, so the
    /// runs can be tagged on several cores and handed to a writer in order while later runs are
    /// still being tagged.
    public func parts(of document: Document, unitsPerPart: Int = 8192, parallel: Bool = true) -> DocumentParts {
        let sentences = segmenter.sentences(in: document, parallel: parallel)
        return DocumentParts(document: document, sentences: sentences, unitsPerPart: unitsPerPart)
    }

    /// The records of one run of `parts`: its units tagged, offsets in scalars of the whole
    /// document and indexes counted from the document's first unit.
    public func records(for parts: DocumentParts, part: Int) -> [SentenceRecord] {
        records(of: Array(parts.units(ofPart: part)), in: parts.document, from: parts.start(ofPart: part))
    }

    /// `document` cut, without segmenting it yet, into chunks of about `bytesPerChunk` bytes
    /// that `records(for:chunk:)` segments and tags on their own: a writer can store the first
    /// chunk's units while the others are still being segmented, where `parts(of:)` has to
    /// segment the whole document first. Cuts fall where no unit can run across (after a blank
    /// line, between blocks), so the chunks' units are the document's.
    public func chunks(of document: Document, bytesPerChunk: Int = 1 << 20) -> DocumentChunks {
        DocumentChunks(document: document, segmenter: segmenter, size: max(1, bytesPerChunk))
    }

    /// The records of chunk `chunk`: its units segmented and tagged, offsets in scalars of the
    /// whole document, and indexes counted from 0 at the chunk's first unit (the caller adds
    /// the number of units in the chunks before it).
    public func records(for chunks: DocumentChunks, chunk: Int) -> [SentenceRecord] {
        let units = segmenter.sentences(in: chunks.document, part: chunks.parts[chunk])
        return records(of: units, in: chunks.document, from: chunks.starts[chunk])
    }

    private func records(of units: [Sentence], in document: Document, from start: (byte: Int, scalar: Int))
        -> [SentenceRecord]
    {
        guard let tagger, let labels else {
            return SentenceRecord.records(
                for: units.map { TaggedSentence(sentence: $0) }, in: document, includeMentions: false, from: start)
        }
        return SentenceRecord.records(for: tagger.tag(units, in: document), in: document, from: start) {
            labels[$0] ?? $0
        }
    }
}

/// A document cut into chunks that segment on their own: see
/// `DocumentAnnotator.chunks(of:)`.
public struct DocumentChunks: Sendable {
    /// The document.
    public let document: Document
    /// The chunks, as parts of the segmenter.
    let parts: [SentenceSegmenter.Part]
    /// Where each chunk starts: a byte no unit of the chunk starts before, and its scalar
    /// offset.
    let starts: [(byte: Int, scalar: Int)]

    init(document: Document, segmenter: SentenceSegmenter, size: Int) {
        self.document = document
        parts = segmenter.parts(of: document, size: size)
        let bytes = parts.map { segmenter.firstByte(of: $0, in: document) }
        // The scalar offsets in one pass over the text, at ascending positions.
        let positions = Array(Set(bytes)).sorted()
        var text = document.text
        let scalars = text.withUTF8 { ScalarOffsetCursor.scalarOffsets(ofBytes: positions, in: $0) }
        let scalarAt = Dictionary(uniqueKeysWithValues: zip(positions, scalars))
        starts = bytes.map { ($0, scalarAt[$0] ?? 0) }
    }

    /// The number of chunks (0 for a document without text).
    public var count: Int { parts.count }
}

/// A segmented document whose units are cut into runs for tagging: see
/// `DocumentAnnotator.parts(of:unitsPerPart:parallel:)`.
public struct DocumentParts: Sendable {
    /// The document.
    public let document: Document
    /// Its units, numbered from 0.
    let sentences: [Sentence]
    /// Units per run (the last run may hold fewer).
    let unitsPerPart: Int

    /// The scalar offset of each run's first unit, so each run's offsets are counted from
    /// where it starts, not from the start of the document.
    let scalarStarts: [Int]

    init(document: Document, sentences: [Sentence], unitsPerPart: Int) {
        self.document = document
        self.sentences = sentences
        let unitsPerPart = max(1, unitsPerPart)
        self.unitsPerPart = unitsPerPart
        let firstBytes = stride(from: 0, to: sentences.count, by: unitsPerPart).map { sentences[$0].range.lowerBound }
        if firstBytes.count > 1 {
            var text = document.text
            scalarStarts = text.withUTF8 { ScalarOffsetCursor.scalarOffsets(ofBytes: firstBytes, in: $0) }
        } else {
            scalarStarts = []
        }
    }

    /// The units of run `part`.
    public func units(ofPart part: Int) -> ArraySlice<Sentence> {
        sentences[range(ofPart: part)]
    }

    /// Where counting starts for run `part`: the byte of its first unit and its scalar offset.
    public func start(ofPart part: Int) -> (byte: Int, scalar: Int) {
        guard scalarStarts.indices.contains(part) else { return (0, 0) }
        return (sentences[part * unitsPerPart].range.lowerBound, scalarStarts[part])
    }

    /// The number of units in the document.
    public var unitCount: Int { sentences.count }

    /// The number of runs.
    public var partCount: Int {
        sentences.isEmpty ? 0 : (sentences.count - 1) / unitsPerPart + 1
    }

    /// The unit indexes of run `part`.
    func range(ofPart part: Int) -> Range<Int> {
        let (first, overflow) = part.multipliedReportingOverflow(by: unitsPerPart)
        let lower = overflow ? sentences.count : min(first, sentences.count)
        return lower..<(lower + min(unitsPerPart, sentences.count - lower))
    }
}
