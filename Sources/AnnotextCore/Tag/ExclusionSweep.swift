/// Drops the matches that lie inside an exclusion of their concept (`balance of power` inside
/// `balance of power supply`) in one sweep: both lists come in order of first token, so each
/// match only needs the furthest end of its concept's exclusions that start at or before it.
struct ExclusionSweep {
    /// Per concept index: the furthest end of the exclusions passed so far (-1: none).
    private var furthestEnd: [Int] = []
    /// The concepts whose entry is set, to reset them after a unit.
    private var touched: [Int32] = []

    mutating func removeExcluded(from matches: inout [TokenMatch], by exclusions: [TokenMatch], conceptCount: Int) {
        if furthestEnd.count < conceptCount { furthestEnd = [Int](repeating: -1, count: conceptCount) }
        var next = 0
        var kept = 0
        for index in matches.indices {
            let match = matches[index]
            while next < exclusions.count, exclusions[next].first <= match.first {
                let exclusion = exclusions[next]
                let concept = Int(exclusion.concept)
                if furthestEnd[concept] < 0 { touched.append(exclusion.concept) }
                furthestEnd[concept] = max(furthestEnd[concept], exclusion.end)
                next += 1
            }
            if furthestEnd[Int(match.concept)] >= match.end { continue }
            matches[kept] = match
            kept += 1
        }
        matches.removeLast(matches.count - kept)
        for concept in touched { furthestEnd[Int(concept)] = -1 }
        touched.removeAll(keepingCapacity: true)
    }
}
