import AnnotextCore

/// Builds extracted text from pieces of markup text: blocks joined by a blank line, white-space
/// runs inside a block collapsed to one space, each block's UTF-8 byte range recorded.
///
/// Readers feed it text and boundaries as they walk their markup; they never compute offsets
/// themselves, so every `Block.range` is right by construction.
struct TextBuilder {
    private(set) var bytes: [UInt8] = []
    private(set) var blocks: [Block] = []
    private var blockStart: Int?
    private var kind: BlockKind = .paragraph
    private var pendingSpace = false
    private var pendingBreak = false
    private var pendingNewlines = 0
    private var headingCandidate = false

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Whether the current block has text yet.
    var isInsideBlock: Bool { blockStart != nil }

    /// Ends the current block, if it has text; the next text starts a new one.
    mutating func boundary() {
        if let start = blockStart {
            var kind = kind
            if headingCandidate, kind == .paragraph, looksLikeHeading(start..<bytes.count) { kind = .heading }
            blocks.append(Block(kind: kind, range: start..<bytes.count))
        }
        blockStart = nil
        headingCandidate = false
        pendingSpace = false
        pendingBreak = false
        pendingNewlines = 0
    }

    /// Marks the current paragraph as styled like a heading: it becomes a heading block if it
    /// turns out short and without a sentence end.
    mutating func markHeadingCandidate() {
        if blockStart != nil { headingCandidate = true }
    }

    private func looksLikeHeading(_ range: Range<Int>) -> Bool {
        guard range.count <= 120, let last = bytes[range].last else { return false }
        return last != UInt8(ascii: ".") && last != UInt8(ascii: ",") && last != UInt8(ascii: ";")
    }

    /// A line break inside the block (`<br>`, a `<lb/>`), written as "\n" if text follows.
    mutating func lineBreak() {
        if blockStart != nil { pendingBreak = true }
    }

    /// Appends text to the current block (opening one of `kind` if needed), collapsing white
    /// space. In `preformatted` text a line end is kept as "\n" and a blank line ends the block.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, kind: BlockKind, preformatted: Bool = false) {
        var i = 0
        let n = text.count
        while i < n {
            let byte = text[i]
            switch byte {
            case 0x20, 0x09, 0x0B, 0x0C, 0x0D:
                pendingSpace = true
                i += 1
                continue
            case 0x0A:
                pendingSpace = true
                if preformatted { pendingNewlines += 1 }
                i += 1
                continue
            case 0xC2 where i + 1 < n && text[i + 1] == 0xA0:
                // A no-break space separates words like any other space in extracted text.
                pendingSpace = true
                i += 2
                continue
            default:
                break
            }
            // Copy the run of non-space bytes in one go.
            var j = i + 1
            while j < n {
                let b = text[j]
                if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C { break }
                if b == 0xC2 && j + 1 < n && text[j + 1] == 0xA0 { break }
                j += 1
            }
            openOrSeparate(kind: kind)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[i..<j]))
            i = j
        }
    }

    /// Appends a Swift string (Markdown, titles): same rules as the byte form.
    mutating func append(_ text: String, kind: BlockKind) {
        var text = text
        text.withUTF8 { append($0, kind: kind) }
    }

    private mutating func openOrSeparate(kind newKind: BlockKind) {
        if blockStart != nil, pendingNewlines >= 2 {
            boundary()
        }
        if blockStart == nil {
            if !bytes.isEmpty {
                bytes.append(0x0A)
                bytes.append(0x0A)
            }
            blockStart = bytes.count
            kind = newKind
        } else if pendingBreak || pendingNewlines == 1 {
            bytes.append(0x0A)
        } else if pendingSpace {
            bytes.append(0x20)
        }
        pendingSpace = false
        pendingBreak = false
        pendingNewlines = 0
    }

    /// Ends the last block and returns the text and its blocks.
    mutating func finish() -> (text: String, blocks: [Block]) {
        boundary()
        if let text = String(validating: bytes, as: UTF8.self) { return (text, blocks) }
        return UTF8Repair.repair(bytes, blocks: blocks)
    }
}
