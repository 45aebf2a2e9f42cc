import AnnotextCore
import CLibXML2

/// Reads HTML through libxml2's HTML parser into extracted text with paragraph, heading and
/// list-item blocks. Scripts, styles, navigation, forms and hidden elements leave no text.
struct HTMLReader {
    /// What an element means for the extracted text.
    enum Role {
        /// Left out with everything inside.
        case dropped
        /// A block of its own kind.
        case heading, listItem, block
        /// Text kept with line breaks (`pre`).
        case preformatted
        /// A line break inside a block.
        case lineBreak
        /// A block boundary with no text of its own (`hr`).
        case separator
    }

    static let roles: [UInt64: Role] = {
        var table: [UInt64: Role] = [:]
        let dropped = [
            "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
            "head", "title", "svg", "math", "button", "select", "textarea", "iframe", "object", "embed",
            "canvas", "audio", "video", "map", "datalist", "dialog", "input", "img", "picture",
        ]
        for name in dropped { table[XMLNode.pack(name)] = .dropped }
        for name in ["h1", "h2", "h3", "h4", "h5", "h6", "summary"] { table[XMLNode.pack(name)] = .heading }
        table[XMLNode.pack("li")] = .listItem
        let blocks = [
            "p", "div", "blockquote", "section", "article", "main", "dt", "dd", "dl", "tr", "table", "td",
            "th", "ul", "ol", "figure", "figcaption", "caption", "address", "details", "fieldset", "legend",
            "center", "body", "html", "tbody", "thead", "tfoot", "hgroup", "menu", "option",
        ]
        for name in blocks { table[XMLNode.pack(name)] = .block }
        for name in ["pre", "listing", "xmp", "plaintext"] { table[XMLNode.pack(name)] = .preformatted }
        table[XMLNode.pack("br")] = .lineBreak
        table[XMLNode.pack("hr")] = .separator
        return table
    }()

    /// Reads `bytes` named `name`.
    func read(_ bytes: [UInt8], name: String) -> (Document, [IngestWarning]) {
        var warnings: [IngestWarning] = []
        // libxml2 2.9 reads a page that names no charset as ISO-8859-1; the web's default today
        // is UTF-8, so say so when the bytes are valid UTF-8, and Windows-1252 (what browsers
        // use for Latin-1 pages) when they are not.
        var encoding: String?
        if !HTMLReader.declaresEncoding(bytes) {
            encoding = "UTF-8"
        }
        if encoding != nil, String(validating: bytes, as: UTF8.self) == nil {
            encoding = "windows-1252"
            warnings.append(
                IngestWarning(name: name, message: "not valid UTF-8 and no charset declared; read as Windows-1252"))
        }
        let parse = LibXMLParse(html: bytes, encoding: encoding)
        if let message = parse.firstErrorMessage, message.hasPrefix("Excessive depth in document") {
            // libxml2 stops at 256 levels; what came before is kept, the rest is lost.
            warnings.append(
                IngestWarning(
                    name: name, message: "HTML nested more than 256 levels deep; the text after that point is left out")
            )
        } else if parse.report.errors > 0 {
            warnings.append(IngestWarning(name: name, message: "malformed HTML, recovered"))
        }
        var visitor = Visitor(capacity: bytes.count / 2)
        var title: String?
        if let document = parse.document, let root = xmlDocGetRootElement(document) {
            title = HTMLReader.title(in: root)
            TreeWalker.walk(root, &visitor)
        }
        let (text, blocks) = visitor.builder.finish()
        if title == nil, let index = visitor.firstH1Block, index < blocks.count {
            title = String(decoding: Array(text.utf8)[blocks[index].range], as: UTF8.self)
        }
        return (
            Document(name: name, title: title, format: .html, text: text, blocks: blocks),
            warnings
        )
    }

    /// Whether the page names its charset (a byte-order mark, `<meta charset>`, http-equiv or
    /// an XML declaration) in its first 4 KB; libxml2 then follows the page.
    static func declaresEncoding(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE])
            || bytes.starts(with: [0xFE, 0xFF])
        {
            return true
        }
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func contains(_ needle: String) -> Bool {
            let n = Array(needle.utf8)
            guard head.count >= n.count else { return false }
            return (0...(head.count - n.count)).contains { head[$0..<$0 + n.count].elementsEqual(n) }
        }
        // `<meta charset=...>` and http-equiv's "text/html; charset=..." both read "charset=".
        if contains("charset=") { return true }
        return head.starts(with: Array("<?xml".utf8)) && contains("encoding=")
    }

    /// The text of `<head><title>`, if any.
    static func title(in root: xmlNodePtr) -> String? {
        var child = root.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, XMLNode.packedName(node) == XMLNode.pack("head") {
                var inner = node.pointee.children
                while let candidate = inner {
                    if candidate.pointee.type == XML_ELEMENT_NODE,
                        XMLNode.packedName(candidate) == XMLNode.pack("title")
                    {
                        let text = XMLNode.collapsedText(candidate)
                        return text.isEmpty ? nil : text
                    }
                    inner = candidate.pointee.next
                }
            }
            child = node.pointee.next
        }
        return nil
    }
}

extension HTMLReader {
    /// The walk's state: open headings, list items and preformatted elements, and the text so far.
    struct Visitor: NodeVisitor {
        var builder: TextBuilder
        /// One entry per open element: what it pushed, so `leave` can undo it.
        private var frames: [Frame] = []
        private var headings = 0
        private var listItems = 0
        private var preformatted = 0
        private var headingClasses = 0
        private var h1Open = false
        private(set) var firstH1Block: Int?

        struct Frame {
            var role: Role?
            var headingClass: Bool
            var isH1: Bool
        }

        init(capacity: Int) {
            builder = TextBuilder(capacity: capacity)
        }

        private var kind: BlockKind {
            headings > 0 ? .heading : listItems > 0 ? .listItem : .paragraph
        }

        mutating func enter(_ element: xmlNodePtr) -> Bool {
            let name = XMLNode.packedName(element)
            let role = HTMLReader.roles[name]
            if role == .dropped || Visitor.isHidden(element) { return false }
            var frame = Frame(role: role, headingClass: false, isH1: name == Visitor.h1)
            if let value = XMLNode.attribute(element, Visitor.role), XMLNode.value(value, containsCompact: "heading") {
                frame.role = .heading
            } else if let value = XMLNode.attribute(element, Visitor.classAttribute) {
                // Pages styled with utility classes mark headings only by class ("font-heading").
                frame.headingClass = XMLNode.value(value, containsCompact: "heading")
                if frame.role == .block, XMLNode.value(value, containsCompact: "whitespace-pre") {
                    frame.role = .preformatted
                }
            }
            switch frame.role {
            case .heading:
                builder.boundary()
                headings += 1
            case .listItem:
                builder.boundary()
                listItems += 1
            case .block: builder.boundary()
            case .preformatted:
                builder.boundary()
                preformatted += 1
            case .lineBreak: builder.lineBreak()
            case .separator: builder.boundary()
            case .dropped, nil: break
            }
            if frame.headingClass { headingClasses += 1 }
            if frame.isH1 && firstH1Block == nil {
                h1Open = true
            }
            frames.append(frame)
            return true
        }

        mutating func leave(_ element: xmlNodePtr) {
            guard let frame = frames.popLast() else { return }
            switch frame.role {
            case .heading:
                closeBlock()
                headings -= 1
            case .listItem:
                closeBlock()
                listItems -= 1
            case .block, .separator: closeBlock()
            case .preformatted:
                closeBlock()
                preformatted -= 1
            case .lineBreak, .dropped, nil: break
            }
            if frame.headingClass { headingClasses -= 1 }
        }

        private mutating func closeBlock() {
            let before = builder.blocks.count
            builder.boundary()
            if h1Open, builder.blocks.count > before {
                firstH1Block = before
                h1Open = false
            }
        }

        mutating func text(_ node: xmlNodePtr) {
            guard let content = node.pointee.content else { return }
            let bytes = XMLNode.bytes(content)
            if headingClasses > 0, headings == 0 {
                builder.append(bytes, kind: .paragraph, preformatted: preformatted > 0)
                builder.markHeadingCandidate()
            } else {
                builder.append(bytes, kind: kind, preformatted: preformatted > 0)
            }
        }

        static let h1 = XMLNode.pack("h1")
        static let role = XMLNode.pack("role")
        static let classAttribute = XMLNode.pack("class")
        static let hiddenAttribute = XMLNode.pack("hidden")
        static let styleAttribute = XMLNode.pack("style")

        /// `hidden`, inline `display:none` or `visibility:hidden` keep an element out of the text.
        static func isHidden(_ element: xmlNodePtr) -> Bool {
            guard element.pointee.properties != nil else { return false }
            if XMLNode.attribute(element, hiddenAttribute) != nil { return true }
            if let style = XMLNode.attribute(element, styleAttribute),
                XMLNode.value(style, containsCompact: "display:none")
                    || XMLNode.value(style, containsCompact: "visibility:hidden")
            {
                return true
            }
            return false
        }
    }
}
