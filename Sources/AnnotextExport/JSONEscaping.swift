import AnnotextCore
extension ByteSink {
    /// Appends `string` as a JSON string literal, escaping quotes, backslashes and control
    /// characters; other bytes (valid UTF-8) pass through unchanged.
    public func writeJSONString(_ string: String) {
        withJSONBytes { $0.appendString(string) }
    }

    /// Appends a decimal integer.
    public func writeInteger(_ value: Int) {
        if value < 0 {
            buffer.append(UInt8(ascii: "-"))
            if value == Int.min {
                write(String(value).dropFirst().description)
                return
            }
        }
        withJSONBytes { $0.appendInteger(abs(value)) }
    }

    /// Lends the buffer to the JSON encoder of the direct writers, so both escape alike.
    private func withJSONBytes(_ body: (inout JSONBytes) -> Void) {
        var bytes = JSONBytes(capacity: 0)
        swap(&bytes.bytes, &buffer)
        body(&bytes)
        swap(&bytes.bytes, &buffer)
    }

    /// Appends a number with up to six decimals, `null` when it is not finite.
    public func writeNumber(_ value: Double) {
        guard value.isFinite else {
            write("null")
            return
        }
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            writeInteger(Int(rounded))
        } else {
            write("\(rounded)")
        }
    }
}
