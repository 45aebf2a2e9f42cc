/// A trie over folded token ids: each path spells a term form, each node lists the patterns that
/// end there. Matching starts at every token of a unit and walks as far as the tokens allow, so
/// its cost is the number of tokens times the (short) depth reached, whatever the lexicon's size:
/// the root is an array indexed by token id and deeper steps are one hash lookup each.
struct MatchAutomaton: Sendable {
    /// The child of the root for each token id (0: none).
    private(set) var rootChildren: [UInt32] = [0]
    /// Children below the root, keyed by `node << 32 | token id`.
    private(set) var transitions = HashTable64(capacity: 1024)
    /// The patterns ending at each node, flattened: node `n` owns the run that its
    /// `nodeInfo` entry points at, once `finish()` has run.
    private(set) var outputs: [UInt32] = []
    /// What the matcher needs of each output without touching the pattern tables (which are
    /// large, so each look there is a cache miss): filled by `describeOutputs`.
    private(set) var outputInfo: [MatchOutput] = []
    /// Per node, its outputs and flags packed as `NodeInfo` (filled by `finish()`).
    private(set) var nodeInfo: [UInt64] = []
    /// Gap edges: node → (min, max, node the gap leads to).
    private(set) var gapEdges: [UInt32: [(min: Int, max: Int, target: UInt32)]] = [:]
    /// Whether a node has children below it, by node: a leaf needs no transition lookup.
    private(set) var hasChildren: [Bool] = [true]
    /// Outputs per node while building.
    private var pending: [[UInt32]] = [[]]
    private var gapTargets: [UInt64: UInt32] = [:]

    /// How many nodes it has, the root included.
    private(set) var nodeCount = 1

    /// The node reached from `node` by token `id`, created when `create` is set (0 if none).
    mutating func child(of node: UInt32, id: UInt32, create: Bool) -> UInt32 {
        if node == 0 {
            if Int(id) >= rootChildren.count { rootChildren += [UInt32](repeating: 0, count: Int(id) + 1 - rootChildren.count) }
            if rootChildren[Int(id)] == 0, create { rootChildren[Int(id)] = newNode() }
            return rootChildren[Int(id)]
        }
        let key = UInt64(node) << 32 | UInt64(id)
        var found = transitions.value(for: key)
        if found == 0, create {
            found = newNode()
            transitions.set(found, for: key)
            hasChildren[Int(node)] = true
        }
        return found
    }

    /// The node a gap `{min,max}` leads to from `node`, created on first use.
    mutating func gapTarget(of node: UInt32, min: Int, max: Int) -> UInt32 {
        let key = UInt64(node) << 16 | UInt64(min) << 8 | UInt64(max)
        if let target = gapTargets[key] { return target }
        let target = newNode()
        hasChildren[Int(node)] = true
        gapTargets[key] = target
        gapEdges[node, default: []].append((min, max, target))
        return target
    }

    /// Adds `pattern` to the outputs of `node`, or lets it replace an output `isSame` says it
    /// duplicates when `isBetter` prefers it.
    mutating func addOutput(_ pattern: UInt32, at node: UInt32, isSame: (UInt32) -> Bool, isBetter: (UInt32) -> Bool) {
        if let index = pending[Int(node)].firstIndex(where: isSame) {
            if isBetter(pending[Int(node)][index]) { pending[Int(node)][index] = pattern }
            return
        }
        pending[Int(node)].append(pattern)
    }

    /// Flattens the outputs for matching.
    mutating func finish(vocabularySize: Int) {
        if rootChildren.count < vocabularySize + 1 {
            rootChildren += [UInt32](repeating: 0, count: vocabularySize + 1 - rootChildren.count)
        }
        nodeInfo = []
        nodeInfo.reserveCapacity(pending.count)
        for (node, list) in pending.enumerated() {
            nodeInfo.append(
                NodeInfo.pack(
                    outputStart: outputs.count, outputCount: list.count, hasChildren: hasChildren[node],
                    hasGapEdges: gapEdges[UInt32(node)] != nil))
            outputs += list
        }
        pending = []
        gapTargets = [:]
    }

    /// Fills `outputInfo` from the compiled patterns.
    mutating func describeOutputs(_ describe: (UInt32) -> MatchOutput) {
        outputInfo = outputs.map(describe)
    }

    private mutating func newNode() -> UInt32 {
        pending.append([])
        hasChildren.append(false)
        nodeCount += 1
        return UInt32(nodeCount - 1)
    }
}

/// An output of the automaton with the facts the per-match checks need.
struct MatchOutput: Sendable {
    /// Index in `CompiledLexicon.patterns`.
    var pattern: UInt32
    /// The concept's index in the scheme.
    var concept: Int32
    /// How many variant rules made the form.
    var rank: UInt8
    /// `MatchOutput` flags.
    var flags: UInt8
    /// Bit `i`: the form writes a hyphen before word `i` (forms of up to 16 words; longer ones
    /// have `longForm` and are read from `CompiledLexicon.formShapes`).
    var hyphens: UInt16 = 0

    /// The form is an exclusion.
    static let exclusion: UInt8 = 1
    /// The form has acronym words or a case-sensitive term.
    static let checksCase: UInt8 = 2
    /// The term has a context guard.
    static let guarded: UInt8 = 4
    /// The form has a word gap.
    static let gap: UInt8 = 8
    /// The form has more than 16 words.
    static let longForm: UInt8 = 16
}
