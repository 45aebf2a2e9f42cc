extension SentenceRecord {
    /// The record as a filtered export shows it, or nil when the filter drops it.
    ///
    /// - Parameters:
    ///   - concepts: keep only top-level mentions of these concepts (nested ones stay inside
    ///     a kept mention), and drop the record when none is left; nil keeps every mention.
    ///   - kinds: keep only units of these kinds; nil keeps every kind.
    public func filtered(concepts: Set<String>?, kinds: Set<UnitKind>?) -> SentenceRecord? {
        if let kinds, !kinds.contains(kind) { return nil }
        guard let concepts else { return self }
        var record = self
        record.mentions = (mentions ?? []).filter { concepts.contains($0.concept) }
        return record.mentions?.isEmpty == false ? record : nil
    }
}
