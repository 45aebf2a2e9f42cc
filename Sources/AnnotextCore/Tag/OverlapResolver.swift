/// A checked match: a form of a concept over tokens `first..<end` of a unit.
struct TokenMatch {
    var first: Int
    var end: Int
    var concept: Int32
    var pattern: UInt32
}

/// Chooses among overlapping matches according to an `OverlapPolicy`.
enum OverlapResolver {
    /// A chosen match with the shorter matches kept inside it.
    struct Chosen {
        var match: TokenMatch
        var nested: [TokenMatch]
    }

    /// The chosen matches in text order. `rank` gives a pattern's rank: of two forms of one
    /// concept over the same tokens, the one made by fewer rules is kept.
    static func resolve(_ matches: [TokenMatch], policy: OverlapPolicy, rank: (UInt32) -> Int) -> [Chosen] {
        let sorted = deduplicated(matches, rank: rank)
        switch policy {
        case .all:
            return sorted.map { Chosen(match: $0, nested: []) }
        case .longest:
            var chosen: [Chosen] = []
            var inside: [TokenMatch] = []
            for match in sorted {
                if let last = chosen.last, match.first < last.match.end {
                    // Sorted by start, longer first: a match that starts inside the last chosen one
                    // is contained in it or crosses its end.
                    if match.end <= last.match.end, match.concept != last.match.concept { inside.append(match) }
                    continue
                }
                if !chosen.isEmpty { chosen[chosen.count - 1].nested = leftmostLongest(inside) }
                inside = []
                chosen.append(Chosen(match: match, nested: []))
            }
            if !chosen.isEmpty { chosen[chosen.count - 1].nested = leftmostLongest(inside) }
            return chosen
        }
    }

    /// One match per concept and span, sorted by start, then longer first, then scheme order.
    private static func deduplicated(_ matches: [TokenMatch], rank: (UInt32) -> Int) -> [TokenMatch] {
        let sorted = matches.sorted { a, b in
            if a.first != b.first { return a.first < b.first }
            if a.end != b.end { return a.end > b.end }
            if a.concept != b.concept { return a.concept < b.concept }
            return rank(a.pattern) < rank(b.pattern)
        }
        var result: [TokenMatch] = []
        result.reserveCapacity(sorted.count)
        for match in sorted {
            if let last = result.last, last.first == match.first, last.end == match.end, last.concept == match.concept {
                continue
            }
            result.append(match)
        }
        return result
    }

    /// Non-overlapping, leftmost-longest among sorted matches.
    private static func leftmostLongest(_ sorted: [TokenMatch]) -> [TokenMatch] {
        var result: [TokenMatch] = []
        for match in sorted where result.last.map({ match.first >= $0.end }) ?? true {
            result.append(match)
        }
        return result
    }
}
