import AnnotextCore
import AnnotextIngest

/// libFuzzer entry: the first byte picks the format (text, Markdown, HTML, XML, or sniffed from
/// the content), the rest is the document. Besides crashes and sanitizer reports, the reader's
/// promises are checked: blocks lie inside the text, in order, on UTF-8 scalar boundaries, and
/// an error is one line naming the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let formats: [DocumentFormat?] = [.text, .markdown, .html, .xml, nil]
    let format = formats[Int(data[0]) % formats.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let reader = DocumentReader(options: ReadOptions(maxSize: 1_000_000))
    do {
        let result = try reader.read(bytes, name: "fuzz", format: format)
        check(result.document)
    } catch {
        let message = error.description
        precondition(message.hasPrefix("fuzz: "), "error does not name the input: \(message)")
        precondition(!message.contains("\n"), "error is not one line")
    }
    return 0
}

private func check(_ document: Document) {
    let utf8 = Array(document.text.utf8)
    var previousEnd = 0
    for block in document.blocks {
        precondition(block.range.lowerBound >= previousEnd, "blocks overlap or go backwards")
        precondition(block.range.upperBound <= utf8.count, "block ends past the text")
        precondition(!isContinuation(utf8, block.range.lowerBound), "block starts inside a scalar")
        precondition(!isContinuation(utf8, block.range.upperBound), "block ends inside a scalar")
        previousEnd = block.range.upperBound
    }
}

private func isContinuation(_ utf8: [UInt8], _ offset: Int) -> Bool {
    offset < utf8.count && utf8[offset] & 0xC0 == 0x80
}
