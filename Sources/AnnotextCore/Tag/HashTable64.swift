/// An open-addressing table from 64-bit keys to 32-bit values. It holds the vocabulary
/// (folded-token hash → token id) and the automaton's transitions (node and token id → node).
///
/// Each slot is two words side by side, the key then the value, so a lookup in a table larger
/// than the cache costs one miss, not one for the key and another for the value.
///
/// Folded tokens are identified by a 64-bit hash rather than compared byte by byte: with
/// at most a few hundred thousand distinct words the chance that an unrelated text token hashes
/// onto one of them is below 10⁻¹³ per token, and it saves storing and comparing the bytes.
struct HashTable64: Sendable {
    /// Slot `i` is `slots[2 * i]` (the key, 0: empty) and `slots[2 * i + 1]` (the value).
    private(set) var slots: [UInt64]
    private(set) var count = 0
    private var shift: UInt64

    /// Creates an empty table sized for about `capacity` entries.
    init(capacity: Int = 16) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        slots = [UInt64](repeating: 0, count: 2 << bits)
        shift = 64 - bits
    }

    /// How many slots it has (a power of two).
    var slotCount: Int { slots.count / 2 }

    /// Hashes a folded word eight bytes at a time. `bytes` must be readable up to 7 bytes past
    /// `count` (the scanner's fold buffer has that slack); the bytes past it do not count.
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var value = seed(count)
        let raw = UnsafeRawPointer(bytes)
        var offset = 0
        while offset < count {
            var word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let remaining = count &- offset
            if remaining < 8 { word &= (1 << (UInt64(truncatingIfNeeded: remaining) &* 8)) &- 1 }
            value = mix(value, word)
            offset &+= 8
        }
        return finish(value)
    }

    /// The hash of a word of 1 to 8 bytes held in `word` (first byte lowest, the bytes past
    /// `count` zero), equal to `hash(_:count:)` of those bytes.
    @inline(__always)
    static func hash(word: UInt64, count: Int) -> UInt64 {
        finish(mix(seed(count), word))
    }

    @inline(__always)
    private static func seed(_ count: Int) -> UInt64 {
        0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: count &+ 1)
    }

    @inline(__always)
    private static func mix(_ value: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (value ^ word) &* 0xFF51_AFD7_ED55_8CCD
        return mixed ^ mixed >> 32
    }

    @inline(__always)
    private static func finish(_ value: UInt64) -> UInt64 {
        let mixed = (value ^ (value >> 29)) &* 0xC4CE_B9FE_1A85_EC53
        return mixed ^ (mixed >> 32)
    }

    /// The hash of `bytes`, as `hash(_:count:)` computes it.
    static func hash<Bytes: Sequence>(of bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var padded = Array(bytes)
        let count = padded.count
        padded += [0, 0, 0, 0, 0, 0, 0, 0]
        return padded.withUnsafeBufferPointer { hash($0.baseAddress.unsafelyUnwrapped, count: count) }
    }

    /// The value stored for `key`, or 0.
    @inline(__always)
    func value(for key: UInt64) -> UInt32 {
        slots.withUnsafeBufferPointer { slots in
            View(slots: slots.baseAddress.unsafelyUnwrapped, mask: slotCount - 1, shift: shift).value(for: key)
        }
    }

    /// The right shift that turns a mixed key into a slot.
    var slotShift: UInt64 { shift }

    /// Stores `value` (not 0) for `key`, replacing what was there.
    mutating func set(_ value: UInt32, for key: UInt64) {
        if (count + 1) * 2 > slotCount { grow() }
        let key = key == 0 ? 1 : key
        let mask = slotCount - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[2 * slot] != 0 && slots[2 * slot] != key { slot = (slot + 1) & mask }
        if slots[2 * slot] == 0 { count += 1 }
        slots[2 * slot] = key
        slots[2 * slot + 1] = UInt64(value)
    }

    private mutating func grow() {
        var bigger = HashTable64(capacity: slotCount)
        for slot in 0..<slotCount where slots[2 * slot] != 0 {
            bigger.set(UInt32(truncatingIfNeeded: slots[2 * slot + 1]), for: slots[2 * slot])
        }
        self = bigger
    }

    /// A read-only view of a table's slots for loops that hold the pointer (the slots must
    /// outlive it).
    struct View {
        let slots: UnsafePointer<UInt64>
        let mask: Int
        let shift: UInt64

        /// The value stored for `key`, or 0.
        @inline(__always)
        func value(for key: UInt64) -> UInt32 {
            UInt32(truncatingIfNeeded: entry(for: key))
        }

        /// The whole value word of `key`'s slot, or 0: the value in the low half, and whatever
        /// the owner of the slots put in the high half (`MatchTables` puts clause-cue roles).
        @inline(__always)
        func entry(for key: UInt64) -> UInt64 {
            let key = key == 0 ? 1 : key
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let found = slots[slot &* 2]
                if found == key { return slots[slot &* 2 &+ 1] }
                if found == 0 { return 0 }
                slot = (slot &+ 1) & mask
            }
        }
    }
}
