/// A form of a term found in a unit's tokens, before the checks that may drop it.
struct Candidate {
    /// First token.
    var first: Int
    /// Token after the last.
    var end: Int
    /// The form found.
    var output: MatchOutput
}

/// Walks the automaton from every token of a unit and reports every form that ends somewhere:
/// all matches, overlapping ones included, for the checks and the overlap policy to sort out.
struct TermMatcher {
    let tables: MatchTables
    /// For gap edges, which few forms have.
    let automaton: MatchAutomaton

    /// Appends every match in `tokens` to `candidates`.
    func matches(in tokens: UnsafeBufferPointer<Token>, into candidates: inout [Candidate]) {
        candidates.removeAll(keepingCapacity: true)
        let root = tables.rootChildren
        let rootCount = UInt32(truncatingIfNeeded: tables.rootCount)
        for start in 0..<tokens.count {
            let id = tokens[start].id
            guard id != 0, id < rootCount else { continue }
            let node = root[Int(id)]
            if node != 0 { walk(node, first: start, next: start + 1, tokens: tokens, into: &candidates) }
        }
    }

    private func walk(
        _ node: UInt32, first: Int, next: Int, tokens: UnsafeBufferPointer<Token>, into candidates: inout [Candidate]
    ) {
        let entry = tables.nodes[Int(node)]
        let info = entry.info
        let outputCount = NodeInfo.outputCount(info)
        if outputCount > 0 {
            candidates.append(Candidate(first: first, end: next, output: entry.firstOutput))
            let outputStart = NodeInfo.outputStart(info)
            for index in outputStart + 1..<outputStart + outputCount {
                candidates.append(Candidate(first: first, end: next, output: tables.outputs[index]))
            }
        }
        guard info & NodeInfo.hasChildren != 0 else { return }
        if next < tokens.count {
            let token = tokens[next]
            if token.id != 0, token.separator & ~Separator.insideTerm == 0,
                entry.childFilter & (1 << UInt64(token.id & 63)) != 0
            {
                let child = tables.transitions.value(for: UInt64(node) << 32 | UInt64(token.id))
                if child != 0 { walk(child, first: first, next: next + 1, tokens: tokens, into: &candidates) }
            }
        }
        guard info & NodeInfo.hasGapEdges != 0, let gaps = automaton.gapEdges[node] else { return }
        for gap in gaps {
            var skipped = 0
            var position = next
            while position < tokens.count {
                let token = tokens[position]
                let allowed = skipped == 0 ? Separator.insideTerm : Separator.insideGap
                if skipped >= gap.min, token.id != 0, token.separator & ~allowed == 0 {
                    let child = tables.transitions.value(for: UInt64(gap.target) << 32 | UInt64(token.id))
                    if child != 0 { walk(child, first: first, next: position + 1, tokens: tokens, into: &candidates) }
                }
                // The skipped words may have commas among them (`particular, named enemy`).
                guard skipped < gap.max, token.separator & ~Separator.insideGap == 0 else { break }
                skipped += 1
                position += 1
            }
        }
    }
}
