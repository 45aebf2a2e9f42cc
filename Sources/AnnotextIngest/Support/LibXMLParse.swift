import CLibXML2

/// One libxml2 parse: the parser context, the document it built and what it reported.
/// The handles are freed in `deinit`; nothing of libxml2 leaves this module.
final class LibXMLParse {
    /// The parsed document, or nil when libxml2 built none.
    private(set) var document: xmlDocPtr?
    /// Errors and entity declarations the parse reported.
    private(set) var report = annotext_ParseReport()
    /// The parser's own state after the parse (well-formedness, last error).
    private(set) var wellFormed = true

    /// libxml2 wants `xmlInitParser` once, before threads parse in parallel (a `TaskGroup` of
    /// documents); a static `let` runs it exactly once, thread-safely.
    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// HTML: parse `bytes` with libxml2's recovering HTML parser, never touching the network.
    /// `encoding` names the charset to assume when the page declares none.
    init(html bytes: [UInt8], encoding: String?) {
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        _ = Self.libraryInitialized
        let count = Int32(clamping: bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard count > 0, let ctxt = htmlCreateMemoryParserCtxt(chars.baseAddress, count) else { return }
                defer { htmlFreeParserCtxt(ctxt) }
                _ = htmlCtxtUseOptions(ctxt, options)
                withUnsafeMutablePointer(to: &report) { report in
                    annotext_attachReport(ctxt, report)
                    annotext_routeThreadErrors(report)
                    defer { annotext_routeThreadErrors(nil) }
                    if let encoding { _ = annotext_switchEncoding(ctxt, encoding) }
                    _ = htmlParseDocument(ctxt)
                    ctxt.pointee._private = nil
                }
                wellFormed = ctxt.pointee.wellFormed != 0
                document = ctxt.pointee.myDoc
                ctxt.pointee.myDoc = nil
            }
        }
    }

    /// XML: parse `bytes` without network, DTD loading, default attributes or entity
    /// substitution; the first entity declaration stops the parse.
    init(xml bytes: [UInt8]) {
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_NOCDATA.rawValue)
        _ = Self.libraryInitialized
        let count = Int32(clamping: bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard count > 0, let ctxt = xmlCreateMemoryParserCtxt(chars.baseAddress, count) else { return }
                defer { xmlFreeParserCtxt(ctxt) }
                _ = xmlCtxtUseOptions(ctxt, options)
                withUnsafeMutablePointer(to: &report) { report in
                    annotext_attachReport(ctxt, report)
                    annotext_refuseEntities(ctxt)
                    _ = xmlParseDocument(ctxt)
                    ctxt.pointee._private = nil
                }
                wellFormed = ctxt.pointee.wellFormed != 0
                document = ctxt.pointee.myDoc
                ctxt.pointee.myDoc = nil
            }
        }
    }

    deinit {
        if let document { xmlFreeDoc(document) }
    }

    /// The first error's message, trimmed, or nil.
    var firstErrorMessage: String? {
        var report = report
        let message = withUnsafeBytes(of: &report.firstMessage) { raw -> String in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
        let trimmed = message.oneLine
        return trimmed.isEmpty ? nil : trimmed
    }
}
