import AnnotextCore

/// Writes a corpus as brat standoff files: for each document `NAME.txt` (its text) and
/// `NAME.ann` (its mentions), named from the full document name under one folder.
///
/// T lines give each mention (nested ones too) as `T1<TAB>concept START END<TAB>text`, in
/// Unicode scalar offsets of the text, as brat counts them. A mention that spans a line break
/// is written as fragments `START END;START END` and its text as the fragments joined by one
/// space, as brat requires. A lines mark negated, hedged and attributed mentions.
///
/// Call `begin(document:text:)`, `write(_:)` for each of its units, then `end()`; only one
/// document's annotations are held at a time.
public final class BratWriter {
    private let folder: String
    private var name: String?
    private var annotations: [UInt8] = []
    private var entityCount = 0
    private var attributeCount = 0
    /// The number of documents written so far.
    public private(set) var documentCount = 0

    /// Creates a writer into `folder` (created when missing).
    public init(folder: String) {
        self.folder = folder
    }

    /// Starts a document: writes `NAME.txt`.
    public func begin(document name: String, text: String) throws(ExportError) {
        try end()
        self.name = name
        try BratFiles.write(Array(text.utf8), to: BratFiles.path(in: folder, forDocument: name, suffix: ".txt"))
    }

    /// Adds the mentions of one unit of the current document.
    public func write(_ record: SentenceRecord) {
        for mention in record.mentions ?? [] { add(mention) }
    }

    /// Ends the current document: writes `NAME.ann`.
    public func end() throws(ExportError) {
        guard let name else { return }
        try BratFiles.write(annotations, to: BratFiles.path(in: folder, forDocument: name, suffix: ".ann"))
        self.name = nil
        annotations.removeAll(keepingCapacity: true)
        entityCount = 0
        attributeCount = 0
        documentCount += 1
    }

    private func add(_ mention: MentionRecord) {
        entityCount += 1
        let entity = "T\(entityCount)"
        let fragments = Self.fragments(of: mention)
        let offsets = fragments.map { "\($0.start) \($0.end)" }.joined(separator: ";")
        let text = fragments.map(\.text).joined(separator: " ")
        annotations.append(contentsOf: "\(entity)\t\(mention.concept) \(offsets)\t\(text)\n".utf8)
        for (flag, attribute) in [(mention.negated, "Negated"), (mention.hedged, "Hedged"), (mention.attributed, "Attributed")]
        where flag {
            attributeCount += 1
            annotations.append(contentsOf: "A\(attributeCount)\t\(attribute) \(entity)\n".utf8)
        }
        for inner in mention.nested { add(inner) }
    }

    /// The mention's pieces between line breaks, each trimmed of surrounding white space, with
    /// their document offsets.
    static func fragments(of mention: MentionRecord) -> [(start: Int, end: Int, text: String)] {
        let scalars = Array(mention.text.unicodeScalars)
        var fragments: [(start: Int, end: Int, text: String)] = []
        var from = 0
        func close(_ to: Int) {
            var low = from, high = to
            while low < high, isSpace(scalars[low]) { low += 1 }
            while high > low, isSpace(scalars[high - 1]) { high -= 1 }
            if low < high {
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars[low..<high])
                fragments.append((mention.start + low, mention.start + high, text))
            }
        }
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" {
            close(offset)
            from = offset + 1
        }
        close(scalars.count)
        return fragments.isEmpty ? [(mention.start, mention.end, mention.text)] : fragments
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{A0}"
    }
}
