/// Tells a web or e-mail address (`www.nato.int`, `https://un.org/x`, `info@nato.int`) from
/// words that merely touch a period (`system.The`, `os.path`): only an address's words are left
/// untagged. It reads bytes, as it runs whenever a word touches a period, slash or `@`.
enum WebAddress {
    /// Top-level domains that mark a bare `name.tld` as an address, packed as by `packed`.
    private static let domains: Set<UInt64> = Set(
        ["com", "org", "net", "int", "gov", "edu", "mil", "info", "io", "eu", "uk", "us", "de", "fr",
         "ru", "ch", "be", "ca", "au", "nl", "it", "es", "jp", "cn", "in", "at", "se", "no", "dk", "pl"]
            .map { packed(Array($0.utf8)[...]) })

    /// Up to eight bytes, lower-cased, in one word (no allocation: it runs inside the scan).
    private static func packed<Bytes: Collection>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var value: UInt64 = 0
        for (index, byte) in bytes.prefix(8).enumerated() { value |= UInt64(lower(byte)) << UInt64(index * 8) }
        return value
    }

    /// Whether a chunk of text without white space is an address.
    static func isAddress(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        var low = 0
        var high = chunk.count
        while low < high, !isAlphanumeric(chunk[low]) { low += 1 }
        while high > low, !isAlphanumeric(chunk[high - 1]) { high -= 1 }
        guard high > low else { return false }
        if high - low > 4, lower(chunk[low]) == UInt8(ascii: "w"), lower(chunk[low + 1]) == UInt8(ascii: "w"),
            lower(chunk[low + 2]) == UInt8(ascii: "w"), chunk[low + 3] == UInt8(ascii: ".")
        {
            return true
        }
        var hostEnd = high
        var sawAt = false
        for index in low..<high {
            let byte = chunk[index]
            if byte == UInt8(ascii: ":"), index + 2 < high, chunk[index + 1] == UInt8(ascii: "/"),
                chunk[index + 2] == UInt8(ascii: "/")
            {
                return true
            }
            if byte == UInt8(ascii: "@") { sawAt = true }
            if sawAt, byte == UInt8(ascii: "."), index > low { return true }
            if hostEnd == high, byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") {
                hostEnd = index
            }
        }
        // A bare host: `name.tld`, with a letter before the last period.
        var dot = hostEnd - 1
        while dot > low, chunk[dot] != UInt8(ascii: ".") { dot -= 1 }
        guard dot > low, dot + 1 < hostEnd else { return false }
        return hostEnd - dot - 1 <= 8 && domains.contains(packed(chunk[dot + 1..<hostEnd]))
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        let folded = byte | 0x20
        return (folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte >= 0x80
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
