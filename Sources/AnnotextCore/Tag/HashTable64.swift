/// An open-addressing table from 64-bit keys to 32-bit values, flat in two arrays so a lookup
/// touches one or two cache lines. It holds the vocabulary (folded-token hash → token id) and
/// the automaton's transitions (node and token id → node).
///
/// Folded tokens are identified by a 64-bit hash rather than compared byte by byte: with
/// at most a few hundred thousand distinct words the chance that an unrelated text token hashes
/// onto one of them is below 10⁻¹³ per token, and it saves storing and comparing the bytes.
struct HashTable64: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [UInt32]
    private(set) var count = 0
    private var shift: UInt64

    /// Creates an empty table sized for about `capacity` entries.
    init(capacity: Int = 16) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        values = [UInt32](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// Hashes a folded word eight bytes at a time. `bytes` must be readable up to 7 bytes past
    /// `count` (the scanner's fold buffer has that slack); the bytes past it do not count.
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var value = 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: count &+ 1)
        let raw = UnsafeRawPointer(bytes)
        var offset = 0
        while offset < count {
            var word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let remaining = count &- offset
            if remaining < 8 { word &= (1 << (UInt64(truncatingIfNeeded: remaining) &* 8)) &- 1 }
            value = (value ^ word) &* 0xFF51_AFD7_ED55_8CCD
            value ^= value >> 32
            offset &+= 8
        }
        value = (value ^ (value >> 29)) &* 0xC4CE_B9FE_1A85_EC53
        return value ^ (value >> 32)
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
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                Self.lookup(key, keys: keys.baseAddress.unsafelyUnwrapped, values: values.baseAddress.unsafelyUnwrapped,
                    mask: keys.count - 1, shift: shift)
            }
        }
    }

    /// The lookup on raw storage, for loops that hold the pointers.
    @inline(__always)
    static func lookup(
        _ key: UInt64, keys: UnsafePointer<UInt64>, values: UnsafePointer<UInt32>, mask: Int, shift: UInt64
    ) -> UInt32 {
        let key = key == 0 ? 1 : key
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }

    /// The right shift that turns a mixed key into a slot.
    var slotShift: UInt64 { shift }

    /// Stores `value` (not 0) for `key`, replacing what was there.
    mutating func set(_ value: UInt32, for key: UInt64) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = key == 0 ? 1 : key
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    private mutating func grow() {
        var bigger = HashTable64(capacity: keys.count)
        for slot in keys.indices where keys[slot] != 0 { bigger.set(values[slot], for: keys[slot]) }
        self = bigger
    }
}
