/// Tells a web or e-mail address (`www.nato.int`, `https://un.org/x`, `info@nato.int`) from
/// words that merely touch a period (`system.The`): only an address's words are left untagged.
enum WebAddress {
    /// Top-level domains that mark a bare `name.tld` as an address.
    private static let domains: Set<String> = [
        "com", "org", "net", "int", "gov", "edu", "mil", "info", "io", "eu", "uk", "us", "de", "fr",
        "ru", "ch", "be", "ca", "au", "nl", "it", "es", "jp", "cn", "in", "at", "se", "no", "dk", "pl",
    ]

    /// Whether a chunk of text without white space is an address.
    static func isAddress(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = String(decoding: chunk, as: UTF8.self).lowercased()
        let trimmed = text.trimmingEdges(where: { !($0.isLetter || $0.isNumber) })
        if trimmed.contains("://") || trimmed.hasPrefix("www.") { return true }
        if let at = trimmed.firstIndex(of: "@"), trimmed[at...].contains(".") { return true }
        let host = trimmed.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let dot = host.lastIndex(of: "."), host[..<dot].contains(where: \.isLetter) else { return false }
        return domains.contains(String(host[host.index(after: dot)...]))
    }
}

extension String {
    /// The string without leading and trailing characters that match `isEdge`.
    fileprivate func trimmingEdges(where isEdge: (Character) -> Bool) -> Substring {
        var slice = self[...]
        while let first = slice.first, isEdge(first) { slice = slice.dropFirst() }
        while let last = slice.last, isEdge(last) { slice = slice.dropLast() }
        return slice
    }
}
