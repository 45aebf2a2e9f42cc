import AnnotextCore

/// Reads Markdown line by line into extracted text: headings (`#`..`######`, also `##Title`
/// without the space, and setext underlines), paragraphs, list items and block quotes.
///
/// Marks are dropped and their text kept: emphasis, links (their text), inline code (its
/// text), HTML tags. Bullet marks (`-`, `*`, `+`) go; ordered-list numbers (`1.`) and labels
/// such as `(i)` stay, since the label belongs to the item. Fenced code blocks are left out:
/// code is not prose, and its "sentences" would only add noise to the corpus.
struct MarkdownReader {
    private struct Pending {
        var kind: BlockKind = .paragraph
        var lines: [Substring] = []
        var headingLevel = 0
    }

    /// Reads decoded Markdown `source` named `name`.
    func read(_ source: String, name: String) -> Document {
        var builder = TextBuilder(capacity: source.utf8.count)
        var pending = Pending()
        var title: (level: Int, text: String)?
        var fence: Substring?
        var inComment = false

        func flush() {
            guard !pending.lines.isEmpty else { pending = Pending(); return }
            let joined = pending.lines.joined(separator: " ")
            let text = MarkdownInline.plainText(joined)
            let before = builder.blocks.count
            builder.append(text, kind: pending.kind)
            builder.boundary()
            // The title is the first heading of the highest level.
            if pending.kind == .heading, builder.blocks.count > before, pending.headingLevel < title?.level ?? 7 {
                title = (pending.headingLevel, MarkdownInline.collapsed(text))
            }
            pending = Pending()
        }

        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            var t = line.drop { $0 == " " || $0 == "\t" }
            if let marker = fence {
                if t.hasPrefix(marker) { fence = nil }
                continue
            }
            if inComment {
                if t.contains("-->") { inComment = false }
                continue
            }
            // Block quotes: the marks go, the content is read like any other line.
            while t.hasPrefix(">") { t = t.dropFirst().drop { $0 == " " || $0 == "\t" } }
            if t.isEmpty { flush(); continue }
            if t.hasPrefix("```") || t.hasPrefix("~~~") {
                flush()
                fence = t.prefix(3)
                continue
            }
            if t.hasPrefix("<!--") {
                flush()
                if !t.dropFirst(4).contains("-->") { inComment = true }
                continue
            }
            if let (level, text) = MarkdownInline.atxHeading(t) {
                flush()
                pending = Pending(kind: .heading, lines: [text], headingLevel: level)
                flush()
                continue
            }
            if MarkdownInline.isUnderline(t, of: "="), !pending.lines.isEmpty, pending.kind == .paragraph {
                pending.kind = .heading
                pending.headingLevel = 1
                flush()
                continue
            }
            if MarkdownInline.isUnderline(t, of: "-"), !pending.lines.isEmpty, pending.kind == .paragraph {
                pending.kind = .heading
                pending.headingLevel = 2
                flush()
                continue
            }
            if MarkdownInline.isThematicBreak(t) || MarkdownInline.isReferenceDefinition(t) || MarkdownInline.isTableRule(t) {
                flush()
                continue
            }
            if let item = MarkdownInline.listItem(t) {
                flush()
                pending = Pending(kind: .listItem, lines: [item])
                continue
            }
            if t.hasPrefix("|") {
                flush()
                pending = Pending(kind: .paragraph, lines: [Substring(t.replacingOccurrences(of: "|", with: " "))])
                flush()
                continue
            }
            if MarkdownInline.startsWithTag(t) {
                // A line of HTML (`<meta ...>`, `<div>`) leaks no tag; its text, if any, is kept.
                let text = MarkdownInline.plainText(t)
                if text.allSatisfy({ $0 == " " || $0 == "\t" }) {
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

extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation in this module).
    func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}

extension Substring {
    func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
