/// Blocks and lines: plain text splits into blocks at blank lines; each block's line breaks are
/// judged by `LineLayout`, and the runs of lines between the breaks that end a unit are scanned.
extension BoundaryScanner {
    /// Segments plain text from `s` (a line start) to `count`: blocks are separated by lines
    /// holding nothing but white space.
    mutating func segmentPlainText(_ s: Int, _ count: Int) {
        lines.removeAll(keepingCapacity: true)
        var i = s
        while i < count {
            let lineEnd = Self.lineEnd(p, i, count)
            if SegmentBytes.skipSpace(p, i, lineEnd) == lineEnd {
                segmentLines(blockKind: .paragraph)
                lines.removeAll(keepingCapacity: true)
            } else {
                lines.append(LayoutLine(p, i, lineEnd))
            }
            i = lineEnd + 1
        }
        segmentLines(blockKind: .paragraph)
    }

    /// Segments one block that ingest marked. A heading block is one `heading` unit; the first
    /// unit of a list-item block is a `list-item`.
    mutating func segmentBlock(_ s: Int, _ e: Int, kind: BlockKind) {
        if kind == .heading {
            end = e
            emit(s, e, .heading)
            return
        }
        lines.removeAll(keepingCapacity: true)
        var i = s
        while i < e {
            let lineEnd = Self.lineEnd(p, i, e)
            lines.append(LayoutLine(p, i, lineEnd))
            i = lineEnd + 1
        }
        segmentLines(blockKind: kind)
    }

    /// Segments the block whose lines are in `lines`.
    private mutating func segmentLines(blockKind: BlockKind) {
        guard !lines.isEmpty else { return }
        let first = units.count
        // A list read in the middle of a line (`1. … 2. …`) lives within its block.
        lastLabel = nil
        let alone = lines.count == 1
        for k in lines.indices { lines[k].read(p, abbreviations: abbreviations, alone: alone) }
        if alone {
            segmentRun(0, 0)
        } else {
            // Lengths matter only to the layout of several lines.
            for k in lines.indices { lines[k].length = SegmentBytes.scalarCount(p, lines[k].start, lines[k].end) }
            LineLayout.breaks(lines, into: &hardBreaks)
            var runStart = 0
            for k in 0..<lines.count where k == lines.count - 1 || hardBreaks[k] {
                segmentRun(runStart, k)
                runStart = k + 1
            }
        }
        if blockKind == .listItem, units.count > first, units[first].kind == .sentence {
            units[first].kind = .listItem
        }
    }

    /// Segments lines `a...b` of the block, joined by line breaks that do not end a unit.
    private mutating func segmentRun(_ a: Int, _ b: Int) {
        let line = lines[a]
        if a == b {
            if line.isRule { return }
            if line.isBareLabel || line.isHeadingLike {
                if line.isBareLabel, let label = EnumeratorLabel.parse(p, at: line.start, line.end) {
                    lastLabel = label.value ?? lastLabel
                }
                end = line.end
                emit(line.start, line.end, .heading)
                return
            }
        }
        scan(line.start, lines[b].end)
    }

    /// The position of the next line feed at or after `i`, or `e`.
    static func lineEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> Int {
        guard let base = p.baseAddress else { return e }
        var j = i
        // Eight bytes at a time while no line feed is among them.
        while j + 8 <= e {
            let word = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
            let x = word ^ 0x0A0A_0A0A_0A0A_0A0A
            if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 { break }
            j += 8
        }
        while j < e, base[j] != 0x0A { j += 1 }
        return j
    }
}
