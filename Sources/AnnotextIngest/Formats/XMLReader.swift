import AnnotextCore
import CLibXML2

/// Reads XML through libxml2: TEI by its elements (head, p, item, quote, note), any other XML
/// by treating elements that directly hold text as blocks. Entities are never expanded: a
/// document that declares any is refused before libxml2 does work on them.
struct XMLReader {
    static let teiNamespace = "http://www.tei-c.org/ns/1.0"

    /// Reads `bytes` named `name`.
    func read(_ bytes: [UInt8], name: String) throws(IngestError) -> Document {
        // An empty file is an empty document, as for every other format.
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return Document(name: name, format: .xml, text: "")
        }
        let parse = LibXMLParse(xml: bytes)
        if parse.report.entityDeclarations > 0 {
            throw IngestError(
                name: name, reason: .entityDeclarations,
                message: "XML declares entities in a DTD, which annotext does not expand")
        }
        guard parse.wellFormed, let document = parse.document,
            let root = xmlDocGetRootElement(document)
        else {
            let line = Int(parse.report.firstLine)
            let detail = parse.firstErrorMessage ?? "no root element"
            let at = line > 0 ? " at line \(line)" : ""
            if detail.hasPrefix("Excessive depth in document") {
                // libxml2 suggests an option annotext deliberately never sets; say it plainly.
                throw IngestError(
                    name: name, reason: .malformedXML,
                    message: "XML nested too deep\(at): more than 256 levels of elements",
                    line: line > 0 ? line : nil)
            }
            throw IngestError(
                name: name, reason: .malformedXML, message: "not well-formed XML\(at): \(detail)",
                line: line > 0 ? line : nil)
        }
        if XMLReader.isTEI(root) {
            var visitor = TEIVisitor(capacity: bytes.count / 2)
            let title = TEIVisitor.title(in: root)
            let body = TEIVisitor.textElements(in: root)
            for element in body.isEmpty ? [root] : body { TreeWalker.walk(element, &visitor) }
            visitor.flushNotes()
            let (text, blocks) = visitor.builder.finish()
            return Document(name: name, title: title, format: .xml, text: text, blocks: blocks)
        }
        var visitor = GenericVisitor(capacity: bytes.count / 2)
        TreeWalker.walk(root, &visitor)
        let (text, blocks) = visitor.builder.finish()
        let title = blocks.first { $0.kind == .heading }.map {
            String(decoding: Array(text.utf8)[$0.range], as: UTF8.self)
        }
        return Document(name: name, title: title, format: .xml, text: text, blocks: blocks)
    }

    static func isTEI(_ element: xmlNodePtr) -> Bool {
        guard let ns = element.pointee.ns, let href = ns.pointee.href else { return false }
        return String(cString: href) == teiNamespace
    }

    /// Whether an element directly holds text that is not white space.
    static func holdsText(_ element: xmlNodePtr) -> Bool {
        var child = element.pointee.children
        while let node = child {
            if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE,
                let content = node.pointee.content
            {
                var i = 0
                while content[i] != 0 {
                    let b = content[i]
                    if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return true }
                    i += 1
                }
            }
            child = node.pointee.next
        }
        return false
    }
}

extension XMLReader {
    /// Any XML: an element that directly holds text is a block, its descendants inline.
    struct GenericVisitor: NodeVisitor {
        var builder: TextBuilder
        private var blockDepth = 0
        private var frames: [Bool] = []

        init(capacity: Int) { builder = TextBuilder(capacity: capacity) }

        static let headings: Set<UInt64> = Set(
            ["title", "head", "heading", "h1", "h2", "h3", "h4", "h5", "h6"].map(XMLNode.pack))
        static let items: Set<UInt64> = Set(["item", "li", "listitem"].map(XMLNode.pack))
        private var kind: BlockKind = .paragraph

        mutating func enter(_ element: xmlNodePtr) -> Bool {
            let isBlock = blockDepth == 0 && XMLReader.holdsText(element)
            if blockDepth == 0 { builder.boundary() }
            if isBlock {
                let name = XMLNode.packedName(element)
                kind = Self.headings.contains(name) ? .heading : Self.items.contains(name) ? .listItem : .paragraph
                blockDepth += 1
            }
            frames.append(isBlock)
            return true
        }

        mutating func leave(_ element: xmlNodePtr) {
            if frames.popLast() == true {
                blockDepth -= 1
                builder.boundary()
            }
        }

        mutating func text(_ node: xmlNodePtr) {
            guard blockDepth > 0, let content = node.pointee.content else { return }
            builder.append(XMLNode.bytes(content), kind: kind)
        }
    }
}
