/// Judges how a block is laid out, and so which of its single line breaks end a unit.
///
/// A block is either *hard-wrapped prose* — lines of similar length, at most about 110
/// characters, running on into the next (`Yet the\nConcert of Europe`) — where a line break is
/// white space like any other, or *laid out line by line* (treaty articles, outline points,
/// quiz options, one paragraph per line), where a line break ends the unit unless the next
/// line plainly continues it (it starts in lower case after a line that ends no sentence).
enum LineLayout {
    /// Whether the lines of one block are hard-wrapped prose.
    static func isHardWrapped(_ lines: [LayoutLine]) -> Bool {
        guard lines.count >= 2 else { return false }
        var longest = 0
        for line in lines where !line.isRule { longest = max(longest, line.length) }
        guard longest >= 40 && longest <= 110 else { return false }
        var runOn = 0
        var stops = 0
        for k in 0..<(lines.count - 1) {
            let line = lines[k]
            let next = lines[k + 1]
            if line.isRule || next.isRule || opensItem(lines, after: k, longest: longest) || line.isBareLabel {
                stops += 1
            } else if (line.hasLeadTerm && next.hasLeadTerm) || line.isHeadingLike {
                stops += 1  // glossary entries or a heading, one per line
            } else if !line.endsSentence && !line.endsClause && (next.startsLower || line.endsRunOn) {
                runOn += 1
            } else if line.endsSentence || line.endsClause || line.isHeadingLike {
                stops += 1
            } else if line.length * 10 < longest * 6 {
                stops += 1  // a short line before a capital: one entry per line
            } else if line.length * 20 >= longest * 17 {
                runOn += 1  // a line that fills the measure and ends no sentence: wrapped
            }
        }
        // Wrapped lines fill the measure (or plainly run on): most lines but the last.
        var full = 0
        for line in lines.dropLast() where line.length * 10 >= longest * 6 || line.endsRunOn { full += 1 }
        return runOn > 0 && runOn * 2 >= stops && full * 2 >= lines.count - 1
    }

    /// Whether the line after `lines[k]` opens a list item: it says so itself (a bullet, or a
    /// label after a line that closes something), or it and the line after it both start with
    /// labels of one style — a run of items (`1. to take …` / `2. to develop …`).
    static func opensItem(_ lines: [LayoutLine], after k: Int, longest: Int) -> Bool {
        let next = lines[k + 1]
        if lines[k].isFollowed(byItem: next, longest: longest) { return true }
        guard next.startsWeakLabel, k + 2 < lines.count else { return false }
        return lines[k + 2].labelStyle == next.labelStyle
    }

    /// For each line break of the block (between `lines[k]` and `lines[k + 1]`), whether it
    /// ends a unit. `hard` is cleared and filled with `lines.count - 1` answers.
    static func breaks(_ lines: [LayoutLine], into hard: inout [Bool]) {
        hard.removeAll(keepingCapacity: true)
        guard lines.count >= 2 else { return }
        let wrapped = isHardWrapped(lines)
        var longest = 0
        for line in lines where !line.isRule { longest = max(longest, line.length) }
        for k in 0..<(lines.count - 1) {
            let line = lines[k]
            let next = lines[k + 1]
            if line.isRule || next.isRule || opensItem(lines, after: k, longest: longest) || line.isBareLabel {
                hard.append(true)
            } else if wrapped {
                // In wrapped prose only a heading standing before the text breaks the flow; the
                // scanner finds the sentence ends inside.
                let opensBlock = k == 0 || lines[k - 1].endsSentence || hard[k - 1]
                hard.append(line.isHeadingLike && opensBlock && line.length * 10 < longest * 7 && !next.startsLower)
            } else {
                // The next line continues this one when it plainly runs on: it starts in lower
                // case, or this line stops on a hyphen, a title or a function word.
                let runsOn = next.startsLower || (line.endsOpen && !next.startsLabel && !next.startsWeakLabel)
                // After a colon, a lower-case line continues the sentence unless it is an item of
                // a list closed by semicolons (`purpose of:` / `promoting …;`).
                let continues =
                    runsOn && !line.endsSentence && !line.isHeadingLike && !(line.hasLeadTerm && next.hasLeadTerm)
                    && (!line.endsClause || (line.endsColon && !next.endsClause))
                hard.append(!continues)
            }
        }
    }
}
