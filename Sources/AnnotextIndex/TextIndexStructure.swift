/// FTS5's structure record: which segments an index holds, by level (see
/// `TextIndexTransplant`). Layout: a 4-byte cookie, then varints: the number of levels, of
/// segments, the write counter, and per level its merge state, its number of segments and
/// per segment its id and first and last page. Varints are SQLite's: big-endian groups of 7
/// bits, a high bit on every byte but the last, the ninth byte whole.
struct TextIndexStructure: Equatable {
    struct Segment: Equatable {
        var id: Int64
        var firstPage: Int64
        var lastPage: Int64
    }

    struct Level: Equatable {
        /// Segments of this level being merged into the next one (an incremental merge).
        var merging: Int64
        var segments: [Segment]
    }

    /// FTS5 numbers segments from 1 and keeps their ids in 16 bits.
    static let maximumSegmentID: Int64 = 0xFFFF
    /// FTS5 has at most this many levels.
    static let maximumLevels = 64

    var cookie: [UInt8]
    var writeCounter: UInt64
    var levels: [Level]

    /// Reads a structure record: nil unless it is exactly one, every count consistent.
    init?(bytes: [UInt8]) {
        guard bytes.count >= 4 else { return nil }
        cookie = Array(bytes[0..<4])
        var reader = VarintReader(bytes: bytes, position: 4)
        guard let levelCount = reader.next(), let segmentCount = reader.next(), let counter = reader.next(),
            levelCount <= Self.maximumLevels
        else { return nil }
        writeCounter = counter
        levels = []
        var segments: UInt64 = 0
        for _ in 0..<levelCount {
            guard let merging = reader.next(), let count = reader.next(), count <= Self.maximumSegmentID,
                merging <= count
            else { return nil }
            var level = Level(merging: Int64(merging), segments: [])
            for _ in 0..<count {
                guard let id = reader.next(), let first = reader.next(), let last = reader.next(),
                    id >= 1, id <= Self.maximumSegmentID, first <= Int64.max, last <= Int64.max
                else { return nil }
                level.segments.append(Segment(id: Int64(id), firstPage: Int64(first), lastPage: Int64(last)))
            }
            segments += count
            levels.append(level)
        }
        guard reader.isAtEnd, segments == segmentCount else { return nil }
    }

    /// Adds a segment as the newest of level 0, where FTS5 puts the segments it writes.
    mutating func appendToFirstLevel(_ segment: Segment) {
        if levels.isEmpty { levels.append(Level(merging: 0, segments: [])) }
        levels[0].segments.append(segment)
    }

    var bytes: [UInt8] {
        var bytes = cookie
        Varint.append(UInt64(levels.count), to: &bytes)
        Varint.append(UInt64(levels.reduce(0) { $0 + $1.segments.count }), to: &bytes)
        Varint.append(writeCounter, to: &bytes)
        for level in levels {
            Varint.append(UInt64(level.merging), to: &bytes)
            Varint.append(UInt64(level.segments.count), to: &bytes)
            for segment in level.segments {
                Varint.append(UInt64(segment.id), to: &bytes)
                Varint.append(UInt64(segment.firstPage), to: &bytes)
                Varint.append(UInt64(segment.lastPage), to: &bytes)
            }
        }
        return bytes
    }

    /// The totals record: varints, the number of rows and then the tokens of each column.
    struct Totals: Equatable {
        var values: [UInt64]

        /// nil unless `bytes` are whole varints; no bytes read as no totals yet.
        init?(bytes: [UInt8]) {
            var reader = VarintReader(bytes: bytes, position: 0)
            values = []
            while !reader.isAtEnd {
                guard let value = reader.next() else { return nil }
                values.append(value)
            }
        }

        init(values: [UInt64]) { self.values = values }

        /// Both indexes' totals together, value by value.
        func adding(_ other: Totals) -> Totals {
            var sum = values.count >= other.values.count ? values : other.values
            let shorter = values.count >= other.values.count ? other.values : values
            for (k, value) in shorter.enumerated() { sum[k] &+= value }
            return Totals(values: sum)
        }

        var bytes: [UInt8] {
            var bytes: [UInt8] = []
            for value in values { Varint.append(value, to: &bytes) }
            return bytes
        }
    }
}

/// SQLite's variable-length integers (see `TextIndexStructure`).
enum Varint {
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        if value >> 56 != 0 {
            // Nine bytes: eight of 7 bits, then the low 8 bits whole.
            var rest = value >> 8
            var groups = [UInt8](repeating: 0, count: 8)
            for k in stride(from: 7, through: 0, by: -1) {
                groups[k] = UInt8(rest & 0x7F) | 0x80
                rest >>= 7
            }
            bytes += groups
            bytes.append(UInt8(value & 0xFF))
            return
        }
        var groups: [UInt8] = []
        var rest = value
        repeat {
            groups.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        } while rest != 0
        groups[0] &= 0x7F
        bytes += groups.reversed()
    }
}

/// Reads SQLite varints from a byte array; `next` is nil at a truncated one.
struct VarintReader {
    let bytes: [UInt8]
    var position: Int

    var isAtEnd: Bool { position >= bytes.count }

    mutating func next() -> UInt64? {
        var value: UInt64 = 0
        for k in 0..<9 {
            guard position < bytes.count else { return nil }
            let byte = bytes[position]
            position += 1
            if k == 8 { return value << 8 | UInt64(byte) }
            value = value << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 { return value }
        }
        return value
    }
}
