import Dispatch

extension SentenceRecord {
    /// Converts a document's tagged units into records, turning UTF-8 byte offsets into scalar
    /// offsets in one forward pass over the text.
    ///
    /// - Parameters:
    ///   - tagged: the document's units with their mentions, in document order.
    ///   - document: the document they point into.
    ///   - includeMentions: false for plain segmentation (records carry no `mentions`).
    ///   - start: a byte at or before the first unit, with its scalar offset: where counting
    ///     starts, so a run from the middle of a long document is not counted from its start.
    ///   - label: the preferred label of a concept id.
    public static func records(
        for tagged: [TaggedSentence], in document: Document, includeMentions: Bool = true,
        from start: (byte: Int, scalar: Int) = (0, 0), label: (String) -> String = { $0 }
    ) -> [SentenceRecord] {
        var text = document.text
        return text.withUTF8 { bytes in
            var offsets = ScalarOffsetCursor(bytes, byte: start.byte, scalar: start.scalar)
            var records: [SentenceRecord] = []
            records.reserveCapacity(tagged.count)
            for unit in tagged {
                let range = unit.sentence.range
                let start = offsets.scalarOffset(ofByte: range.lowerBound)
                var mentions: [MentionRecord]? = nil
                if includeMentions {
                    mentions = unit.mentions.map { record(for: $0, bytes: bytes, offsets: &offsets, label: label) }
                }
                let end = offsets.scalarOffset(ofByte: range.upperBound)
                records.append(
                    SentenceRecord(
                        document: document.name, index: unit.sentence.index, start: start, end: end,
                        kind: unit.sentence.kind, text: string(bytes, range), mentions: mentions))
            }
            return records
        }
    }

    private static func record(
        for mention: Mention, bytes: UnsafeBufferPointer<UInt8>, offsets: inout ScalarOffsetCursor,
        label: (String) -> String
    ) -> MentionRecord {
        let start = offsets.scalarOffset(ofByte: mention.range.lowerBound)
        let end = offsets.scalarOffset(ofByte: mention.range.upperBound)
        let nested = mention.nested.map { record(for: $0, bytes: bytes, offsets: &offsets, label: label) }
        return MentionRecord(
            concept: mention.concept, label: label(mention.concept), start: start, end: end,
            text: string(bytes, mention.range), negated: mention.isNegated, hedged: mention.isHedged,
            attributed: mention.isAttributed, term: mention.provenance?.term,
            variant: mention.provenance?.variant, nested: nested)
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

/// Turns UTF-8 byte offsets into Unicode scalar offsets, walking from the last answer, so a
/// sequence of nearby requests costs the bytes between them.
public struct ScalarOffsetCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var byte = 0
    private var scalar = 0

    /// Creates a cursor at the start of `bytes`.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Creates a cursor at byte `byte` (a scalar boundary), which is scalar `scalar`: where a
    /// worker that writes one piece of a document starts.
    public init(_ bytes: UnsafeBufferPointer<UInt8>, byte: Int, scalar: Int) {
        self.bytes = bytes
        self.byte = byte
        self.scalar = scalar
    }

    /// The continuation bytes (10xxxxxx: bit 7 set, bit 6 clear) among the eight of `word`;
    /// every other byte starts a scalar.
    @inline(__always)
    private static func continuations(_ word: UInt64) -> Int {
        (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    /// The scalar offset of each of `positions` (ascending scalar boundaries), the stretches
    /// between them counted on all cores.
    public static func scalarOffsets(ofBytes positions: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var counts = [Int](repeating: 0, count: positions.count)
        counts.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            nonisolated(unsafe) let bytes = bytes
            DispatchQueue.concurrentPerform(iterations: positions.count) { k in
                slots[k] = scalarCount(bytes, from: k == 0 ? 0 : positions[k - 1], to: positions[k])
            }
        }
        var total = 0
        for k in counts.indices {
            total += counts[k]
            counts[k] = total
        }
        return counts
    }

    /// The number of scalars that start in `bytes[from..<to]`.
    public static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var cursor = ScalarOffsetCursor(bytes, byte: from, scalar: 0)
        return cursor.scalarOffset(ofByte: to)
    }

    /// The number of scalars that start before byte `target`.
    public mutating func scalarOffset(ofByte target: Int) -> Int {
        if byte < target, let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            // Thirty-two ASCII bytes at once: most text is ASCII, and ASCII bytes are scalars.
            while byte + 32 <= target {
                let a = raw.loadUnaligned(fromByteOffset: byte, as: UInt64.self)
                let b = raw.loadUnaligned(fromByteOffset: byte + 8, as: UInt64.self)
                let c = raw.loadUnaligned(fromByteOffset: byte + 16, as: UInt64.self)
                let d = raw.loadUnaligned(fromByteOffset: byte + 24, as: UInt64.self)
                scalar += 32
                if (a | b | c | d) & 0x8080_8080_8080_8080 != 0 {
                    scalar -= Self.continuations(a) + Self.continuations(b) + Self.continuations(c) + Self.continuations(d)
                }
                byte += 32
            }
            while byte + 8 <= target {
                scalar += 8 - Self.continuations(raw.loadUnaligned(fromByteOffset: byte, as: UInt64.self))
                byte += 8
            }
        }
        while byte < target {
            if bytes[byte] & 0xC0 != 0x80 { scalar += 1 }
            byte += 1
        }
        while byte > target {
            byte -= 1
            if bytes[byte] & 0xC0 != 0x80 { scalar -= 1 }
        }
        return scalar
    }
}
