extension RandomAccessCollection {
    /// The first index from which `isAbove` holds, in a collection where it is false for a
    /// prefix and true for the rest (a binary search); `endIndex` when it never holds. Inlinable,
    /// so that the search paths of other modules get it specialized.
    @inlinable package func partitionPoint(where isAbove: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = distance(from: startIndex, to: endIndex)
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isAbove(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
