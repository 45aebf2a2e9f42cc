/// The cue words that decide a mention's attributes (negated, hedged, attributed) and where a
/// clause ends. They are compiled into the vocabulary with the terms, and the scanner reads a
/// token's roles with its id (`Token.role`).
enum ClauseCue {
    /// Denies what follows: not, no, never, without, cannot, neither, nor.
    static let negator: UInt32 = 1 << 0
    /// After `not`, makes a pseudo-negation: not only, not just, not least.
    static let pseudoAfterNot: UInt32 = 1 << 1
    /// After `no`, makes a pseudo-negation: no doubt, no matter, no less, no sooner.
    static let pseudoAfterNo: UInt32 = 1 << 2
    /// Starts a contrasting clause: but, while, although, whereas …
    static let contrast: UInt32 = 1 << 3
    /// Starts a relative or subordinate clause: that, which, who, because, if, when …
    static let subordinator: UInt32 = 1 << 4
    /// Starts a new clause after a comma: and, or.
    static let coordinator: UInt32 = 1 << 5
    /// `of` (and `between`, `among`): a mention after it qualifies the denied noun (`not Members
    /// of the United Nations`, `no similarities between the liberal theory and …`).
    static let of: UInt32 = 1 << 6
    /// Hedges: may, might, could, possibly, perhaps …
    static let hedge: UInt32 = 1 << 7
    /// Attributes on its own: argue, contend, believe, assert …
    static let attribution: UInt32 = 1 << 8
    /// Attributes when `that` follows: claim, maintain, suggest, hold.
    static let attributionBeforeThat: UInt32 = 1 << 9
    /// `that` as a complementiser after those verbs.
    static let that: UInt32 = 1 << 10
    /// `according` (to), `view` (in the view of).
    static let according: UInt32 = 1 << 11
    static let to: UInt32 = 1 << 12
    static let view: UInt32 = 1 << 13
    static let `in`: UInt32 = 1 << 14
    static let the: UInt32 = 1 << 15
    /// The words `not`, `no` and `may`, for pseudo-negations and the month.
    static let not: UInt32 = 1 << 16
    static let no: UInt32 = 1 << 17
    static let may: UInt32 = 1 << 18
    /// Verbs that take `of` (speak of, think of): their `of` does not start a qualifier.
    static let verbBeforeOf: UInt32 = 1 << 19

    /// Each cue word with its roles.
    static let words: [(String, UInt32)] = {
        var list: [(String, UInt32)] = []
        func add(_ role: UInt32, _ words: String) {
            for word in words.split(separator: " ") { list.append((String(word), role)) }
        }
        add(negator, "not no never without cannot neither nor")
        add(pseudoAfterNot, "only just least")
        add(pseudoAfterNo, "doubt matter less sooner")
        add(contrast, "but while whilst although though whereas however yet unless except")
        add(subordinator, "that which who whom whose where because if when whenever since whether until")
        add(coordinator, "and or")
        add(of, "of between among amongst")
        add(hedge, "may might could possibly perhaps arguably likely unlikely probably maybe presumably")
        add(hedge, "seem seems seemed appear appears appeared allegedly supposedly apparently potentially conceivably")
        add(attribution, "argue argues argued arguing contend contends contended believe believes believed")
        add(attribution, "assert asserts asserted insist insists insisted posit posits posited")
        add(attributionBeforeThat, "claim claims claimed maintain maintains maintained suggest suggests suggested hold holds held")
        add(that, "that")
        add(according, "according")
        add(to, "to")
        add(view, "view")
        add(`in`, "in")
        add(not, "not")
        add(no, "no")
        add(may, "may")
        add(verbBeforeOf, "speak speaks spoke spoken speaking think thinks thought thinking talk talks talked")
        add(verbBeforeOf, "consist consists consisted approve approves approved conceive conceived dream dreamt dreamed")
        add(verbBeforeOf, "hear heard know knew known accuse accused rid deprive deprived dispose disposed convince")
        add(verbBeforeOf, "convinced remind reminded warn warned")
        add(the, "the")
        return list
    }()
}
