import AnnotextCore
import CLibXML2

/// Reads RDF/XML into an `SKOSGraph` with libxml2, under the same rules as ingest: one parser
/// context per parse, no network, no DTD loading, no entity substitution, and the first entity
/// declaration stops the parse (billion laughs and external entities are refused, not expanded).
///
/// The libxml2 document lives only inside `graph(from:file:)`; what leaves is plain values.
final class SKOSXMLReader {
    private let file: String
    private let bytes: [UInt8]
    private var document: xmlDocPtr?
    private var graph = SKOSGraph()
    private var blankCount = 0
    /// Byte offsets where each line starts, built on the first column lookup.
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        return starts
    }()

    /// libxml2 wants `xmlInitParser` once before threads parse; a static `let` runs it once.
    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    deinit {
        if let document { xmlFreeDoc(document) }
    }

    /// The statements of the RDF/XML in `bytes`; `file` names it in errors.
    static func graph(from bytes: [UInt8], file: String) throws(LexiconError) -> SKOSGraph {
        let reader = SKOSXMLReader(bytes: bytes, file: file)
        try reader.parse()
        reader.walk()
        return reader.graph
    }

    private func parse() throws(LexiconError) {
        guard !bytes.isEmpty else { throw LexiconError(file: file, message: "the file is empty") }
        _ = Self.libraryInitialized
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        var report = annotext_ParseReport()
        var wellFormed = false
        var column = 0
        let count = Int32(clamping: bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let ctxt = xmlCreateMemoryParserCtxt(chars.baseAddress, count) else { return }
                defer { xmlFreeParserCtxt(ctxt) }
                _ = xmlCtxtUseOptions(ctxt, options)
                withUnsafeMutablePointer(to: &report) { report in
                    annotext_attachReport(ctxt, report)
                    annotext_refuseEntities(ctxt)
                    _ = xmlParseDocument(ctxt)
                    ctxt.pointee._private = nil
                }
                wellFormed = ctxt.pointee.wellFormed != 0
                // A refused entity stops the parse without an error: the input's line is where it is.
                if report.entityDeclarations > 0, let input = ctxt.pointee.input {
                    report.firstLine = input.pointee.line
                    column = Int(input.pointee.col)
                }
                // Without recovery libxml2 stops at the first fatal error, so the last error is it.
                if ctxt.pointee.lastError.line == report.firstLine { column = Int(ctxt.pointee.lastError.int2) }
                document = ctxt.pointee.myDoc
                ctxt.pointee.myDoc = nil
            }
        }
        let line = report.firstLine > 0 ? Int(report.firstLine) : nil
        if report.entityDeclarations > 0 {
            throw LexiconError(
                file: file, line: line, column: line == nil ? nil : max(column, 1),
                message: "declares an entity; annotext never expands entities")
        }
        guard wellFormed, report.errors == 0, document != nil else {
            throw LexiconError(
                file: file, line: line, column: line == nil ? nil : max(column, 1),
                message: "not well-formed XML: \(firstMessage(report))")
        }
    }

    private func firstMessage(_ report: annotext_ParseReport) -> String {
        var report = report
        let text = withUnsafeBytes(of: &report.firstMessage) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.isEmpty ? "libxml2 gave no reason" : words
    }

    // MARK: Walking RDF/XML

    private func walk() {
        guard let document, let root = xmlDocGetRootElement(document) else { return }
        if Self.isName(root, SKOSVocabulary.rdf, "RDF") {
            for child in Self.elementChildren(root) { _ = nodeElement(child) }
        } else {
            _ = nodeElement(root)
        }
    }

    /// A node element (`<skos:Concept rdf:about="…">`, `<rdf:Description>`): records its type,
    /// property attributes and property elements, and returns its subject's index.
    private func nodeElement(_ node: xmlNodePtr) -> Int {
        let subject: String
        if let about = Self.attribute(node, SKOSVocabulary.rdf, "about") {
            subject = resolve(about, at: node)
        } else if let id = Self.attribute(node, SKOSVocabulary.rdf, "ID") {
            subject = resolve("#" + id, at: node)
        } else if let nodeID = Self.attribute(node, SKOSVocabulary.rdf, "nodeID") {
            subject = "_:" + nodeID
        } else {
            blankCount += 1
            subject = "_:b\(blankCount)"
        }
        let index = graph.describe(subject, at: location(of: node))
        if let type = Self.uri(of: node), type != SKOSVocabulary.rdf + "Description" {
            graph.addType(type, to: index)
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let namespace = current.pointee.ns?.pointee.href, let name = current.pointee.name else { continue }
            let predicate = Self.string(namespace) + Self.string(name)
            if predicate.hasPrefix(SKOSVocabulary.xml) { continue }
            let value = current.pointee.children?.pointee.content.map(Self.string) ?? ""
            if predicate == SKOSVocabulary.rdf + "type" {
                graph.addType(resolve(value, at: node), to: index)
            } else if !predicate.hasPrefix(SKOSVocabulary.rdf) {
                graph.addLiteral(
                    SKOSLiteral(
                        predicate: predicate, value: value, language: language(of: node), location: location(of: node)),
                    to: index)
            }
        }
        for child in Self.elementChildren(node) { propertyElement(child, subject: index) }
        return index
    }

    /// A property element: a link (`rdf:resource`, `rdf:nodeID`, a nested node element) or text.
    private func propertyElement(_ node: xmlNodePtr, subject: Int) {
        guard let predicate = Self.uri(of: node) else { return }
        let place = location(of: node)
        var targets: [String] = []
        if let resource = Self.attribute(node, SKOSVocabulary.rdf, "resource") {
            targets.append(resolve(resource, at: node))
        } else if let nodeID = Self.attribute(node, SKOSVocabulary.rdf, "nodeID") {
            targets.append("_:" + nodeID)
        } else if Self.attribute(node, SKOSVocabulary.rdf, "parseType") == "Resource" {
            blankCount += 1
            let blank = graph.describe("_:b\(blankCount)", at: place)
            for child in Self.elementChildren(node) { propertyElement(child, subject: blank) }
            targets.append(graph.resources[blank].uri)
        } else {
            let nested = Self.elementChildren(node)
            if nested.isEmpty {
                if predicate == SKOSVocabulary.rdf + "type" { return }
                let text = Self.content(of: node)
                graph.addLiteral(
                    SKOSLiteral(predicate: predicate, value: text, language: language(of: node), location: place),
                    to: subject)
                return
            }
            for child in nested {
                // The nested node is described first; only then can its subject be read back.
                let index = nodeElement(child)
                targets.append(graph.resources[index].uri)
            }
        }
        for target in targets {
            if predicate == SKOSVocabulary.rdf + "type" {
                graph.addType(target, to: subject)
            } else {
                graph.addLink(SKOSLink(predicate: predicate, target: target, location: place), to: subject)
            }
        }
    }

    // MARK: libxml2 helpers

    private static func isName(_ node: xmlNodePtr, _ namespace: String, _ local: String) -> Bool {
        uri(of: node) == namespace + local
    }

    /// The element's namespace URI and local name, joined as RDF does; nil without a namespace.
    private static func uri(of node: xmlNodePtr) -> String? {
        guard let namespace = node.pointee.ns?.pointee.href, let name = node.pointee.name else { return nil }
        return string(namespace) + string(name)
    }

    private static func elementChildren(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    private static func attribute(_ node: xmlNodePtr, _ namespace: String, _ name: String) -> String? {
        let found: UnsafeMutablePointer<xmlChar>? = name.withCString { name in
            namespace.withCString { namespace in
                xmlGetNsProp(
                    node, UnsafeRawPointer(name).assumingMemoryBound(to: xmlChar.self),
                    UnsafeRawPointer(namespace).assumingMemoryBound(to: xmlChar.self))
            }
        }
        guard let value = found else { return nil }
        defer { annotext_xmlFree(value) }
        return string(value)
    }

    private static func content(of node: xmlNodePtr) -> String {
        guard let value = xmlNodeGetContent(node) else { return "" }
        defer { annotext_xmlFree(value) }
        return string(value)
    }

    private func language(of node: xmlNodePtr) -> String? {
        guard let value = xmlNodeGetLang(node) else { return nil }
        defer { annotext_xmlFree(value) }
        let language = Self.string(value)
        return language.isEmpty ? nil : language
    }

    /// `reference` made absolute against the `xml:base` in force, when there is one; otherwise
    /// as written (relative references still give their fragment or last segment as the id).
    private func resolve(_ reference: String, at node: xmlNodePtr) -> String {
        guard let document, let value = xmlNodeGetBase(document, node) else { return reference }
        defer { annotext_xmlFree(value) }
        return SKOSIdentifier.resolve(reference, against: Self.string(value))
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>) -> String {
        String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    private static func string(_ pointer: UnsafeMutablePointer<xmlChar>) -> String {
        string(UnsafePointer(pointer))
    }

    /// Where an element starts: its line from libxml2, its column found by looking for the
    /// start tag on that line (libxml2 keeps no columns for nodes).
    private func location(of node: xmlNodePtr) -> SourceLocation {
        let line = max(Int(xmlGetLineNo(node)), 1)
        guard line <= lineStarts.count, let name = node.pointee.name else {
            return SourceLocation(file: file, line: line)
        }
        var tag = "<"
        if let prefix = node.pointee.ns?.pointee.prefix { tag += Self.string(prefix) + ":" }
        tag += Self.string(name)
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        let needle = Array(tag.utf8)
        var offset = start
        while offset + needle.count <= end {
            if bytes[offset..<offset + needle.count].elementsEqual(needle) {
                let column = bytes[start..<offset].reduce(1) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
                return SourceLocation(file: file, line: line, column: column)
            }
            offset += 1
        }
        return SourceLocation(file: file, line: line)
    }
}
