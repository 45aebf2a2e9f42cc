import AnnotextCore
import AnnotextExport
import AnnotextIndex
import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

/// `annotext dump`: every tagged sentence of the corpus, in document order.
struct DumpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the tagged sentences of the corpus: JSON, JSONL, brat, TEI or CSV.",
        discussion: """
            json: one array; jsonl: one sentence a line; csv: one mention a row; tei: one <teiCorpus> (a file per document with --out DIR); brat: NAME.txt and NAME.ann per document in --out DIR. Everything streams in constant memory.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl, brat, tei, csv
    }

    @OptionGroup var corpus: CorpusOptions

    @Option(name: .long, help: "json, jsonl, brat, tei or csv.")
    var format: Format = .json

    @Option(name: .long, help: ArgumentHelp("Only this document (repeatable).", valueName: "name"))
    var doc: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only mentions of this concept or a narrower one, and units that have one (repeatable).", valueName: "id"))
    var concept: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only units of this kind: sentence, heading, list-item, option (repeatable).", valueName: "kind"))
    var kind: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write to this file (a folder for brat and tei) instead of standard output.", valueName: "path"))
    var out: String?

    @Flag(name: .long, help: "The same as --format json.")
    var json = false

    func validate() throws {
        for name in kind where UnitKind(rawValue: name) == nil {
            throw ValidationError("--kind must be sentence, heading, list-item or option, not \(name).")
        }
        if format == .brat && out == nil { throw ValidationError("--format brat writes a folder: give it with --out DIR.") }
    }

    func run() async throws {
        let store = try CorpusStore(path: corpus.path, readOnly: true)
        let names = try documentNames(store)
        let concepts = try conceptFilter(store)
        let kinds = kind.isEmpty ? nil : Set(kind.compactMap(UnitKind.init(rawValue:)))
        let filter = { (record: SentenceRecord) in record.filtered(concepts: concepts, kinds: kinds) }
        switch json ? .json : format {
        case .json, .jsonl:
            let file = try out.map(OutputFile.init)
            let writer = SentenceRecordWriter(
                sink: file?.sink ?? ByteSink(), layout: format == .jsonl && !json ? .lines : .array)
            try store.forEachSentence(documents: names) { if let record = filter($0) { writer.write(record) } }
            writer.finish()
            try file?.close()
        case .csv:
            let file = try out.map(OutputFile.init)
            let writer = CSVWriter(sink: file?.sink ?? ByteSink())
            try store.forEachSentence(documents: names) { if let record = filter($0) { writer.write(record) } }
            writer.finish()
            try file?.close()
        case .brat:
            let writer = BratWriter(folder: out ?? ".")
            try store.forEachDocument(named: names) { document in
                try writer.begin(document: document.name, text: document.text)
            } unit: { if let record = filter($0) { writer.write(record) } }
            try writer.end()
        case .tei:
            try dumpTEI(store, names, filter)
        }
    }

    private func dumpTEI(_ store: CorpusStore, _ names: [String]?, _ filter: (SentenceRecord) -> SentenceRecord?) throws {
        let categories = (try store.scheme()?.concepts ?? []).map { (id: $0.id, label: $0.label) }
        if let out {
            // One file per document: close each one when the next begins.
            var file: OutputFile?
            var writer: TEIWriter?
            try store.forEachDocument(named: names) { document in
                writer?.finishCorpus()
                try file?.close()
                file = try OutputFile(path: TEIWriter.filePath(in: out, forDocument: document.name))
                writer = file.map { TEIWriter(sink: $0.sink, categories: categories) }
                writer?.begin(document: document.name, title: document.title, text: document.text)
            } unit: { if let record = filter($0) { writer?.write(record) } }
            writer?.finishCorpus()
            try file?.close()
            return
        }
        let writer = TEIWriter(sink: ByteSink(), categories: categories)
        writer.beginCorpus()
        try store.forEachDocument(named: names) { document in
            writer.begin(document: document.name, title: document.title, text: document.text)
        } unit: { if let record = filter($0) { writer.write(record) } }
        writer.finishCorpus()
    }

    /// The `--doc` names, checked against the corpus; nil for every document.
    private func documentNames(_ store: CorpusStore) throws -> [String]? {
        guard !doc.isEmpty else { return nil }
        let known = Set(try store.documents().map(\.name))
        let missing = doc.filter { !known.contains($0) }
        if !missing.isEmpty {
            throw CommandFailure("\(store.path): no document named \(missing.joined(separator: ", ")) (see annotext documents)")
        }
        return doc
    }

    /// The `--concept` ids with their narrower concepts; nil for every concept.
    private func conceptFilter(_ store: CorpusStore) throws -> Set<String>? {
        guard !concept.isEmpty else { return nil }
        let scheme = try store.scheme()
        var ids: Set<String> = []
        for id in concept {
            guard let scheme, scheme.concept(withID: id) != nil else {
                throw CommandFailure("\(store.path): no concept \(id) in the corpus's lexicon (see annotext concepts)")
            }
            ids.formUnion(scheme.selfAndNarrower(id))
        }
        return ids
    }
}

/// A file that `--out` names, written through a `ByteSink` and closed by `close()`.
private final class OutputFile {
    let sink: ByteSink
    let path: String
    private let descriptor: Int32

    init(path: String) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0 { throw CommandFailure("\(path): cannot write the file (\(String(cString: strerror(errno))))") }
        self.path = path
        sink = ByteSink(descriptor: descriptor)
    }

    func close() throws {
        sink.flush()
        let failed = sink.failed
        if Glibc.close(descriptor) != 0 || failed { throw CommandFailure("\(path): cannot write the file") }
    }
}
