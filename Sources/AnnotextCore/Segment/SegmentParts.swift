import Dispatch

/// Segmentation of one large document on every core: the text is cut where a unit can never
/// run across — after a blank line in plain text, between blocks otherwise — the parts are
/// segmented at once, and their units are joined and numbered. The result is the serial one,
/// unit for unit, because no rule of the segmenter looks across a blank line or a block edge.
extension SentenceSegmenter {
    /// Below this many bytes a part is not worth a thread of its own.
    static let partBytes = 1 << 20

    /// The units of `document`, as `sentences(in:)` gives them; with `parallel`, a document of
    /// more than a couple of megabytes is segmented in parts on all cores.
    public func sentences(in document: Document, parallel: Bool) -> [Sentence] {
        guard parallel, document.text.utf8.count >= 2 * Self.partBytes else { return sentences(in: document) }
        return sentences(in: document, partBytes: Self.partBytes)
    }

    /// The units of `document` segmented in parts of about `partBytes` bytes at once.
    func sentences(in document: Document, partBytes: Int) -> [Sentence] {
        let parts = parts(of: document, size: partBytes)
        guard parts.count > 1 else { return sentences(in: document) }
        var results = [[Sentence]](repeating: [], count: parts.count)
        results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: parts.count) { k in
                slots[k] = sentences(in: document, part: parts[k])
            }
        }
        var units: [Sentence] = []
        units.reserveCapacity(results.reduce(0) { $0 + $1.count })
        for part in results {
            for var unit in part {
                unit.index = units.count
                units.append(unit)
            }
        }
        return units
    }

    /// `document` cut into parts of about `size` bytes that segment on their own.
    func parts(of document: Document, size: Int) -> [Part] {
        var text = document.text
        return text.withUTF8 { bytes in
            document.blocks.isEmpty
                ? Self.plainTextParts(bytes, size: size) : Self.blockParts(document.blocks, size: size)
        }
    }

    /// The units of one part of `document`, numbered from 0 within the part (the scanner
    /// numbers them); their ranges are byte offsets in the whole document.
    func sentences(in document: Document, part: Part) -> [Sentence] {
        var text = document.text
        return text.withUTF8 { bytes in
            var scanner = BoundaryScanner(bytes, abbreviations: abbreviations)
            switch part {
            case .text(let range):
                scanner.units.reserveCapacity(range.count / 96 + 4)
                scanner.segmentPlainText(range.lowerBound, range.upperBound)
            case .blocks(let range):
                for block in document.blocks[range] {
                    let lower = min(max(block.range.lowerBound, 0), bytes.count)
                    let upper = min(max(block.range.upperBound, lower), bytes.count)
                    scanner.segmentBlock(lower, upper, kind: block.kind)
                }
            }
            return scanner.units
        }
    }

    /// The first byte of `part` of `document`: no unit of the part starts before it.
    func firstByte(of part: Part, in document: Document) -> Int {
        switch part {
        case .text(let range): return range.lowerBound
        case .blocks(let range):
            let first = document.blocks[range].lazy.map(\.range.lowerBound).min() ?? 0
            return min(max(first, 0), document.text.utf8.count)
        }
    }

    /// A piece of a document that is segmented on its own.
    enum Part: Sendable {
        /// Plain text from a line start to just after a blank line (or the end).
        case text(Range<Int>)
        /// A run of the document's blocks, by index.
        case blocks(Range<Int>)
    }

    /// Plain text cut into parts of about `size` bytes, each cut just after the first blank
    /// line at or after its target; text without blank lines stays one part.
    static func plainTextParts(_ p: UnsafeBufferPointer<UInt8>, size: Int) -> [Part] {
        var parts: [Part] = []
        var start = 0
        while start < p.count {
            guard let cut = cutAfterBlankLine(p, from: start + size), cut < p.count else { break }
            parts.append(.text(start..<cut))
            start = cut
        }
        if start < p.count { parts.append(.text(start..<p.count)) }
        return parts
    }

    /// The start of the line after the first blank line that starts at or after `i`, if any.
    static func cutAfterBlankLine(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        guard i < p.count else { return nil }
        // The first line start at or after `i`.
        var lineStart = i == 0 || p[i - 1] == 0x0A ? i : BoundaryScanner.lineEnd(p, i, p.count) + 1
        while lineStart < p.count {
            let lineEnd = BoundaryScanner.lineEnd(p, lineStart, p.count)
            if lineEnd < p.count, SegmentBytes.skipSpace(p, lineStart, lineEnd) == lineEnd { return lineEnd + 1 }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// Blocks grouped into parts of about `size` bytes of text.
    static func blockParts(_ blocks: [Block], size: Int) -> [Part] {
        var parts: [Part] = []
        var first = 0
        var bytes = 0
        for k in blocks.indices {
            bytes += max(blocks[k].range.count, 0)
            if bytes >= size {
                parts.append(.blocks(first..<(k + 1)))
                first = k + 1
                bytes = 0
            }
        }
        if first < blocks.count { parts.append(.blocks(first..<blocks.count)) }
        return parts
    }
}
