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
            if line.isRule || next.isRule || next.startsLabel || line.isBareLabel {
                stops += 1
            } else if !line.endsSentence && (next.startsLower || line.endsRunOn) {
                runOn += 1
            } else if line.endsSentence || line.endsClause || line.isHeadingLike {
                stops += 1
            } else if line.length * 10 < longest * 6 {
                stops += 1  // a short line before a capital: one entry per line
            }
        }
        // Wrapped lines fill the measure: most lines but the last are near the longest.
        var full = 0
        for line in lines.dropLast() where line.length * 10 >= longest * 6 { full += 1 }
        return runOn > 0 && runOn * 2 >= stops && full * 3 >= (lines.count - 1) * 2
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
            if line.isRule || next.isRule || next.startsLabel || line.isBareLabel {
                hard.append(true)
            } else if wrapped {
                // In wrapped prose only a heading standing before the text breaks the flow; the
                // scanner finds the sentence ends inside.
                let opensBlock = k == 0 || lines[k - 1].endsSentence || hard[k - 1]
                hard.append(line.isHeadingLike && opensBlock && line.length * 10 < longest * 7 && !next.startsLower)
            } else {
                let continues =
                    next.startsLower && !line.endsSentence && !line.endsClause && !line.isHeadingLike
                hard.append(!continues)
            }
        }
    }
}
