/// The tables the tagger reads for every token, copied once per compiled lexicon into memory
/// it owns, so the scan and the walk hold plain pointers: no bounds checks, no retains, no
/// nested `withUnsafeBufferPointer` per unit. Immutable after init, hence safe to share.
final class MatchTables: @unchecked Sendable {
    /// Folded-word hash → token id (low half of the value word) and its `ClauseCue` roles
    /// (high half), so the scan reads both with one load.
    let vocabulary: HashTable64.View
    /// `node << 32 | token id` → child node, below the root.
    let transitions: HashTable64.View
    /// The root's child for each token id (0: none), `rootCount` entries.
    let rootChildren: UnsafePointer<UInt32>
    let rootCount: Int
    /// Per node: what the walk needs of it, in one cache line.
    let nodes: UnsafePointer<NodeEntry>
    /// The outputs of all nodes, each node's run contiguous.
    let outputs: UnsafePointer<MatchOutput>

    private let owned: [UnsafeMutableRawPointer]

    init(vocabulary: HashTable64, automaton: MatchAutomaton, roles: [UInt32]) {
        var owned: [UnsafeMutableRawPointer] = []
        func copy<Element>(_ array: [Element]) -> UnsafePointer<Element> {
            // One spare element so that an empty table still has a valid address.
            let pointer = UnsafeMutablePointer<Element>.allocate(capacity: array.count + 1)
            array.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress { pointer.initialize(from: base, count: buffer.count) }
            }
            owned.append(UnsafeMutableRawPointer(pointer))
            return UnsafePointer(pointer)
        }
        var slots = vocabulary.slots
        for slot in 0..<vocabulary.slotCount where slots[2 * slot] != 0 {
            let id = Int(truncatingIfNeeded: slots[2 * slot + 1] & 0xFFFF_FFFF)
            if id < roles.count { slots[2 * slot + 1] |= UInt64(roles[id]) << 32 }
        }
        self.vocabulary = HashTable64.View(slots: copy(slots), mask: vocabulary.slotCount - 1, shift: vocabulary.slotShift)
        let transitions = automaton.transitions
        self.transitions = HashTable64.View(
            slots: copy(transitions.slots), mask: transitions.slotCount - 1, shift: transitions.slotShift)
        rootChildren = copy(automaton.rootChildren)
        rootCount = automaton.rootChildren.count
        let none = MatchOutput(pattern: 0, concept: 0, rank: 0, flags: 0)
        var entries = automaton.nodeInfo.map { info in
            NodeEntry(
                info: info, childFilter: 0,
                firstOutput: NodeInfo.outputCount(info) > 0 ? automaton.outputInfo[NodeInfo.outputStart(info)] : none)
        }
        let keys = transitions.slots
        for slot in 0..<transitions.slotCount where keys[2 * slot] != 0 {
            let node = Int(truncatingIfNeeded: keys[2 * slot] >> 32)
            if node < entries.count { entries[node].childFilter |= 1 << (keys[2 * slot] & 63) }
        }
        nodes = copy(entries)
        outputs = copy(automaton.outputInfo)
        self.owned = owned
    }

    deinit {
        for pointer in owned { pointer.deallocate() }
    }
}

/// A node of the automaton as the walk reads it.
struct NodeEntry {
    /// `NodeInfo` bits.
    var info: UInt64
    /// Bit `id & 63` set for the token id of each child: most next tokens fail this test, which
    /// saves a look in the large transition table (a cache miss each).
    var childFilter: UInt64
    /// The node's first output, valid when it has one: most nodes have at most one, and then
    /// the walk reads no output table.
    var firstOutput: MatchOutput
}

/// A node's outputs and flags packed in one word, so a step of the walk reads one cache line:
/// where its outputs start (low 32 bits), how many it has (next 24 bits), and flags.
enum NodeInfo {
    static let hasChildren: UInt64 = 1 << 62
    static let hasGapEdges: UInt64 = 1 << 63

    static func pack(outputStart: Int, outputCount: Int, hasChildren: Bool, hasGapEdges: Bool) -> UInt64 {
        UInt64(outputStart) | UInt64(min(outputCount, 0xFF_FFFF)) << 32
            | (hasChildren ? Self.hasChildren : 0) | (hasGapEdges ? Self.hasGapEdges : 0)
    }

    @inline(__always)
    static func outputStart(_ info: UInt64) -> Int { Int(truncatingIfNeeded: info & 0xFFFF_FFFF) }

    @inline(__always)
    static func outputCount(_ info: UInt64) -> Int { Int(truncatingIfNeeded: (info >> 32) & 0xFF_FFFF) }
}
