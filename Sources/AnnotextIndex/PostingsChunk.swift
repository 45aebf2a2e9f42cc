/// One stored run of a concept's postings: the sorted ids of the units with a top-level
/// mention of the concept, and for each the attribute combinations its mentions have.
///
/// Stored as one `postings` row (`concept`, `last_id`, `data`); `data` is
/// `[flags: UInt8][base: Int64 LE][offsets: count × UInt32 LE][masks: count × UInt8]`, where an
/// id is `base + offset` and the masks are present only when flag bit 0 is set (some mention
/// of the run is negated, hedged or attributed). Fixed-width offsets let a reader copy a run
/// without decoding it byte by byte; a run never spans more than `UInt32.max` ids.
struct PostingsChunk: Equatable {
    /// Entries per run: a run fills about one 4 KiB page.
    static let capacity = 1024
    /// The mask of a unit whose mentions of the concept carry no attribute.
    static let plain: UInt8 = 1

    var ids: [Int64] = []
    /// One per id; bit `negated | hedged << 1 | attributed << 2` is set when a mention of the
    /// concept in that unit has that combination of attributes.
    var masks: [UInt8] = []

    var count: Int { ids.count }

    /// Whether `id` may join this run without breaking its limits.
    func accepts(_ id: Int64) -> Bool {
        guard let first = ids.first else { return true }
        return ids.count < Self.capacity && id - first <= Int64(UInt32.max)
    }

    mutating func append(_ id: Int64, mask: UInt8) {
        ids.append(id)
        masks.append(mask)
    }

    /// The stored form.
    func encoded() -> [UInt8] {
        let base = ids.first ?? 0
        let hasMasks = masks.contains { $0 != Self.plain }
        var data: [UInt8] = []
        data.reserveCapacity(9 + ids.count * (hasMasks ? 5 : 4))
        data.append(hasMasks ? 1 : 0)
        withUnsafeBytes(of: base.littleEndian) { data.append(contentsOf: $0) }
        for id in ids { withUnsafeBytes(of: UInt32(truncatingIfNeeded: id - base).littleEndian) { data.append(contentsOf: $0) } }
        if hasMasks { data.append(contentsOf: masks) }
        return data
    }

    /// The first id and the number of entries of stored bytes; nil when they are not a run.
    static func header(_ data: UnsafeRawBufferPointer) -> (base: Int64, count: Int)? {
        guard data.count >= 9 else { return nil }
        let width = data[0] & 1 != 0 ? 5 : 4
        guard (data.count - 9) % width == 0 else { return nil }
        return (Int64(littleEndian: data.loadUnaligned(fromByteOffset: 1, as: Int64.self)), (data.count - 9) / width)
    }

    /// Decodes `data` into `ids` and `masks` (left empty when every entry is plain), reusing
    /// their storage; false when the bytes are not a run.
    static func decode(_ data: UnsafeRawBufferPointer, ids: inout [Int64], masks: inout [UInt8]) -> Bool {
        ids.removeAll(keepingCapacity: true)
        masks.removeAll(keepingCapacity: true)
        guard let (base, count) = header(data) else { return false }
        let hasMasks = data[0] & 1 != 0
        ids.reserveCapacity(count)
        for k in 0..<count {
            let offset = UInt32(littleEndian: data.loadUnaligned(fromByteOffset: 9 + 4 * k, as: UInt32.self))
            ids.append(base + Int64(offset))
        }
        if hasMasks { masks.append(contentsOf: data[(9 + 4 * count)...]) }
        return true
    }

    /// A run decoded from stored bytes; nil when they are not one.
    init?(data: UnsafeRawBufferPointer) {
        guard Self.decode(data, ids: &ids, masks: &masks) else { return nil }
        if masks.isEmpty { masks = [UInt8](repeating: Self.plain, count: ids.count) }
    }

    init() {}

    /// The bit of one combination of attribute values.
    static func bit(negated: Bool, hedged: Bool, attributed: Bool) -> UInt8 {
        1 << ((negated ? 1 : 0) | (hedged ? 2 : 0) | (attributed ? 4 : 0))
    }

    /// The masks bits that satisfy an attribute filter (`alliance:negated:-hedged`): a unit
    /// matches when its mask and this share a bit, that is when one mention has them all.
    static func accepted(by attributes: [MentionAttribute: Bool]) -> UInt8 {
        if attributes.isEmpty { return 0xFF }
        var accepted: UInt8 = 0
        for combination in 0..<8 {
            let values = (negated: combination & 1 != 0, hedged: combination & 2 != 0, attributed: combination & 4 != 0)
            let matches = attributes.allSatisfy { attribute, wanted in
                switch attribute {
                case .negated: values.negated == wanted
                case .hedged: values.hedged == wanted
                case .attributed: values.attributed == wanted
                }
            }
            if matches { accepted |= 1 << combination }
        }
        return accepted
    }
}
