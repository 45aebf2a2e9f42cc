import AnnotextCore

extension DocumentReader {
    /// The format a file name's extension stands for, or nil for an unknown extension.
    public static func format(forName name: String) -> DocumentFormat? {
        let file = name.split(separator: "/").last ?? Substring(name)
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return nil }
        switch file[file.index(after: dot)...].lowercased() {
        case "txt", "text": return .text
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "html", "htm", "xhtml": return .html
        case "xml", "tei": return .xml
        default: return nil
        }
    }

    /// The format content looks like: HTML or XML by its first markup, text otherwise.
    public static func sniff(_ bytes: [UInt8]) -> DocumentFormat {
        var head = bytes.prefix(1024)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        let start = head.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let lower = start.prefix(512).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func has(_ prefix: String) -> Bool { lower.starts(with: Array(prefix.utf8)) }
        func contains(_ needle: String) -> Bool {
            let n = Array(needle.utf8)
            guard lower.count >= n.count else { return false }
            return (0...(lower.count - n.count)).contains { lower[$0..<$0 + n.count].elementsEqual(n) }
        }
        if has("<!doctype html") || has("<html") || has("<head") || has("<body") { return .html }
        if has("<?xml") || has("<tei") || has("<!doctype") {
            return contains("<html") ? .html : .xml
        }
        return .text
    }
}
