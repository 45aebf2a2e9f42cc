/// A checked match: a form of a concept over tokens `first..<end` of a unit.
struct TokenMatch {
    var first: Int
    var end: Int
    var concept: Int32
    var pattern: UInt32
    /// How many variant rules made the form: fewer wins between forms of one concept and span.
    var rank: UInt8
    /// The form's `MatchOutput` flags and hyphens, for the provenance's match-time rules.
    var flags: UInt8 = 0
    var hyphens: UInt16 = 0
}

/// Chooses among overlapping matches according to an `OverlapPolicy`. One resolver serves a
/// whole document: its lists keep their capacity, and the matches nested in a chosen one are a
/// range of one flat list rather than an array each.
struct OverlapResolver {
    /// A chosen match with the range of `nested` kept inside it.
    struct Chosen {
        var match: TokenMatch
        var nested: Range<Int>
    }

    /// The chosen matches of the last unit, in text order.
    private(set) var chosen: [Chosen] = []
    /// The matches nested in the chosen ones, each chosen match's run contiguous.
    private(set) var nested: [TokenMatch] = []
    /// The matches inside the last chosen one, before the leftmost-longest pick.
    private var inside: [TokenMatch] = []

    /// Chooses among `matches`. They come grouped by first token, in ascending order (the
    /// matcher's walk order), so no sort of the whole list is needed. Of two forms of one
    /// concept over the same tokens, the one made by fewer rules is kept.
    mutating func resolve(_ matches: [TokenMatch], policy: OverlapPolicy) {
        chosen.removeAll(keepingCapacity: true)
        nested.removeAll(keepingCapacity: true)
        inside.removeAll(keepingCapacity: true)
        matches.withUnsafeBufferPointer { matches in
            var start = 0
            while start < matches.count {
                let first = matches[start].first
                var stop = start + 1
                while stop < matches.count, matches[stop].first == first { stop += 1 }
                let group = start..<stop
                start = stop
                if policy == .all {
                    if group.count == 1 {
                        chosen.append(Chosen(match: matches[group.lowerBound], nested: 0..<0))
                    } else {
                        for match in Self.byPreference(matches[group]) { chosen.append(Chosen(match: match, nested: 0..<0)) }
                    }
                    continue
                }
                if let last = chosen.last?.match, first < last.end {
                    // Inside the last chosen match, or crossing its end (dropped).
                    for index in group where matches[index].end <= last.end && matches[index].concept != last.concept {
                        inside.append(matches[index])
                    }
                    continue
                }
                closeNested()
                let best = Self.preferred(matches, group)
                chosen.append(Chosen(match: best, nested: 0..<0))
                for index in group where matches[index].concept != best.concept { inside.append(matches[index]) }
            }
        }
        closeNested()
    }

    /// Keeps the leftmost-longest of the matches inside the last chosen one as its nested ones.
    private mutating func closeNested() {
        defer { inside.removeAll(keepingCapacity: true) }
        guard !chosen.isEmpty, !inside.isEmpty else { return }
        let begin = nested.count
        var lastEnd = Int.min
        inside.withUnsafeBufferPointer { inside in
            var start = 0
            while start < inside.count {
                var stop = start + 1
                while stop < inside.count, inside[stop].first == inside[start].first { stop += 1 }
                let best = Self.preferred(inside, start..<stop)
                if best.first >= lastEnd {
                    nested.append(best)
                    lastEnd = best.end
                }
                start = stop
            }
        }
        chosen[chosen.count - 1].nested = begin..<nested.count
    }

    /// Whether `a` is preferred to `b` among matches with one first token: longer, then earlier
    /// in the scheme, then made by fewer rules.
    @inline(__always)
    private static func isPreferred(_ a: TokenMatch, to b: TokenMatch) -> Bool {
        if a.end != b.end { return a.end > b.end }
        if a.concept != b.concept { return a.concept < b.concept }
        return a.rank < b.rank
    }

    /// The preferred match of a group with one first token.
    @inline(__always)
    private static func preferred(_ matches: UnsafeBufferPointer<TokenMatch>, _ group: Range<Int>) -> TokenMatch {
        var best = matches[group.lowerBound]
        for index in group.dropFirst() where isPreferred(matches[index], to: best) { best = matches[index] }
        return best
    }

    /// A group's matches in order of preference, one per concept and span.
    private static func byPreference(_ group: Slice<UnsafeBufferPointer<TokenMatch>>) -> [TokenMatch] {
        let sorted = group.sorted { isPreferred($0, to: $1) }
        var result: [TokenMatch] = []
        for match in sorted where result.last.map({ $0.end != match.end || $0.concept != match.concept }) ?? true {
            result.append(match)
        }
        return result
    }
}
