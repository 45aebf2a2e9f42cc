import AnnotextCore

/// Reads Markdown line by line into extracted text: headings (`#`..`######`, also `##Title`
/// without the space, and setext underlines), paragraphs, list items and block quotes.
///
/// Marks are dropped and their text kept: emphasis, links (their text), inline code (its
/// text), HTML tags. Bullet marks (`-`, `*`, `+`) go; ordered-list numbers (`1.`) and labels
/// such as `(i)` stay, since the label belongs to the item. Fenced code blocks are left out:
/// code is not prose, and its "sentences" would only add noise to the corpus.
struct MarkdownReader {
    typealias Line = ArraySlice<UInt8>

    private struct Pending {
        var kind: BlockKind = .paragraph
        var lines: [Line] = []
        var headingLevel = 0
    }

    /// Reads decoded Markdown `source` named `name`. Lines are handled as UTF-8 bytes: every
    /// Markdown mark is ASCII, and byte slices avoid the cost of walking Characters.
    func read(_ source: String, name: String) -> Document {
        let bytes = Array(source.utf8)
        var builder = TextBuilder(capacity: bytes.count)
        var pending = Pending()
        var title: (level: Int, text: String)?
        var fence: Line?
        var inComment = false

        func flush() {
            guard !pending.lines.isEmpty else {
                pending = Pending()
                return
            }
            var joined: [UInt8] = []
            for (index, line) in pending.lines.enumerated() {
                if index > 0 { joined.append(0x20) }
                joined.append(contentsOf: line)
            }
            let text = MarkdownInline.plainText(joined[...])
            let before = builder.blocks.count
            text.withUnsafeBufferPointer { builder.append($0, kind: pending.kind) }
            builder.boundary()
            // The title is the first heading of the highest level.
            if pending.kind == .heading, let block = builder.blocks.last, builder.blocks.count > before,
                pending.headingLevel < title?.level ?? 7
            {
                title = (pending.headingLevel, String(decoding: builder.bytes[block.range], as: UTF8.self))
            }
            pending = Pending()
        }

        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var line = bytes[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            if line.last == 0x0D { line = line.dropLast() }
            var t = MarkdownInline.trimmingLeadingSpace(line)
            if let marker = fence {
                if t.starts(with: marker) { fence = nil }
                continue
            }
            if inComment {
                if MarkdownInline.contains(t, "-->") { inComment = false }
                continue
            }
            // Block quotes: the marks go, the content is read like any other line.
            while t.first == UInt8(ascii: ">") { t = MarkdownInline.trimmingLeadingSpace(t.dropFirst()) }
            if t.isEmpty {
                flush()
                continue
            }
            if t.starts(with: MarkdownInline.backtickFence) || t.starts(with: MarkdownInline.tildeFence) {
                flush()
                fence = t.prefix(3)
                continue
            }
            if t.starts(with: MarkdownInline.commentOpen) {
                flush()
                if !MarkdownInline.contains(t.dropFirst(4), "-->") { inComment = true }
                continue
            }
            if let (level, text) = MarkdownInline.atxHeading(t) {
                flush()
                pending = Pending(kind: .heading, lines: [text], headingLevel: level)
                flush()
                continue
            }
            if !pending.lines.isEmpty, pending.kind == .paragraph {
                if MarkdownInline.isUnderline(t, of: UInt8(ascii: "="))
                    || MarkdownInline.isUnderline(t, of: UInt8(ascii: "-"))
                {
                    pending.kind = .heading
                    pending.headingLevel = t.first == UInt8(ascii: "=") ? 1 : 2
                    flush()
                    continue
                }
            }
            if MarkdownInline.isThematicBreak(t) || MarkdownInline.isReferenceDefinition(t)
                || MarkdownInline.isTableRule(t)
            {
                flush()
                continue
            }
            if let item = MarkdownInline.listItem(t) {
                flush()
                pending = Pending(kind: .listItem, lines: [item])
                continue
            }
            if t.first == UInt8(ascii: "|") {
                // A table row is a block of its own; the cell bars become spaces.
                flush()
                pending = Pending(kind: .paragraph, lines: [t.map { $0 == UInt8(ascii: "|") ? 0x20 : $0 }[...]])
                flush()
                continue
            }
            if MarkdownInline.startsWithTag(t) {
                // A line of HTML (`<meta ...>`, `<div>`) leaks no tag; its text, if any, is kept.
                let text = MarkdownInline.plainText(t)
                if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    flush()
                    continue
                }
            }
            pending.lines.append(t)
        }
        flush()
        let (text, blocks) = builder.finish()
        return Document(name: name, title: title?.text, format: .markdown, text: text, blocks: blocks)
    }
}
