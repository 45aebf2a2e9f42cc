import AnnotextCore

/// Writes tagged units as TEI XML in the TEI namespace: a `<TEI>` per document, units as
/// `<s n="INDEX">` grouped in `<p>` by blank lines of the document text, and mentions as
/// `<term ref="#CONCEPT">` (nested mentions nest), with `ana="#negated …"` for attributes.
///
/// The header's taxonomy declares every concept as a `<category xml:id="CONCEPT">`, so each
/// `ref` resolves inside the same file. `beginCorpus()`/`finishCorpus()` wrap documents in one
/// `<teiCorpus>`; without them each document is a file of its own.
public final class TEIWriter {
    /// A concept for the taxonomy: id and label.
    public typealias Category = (id: String, label: String)

    private let sink: ByteSink
    private let categories: [Category]
    private var isCorpus = false
    private var scanner: ParagraphBreakScanner?
    private var previousEnd: Int?
    private var isInDocument = false

    /// Creates a writer of `categories` (the scheme's concepts) to `sink`.
    public init(sink: ByteSink, categories: [Category]) {
        self.sink = sink
        self.categories = categories
    }

    /// Starts a `<teiCorpus>` with the taxonomy in its header.
    public func beginCorpus(title: String = "annotext corpus") {
        isCorpus = true
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">\n")
        writeHeader(title: title, source: "Exported by annotext.", taxonomy: true)
    }

    /// Starts a document: a `<TEI>` (the root element outside a corpus).
    ///
    /// - Parameter text: the document text, to group units into paragraphs; nil puts them all
    ///   in one paragraph.
    public func begin(document name: String, title: String?, text: String?) {
        end()
        if !isCorpus { sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
        sink.write(isCorpus ? "<TEI>\n" : "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n")
        writeHeader(title: title ?? name, source: name, taxonomy: !isCorpus)
        sink.write("<text><body><div>\n<p>")
        scanner = text.map { ParagraphBreakScanner(text: $0) }
        previousEnd = nil
        isInDocument = true
    }

    /// Writes one unit of the current document.
    public func write(_ record: SentenceRecord) {
        if let previousEnd, scanner?.hasBlankLine(from: previousEnd, to: record.start) == true {
            sink.write("</p>\n<p>")
        } else if previousEnd != nil {
            sink.write("\n")
        }
        previousEnd = record.end
        sink.write("<s n=\"\(record.index)\"")
        if record.kind != .sentence { sink.write(" type=\"\(record.kind.rawValue)\"") }
        sink.write(">")
        let scalars = Array(record.text.unicodeScalars)
        writeMarked(scalars, base: record.start, from: 0, to: scalars.count, mentions: record.mentions ?? [])
        sink.write("</s>")
        sink.flushIfFull()
    }

    /// Ends the current document, if any.
    public func end() {
        guard isInDocument else { return }
        sink.write("</p>\n</div></body></text>\n</TEI>\n")
        isInDocument = false
        scanner = nil
    }

    /// Ends the last document and the corpus, and flushes.
    public func finishCorpus() {
        end()
        if isCorpus { sink.write("</teiCorpus>\n") }
        sink.flush()
    }

    private func writeMarked(_ scalars: [Unicode.Scalar], base: Int, from: Int, to: Int, mentions: [MentionRecord]) {
        var position = from
        for mention in mentions.sorted(by: { $0.start < $1.start }) {
            let start = mention.start - base, end = mention.end - base
            // Overlapping or out-of-unit spans cannot nest in XML: leave them out.
            guard start >= position, end <= to, start <= end else { continue }
            writeText(scalars[position..<start])
            sink.write("<term ref=\"#\(MapMarkup.escaped(mention.concept))\"")
            let ana = [(mention.negated, "#negated"), (mention.hedged, "#hedged"), (mention.attributed, "#attributed")]
                .filter(\.0).map(\.1)
            if !ana.isEmpty { sink.write(" ana=\"\(ana.joined(separator: " "))\"") }
            sink.write(">")
            writeMarked(scalars, base: base, from: start, to: end, mentions: mention.nested)
            sink.write("</term>")
            position = end
        }
        writeText(scalars[position..<to])
    }

    private func writeText(_ scalars: ArraySlice<Unicode.Scalar>) {
        guard !scalars.isEmpty else { return }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        sink.write(MapMarkup.escaped(text))
    }

    private func writeHeader(title: String, source: String, taxonomy: Bool) {
        sink.write("<teiHeader><fileDesc><titleStmt><title>\(MapMarkup.escaped(title))</title></titleStmt>")
        sink.write("<publicationStmt><p>Annotated by annotext.</p></publicationStmt>")
        sink.write("<sourceDesc><p>\(MapMarkup.escaped(source))</p></sourceDesc></fileDesc>")
        if taxonomy {
            sink.write("\n<encodingDesc><classDecl>\n<taxonomy xml:id=\"concepts\">\n")
            for category in categories {
                sink.write("<category xml:id=\"\(MapMarkup.escaped(category.id))\"><catDesc>\(MapMarkup.escaped(category.label))</catDesc></category>\n")
            }
            sink.write("</taxonomy>\n<taxonomy xml:id=\"mention-attributes\">")
            for attribute in ["negated", "hedged", "attributed"] {
                sink.write("<category xml:id=\"\(attribute)\"><catDesc>\(attribute)</catDesc></category>")
            }
            sink.write("</taxonomy>\n</classDecl></encodingDesc>")
        }
        sink.write("</teiHeader>\n")
    }
}

extension TEIWriter {
    /// The file for a document's TEI under `folder`: `FOLDER/NAME.xml`, one subfolder per `/`
    /// of the name (created here), parts like `..` replaced by `_`.
    public static func filePath(in folder: String, forDocument name: String) throws(ExportError) -> String {
        let path = BratFiles.path(in: folder, forDocument: name, suffix: ".xml")
        try BratFiles.createFolder(containing: path)
        return path
    }
}
