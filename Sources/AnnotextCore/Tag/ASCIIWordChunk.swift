/// Eight bytes of text read as one word and classified at once (SWAR): how many of them, from
/// the first, are ASCII letters or digits, their folded form and how many capitals and small
/// letters they hold. The scanner's word loop takes a whole chunk per step instead of a byte,
/// which is most of a word in English prose.
///
/// Each test adds a constant to every byte and reads the byte's top bit. A byte below 0x80 never
/// carries into the next one; the first byte from 0x80 ends the run, so whatever it carries into
/// later bytes is never read.
struct ASCIIWordChunk {
    /// How many leading bytes are ASCII letters or digits (0…8).
    let length: Int
    /// The chunk with capitals folded to small letters (bytes past `length` are unspecified).
    let folded: UInt64
    /// Capitals among the first `length` bytes, counted up to 2 (the scanner only asks
    /// whether a word has none, one or several: a popcount costs more than the whole test).
    let upperCount: Int
    /// Small letters among the first `length` bytes, counted up to 2.
    let lowerCount: Int

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Bytes at least `low` and below `high` (both at most 0x80), as top bits; valid for bytes
    /// below 0x80.
    @inline(__always)
    private static func inRange(_ chunk: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let atLeastLow = chunk &+ ones &* UInt64(0x80 &- low)
        let atLeastHigh = chunk &+ ones &* UInt64(0x80 &- high)
        return atLeastLow & ~atLeastHigh & highs
    }

    /// Classifies the eight bytes of `chunk`, the first in its low byte (a little-endian load).
    @inline(__always)
    init(_ chunk: UInt64) {
        let upper = Self.inRange(chunk, 0x41, 0x5B)
        let lower = Self.inRange(chunk, 0x61, 0x7B)
        let digit = Self.inRange(chunk, 0x30, 0x3A)
        let stops = (~(upper | lower | digit) | chunk) & Self.highs
        let length = stops.trailingZeroBitCount >> 3
        let run: UInt64 = length == 8 ? ~0 : (1 << UInt64(truncatingIfNeeded: length &* 8)) &- 1
        self.length = length
        folded = chunk | upper >> 2
        upperCount = Self.countUpToTwo(upper & run)
        lowerCount = Self.countUpToTwo(lower & run)
    }

    /// 0, 1, or 2 for two or more set bits.
    @inline(__always)
    private static func countUpToTwo(_ bits: UInt64) -> Int {
        (bits != 0 ? 1 : 0) &+ (bits & (bits &- 1) != 0 ? 1 : 0)
    }
}
