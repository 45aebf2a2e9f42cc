/// A unit's mentions as the tagger makes them: one flat list of plain entries, each top-level
/// mention followed by the mentions nested in it, and the lexicon's strings shared by all. A
/// unit costs one allocation whatever its mentions, and copying or dropping it touches no
/// reference count per mention, which on all cores at once would make them fight.
public struct MentionEntries: Sendable {
    /// The entries, each top-level one followed by its `nestedCount` nested ones.
    let list: [MentionEntry]
    /// The strings of the lexicon that tagged the unit.
    let table: ProvenanceTable
    /// How many entries are top-level.
    let topLevelCount: Int

    init(list: [MentionEntry], table: ProvenanceTable, topLevelCount: Int) {
        self.list = list
        self.table = table
        self.topLevelCount = topLevelCount
    }

    /// The number of entries, nested ones included.
    public var count: Int { list.count }

    /// Entry `index` (0 ..< `count`).
    public subscript(index: Int) -> MentionEntry { list[index] }

    /// The concept id of `entry`.
    public func concept(of entry: MentionEntry) -> String {
        table.conceptID(Int(entry.conceptIndex))
    }

    /// The provenance of `entry`.
    public func provenance(of entry: MentionEntry) -> Provenance? {
        table.provenance(pattern: Int(entry.pattern), extras: entry.extras)
    }

    /// The entries as `Mention` values, nested ones inside their mention.
    var mentions: [Mention] {
        var result: [Mention] = []
        result.reserveCapacity(topLevelCount)
        var index = 0
        while index < list.count {
            let entry = list[index]
            var nested: [Mention] = []
            let nestedCount = Int(entry.nestedCount)
            if nestedCount > 0 {
                nested.reserveCapacity(nestedCount)
                for inner in list[(index + 1)..<(index + 1 + nestedCount)] { nested.append(mention(inner, nested: [])) }
            }
            result.append(mention(entry, nested: nested))
            index += 1 + nestedCount
        }
        return result
    }

    private func mention(_ entry: MentionEntry, nested: [Mention]) -> Mention {
        Mention(
            range: entry.range, isNegated: entry.isNegated, isHedged: entry.isHedged, isAttributed: entry.isAttributed,
            nested: nested,
            source: .lexicon(table, pattern: entry.pattern, concept: entry.conceptIndex, extras: entry.extras))
    }
}

/// One mention as the tagger keeps it: a span, indexes into the lexicon and flags, no strings.
public struct MentionEntry: Sendable {
    /// First byte of the span in the document text.
    let start: Int
    /// Byte after the span.
    let end: Int
    /// The form matched, an index into the lexicon's forms.
    let pattern: UInt32
    /// The concept's index in the lexicon's scheme.
    let conceptIndex: Int32
    /// For a top-level entry, how many nested entries follow it; 0 for a nested one.
    let nestedCount: UInt32
    /// `ProvenanceTable.Extra` bits.
    let extras: UInt8
    /// `Flag` bits.
    let flags: UInt8

    enum Flag {
        static let negated: UInt8 = 1
        static let hedged: UInt8 = 2
        static let attributed: UInt8 = 4
    }

    init(range: Range<Int>, pattern: UInt32, conceptIndex: Int32, extras: UInt8, flags: UInt8, nestedCount: UInt32) {
        start = range.lowerBound
        end = range.upperBound
        self.pattern = pattern
        self.conceptIndex = conceptIndex
        self.extras = extras
        self.flags = flags
        self.nestedCount = nestedCount
    }

    /// The mention's UTF-8 byte range in the document text.
    public var range: Range<Int> { start..<end }
    /// The concept's index in the scheme of the lexicon that tagged it.
    public var concept: Int { Int(conceptIndex) }
    /// A negator denies it.
    public var isNegated: Bool { flags & Flag.negated != 0 }
    /// It is hedged.
    public var isHedged: Bool { flags & Flag.hedged != 0 }
    /// It is attributed.
    public var isAttributed: Bool { flags & Flag.attributed != 0 }
    /// How many nested entries follow this top-level one.
    public var nestedMentionCount: Int { Int(nestedCount) }
}
