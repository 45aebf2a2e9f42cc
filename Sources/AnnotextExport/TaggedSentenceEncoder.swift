import AnnotextCore

/// The encoder of one piece of a document for `TaggedSentenceWriter`: a value each worker copies
/// from the writer's template (the scheme's labels are shared, not copied), so the per-unit work
/// runs on a local struct with no locks and no exclusivity checks on class properties.
struct TaggedSentenceEncoder {
    let layout: SentenceRecordWriter.Layout
    let includesMentions: Bool
    let includesProvenance: Bool
    /// Concept ids by index in the writer's scheme.
    let conceptIDs: [String]
    /// Whether mentions' concept indexes are known to index `conceptIDs` (the tagger's scheme
    /// is the writer's): then a mention's id is neither read nor compared, which with many
    /// mentions on all cores would make them fight over the id strings' reference counts.
    var trustsConceptIndexes = false
    /// Preferred labels by concept id (the first of a repeated id).
    let labels: [String: String]
    /// Units written so far.
    var count = 0
    /// The output not yet handed to the sink.
    var out = JSONBytes(capacity: 0)
    /// A unit's mentions, written before its `end` and `text` because the offset cursor walks in
    /// text order.
    var mentionBytes = JSONBytes(capacity: 0)
    /// `{"concept":…,"label":…,"start":` of each concept, one after the other, made on first use.
    private var prefixStore: [UInt8] = []
    /// Where each concept's prefix starts in `prefixStore` (-1: not made yet), and ends.
    private var prefixRanges: [(start: Int32, end: Int32)]

    init(layout: SentenceRecordWriter.Layout, includesMentions: Bool, includesProvenance: Bool, scheme: ConceptScheme?) {
        self.layout = layout
        self.includesMentions = includesMentions
        self.includesProvenance = includesProvenance
        let concepts = includesMentions ? scheme?.concepts ?? [] : []
        conceptIDs = concepts.map(\.id)
        labels = Dictionary(concepts.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        prefixRanges = Array(repeating: (-1, -1), count: concepts.count)
    }

    /// Writes one unit: `documentPrefix` is `{"document":NAME,"index":`.
    mutating func writeUnit(
        _ unit: TaggedSentence, documentPrefix: UnsafeBufferPointer<UInt8>, bytes: UnsafeBufferPointer<UInt8>,
        offsets: inout ScalarOffsetCursor
    ) {
        if layout == .array { out.append(count == 0 ? "[\n" : ",\n") }
        count += 1
        let range = unit.sentence.range
        out.append(documentPrefix)
        out.appendInteger(unit.sentence.index)
        out.append(",\"start\":")
        out.appendInteger(offsets.scalarOffset(ofByte: range.lowerBound))
        let hasMentions = includesMentions && unit.mentionCount > 0
        if hasMentions {
            mentionBytes.bytes.removeAll(keepingCapacity: true)
            if let entries = unit.mentionEntries {
                writeEntries(entries, bytes: bytes, offsets: &offsets)
            } else {
                writeMentions(unit.mentions, bytes: bytes, offsets: &offsets)
            }
        }
        out.append(",\"end\":")
        out.appendInteger(offsets.scalarOffset(ofByte: range.upperBound))
        out.append(",\"kind\":\"")
        out.append(Self.kindBytes(unit.sentence.kind))
        out.append("\",\"text\":")
        out.appendString(UnsafeBufferPointer(rebasing: bytes[range]))
        if hasMentions {
            out.append(",\"mentions\":[")
            out.append(mentionBytes.bytes)
            out.append("]}")
        } else {
            out.append(includesMentions ? ",\"mentions\":[]}" : "}")
        }
        if layout == .lines { out.bytes.append(0x0A) }
    }

    private mutating func writeMentions(
        _ mentions: [Mention], bytes: UnsafeBufferPointer<UInt8>, offsets: inout ScalarOffsetCursor
    ) {
        // Fields are read in place: copying a whole mention would retain what it holds.
        for i in mentions.indices {
            if i > 0 { mentionBytes.append(",") }
            writeFields(
                conceptIndex: mentions[i].conceptIndex, concept: mentions[i].concept, range: mentions[i].range,
                negated: mentions[i].isNegated, hedged: mentions[i].isHedged, attributed: mentions[i].isAttributed,
                provenance: mentions[i].provenance, bytes: bytes, offsets: &offsets)
            if !mentions[i].nested.isEmpty {
                mentionBytes.append(",\"nested\":[")
                writeMentions(mentions[i].nested, bytes: bytes, offsets: &offsets)
                mentionBytes.append("]")
            }
            mentionBytes.append("}")
        }
    }

    /// The same JSON as `writeMentions` for the tagger's flat entries: each top-level entry is
    /// followed by the ones nested in it.
    private mutating func writeEntries(
        _ entries: MentionEntries, bytes: UnsafeBufferPointer<UInt8>, offsets: inout ScalarOffsetCursor
    ) {
        var index = 0
        while index < entries.count {
            if index > 0 { mentionBytes.append(",") }
            let nestedCount = writeEntry(entries, index, bytes: bytes, offsets: &offsets)
            if nestedCount > 0 {
                mentionBytes.append(",\"nested\":[")
                for inner in (index + 1)..<(index + 1 + nestedCount) {
                    if inner > index + 1 { mentionBytes.append(",") }
                    _ = writeEntry(entries, inner, bytes: bytes, offsets: &offsets)
                    mentionBytes.append("}")
                }
                mentionBytes.append("]")
            }
            mentionBytes.append("}")
            index += 1 + nestedCount
        }
    }

    /// Writes the fields of entry `index` (without its closing brace); returns its nested count.
    private mutating func writeEntry(
        _ entries: MentionEntries, _ index: Int, bytes: UnsafeBufferPointer<UInt8>, offsets: inout ScalarOffsetCursor
    ) -> Int {
        let entry = entries[index]
        writeFields(
            conceptIndex: entry.concept, concept: entries.concept(of: entry), range: entry.range,
            negated: entry.isNegated, hedged: entry.isHedged, attributed: entry.isAttributed,
            provenance: entries.provenance(of: entry), bytes: bytes, offsets: &offsets)
        return entry.nestedMentionCount
    }

    /// A mention's fields up to its `nested` array; the strings are only made when needed.
    private mutating func writeFields(
        conceptIndex: Int?, concept: @autoclosure () -> String, range: Range<Int>, negated: Bool, hedged: Bool,
        attributed: Bool, provenance: @autoclosure () -> Provenance?, bytes: UnsafeBufferPointer<UInt8>,
        offsets: inout ScalarOffsetCursor
    ) {
        if trustsConceptIndexes, let conceptIndex, conceptIndex < conceptIDs.count {
            appendConceptPrefix(index: conceptIndex)
        } else {
            appendConceptPrefix(concept: concept(), index: conceptIndex)
        }
        mentionBytes.appendInteger(offsets.scalarOffset(ofByte: range.lowerBound))
        mentionBytes.append(",\"end\":")
        mentionBytes.appendInteger(offsets.scalarOffset(ofByte: range.upperBound))
        mentionBytes.append(",\"text\":")
        mentionBytes.appendString(UnsafeBufferPointer(rebasing: bytes[range]))
        mentionBytes.append(negated ? ",\"negated\":true" : ",\"negated\":false")
        if hedged { mentionBytes.append(",\"hedged\":true") }
        if attributed { mentionBytes.append(",\"attributed\":true") }
        if includesProvenance, let provenance = provenance() {
            mentionBytes.append(",\"term\":")
            mentionBytes.appendString(provenance.term)
            mentionBytes.append(",\"variant\":")
            mentionBytes.appendString(provenance.variant)
        }
    }

    /// Appends the escaped `concept` and `label` fields, cached by the concept's index in the
    /// scheme (checked against the id, in case the mention came from another lexicon).
    private mutating func appendConceptPrefix(concept: String, index: Int?) {
        guard let index, index < conceptIDs.count, conceptIDs[index] == concept else {
            mentionBytes.append(makePrefix(concept))
            return
        }
        appendConceptPrefix(index: index)
    }

    /// Appends the cached prefix of the concept at `index` of the scheme, made on first use.
    private mutating func appendConceptPrefix(index: Int) {
        var range = prefixRanges[index]
        if range.start < 0 {
            let start = prefixStore.count
            prefixStore.append(contentsOf: makePrefix(conceptIDs[index]))
            range = (Int32(start), Int32(prefixStore.count))
            prefixRanges[index] = range
        }
        prefixStore.withUnsafeBufferPointer { store in
            mentionBytes.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: store[Int(range.start)..<Int(range.end)]))
        }
    }

    private func makePrefix(_ concept: String) -> [UInt8] {
        var prefix = JSONBytes(capacity: 64)
        prefix.append("{\"concept\":")
        prefix.appendString(concept)
        prefix.append(",\"label\":")
        prefix.appendString(labels[concept] ?? concept)
        prefix.append(",\"start\":")
        return prefix.bytes
    }

    private static func kindBytes(_ kind: UnitKind) -> StaticString {
        switch kind {
        case .sentence: return "sentence"
        case .heading: return "heading"
        case .listItem: return "list-item"
        case .option: return "option"
        }
    }
}
