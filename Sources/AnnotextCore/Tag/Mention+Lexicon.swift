extension Mention {
    /// A mention made by the tagger, every field set at once. The public initializer followed by
    /// setting `source` (or delegating to it here) makes the optimizer copy the whole value and
    /// destroy the original, which retains and releases what it holds: 4% of tagging time with a
    /// 50,000-term lexicon. Hence the field-by-field form, alike to the public one.
    init(
        concept: String, range: Range<Int>, isNegated: Bool, isHedged: Bool, isAttributed: Bool, nested: [Mention],
        source: MentionSource
    ) {
        self.concept = concept
        self.range = range
        self.isNegated = isNegated
        self.isHedged = isHedged
        self.isAttributed = isAttributed
        self.nested = nested
        self.source = source
    }
}
