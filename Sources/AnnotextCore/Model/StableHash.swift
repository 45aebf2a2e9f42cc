/// A 64-bit FNV-1a hash, the same on every run and platform: content hashes of documents and
/// lexicons are stored in the corpus and compared later.
public struct StableHash: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Creates an empty hash.
    public init() {}

    /// Adds bytes.
    public mutating func combine<C: Collection>(bytes: C) where C.Element == UInt8 {
        var state = self.state
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01b3
        }
        self.state = state
    }

    /// Adds a string's UTF-8 bytes and a separator, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine(bytes: $0) }
        combine(bytes: CollectionOfOne(0xFF))
    }

    /// The hash as 16 lower-case hex digits.
    public var hexDigest: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
