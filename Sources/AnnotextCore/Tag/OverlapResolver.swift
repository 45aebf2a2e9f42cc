/// A checked match: a form of a concept over tokens `first..<end` of a unit.
struct TokenMatch {
    var first: Int
    var end: Int
    var concept: Int32
    var pattern: UInt32
    /// How many variant rules made the form: fewer wins between forms of one concept and span.
    var rank: UInt8
}

/// Chooses among overlapping matches according to an `OverlapPolicy`.
enum OverlapResolver {
    /// A chosen match with the shorter matches kept inside it.
    struct Chosen {
        var match: TokenMatch
        var nested: [TokenMatch]
    }

    /// The chosen matches in text order. `matches` come grouped by first token, in ascending
    /// order (the matcher's walk order), so no sort of the whole list is needed. Of two forms of
    /// one concept over the same tokens, the one made by fewer rules is kept.
    static func resolve(_ matches: [TokenMatch], policy: OverlapPolicy) -> [Chosen] {
        var chosen: [Chosen] = []
        var inside: [TokenMatch] = []
        var start = 0
        while start < matches.count {
            var stop = start + 1
            while stop < matches.count, matches[stop].first == matches[start].first { stop += 1 }
            let group = matches[start..<stop]
            start = stop
            if policy == .all {
                chosen += byPreference(group).map { Chosen(match: $0, nested: []) }
                continue
            }
            if let last = chosen.last?.match, group[group.startIndex].first < last.end {
                // Inside the last chosen match, or crossing its end (dropped).
                for match in group where match.end <= last.end && match.concept != last.concept { inside.append(match) }
                continue
            }
            if !chosen.isEmpty, !inside.isEmpty { chosen[chosen.count - 1].nested = leftmostLongest(inside) }
            inside.removeAll(keepingCapacity: true)
            let best = preferred(group)
            chosen.append(Chosen(match: best, nested: []))
            for match in group where match.concept != best.concept { inside.append(match) }
        }
        if !chosen.isEmpty, !inside.isEmpty { chosen[chosen.count - 1].nested = leftmostLongest(inside) }
        return chosen
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
    private static func preferred(_ group: ArraySlice<TokenMatch>) -> TokenMatch {
        var best = group[group.startIndex]
        for match in group.dropFirst() where isPreferred(match, to: best) { best = match }
        return best
    }

    /// A group's matches in order of preference, one per concept and span.
    private static func byPreference(_ group: ArraySlice<TokenMatch>) -> [TokenMatch] {
        if group.count == 1 { return [group[group.startIndex]] }
        let sorted = group.sorted { isPreferred($0, to: $1) }
        var result: [TokenMatch] = []
        for match in sorted where result.last.map({ $0.end != match.end || $0.concept != match.concept }) ?? true {
            result.append(match)
        }
        return result
    }

    /// Non-overlapping, leftmost-longest among matches grouped by first token.
    private static func leftmostLongest(_ matches: [TokenMatch]) -> [TokenMatch] {
        var result: [TokenMatch] = []
        var start = 0
        while start < matches.count {
            var stop = start + 1
            while stop < matches.count, matches[stop].first == matches[start].first { stop += 1 }
            let best = preferred(matches[start..<stop])
            if result.last.map({ best.first >= $0.end }) ?? true { result.append(best) }
            start = stop
        }
        return result
    }
}
