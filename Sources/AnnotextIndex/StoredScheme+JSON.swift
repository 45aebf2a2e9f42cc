import AnnotextCore

/// The canonical JSON of a `StoredScheme`, written by hand: byte for byte what `JSONEncoder`
/// with `.sortedKeys` gives for it (`StoredScheme.encodeWithFoundation`), several times faster.
/// Corpora store the hash of these bytes and compare it, so the output must not change:
///
/// - keys in ordinal (UTF-8) order, as `.sortedKeys` sorts them;
/// - a nil optional is left out, as the synthesized `encodeIfPresent` does;
/// - strings escape `"`, `\\` and `/` (as `\/`), write `\b \f \n \r \t` and `\u00xx` (lower
///   case) for the other control characters, and keep DEL and non-ASCII as raw UTF-8.
///
/// A property added to a `Stored*` type must be added here too, in its sorted place;
/// `StoredSchemeJSONTests` compares both encoders on schemes that set every property.
struct StoredSchemeJSON {
    private var json: JSONBytes

    private init(capacity: Int) {
        json = JSONBytes(capacity: capacity)
    }

    /// The JSON bytes of `scheme`.
    static func bytes(_ scheme: StoredScheme) -> [UInt8] {
        var writer = StoredSchemeJSON(capacity: 256 + scheme.concepts.count * 192)
        writer.write(scheme)
        return writer.json.bytes
    }

    // Keys: concepts, id, language, title, version.
    private mutating func write(_ scheme: StoredScheme) {
        json.append("{\"concepts\":")
        writeArray(scheme.concepts) { $0.write($1) }
        field(",\"id\":", scheme.id)
        field(",\"language\":", scheme.language)
        field(",\"title\":", scheme.title)
        field(",\"version\":", scheme.version)
        json.append("}")
    }

    // Keys: broader, definition?, hidden, id, label, note?, options, related, terms.
    private mutating func write(_ concept: StoredConcept) {
        json.append("{\"broader\":")
        writeArray(concept.broader) { $0.write($1) }
        field(",\"definition\":", concept.definition)
        json.append(",\"hidden\":")
        writeArray(concept.hidden) { $0.write($1) }
        field(",\"id\":", concept.id)
        field(",\"label\":", concept.label)
        field(",\"note\":", concept.note)
        json.append(",\"options\":")
        write(concept.options)
        json.append(",\"related\":")
        writeArray(concept.related) { $0.write($1) }
        json.append(",\"terms\":")
        writeArray(concept.terms) { $0.write($1) }
        json.append("}")
    }

    // Keys: options, text.
    private mutating func write(_ term: StoredTerm) {
        json.append("{\"options\":")
        write(term.options)
        field(",\"text\":", term.text)
        json.append("}")
    }

    // Keys: context, contextWindow?, exclusions, inflects?, isAcronym?, isCaseSensitive?.
    private mutating func write(_ options: StoredOptions) {
        json.append("{\"context\":")
        writeArray(options.context) { $0.write($1) }
        if let window = options.contextWindow {
            json.append(",\"contextWindow\":")
            json.append(Array(String(window).utf8))
        }
        json.append(",\"exclusions\":")
        writeArray(options.exclusions) { $0.write($1) }
        field(",\"inflects\":", options.inflects)
        field(",\"isAcronym\":", options.isAcronym)
        field(",\"isCaseSensitive\":", options.isCaseSensitive)
        json.append("}")
    }

    /// `key` (with its comma and colon) and the value; nothing when the value is nil.
    private mutating func field(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        json.append(key)
        write(value)
    }

    private mutating func field(_ key: StaticString, _ value: Bool?) {
        guard let value else { return }
        json.append(key)
        json.append(value ? "true" : "false")
    }

    private mutating func writeArray<Element>(_ elements: [Element], _ writeElement: (inout Self, Element) -> Void) {
        json.append("[")
        for (index, element) in elements.enumerated() {
            if index > 0 { json.append(",") }
            writeElement(&self, element)
        }
        json.append("]")
    }

    /// A string literal, escaped as `JSONEncoder` escapes it (see the type's comment); the bytes
    /// between escapes are copied in runs.
    private mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { text in
            json.bytes.append(0x22)
            var runStart = 0
            for i in text.indices {
                let byte = text[i]
                guard byte < 0x20 || byte == 0x22 || byte == 0x2F || byte == 0x5C else { continue }
                if runStart < i { json.append(UnsafeBufferPointer(rebasing: text[runStart..<i])) }
                writeEscape(byte)
                runStart = i + 1
            }
            if runStart < text.count { json.append(UnsafeBufferPointer(rebasing: text[runStart...])) }
            json.bytes.append(0x22)
        }
    }

    private mutating func writeEscape(_ byte: UInt8) {
        switch byte {
        case 0x22: json.append("\\\"")
        case 0x2F: json.append("\\/")
        case 0x5C: json.append("\\\\")
        case 0x08: json.append("\\b")
        case 0x09: json.append("\\t")
        case 0x0A: json.append("\\n")
        case 0x0C: json.append("\\f")
        case 0x0D: json.append("\\r")
        default:
            json.append("\\u00")
            json.bytes.append(Self.hexDigit(byte >> 4))
            json.bytes.append(Self.hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }
}
