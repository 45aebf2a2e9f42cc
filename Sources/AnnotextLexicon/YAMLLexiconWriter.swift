import AnnotextCore

/// Writes a concept scheme in the YAML lexicon format of `Lexicons/FORMAT.md`, so that
/// `ConceptScheme(contentsOf:)` reads the same scheme back (source locations aside).
///
/// Scalars are written plain only when YAML cannot read them as anything but that text
/// (no indicator characters, no leading digit or sign, not `true`, `no`, `null` …); everything
/// else is double-quoted with escapes, so labels such as `Yes`, `1984` or `NATO: the treaty`
/// survive as written.
public struct YAMLLexiconWriter: Sendable {
    /// Lines written before the scheme, each as a `#` comment.
    public var headerComments: [String]

    /// Creates a writer.
    public init(headerComments: [String] = []) {
        self.headerComments = headerComments
    }

    /// The YAML text of `scheme`.
    public func yaml(for scheme: ConceptScheme) -> String {
        var out = ""
        for comment in headerComments {
            out += "# " + comment.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
        }
        if !headerComments.isEmpty { out += "\n" }
        out += "scheme:\n"
        out += "  id: \(Self.scalar(scheme.id))\n"
        if !scheme.title.isEmpty { out += "  title: \(Self.scalar(scheme.title))\n" }
        out += "  language: \(Self.scalar(scheme.language))\n"
        if !scheme.version.isEmpty { out += "  version: \(Self.scalar(scheme.version))\n" }
        out += scheme.concepts.isEmpty ? "\nconcepts: []\n" : "\nconcepts:\n"
        for (index, concept) in scheme.concepts.enumerated() {
            if index > 0 { out += "\n" }
            out += conceptText(concept)
        }
        return out
    }

    private func conceptText(_ concept: Concept) -> String {
        var out = "  - id: \(Self.scalar(concept.id))\n"
        out += "    label: \(Self.scalar(concept.label))\n"
        if let definition = concept.definition { out += "    definition: \(Self.scalar(definition))\n" }
        if !concept.terms.isEmpty { out += termList("terms", concept.terms) }
        if !concept.hidden.isEmpty { out += termList("hidden", concept.hidden) }
        if !concept.broader.isEmpty { out += "    broader: \(Self.flowList(concept.broader))\n" }
        if !concept.related.isEmpty { out += "    related: \(Self.flowList(concept.related))\n" }
        out += Self.options(concept.options, indent: "    ")
        if let note = concept.note { out += "    note: \(Self.scalar(note))\n" }
        return out
    }

    private func termList(_ key: String, _ terms: [Term]) -> String {
        var out = "    \(key):\n"
        for term in terms {
            let options = Self.options(term.options, indent: "        ")
            if options.isEmpty {
                out += "      - \(Self.scalar(term.text))\n"
            } else {
                out += "      - term: \(Self.scalar(term.text))\n" + options
            }
        }
        return out
    }

    /// The match options that are set, one `key: value` line each.
    private static func options(_ options: MatchOptions, indent: String) -> String {
        var out = ""
        if let acronym = options.isAcronym { out += "\(indent)acronym: \(acronym)\n" }
        if let caseSensitive = options.isCaseSensitive { out += "\(indent)case-sensitive: \(caseSensitive)\n" }
        if let inflects = options.inflects { out += "\(indent)inflect: \(inflects)\n" }
        if !options.exclusions.isEmpty { out += "\(indent)exclude: \(flowList(options.exclusions))\n" }
        if !options.context.isEmpty { out += "\(indent)context: \(flowList(options.context))\n" }
        if let window = options.contextWindow { out += "\(indent)window: \(window)\n" }
        return out
    }

    /// `[a, b]`, each item quoted unless plain is safe (a flow list also forbids `,` `[` `]` `{` `}`).
    static func flowList(_ items: [String]) -> String {
        "[" + items.map(scalar).joined(separator: ", ") + "]"
    }

    /// `text` as a YAML scalar: plain when that is safe, else double-quoted.
    static func scalar(_ text: String) -> String {
        isSafePlain(text) ? text : doubleQuoted(text)
    }

    /// Words YAML 1.1 resolvers read as booleans or null when unquoted.
    private static let reservedWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null"]

    /// Punctuation that never starts or changes the meaning of a plain scalar in block or flow context.
    private static let plainPunctuation: Set<Unicode.Scalar> = [
        " ", "-", "_", ".", "'", "(", ")", "/", "&", "+", "\u{2019}", "\u{2018}", "\u{201C}", "\u{201D}", "\u{2013}",
        "\u{2014}",
    ]

    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        guard let last = text.unicodeScalars.last, last != " " else { return false }
        if reservedWords.contains(text.lowercased()) { return false }
        var previous: Unicode.Scalar = first
        for scalar in text.unicodeScalars {
            // "a -b" is fine, but " #" starts a comment and ": " a mapping; "  " is kept but odd.
            if scalar == " " && previous == " " { return false }
            previous = scalar
            if scalar.isASCII {
                let isWord =
                    (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                    || (scalar >= "0" && scalar <= "9")
                if isWord || plainPunctuation.contains(scalar) { continue }
                return false
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || plainPunctuation.contains(scalar) {
                continue
            }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: return false
            }
        }
        return true
    }

    /// A double-quoted YAML scalar: backslash, quote, control characters and YAML's own line
    /// breaks (NEL, LS, PS) and the byte-order mark escaped.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            case _ where scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
