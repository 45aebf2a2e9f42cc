import AnnotextCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads bytes or files into `Document`s: plain text, Markdown, HTML and XML/TEI.
///
/// Plain text keeps the decoded input character for character (only a byte-order mark is
/// dropped; `\r\n` stays), with no blocks. Markdown, HTML and XML give extracted text: blocks
/// joined by a blank line, white space inside a block collapsed. Every block carries a
/// language guess; the document carries the majority.
public struct DocumentReader: Sendable {
    /// The limits the reader applies.
    public var options: ReadOptions

    /// Creates a reader.
    public init(options: ReadOptions = .init()) {
        self.options = options
    }

    /// Reads the file at `url` as document `name`; `format` nil means from the extension, else
    /// from the content.
    public func read(contentsOf url: URL, name: String, format: DocumentFormat? = nil) throws(IngestError) -> ReadResult
    {
        let bytes = try FileBytes.read(path: url.path, name: name, maxSize: options.maxSize)
        var result = try read(
            bytes, name: name, format: format ?? DocumentReader.format(forName: url.lastPathComponent))
        result.document.source = url.path
        return result
    }

    /// Reads standard input to its end as document `name` (plain text unless `format` says
    /// otherwise: nothing is sniffed from stdin), refusing it once it passes the size limit.
    public func readStandardInput(name: String, format: DocumentFormat? = nil) throws(IngestError) -> ReadResult {
        let bytes = try FileBytes.readAll(0, name: name, maxSize: options.maxSize)
        return try read(bytes, name: name, format: format ?? .text)
    }

    /// Reads `bytes` as document `name`; `format` nil means from the name's extension, else
    /// sniffed from the content.
    public func read(_ bytes: [UInt8], name: String, format: DocumentFormat? = nil) throws(IngestError) -> ReadResult {
        if bytes.count > options.maxSize {
            throw FileBytes.tooLarge(name: name, size: bytes.count, limit: options.maxSize)
        }
        let format = format ?? DocumentReader.format(forName: name) ?? DocumentReader.sniff(bytes)
        var warnings: [IngestWarning] = []
        var document: Document
        switch format {
        case .text:
            let decoded = try decode(bytes, name: name, warnings: &warnings)
            document = Document(name: name, format: .text, text: decoded)
            if options.detectsLanguage { document.language = LanguageGuesser.guessPlainText(decoded) }
            return ReadResult(document: document, warnings: warnings)
        case .markdown:
            let decoded = try decode(bytes, name: name, warnings: &warnings)
            document = MarkdownReader().read(decoded, name: name)
        case .html:
            if TextDecoder.looksBinary(bytes[...]) && !DocumentReader.hasUTF16Mark(bytes) {
                throw IngestError(name: name, reason: .binary, message: "looks like a binary file, not text")
            }
            let (html, htmlWarnings) = HTMLReader().read(bytes, name: name)
            document = html
            warnings += htmlWarnings
        case .xml:
            if TextDecoder.looksBinary(bytes[...]) && !DocumentReader.hasUTF16Mark(bytes) {
                throw IngestError(name: name, reason: .binary, message: "looks like a binary file, not text")
            }
            document = try XMLReader().read(bytes, name: name)
        }
        if options.detectsLanguage {
            document.language = LanguageGuesser.assign(to: &document.blocks, in: document.text)
        }
        return ReadResult(document: document, warnings: warnings)
    }

    private func decode(_ bytes: [UInt8], name: String, warnings: inout [IngestWarning]) throws(IngestError) -> String {
        do {
            let decoded = try TextDecoder.decode(bytes)
            if decoded.encoding == .windows1252 {
                warnings.append(IngestWarning(name: name, message: "not valid UTF-8; read as Windows-1252"))
            }
            return decoded.text
        } catch {
            throw IngestError(name: name, reason: .binary, message: "looks like a binary file, not text")
        }
    }

    private static func hasUTF16Mark(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    }
}
