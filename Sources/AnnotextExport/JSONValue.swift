/// A JSON value with ordered object keys, for the small outputs (concept lists, the concept
/// map, document lists), written deterministically.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .int(let value): hasher.combine(value)
        case .double(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let values): hasher.combine(values)
        case .object(let pairs):
            for (key, value) in pairs {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }
}

extension ByteSink {
    /// Writes a JSON value; objects and arrays of objects are laid out one member per line
    /// with two-space indentation when `pretty` is true.
    public func writeJSON(_ value: JSONValue, pretty: Bool = true, indent: Int = 0) {
        switch value {
        case .null: write("null")
        case .bool(let flag): write(flag ? "true" : "false")
        case .int(let number): writeInteger(number)
        case .double(let number): writeNumber(number)
        case .string(let text): writeJSONString(text)
        case .array(let values):
            if values.isEmpty {
                write("[]")
                return
            }
            let multiline = pretty && values.contains { if case .object = $0 { true } else { false } }
            write("[")
            for (i, element) in values.enumerated() {
                if i > 0 { write(",") }
                if multiline { newline(indent + 1) }
                writeJSON(element, pretty: pretty, indent: indent + 1)
            }
            if multiline { newline(indent) }
            write("]")
        case .object(let pairs):
            if pairs.isEmpty {
                write("{}")
                return
            }
            let nested = pretty && indent < 2
            write("{")
            for (i, (key, element)) in pairs.enumerated() {
                if i > 0 { write(nested ? "," : ", ") }
                if nested { newline(indent + 1) }
                writeJSONString(key)
                write(": ")
                writeJSON(element, pretty: pretty && nested, indent: indent + 1)
            }
            if nested { newline(indent) }
            write("}")
        }
        flushIfFull()
    }

    private func newline(_ indent: Int) {
        buffer.append(0x0A)
        for _ in 0..<indent { buffer.append(contentsOf: [0x20, 0x20]) }
    }
}
