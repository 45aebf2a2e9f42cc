import Foundation

/// Turns SKOS resource URIs into the kebab-case ids of the YAML lexicon format.
enum SKOSIdentifier {
    /// The id for a concept URI: its fragment, else its last path segment, percent-decoded and
    /// made kebab-case (`…/core#BalanceOfPower` → `balance-of-power`); nil when nothing of it
    /// is left (a blank node, a URI of punctuation).
    static func id(fromURI uri: String) -> String? {
        if uri.hasPrefix("_:") { return nil }
        var name = Substring(uri)
        if let hash = name.lastIndex(of: "#") {
            let fragment = name[name.index(after: hash)...]
            if !fragment.isEmpty { return madeID(fragment) }
            name = name[..<hash]
        }
        if let query = name.firstIndex(of: "?") { name = name[..<query] }
        // `urn:isbn:…` ends in a colon-separated part, a URL in a path segment.
        guard let last = name.split(whereSeparator: { $0 == "/" || $0 == ":" }).last else { return nil }
        return madeID(last)
    }

    private static func madeID(_ name: Substring) -> String? {
        let decoded = String(name).removingPercentEncoding ?? String(name)
        let id = kebabCase(decoded)
        return id.isEmpty ? nil : id
    }

    /// Lower-case ASCII letters and digits joined by single hyphens: camel case is split
    /// (`balanceOfPower`, `NATOMember` → `nato-member`), diacritics are dropped, and any other
    /// character separates words.
    static func kebabCase(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive], locale: nil)
        let scalars = Array(folded.unicodeScalars)
        var out = ""
        var pendingHyphen = false
        for (index, scalar) in scalars.enumerated() {
            let isUpper = scalar >= "A" && scalar <= "Z"
            let isLower = scalar >= "a" && scalar <= "z"
            let isDigit = scalar >= "0" && scalar <= "9"
            guard isUpper || isLower || isDigit else {
                pendingHyphen = !out.isEmpty
                continue
            }
            if isUpper, index > 0, !out.isEmpty {
                let previous = scalars[index - 1]
                let previousIsLowerOrDigit =
                    (previous >= "a" && previous <= "z") || (previous >= "0" && previous <= "9")
                let previousIsUpper = previous >= "A" && previous <= "Z"
                let nextIsLower = index + 1 < scalars.count && scalars[index + 1] >= "a" && scalars[index + 1] <= "z"
                // A word starts at aB, and at the last capital of a run followed by lower case (NATOMember).
                if previousIsLowerOrDigit || (previousIsUpper && nextIsLower) { pendingHyphen = true }
            }
            if pendingHyphen { out += "-" }
            pendingHyphen = false
            out.unicodeScalars.append(isUpper ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar)
        }
        return out
    }

    /// `reference` resolved against `base` the simple way RDF/XML files need: absolute
    /// references stay, `#frag` replaces the base's fragment, `/path` keeps the base's host,
    /// other relative paths replace the base's last segment.
    static func resolve(_ reference: String, against base: String) -> String {
        if reference.contains(":") && !reference.hasPrefix("#") && !reference.hasPrefix("/") {
            if let colon = reference.firstIndex(of: ":"),
                reference[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." })
            {
                return reference
            }
        }
        let baseWithoutFragment =
            base.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? base
        if reference.isEmpty { return baseWithoutFragment }
        if reference.hasPrefix("#") { return baseWithoutFragment + reference }
        if reference.hasPrefix("/") {
            guard let schemeEnd = baseWithoutFragment.range(of: "://") else { return reference }
            let afterScheme = baseWithoutFragment[schemeEnd.upperBound...]
            let host =
                afterScheme.firstIndex(of: "/").map { baseWithoutFragment[..<$0] } ?? Substring(baseWithoutFragment)
            return host + reference
        }
        guard let slash = baseWithoutFragment.lastIndex(of: "/") else { return reference }
        return baseWithoutFragment[...slash] + reference
    }
}
