/// Reads a mention's attributes from the cue words before it, NegEx-style (ANNOTATION.md,
/// "Negation"):
///
/// - negated: a negator (not, n't, cannot, no, no longer, never, without, neither, nor) before the
///   mention in its own clause, at most `negationWindow` words back. The scope ends at `;`, `:`,
///   a dash, a blank line, a comma, a contrast (but, while, although, whereas …) and the start of
///   a relative or subordinate clause (that, which, who, because, if, when …).
///   Not only / not just / not least / no doubt / no matter are pseudo-negations; `not merely`
///   negates. An `of` between the negator and the mention means the mention only qualifies the
///   denied noun (`not Members of the United Nations`, `without the authorization of the
///   Security Council`), so it is not negated, unless a verb that takes `of` stands before it
///   (`cannot speak of a hegemon`). Refrain, avoid, prevent, oppose are not negators.
/// - hedged: may, might, could, possibly, perhaps, arguably, likely, probably, seem(s), appear(s)
///   … before the mention in its clause (`May` capitalised inside a sentence is the month).
/// - attributed: argue, contend, believe, assert … (claim, maintain, suggest, hold only before
///   `that`), `according to`, `in the view of`, `in X's view` before the mention in its unit.
struct ClauseScope {
    let tokens: UnsafeBufferPointer<Token>
    /// The last token of the unit's first attribution cue (`Int.max`: none); a mention after it
    /// is attributed. Found once per unit, as every mention asks.
    private var attributionCueEnd = Int.max

    /// For each token, whether a hedge opened earlier in its clause reaches it: one forward pass
    /// per unit instead of a backward scan per mention, into a buffer the caller lends (at least
    /// as long as `tokens`), so a unit allocates nothing.
    private let hedged: UnsafeMutableBufferPointer<Bool>

    init(tokens: UnsafeBufferPointer<Token>, hedged: UnsafeMutableBufferPointer<Bool>) {
        self.tokens = tokens
        self.hedged = hedged
        attributionCueEnd = firstAttributionCueEnd()
        fillHedgeReach()
    }

    /// How many words back a negator reaches.
    static let negationWindow = 8

    @inline(__always)
    private func role(_ index: Int) -> UInt32 {
        tokens[index].role
    }

    /// Whether token `index` starts a new clause relative to the words after it.
    private func startsClause(_ index: Int) -> Bool {
        let role = role(index)
        if role & (ClauseCue.contrast | ClauseCue.subordinator) != 0 { return true }
        return role & ClauseCue.coordinator != 0 && tokens[index].separator & Separator.comma != 0
    }

    /// Whether the separator before token `index` ends the clause that follows it.
    private func isBoundary(before index: Int) -> Bool {
        tokens[index].separator & (Separator.clause | Separator.blankLine) != 0
    }

    func isNegated(at start: Int) -> Bool {
        guard start > 0, !isBoundary(before: start) else { return false }
        var sawOf = false
        var index = start - 1
        while index >= 0, start - index <= Self.negationWindow {
            let role = role(index)
            if role & ClauseCue.negator != 0 || tokens[index].shape & Shape.negativeContraction != 0 {
                return !sawOf && !isPseudoNegation(index)
            }
            // A comma also ends the scope here ("not in session, immediately the Security Council"),
            // though not before the negator is checked ("X, not Y").
            if startsClause(index) || isBoundary(before: index) || tokens[index].separator & Separator.comma != 0 {
                return false
            }
            if role & ClauseCue.of != 0, index > 0, self.role(index - 1) & ClauseCue.verbBeforeOf == 0 { sawOf = true }
            index -= 1
        }
        return false
    }

    /// `not only`, `no doubt`, and `No.` before a number.
    private func isPseudoNegation(_ index: Int) -> Bool {
        guard index + 1 < tokens.count, tokens[index].shape & Shape.negativeContraction == 0 else { return false }
        let own = role(index)
        let next = role(index + 1)
        if own & ClauseCue.not != 0, next & ClauseCue.pseudoAfterNot != 0 { return true }
        guard own & ClauseCue.no != 0 else { return false }
        if next & ClauseCue.pseudoAfterNo != 0 { return true }
        return tokens[index].shape & Shape.title != 0 && tokens[index + 1].separator & Separator.punctuation != 0
    }

    func isHedged(at start: Int) -> Bool {
        start > 0 && start < tokens.count && !isBoundary(before: start) && hedged[start]
    }

    /// `hedged[i]`: a hedge cue stands before token `i` with no clause boundary between them.
    private func fillHedgeReach() {
        var open = false
        for index in tokens.indices {
            hedged[index] = open
            if startsClause(index) || isBoundary(before: index) { open = false }
            if role(index) & ClauseCue.hedge != 0 {
                // `May` capitalised inside a sentence is the month.
                open = open || index == 0 || tokens[index].shape & Shape.title == 0 || role(index) & ClauseCue.may == 0
            }
        }
    }

    func isAttributed(at start: Int) -> Bool {
        attributionCueEnd < start
    }

    private func firstAttributionCueEnd() -> Int {
        for index in tokens.indices {
            let role = role(index)
            if role & ClauseCue.attribution != 0 { return index }
            let next = index + 1 < tokens.count ? self.role(index + 1) : 0
            if role & ClauseCue.attributionBeforeThat != 0, next & ClauseCue.that != 0 { return index + 1 }
            if role & ClauseCue.according != 0, next & ClauseCue.to != 0 { return index + 1 }
            if role & ClauseCue.view != 0, index >= 2, self.role(index - 2) & ClauseCue.in != 0 {
                let before = index - 1
                if self.role(before) & ClauseCue.the != 0, next & ClauseCue.of != 0 { return index + 1 }
                if tokens[before].shape & Shape.possessive != 0 { return index }
            }
        }
        return Int.max
    }
}
